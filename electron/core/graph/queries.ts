// Queries behind the UI panels: mentions of an entity, compare (overlap), coverage gaps, renamed
// services, "often confused" pairs. Neighbourhood, paths, centrality and search live in their own
// modules and are re-exported here.
import type {
  ConfusedPair,
  EntityMentions,
  ExamInfo,
  Graph,
  GraphNode,
  Mention,
  NoteMeta,
  OverlapResult,
  RenamedUse,
  Snippet,
} from '../types'
import type { Ontology } from '../ontology/types'
import { indexGraph, neighbourIds, shortestPath } from './adjacency'
import { isEntityId, pathOfNoteId } from './ids'
import { type GetLines, snippetAt } from './snippets'
import { rankBySpecificity } from './specificity'
import { pathOrder } from '../numeric-order'

export { neighbourhood, shortestPath } from './adjacency'
export { centrality } from './centrality'
export { search } from './search'

/** What queries need to know about notes; GraphBuilder provides it. */
export interface NotesSource {
  note(path: string): NoteMeta | undefined
  notes(): Iterable<NoteMeta>
  /** paths of notes mentioning the entity directly */
  notesMentioning(entity: string): ReadonlySet<string>
}

function sectionTitleOf(meta: NoteMeta, section: string): string {
  return meta.sections.find((s) => s.id === section)?.title ?? ''
}

function snippetFor(meta: NoteMeta, m: Pick<Mention, 'line' | 'section' | 'text'>, getLines: GetLines): Snippet {
  const lines = getLines(meta.path)
  return {
    path: meta.path,
    noteTitle: meta.title,
    section: m.section,
    sectionTitle: sectionTitleOf(meta, m.section),
    line: m.line,
    text: lines ? snippetAt(lines, m.line, m.text) : m.text,
  }
}

const byLine = (a: Mention, b: Mention) => a.line - b.line || a.column - b.column

/**
 * Where an entity is mentioned: one snippet per mentioning line (at most `limit`), ordered by note path
 * then line, so mentions of one section sit together. `best` is the note+section with the most mentions
 * (ties: earliest path, then earliest line); it counts every mention, not only the listed ones.
 * Only direct mentions count: a note naming "SageMaker Feature Store" is listed under the feature.
 */
/**
 * Every mention of an entity, plus mentions of its own features (a student who clicks AWS Glue wants the
 * sections about Glue jobs and the Data Catalog too). `best` is the section that covers the entity most:
 * direct mentions count 1, feature mentions ½, and a heading that names the entity adds 3 and its subsections'
 * mentions; ties → the note with more mentions overall, then the earliest path and line.
 */
export function getMentions(src: NotesSource, entity: string, getLines: GetLines, limit = 500, family: ReadonlySet<string> = new Set([entity])): EntityMentions {
  const paths = new Set<string>()
  for (const id of family) for (const p of src.notesMentioning(id)) paths.add(p)
  const mentions: Snippet[] = []
  let best: { path: string; section: string; line: number; score: number; noteScore: number } | undefined
  for (const path of [...paths].sort()) {
    const meta = src.note(path)
    if (!meta) continue
    const own = meta.mentions.filter((m) => family.has(m.entity)).sort(byLine)
    const headingLines = new Set(meta.sections.map((s) => s.line))
    const perSection = new Map<string, { score: number; line: number }>()
    let noteScore = 0
    for (const m of own) {
      const weight = (m.entity === entity ? 1 : 0.5) + (m.entity === entity && headingLines.has(m.line) ? 3 : 0)
      noteScore += weight
      const s = perSection.get(m.section)
      if (s) s.score += weight
      else perSection.set(m.section, { score: weight, line: m.line })
    }
    // a section headed by the entity's name takes in its subsections' mentions: they are about it too (a
    // "## Amazon Bedrock" over a dozen subsections is its home, not a summary table further down)
    for (const m of own) {
      if (m.entity !== entity || !headingLines.has(m.line)) continue
      const i = meta.sections.findIndex((x) => x.line === m.line)
      const home = perSection.get(m.section)
      // not the note's title (its subsections are the whole note)
      if (i < 0 || !home || meta.sections[i].id !== m.section || meta.sections[i].depth === 1) continue
      for (let j = i + 1; j < meta.sections.length && meta.sections[j].depth > meta.sections[i].depth; j++) home.score += perSection.get(meta.sections[j].id)?.score ?? 0
    }
    for (const [section, s] of perSection) {
      if (!best || s.score > best.score || (s.score === best.score && noteScore > best.noteScore)) {
        best = { path, section, line: s.line, score: s.score, noteScore }
      }
    }
    let lastLine = -1
    for (const m of own) {
      if (mentions.length >= limit) break
      if (m.line === lastLine) continue
      lastLine = m.line
      mentions.push(snippetFor(meta, m, getLines))
    }
  }
  return { entity, best: best && { path: best.path, section: best.section, line: best.line }, mentions }
}

