// Search: fuzzy over node labels and aliases (exact > prefix > word-start > acronym > substring >
// subsequence), plus full-text hits: from the MiniSearch index (fulltext.ts) once it is built, from a scan of
// the notes' lines until then.
import type { Graph, GraphNode, NoteMeta, SearchHit } from '../types'
import { noteId } from './ids'
import { type GetLines, snippetAt } from './snippets'

export function normalize(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Vendor prefixes users leave out ("glue" means "AWS Glue"). */
const stripVendor = (s: string) => s.replace(/^(amazon|aws) /, '')

const initials = (words: string[]) => words.map((w) => w[0]).join('')

/** Query words each a prefix of a distinct candidate word, in order. */
function wordPrefixesInOrder(qw: string[], cw: string[]): boolean {
  let j = 0
  for (const q of qw) {
    while (j < cw.length && !cw[j].startsWith(q)) j++
    if (j === cw.length) return false
    j++
  }
  return true
}

/** Shortest window of `c` holding the characters of `q` in order, or 0 when they are not there. */
function subsequenceSpan(q: string, c: string): number {
  let best = 0
  for (let start = c.indexOf(q[0]); start !== -1; start = c.indexOf(q[0], start + 1)) {
    let i = 0
    let k = start
    for (; k < c.length && i < q.length; k++) if (c[k] === q[i]) i++
    if (i < q.length) break
    const span = k - start
    if (!best || span < best) best = span
  }
  return best
}

/** Score of one candidate name for a normalized query (0 = no match). */
export function scoreName(q: string, name: string): number {
  return scoreNormalized(q, normalize(name))
}

/** Every match kind below implies the query's letters appear in order in the name: a cheap first filter. */
function lettersInOrder(q: string, c: string): boolean {
  let i = 0
  for (let k = 0; k < c.length && i < q.length; k++) {
    if (q.charCodeAt(i) === 32) i++
    if (i < q.length && c.charCodeAt(k) === q.charCodeAt(i)) i++
  }
  return i >= q.length
}

function scoreNormalized(q: string, c: string): number {
  if (!q || !c || !lettersInOrder(q, c)) return 0
  const cs = stripVendor(c)
  const shortness = (q.length / c.length) * 50
  if (c === q) return 1000
  if (cs === q) return 960
  if (c.startsWith(q) || cs.startsWith(q)) return 800 + shortness
  const qw = q.split(' ')
  const cw = c.split(' ')
  if (wordPrefixesInOrder(qw, cw)) return 600 + shortness
  const qc = q.replace(/ /g, '')
  if (qc.length >= 2 && (initials(cw) === qc || initials(cs.split(' ')) === qc)) return 580
  if (qw.every((w) => cw.some((x) => x.startsWith(w)))) return 550 + shortness
  if (c.includes(q)) return 400 + shortness
  if (qc.length < 2) return 0
  const flat = c.replace(/ /g, '')
  const span = subsequenceSpan(qc, flat)
  if (!span || span > qc.length * 3) return 0
  return 100 + 200 * (qc.length / span)
}

interface NodeNames {
  label: string
  aliases: string[]
  path?: string
}

/** Normalized names per node object (node objects are reused across graph versions). */
const namesCache = new WeakMap<GraphNode, NodeNames>()

function namesOf(node: GraphNode): NodeNames {
  let n = namesCache.get(node)
  if (!n) {
    n = { label: normalize(node.label), aliases: (node.aliases ?? []).map(normalize), path: node.path && normalize(node.path) }
    namesCache.set(node, n)
  }
  return n
}

const TYPE_BONUS: Record<GraphNode['type'], number> = { service: 8, concept: 6, note: 3, tag: 1, domain: 0 }

/** Best score of a node over its label and aliases; aliases count slightly less than the label. */
export function scoreNode(q: string, node: GraphNode): number {
  const names = namesOf(node)
  let best = scoreNormalized(q, names.label)
  for (const a of names.aliases) best = Math.max(best, scoreNormalized(q, a) * 0.97)
  if (names.path) best = Math.max(best, scoreNormalized(q, names.path) * 0.9)
  if (best <= 0) return 0
  if (node.type === 'tag') best *= 0.9 // "#glue" should not outrank AWS Glue
  return best + TYPE_BONUS[node.type] + Math.min(5, Math.log2(1 + (node.noteCount ?? 0)))
}

/** A note's best line for a full-text query. */
export interface TextMatch {
  meta: NoteMeta
  lines: string[]
  /** 1-based file line */
  line: number
  /** the line holds the query as typed (a phrase, for several words) */
  exact: boolean
  /** what to centre the snippet on */
  hit: string
}

/**
 * The full-text index as search uses it (FullTextIndex in fulltext.ts). An interface here, so the renderer,
 * which shares rankNodes, never type-checks Node code.
 */
export interface TextIndex {
  /** complete (and brought up to date with changed notes)? */
  ready(): boolean
  buildInBackground(): Promise<void>
  search(query: string, limit: number): TextMatch[]
}

export interface SearchSource {
  graph: Graph
  notes: Iterable<NoteMeta>
  getLines: GetLines
  /** the full-text index; without it (or while it is being built) text hits come from scanning the lines */
  fulltext?: TextIndex
}

/** Score for text hits: always below a node match on a name, above nothing. */
const TEXT_SCORE = 90

function textHit(meta: NoteMeta, lines: string[], line: number, exact: boolean, hit: string): SearchHit {
  const sec = meta.sections.filter((s) => s.line <= line).pop()
  return {
    kind: 'text',
    id: noteId(meta.path),
    label: meta.title,
    score: TEXT_SCORE + (exact ? 5 : 0),
    snippet: {
      path: meta.path,
      noteTitle: meta.title,
      section: sec?.id ?? '',
      sectionTitle: sec?.title ?? '',
      line,
      text: snippetAt(lines, line, hit),
    },
  }
}

function textHits(src: SearchSource, query: string, limit: number): SearchHit[] {
  const index = src.fulltext
  if (index?.ready()) return index.search(query, limit).map((m) => textHit(m.meta, m.lines, m.line, m.exact, m.hit))
  void index?.buildInBackground()
  return scanTextHits(src.notes, src.getLines, query, limit)
}

/**
 * The line scan: the first `limit` notes (in note order) with a line holding the query, or else all its
 * words. Reads every line of every note when few match.
 */
export function scanTextHits(notes: Iterable<NoteMeta>, getLines: GetLines, query: string, limit: number): SearchHit[] {
  const needle = query.trim().toLowerCase()
  if (needle.length < 2) return []
  const words = needle.split(/\s+/)
  const hits: SearchHit[] = []
  for (const meta of notes) {
    if (hits.length >= limit) break
    const lines = getLines(meta.path)
    if (!lines) continue
    let found = -1
    let exact = false
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i].toLowerCase()
      if (l.includes(needle)) {
        found = i
        exact = true
        break
      }
      if (found < 0 && words.length > 1 && words.every((w) => l.includes(w))) found = i
    }
    if (found < 0) continue
    hits.push(textHit(meta, lines, found + 1, exact, exact ? needle : words[0]))
  }
  return hits
}

