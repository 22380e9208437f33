// Compare 2–4 services or concepts: a decision card per item, the sections that discuss them together,
// neighbours ranked by specificity, notes mentioning all, shortest paths. Pure TS over the graph + notes.
import type { Graph, NoteMeta, Snippet } from '../types'
import type { Ontology } from '../ontology/types'
import { overlap, type NotesSource } from '../graph/queries'
import { snippetAt, type GetLines } from '../graph/snippets'
import { indexGraph } from '../graph/adjacency'
import { decisionItem } from './card'
import { renamedFamily } from './confusable'
import { rankNeighbours } from './neighbours'
import { sectionAt } from './text'
import type { CompareResult } from './types'

export { confusables, confusableEvidence, mergeGroups, confusedFromGroups } from './confusable'
export { rankNeighbours, MAX_NEIGHBOURS } from './neighbours'
export { decisionItem } from './card'
export { findTables, splitRow } from './tables'
export type * from './types'

const MAX_TOGETHER = 6

/** An entity and every feature below it (features of features too). */
export function familyOf(ontology: Ontology, id: string): Set<string> {
  const family = new Set([id])
  for (let grew = true; grew;) {
    grew = false
    for (const e of ontology.entities) {
      if (e.parent && family.has(e.parent) && !family.has(e.id)) {
        family.add(e.id)
        grew = true
      }
    }
  }
  return family
}

/**
 * Families of the compared items, each feature given to its nearest compared ancestor (Kinesis vs Kinesis
 * Data Streams: the Client Library goes with Data Streams, Video Streams with Kinesis). A service also takes the
 * services renamed out of its name (renamedFamily: Kinesis → Data Firehose, Managed Service for Apache Flink)
 * unless they are compared themselves: "Glue or Kinesis?" is asked of Firehose as much as of Data Streams.
 */
export function familiesOf(ontology: Ontology, ids: string[]): Set<string>[] {
  const compared = new Set(ids)
  return ids.map((id) => {
    const own = new Set<string>([id])
    for (const x of familyOf(ontology, id)) {
      let cur: string | undefined = x
      for (let n = 0; cur && !compared.has(cur) && n < 12; n++) cur = ontology.byId.get(cur)?.parent
      if (cur === id) own.add(x)
    }
    const entity = ontology.byId.get(id)
    for (const r of entity ? renamedFamily(ontology, entity) : []) {
      if (compared.has(r.id)) continue
      for (const x of familyOf(ontology, r.id)) if (!compared.has(x)) own.add(x)
    }
    return own
  })
}

/**
 * Sections where every compared item (or a feature of it) is mentioned, best first: a line naming them
 * all counts most, then lines naming two, then the number of mentions. The snippet is taken at the line
 * where most of them meet.
 */
export function together(src: NotesSource, families: Set<string>[], getLines: GetLines): Snippet[] {
  const all = new Set<string>()
  for (const f of families) for (const e of f) all.add(e)
  const perFamily = families.map((f) => {
    const s = new Set<string>()
    for (const e of f) for (const p of src.notesMentioning(e)) s.add(p)
    return s
  })
  const candidates = [...perFamily[0]].filter((p) => perFamily.every((s) => s.has(p)))
  const found: Array<{ meta: NoteMeta; section: string; line: number; score: number }> = []
  for (const path of candidates) {
    const meta = src.note(path)
    if (!meta) continue
    const sections = new Map<string, Map<number, Set<number>>>()
    for (const m of meta.mentions) {
      const k = families.findIndex((f) => f.has(m.entity))
      if (k < 0) continue
      const sec = sectionAt(meta, m.line)?.id ?? m.section
      let lines = sections.get(sec)
      if (!lines) sections.set(sec, (lines = new Map()))
      let at = lines.get(m.line)
      if (!at) lines.set(m.line, (at = new Set()))
      at.add(k)
    }
    for (const [section, lines] of sections) {
      const present = new Set<number>()
      for (const s of lines.values()) for (const k of s) present.add(k)
      if (present.size < families.length) continue
      let score = 0
      let bestLine = -1
      let bestCount = 0
      for (const [line, ks] of [...lines].sort((a, b) => a[0] - b[0])) {
        score += ks.size === families.length ? 4 : ks.size > 1 ? 2 : 0.25
        if (ks.size > bestCount) { bestCount = ks.size; bestLine = line }
      }
      found.push({ meta, section, line: bestLine, score })
    }
  }
  found.sort((a, b) => b.score - a.score || a.meta.path.localeCompare(b.meta.path) || a.line - b.line)
  return found.slice(0, MAX_TOGETHER).map(({ meta, section, line }) => {
    const lines = getLines(meta.path)
    return {
      path: meta.path,
      noteTitle: meta.title,
      section,
      sectionTitle: meta.sections.find((s) => s.id === section)?.title ?? '',
      line,
      text: lines ? snippetAt(lines, line) : '',
    }
  })
}

export function compare(graph: Graph, src: NotesSource, ontology: Ontology, ids: string[], getLines: GetLines): CompareResult {
  const uniq = [...new Set(ids)]
  const ix = indexGraph(graph)
  const label = (id: string) => ix.nodes[ix.indexOf.get(id) ?? -1]?.label ?? ontology.byId.get(id)?.name ?? id
  const entityIds = uniq.filter((id) => ontology.byId.has(id))
  const families = familiesOf(ontology, entityIds)
  const items = uniq.map((id) => {
    const k = entityIds.indexOf(id)
    if (k < 0) return { id, label: label(id), summary: '', facts: [], chooseWhen: [] }
    return decisionItem(ontology, src, getLines, id, { family: families[k], label })
  })
  const base = overlap(graph, src, uniq, getLines, 0)
  const ranked = rankNeighbours(graph, src, uniq, uniq.map((id) => families[entityIds.indexOf(id)] ?? new Set([id])), getLines)
  return {
    ids: uniq,
    items,
    together: entityIds.length >= 2 && entityIds.length === uniq.length ? together(src, families, getLines) : [],
    notes: base.notes,
    shared: ranked.shared,
    unique: ranked.unique,
    paths: base.paths,
    families: uniq.map((id) => [...(families[entityIds.indexOf(id)] ?? [id])]),
  }
}