/** Does the note satisfy a non-entity id of a comparison (its tag, its domain, itself or a note it links to)? */
function noteMatches(meta: NoteMeta, id: string): boolean {
  if (id.startsWith('tag:')) return meta.tags.includes(id.slice(4))
  if (id.startsWith('domain:')) return meta.domain === id.slice(7)
  const p = pathOfNoteId(id)
  if (p !== undefined) return meta.path === p || meta.links.some((l) => l.resolved === p)
  return false
}

/**
 * Compare 2–4 nodes. Notes/sections "mentioning all" use the service/concept ids; other ids (tags,
 * domains, notes) narrow the notes. Sections are listed with a snippet at the first hit of any compared
 * entity in that section. Neighbours ignore the compared nodes themselves; shared and unique ones are
 * ranked by specificity (weakest link × inverse degree), at most 12 each.
 */
export function overlap(graph: Graph, src: NotesSource, ids: string[], getLines: GetLines, maxSections = 200): OverlapResult {
  const uniq = [...new Set(ids)]
  const entities = uniq.filter(isEntityId)
  const others = uniq.filter((id) => !isEntityId(id))

  const notes: { path: string; count: number }[] = []
  const sections: { meta: NoteMeta; first: Mention }[] = []
  if (entities.length > 0) {
    const sets = entities.map((e) => src.notesMentioning(e)).sort((a, b) => a.size - b.size)
    const wanted = new Set(entities)
    for (const path of sets[0]) {
      if (!sets.every((s) => s.has(path))) continue
      const meta = src.note(path)
      if (!meta || !others.every((id) => noteMatches(meta, id))) continue
      const own = meta.mentions.filter((m) => wanted.has(m.entity)).sort(byLine)
      notes.push({ path, count: own.length })
      const bySection = new Map<string, Mention[]>()
      for (const m of own) {
        const list = bySection.get(m.section)
        if (list) list.push(m)
        else bySection.set(m.section, [m])
      }
      for (const list of bySection.values()) {
        if (new Set(list.map((m) => m.entity)).size === wanted.size) sections.push({ meta, first: list[0] })
      }
    }
  }
  notes.sort((a, b) => b.count - a.count || a.path.localeCompare(b.path))
  const rank = new Map(notes.map((n, i) => [n.path, i]))
  sections.sort((a, b) => rank.get(a.meta.path)! - rank.get(b.meta.path)! || a.first.line - b.first.line)
  // Snippets (which read note text) only for the sections shown.
  const shown = sections.slice(0, maxSections).map((s) => snippetFor(s.meta, s.first, getLines))

  const ix = indexGraph(graph)
  const compared = new Set(uniq)
  const nbrs = uniq.map((id) => {
    const set = neighbourIds(ix, id)
    for (const c of compared) set.delete(c)
    return set
  })
  const shared = [...nbrs[0] ?? []].filter((x) => nbrs.every((s) => s.has(x)))
  const unique: Record<string, string[]> = {}
  uniq.forEach((id, i) => {
    unique[id] = rankBySpecificity(graph, [id], [...nbrs[i]].filter((x) => nbrs.every((s, j) => j === i || !s.has(x))))
  })

  const paths: string[][] = []
  for (let i = 0; i < uniq.length; i++) {
    for (let j = i + 1; j < uniq.length; j++) {
      const p = shortestPath(graph, uniq[i], uniq[j])
      if (p) paths.push(p)
    }
  }
  return { ids: uniq, sections: shown, notes: notes.map((n) => n.path), sharedNeighbours: rankBySpecificity(graph, uniq, shared), unique, paths }
}

/**
 * In-scope services of an exam that no note covers. A service counts as covered when a note mentions it
 * or one of its features (a note on "SageMaker Feature Store" covers Amazon SageMaker AI) — exactly the
 * service nodes present in the graph. A mention of the parent does not cover an in-scope feature.
 */
export function coverageGaps(graph: Graph, exam: ExamInfo | undefined): string[] {
  if (!exam) return []
  const present = indexGraph(graph).indexOf
  return exam.inScope.filter((id) => !present.has(id))
}