/**
 * Nodes matching a normalized query by name or alias, best first. The renderer runs the same ranking on its
 * copy of the graph, so Enter pressed before the answer arrives picks what the list will show first.
 */
export function rankNodes(nodes: Iterable<GraphNode>, q: string): SearchHit[] {
  const hits: SearchHit[] = []
  for (const n of nodes) {
    const score = scoreNode(q, n)
    if (score > 0) hits.push({ kind: 'node', id: n.id, label: n.label, score: Math.round(score * 100) / 100 })
  }
  return hits.sort((a, b) => b.score - a.score || a.label.length - b.label.length || a.label.localeCompare(b.label))
}

/**
 * Node hits ranked by scoreNode, then full-text hits (one per note). When both kinds
 * exist, text hits keep at least a third of the `limit` slots.
 */
export function search(src: SearchSource, query: string, limit: number): SearchHit[] {
  const q = normalize(query)
  const max = Math.max(1, Math.min(500, Math.floor(limit) || 1))
  if (!q) return []
  const nodeHits = rankNodes(src.graph.nodes, q)
  const text = textHits(src, query, max)
  const reserve = Math.min(text.length, Math.floor(max / 3))
  const nodes = nodeHits.slice(0, max - reserve)
  return [...nodes, ...text.slice(0, max - nodes.length)]
}
