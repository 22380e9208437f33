// Known confusable groups, computed from the notes and the ontology, and the "often confused" pairs taken
// from them:
//  - comparison tables: the items that head the rows (first cells) or the columns of one table;
//  - "X vs Y" / "X versus Y" headings and lines;
//  - families: the features of one service plus the services that carry its name in an alias or a former
//    name (the Kinesis family: Data Streams, Video Streams, Firehose, Managed Service for Apache Flink).
// Pairs that are merely listed together in prose are not evidence: only these three kinds are.
import type { NoteMeta } from '../types'
import type { Ontology, OntologyEntity } from '../ontology/types'
import { cutAtWord, plainText, type GetLines } from '../graph/snippets'
import { headOfCell } from './card'
import { cellIndexAt, tablesOf } from './tables'
import { mentionsByLine, sectionAt } from './text'
import type { ConfusableEvidence, ConfusableGroup, Confusables, OftenConfusedPair } from './types'

const POINTS: Record<ConfusableEvidence['kind'], number> = { vs: 3, table: 2, family: 1 }
const MAX_TABLE_GROUP = 16
const MAX_FAMILY = 6
const VS = /\b(?:vs\.?|versus)(?=\s|$)/i
/** What stands between two names that are being told apart: "X vs Y", "think Textract, not Rekognition". */
const CONTRAST = /^[\s*_`)"”,]*(?:vs\.?|versus|not|rather than|instead of)[\s*_`("“]*$/i
const CONTRAST_WORD = /\b(?:vs\.?|versus|not|rather than|instead of)\s/i

export interface ConfusableInput {
  ontology: Ontology
  notes: Iterable<NoteMeta>
  getLines: GetLines
  /** notes mentioning an entity directly (families keep only entities some note mentions) */
  noteCount: (id: string) => number
  /** sections that discuss both (the weight of their related edge); 0 when unknown */
  together?: (a: string, b: string) => number
}

/** Raw groups, one per piece of evidence (not merged). */
export function confusableEvidence(input: ConfusableInput): ConfusableGroup[] {
  const out: ConfusableGroup[] = []
  for (const meta of input.notes) {
    const lines = input.getLines(meta.path)
    if (lines) out.push(...comparisonTables(meta, lines))
    vsGroups(meta, lines, out)
  }
  familyGroups(input.ontology, input.noteCount, out)
  return out
}

/**
 * What each table of a note compares: the names heading its rows (first cells) or its columns, of one kind, with
 * the table's section title and header line as evidence. A name elsewhere in a cell is incidental, not compared.
 */
export function comparisonTables(meta: NoteMeta, lines: string[]): ConfusableGroup[] {
  const out: ConfusableGroup[] = []
  const byLine = mentionsByLine(meta)
  for (const table of tablesOf(lines)) {
    const heads = (row: typeof table.header, column: (c: number) => boolean) => {
      const found: string[] = []
      const raw = lines[row.line - 1] ?? ''
      const onLine = byLine.get(row.line) ?? []
      for (const m of onLine) {
        const c = cellIndexAt(row, m.column)
        if (c < 0 || !column(c)) continue
        const cell = row.cells[c]
        const inCell = onLine.filter((x) => x.column >= cell.start && x.column < cell.end)
        if (headOfCell(raw, cell, inCell, m) && !found.includes(m.entity)) found.push(m.entity)
      }
      return found
    }
    const title = sectionAt(meta, table.header.line)?.title ?? meta.title
    const evidence: ConfusableEvidence = { kind: 'table', text: title, path: meta.path, line: table.header.line }
    // rows: in the first column whose cells are mostly headed by a name (else the names are incidental) — the
    // row heads of a comparison, or the answers of a "Need | Service" table — of one kind (services or concepts)
    for (let col = 0; col < table.header.cells.length; col++) {
      const perRow = table.rows.map((r) => heads(r, (c) => c === col)[0]).filter((x): x is string => !!x)
      if (perRow.length < 2 || perRow.length * 2 < table.rows.length) continue
      push(sameKind([...new Set(perRow)]), evidence, out)
      break
    }
    // columns: every column after the first must be headed by a name ("Latency | Schema" are attributes)
    const colHeads = heads(table.header, (c) => c >= 1)
    if (colHeads.length === table.header.cells.length - 1) push(sameKind(colHeads), evidence, out)
  }
  return out
}

/** The members of the more common kind (services or concepts): a table of services with one concept row is about services. */
function sameKind(ids: string[]): string[] {
  const services = ids.filter((id) => id.startsWith('service:'))
  const concepts = ids.filter((id) => !id.startsWith('service:'))
  return services.length >= concepts.length ? services : concepts
}

function push(members: string[], evidence: ConfusableEvidence, out: ConfusableGroup[]): void {
  if (members.length >= 2 && members.length <= MAX_TABLE_GROUP) out.push({ members, evidence: [evidence] })
}

function vsGroups(meta: NoteMeta, lines: string[] | undefined, out: ConfusableGroup[]): void {
  const byLine = mentionsByLine(meta)
  const headingAt = new Map(meta.sections.map((s) => [s.line, s.title]))
  for (const [line, onLine] of byLine) {
    const heading = headingAt.get(line)
    const raw = lines?.[line - 1]
    const text = heading ?? raw
    if (!text || !(heading !== undefined ? VS.test(text) : CONTRAST_WORD.test(text))) continue
    // on a prose line only the two names right around "vs" count
    let members: string[]
    if (heading !== undefined) members = [...new Set(onLine.map((m) => m.entity))]
    else {
      members = []
      for (let i = 0; i + 1 < onLine.length; i++) {
        const a = onLine[i]
        const b = onLine[i + 1]
        const between = raw!.slice(a.column - 1 + a.text.length, b.column - 1)
        if (CONTRAST.test(between) && a.entity !== b.entity) members.push(a.entity, b.entity)
      }
      members = [...new Set(members)]
    }
    if (members.length >= 2 && members.length <= MAX_TABLE_GROUP) {
      out.push({ members, evidence: [{ kind: 'vs', text: heading ?? quoteOf(raw ?? ''), path: meta.path, line }] })
    }
  }
}

const MAX_QUOTE = 140

/**
 * A prose line as "often confused" quotes it: plain text (no list marker, emphasis or link syntax), its sentence that
 * draws the contrast, cut at a word with an ellipsis when long (a cut mid-word read "think AWS Config, n").
 */
export function quoteOf(raw: string): string {
  const text = plainText(raw)
  return cutAtWord(text.split(/(?<=[.!?])\s+/).find((x) => CONTRAST_WORD.test(`${x} `)) ?? text, MAX_QUOTE)
}

/** "Amazon Kinesis" → "kinesis": the word a family shares. */
const coreName = (e: OntologyEntity) => e.name.replace(/^(Amazon|AWS)\s+/, '').replace(/\s+AI$/, '').toLowerCase()

/**
 * Services of their own that used to carry a service's name, in its category (Kinesis Data Firehose → Amazon
 * Data Firehose, Kinesis Data Analytics → Managed Service for Apache Flink): the name family a student still
 * means by "Kinesis", beside the service's own features.
 */
export function renamedFamily(ontology: Ontology, parent: OntologyEntity): OntologyEntity[] {
  if (parent.type !== 'service' || parent.parent) return []
  const name = coreName(parent)
  if (name.length < 3) return []
  const word = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i')
  return ontology.entities.filter((e) => e.id !== parent.id && !e.parent && !e.option && e.category === parent.category &&
    [...(e.formerNames ?? []), ...e.aliases].some((a) => word.test(a)))
}

function familyGroups(ontology: Ontology, noteCount: (id: string) => number, out: ConfusableGroup[]): void {
  for (const parent of ontology.entities) {
    if (parent.type !== 'service' || parent.parent) continue
    const renamed = new Set(renamedFamily(ontology, parent).map((e) => e.id))
    const members = ontology.entities.filter((e) => {
      if (e.id === parent.id || e.option || noteCount(e.id) === 0 || e.category !== parent.category) return false
      return e.parent === parent.id ? !!e.feature : renamed.has(e.id)
    })
    if (members.length >= 2 && members.length <= MAX_FAMILY) {
      out.push({ members: members.map((e) => e.id), evidence: [{ kind: 'family', text: `${parent.name} family` }] })
    }
  }
}

/** Groups for display: identical sets merged (a subset stays its own group: the four SageMaker inference options are a sharper group than every deployment target). */
export function mergeGroups(raw: ConfusableGroup[]): ConfusableGroup[] {
  const sorted = raw.map((g) => ({ members: [...g.members], evidence: [...g.evidence] })).sort((a, b) => b.members.length - a.members.length)
  const out: ConfusableGroup[] = []
  for (const g of sorted) {
    const host = out.find((o) => o.members.length === g.members.length && g.members.every((m) => o.members.includes(m)))
    if (host) {
      for (const e of g.evidence) if (!host.evidence.some((x) => x.kind === e.kind && x.text === e.text && x.path === e.path)) host.evidence.push(e)
    } else out.push(g)
  }
  const strength = (g: ConfusableGroup) => g.evidence.reduce((s, e) => s + POINTS[e.kind], 0)
  return out.sort((a, b) => strength(b) - strength(a) || a.members.length - b.members.length)
}

function isAncestor(ontology: Ontology, a: string, b: string): boolean {
  for (let cur = ontology.byId.get(b)?.parent, n = 0; cur && n < 10; cur = ontology.byId.get(cur)?.parent, n++) if (cur === a) return true
  return false
}

function reasonOf(e: ConfusableEvidence, noteTitle: (path: string) => string): string {
  if (e.kind === 'vs') return `“${e.text}”`
  if (e.kind === 'family') return `both in the ${e.text}`
  return `compared in a table (${e.path ? `${noteTitle(e.path)} › ` : ''}${e.text})`
}

/**
 * Pairs from the raw groups: each piece of evidence gives its points to every pair it holds, divided by
 * √(size − 1) (a pair in a two-row table is a sharper comparison than two rows of ten); agreeing
 * independent sources and often-mentioned items weigh more (see `weight`). A service and
 * its own feature are not a pair. At most `perItem` pairs per item, so one big family does not fill the list.
 */
export function confusedFromGroups(
  ontology: Ontology,
  raw: ConfusableGroup[],
  noteTitle: (path: string) => string,
  limit = 20,
  perItem = 2,
  noteCount: (id: string) => number = () => 1,
  together: (a: string, b: string) => number = () => 0,
): OftenConfusedPair[] {
  const pairs = new Map<string, { a: string; b: string; score: number; best: ConfusableEvidence; bestPts: number; sources: Set<string> }>()
  for (const g of raw) {
    const e = g.evidence[0]
    const pts = POINTS[e.kind] / Math.sqrt(g.members.length - 1)
    const source = `${e.path ?? ''}\0${e.kind === 'vs' ? e.text.replace(/^.*?(?=\S)/, '') : e.text}`
    for (let i = 0; i < g.members.length; i++) {
      for (let j = i + 1; j < g.members.length; j++) {
        const [a, b] = [g.members[i], g.members[j]].sort()
        if (isAncestor(ontology, a, b) || isAncestor(ontology, b, a)) continue
        const key = `${a}|${b}`
        const p = pairs.get(key)
        if (!p) pairs.set(key, { a, b, score: pts, best: e, bestPts: pts, sources: new Set([source]) })
        else {
          p.score += pts
          p.sources.add(source)
          if (pts > p.bestPts) { p.best = e; p.bestPts = pts }
        }
      }
    }
  }
  // points, more for independent sources that agree (a table and a family), weighed by how often the
  // notes name the rarer of the two and discuss the two side by side (a pair a student meets in eight
  // notes and six shared sections matters more than one seen once); being named together alone is no evidence
  const weight = (p: { a: string; b: string; score: number; sources: Set<string> }) =>
    p.score * (1 + (p.sources.size - 1) / 2) * Math.log2(2 + Math.min(noteCount(p.a), noteCount(p.b))) * Math.log2(2 + together(p.a, p.b))
  const sorted = [...pairs.values()].sort((x, y) => weight(y) - weight(x) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b))
  const used = new Map<string, number>()
  const out: OftenConfusedPair[] = []
  for (const p of sorted) {
    if (out.length >= limit) break
    if ((used.get(p.a) ?? 0) >= perItem || (used.get(p.b) ?? 0) >= perItem) continue
    used.set(p.a, (used.get(p.a) ?? 0) + 1)
    used.set(p.b, (used.get(p.b) ?? 0) + 1)
    out.push({ a: p.a, b: p.b, score: Math.round(p.score * 100) / 100, reason: reasonOf(p.best, noteTitle) })
  }
  return out
}

export function confusables(input: ConfusableInput & { noteTitle: (path: string) => string }, limit = 20): Confusables {
  const raw = confusableEvidence(input)
  return { groups: mergeGroups(raw), pairs: confusedFromGroups(input.ontology, raw, input.noteTitle, limit, 2, input.noteCount, input.together) }
}