/** Lower-case, no vendor prefix, no possessive or plural ending: how former names are compared. */
function nameKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/'s?$/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^(amazon|aws) /, '')
    .replace(/s$/, '')
}

/**
 * Mentions written with a former name of their entity (Kinesis Data Firehose → Amazon Data Firehose).
 * A former name that is just the start of the current name ("Amazon SageMaker" for "Amazon SageMaker
 * AI") is still fine shorthand and not reported.
 */
export function renamed(src: NotesSource, ontology: Ontology): RenamedUse[] {
  const former = new Map<string, Set<string>>()
  for (const e of ontology.entities) {
    if (!e.formerNames?.length) continue
    const current = nameKey(e.name)
    const keys = new Set<string>()
    for (const f of e.formerNames) {
      const k = nameKey(f)
      if (k && !(current === k || current.startsWith(k + ' '))) keys.add(k)
    }
    if (keys.size) former.set(e.id, keys)
  }
  const out: RenamedUse[] = []
  if (former.size === 0) return out
  for (const meta of src.notes()) {
    for (const m of meta.mentions) {
      const keys = former.get(m.entity)
      if (!keys || !keys.has(nameKey(m.text))) continue
      out.push({ path: meta.path, line: m.line, oldName: m.text, currentName: ontology.byId.get(m.entity)!.name, entity: m.entity })
    }
  }
  return out.sort((a, b) => pathOrder(a.path, b.path) || a.line - b.line)
}

/**
 * "Often confused" suggestions: service pairs of the same category whose neighbours (notes, services,
 * concepts) overlap most (Jaccard), boosted by how many sections discuss both. A feature and its own
 * parent are not suggested; pairs sharing fewer than two neighbours neither.
 */
export function confusedPairs(graph: Graph, limit = 10): ConfusedPair[] {
  let all = confusedCache.get(graph)
  if (!all) confusedCache.set(graph, (all = rankConfused(graph)))
  return all.slice(0, limit)
}

const confusedCache = new WeakMap<Graph, ConfusedPair[]>()
/** Pairs sharing fewer neighbours than this are not suggested. */
const MIN_SHARED = 2

function rankConfused(graph: Graph): ConfusedPair[] {
  const ix = indexGraph(graph)
  const byCategory = new Map<string, GraphNode[]>()
  for (const n of ix.nodes) {
    if (n.type !== 'service' || !n.category || !n.noteCount) continue
    const list = byCategory.get(n.category)
    if (list) list.push(n)
    else byCategory.set(n.category, [n])
  }
  const relatedWeight = new Map<string, number>()
  for (const e of graph.edges) if (e.type === 'related') relatedWeight.set(e.id, e.weight ?? 1)
  const nbrCache = new Map<string, Set<string>>()
  const nbrs = (id: string) => {
    let s = nbrCache.get(id)
    if (!s) {
      s = new Set([...neighbourIds(ix, id)].filter((x) => !x.startsWith('tag:') && !x.startsWith('domain:')))
      nbrCache.set(id, s)
    }
    return s
  }
  const out: ConfusedPair[] = []
  for (const [category, list] of byCategory) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]
        const b = list[j]
        if (a.parent === b.id || b.parent === a.id) continue
        const na = nbrs(a.id)
        const nb = nbrs(b.id)
        const [small, big] = na.size < nb.size ? [na, nb] : [nb, na]
        let shared = 0
        for (const x of small) if (x !== a.id && x !== b.id && big.has(x)) shared++
        if (shared < MIN_SHARED) continue
        // sizes without the pair itself (a may neighbour b)
        const sizeA = na.size - (na.has(b.id) ? 1 : 0)
        const sizeB = nb.size - (nb.has(a.id) ? 1 : 0)
        const union = sizeA + sizeB - shared
        const [x, y] = a.id < b.id ? [a.id, b.id] : [b.id, a.id]
        const together = relatedWeight.get(`related:${x}->${y}`) ?? 0
        out.push({ a: x, b: y, category, jaccard: Math.round((shared / union) * 1000) / 1000, shared, together })
      }
    }
  }
  // Overlap alone favours services that only ever appear together in one list; pairs that are often
  // discussed side by side (KDS vs Firehose) are the ones students mix up, so that counts too.
  const score = (p: ConfusedPair) => p.jaccard * Math.log2(2 + p.together)
  return out.sort((p, q) => score(q) - score(p) || q.shared - p.shared || p.a.localeCompare(q.a) || p.b.localeCompare(q.b))
}
