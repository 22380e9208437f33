// Neighbours of compared items ranked by how telling they are. A neighbour's weight is the strength of its
// link to the item times its specificity, an inverse-degree (IDF-like) factor: a hub that every service
// touches says nothing about how two services differ. The strength comes from the notes: a section that
// names forty services (an overview, a glossary) links each pair only weakly, a line that names both
// ("Glue streaming ETL reads from Kinesis") strongly; part-of links count fully.
import type { Graph, NoteMeta } from '../types'
import { indexGraph, type GraphIndex } from '../graph/adjacency'
import type { GetLines } from '../graph/snippets'
import { cellIndexAt, rowAtLine, tablesOf } from './tables'
import type { RankedNeighbour } from './types'

export interface MentionSource {
  note(path: string): NoteMeta | undefined
  notesMentioning(entity: string): ReadonlySet<string>
}

export const MAX_NEIGHBOURS = 12
/** A side links to a neighbour only if its strength (√ of the note weight) is at least this share of the strongest side's. */
const SIDE_RATIO = 0.4

const isEntity = (ix: GraphIndex, i: number) => {
  const t = ix.nodes[i].type
  return t === 'service' || t === 'concept'
}

const sectionSizes = new WeakMap<NoteMeta, Map<string, number>>()
/** Distinct entities named in each section of a note. */
function sizesOf(meta: NoteMeta): Map<string, number> {
  let sizes = sectionSizes.get(meta)
  if (sizes) return sizes
  const sets = new Map<string, Set<string>>()
  for (const m of meta.mentions) {
    const s = sets.get(m.section)
    if (s) s.add(m.entity)
    else sets.set(m.section, new Set([m.entity]))
  }
  sizes = new Map([...sets].map(([k, v]) => [k, v.size]))
  sectionSizes.set(meta, sizes)
  return sizes
}

/**
 * How strongly the notes tie `id` to each other entity: Σ over shared sections of 1/log2(1 + names in
 * it), +1 per shared line. In a comparison table whose column `id` heads, the cells of its column count
 * as its lines and the other columns (about the other heads) count for nothing.
 */
export function linkStrengths(src: MentionSource, id: string, getLines?: GetLines): Map<string, number> {
  const out = new Map<string, number>()
  const add = (e: string, w: number) => out.set(e, (out.get(e) ?? 0) + w)
  for (const path of src.notesMentioning(id)) {
    const meta = src.note(path)
    if (!meta) continue
    const sizes = sizesOf(meta)
    const ownSections = new Set<string>()
    const ownLines = new Set<number>()
    for (const m of meta.mentions) if (m.entity === id) { ownSections.add(m.section); ownLines.add(m.line) }
    // table columns headed by the item: line → [start, end) of its cell
    const ownCells = new Map<number, { start: number; end: number }>()
    const lines = getLines?.(path)
    if (lines) {
      const tables = tablesOf(lines)
      for (const m of meta.mentions) {
        if (m.entity !== id) continue
        const at = rowAtLine(tables, m.line)
        if (!at || at.row >= 0) continue
        const c = cellIndexAt(at.table.header, m.column)
        if (c < 1) continue
        for (const r of at.table.rows) if (r.cells[c]) ownCells.set(r.line, r.cells[c])
        ownLines.delete(m.line)
      }
    }
    const seenSection = new Set<string>()
    const seenLine = new Set<string>()
    for (const m of meta.mentions) {
      if (m.entity === id) continue
      const cell = ownCells.get(m.line)
      const inOwnCell = !!cell && m.column >= cell.start && m.column < cell.end
      if (cell && !inOwnCell) continue
      if (ownSections.has(m.section) && !seenSection.has(`${m.section}\0${m.entity}`)) {
        seenSection.add(`${m.section}\0${m.entity}`)
        add(m.entity, 1 / Math.log2(1 + (sizes.get(m.section) ?? 1)))
      }
      if ((ownLines.has(m.line) || inOwnCell) && !seenLine.has(`${m.line}\0${m.entity}`)) {
        seenLine.add(`${m.line}\0${m.entity}`)
        add(m.entity, 1)
      }
    }
  }
  return out
}

/** Entity neighbours of node i in the graph, with their strength from the notes (part-of links count 1). */
function entityLinks(ix: GraphIndex, i: number, src: MentionSource, getLines?: GetLines): Map<number, number> {
  const out = new Map<number, number>()
  const strengths = linkStrengths(src, ix.nodes[i].id, getLines)
  for (let k = ix.offsets[i]; k < ix.offsets[i + 1]; k++) {
    const j = ix.targets[k]
    if (!isEntity(ix, j)) continue
    const e = ix.graph.edges[ix.edgeOf[k]]
    const w = (e.type === 'part-of' ? 1 : 0) + (strengths.get(ix.nodes[j].id) ?? 0)
    out.set(j, Math.max(out.get(j) ?? 0, w))
  }
  return out
}

const degreeCache = new WeakMap<Graph, { entities: number; degree: Int32Array }>()
/** Number of entity neighbours of every node, and how many entities there are. */
function entityDegrees(ix: GraphIndex): { entities: number; degree: Int32Array } {
  const hit = degreeCache.get(ix.graph)
  if (hit) return hit
  const degree = new Int32Array(ix.nodes.length)
  let entities = 0
  for (let i = 0; i < ix.nodes.length; i++) {
    if (!isEntity(ix, i)) continue
    entities++
    const seen = new Set<number>()
    for (let k = ix.offsets[i]; k < ix.offsets[i + 1]; k++) if (isEntity(ix, ix.targets[k])) seen.add(ix.targets[k])
    degree[i] = seen.size
  }
  const v = { entities, degree }
  degreeCache.set(ix.graph, v)
  return v
}

export interface RankedNeighbours {
  shared: RankedNeighbour[]
  unique: Record<string, RankedNeighbour[]>
}

/**
 * Shared neighbours score by their weakest link (a neighbour strongly tied to one item and barely to the
 * other is not much of a common ground); unique ones by their link to their item. Both × specificity.
 * `families[i]` (features of item i) are never shared: they belong to item i's unique list.
 */
export function rankNeighbours(graph: Graph, src: MentionSource, ids: string[], families: ReadonlySet<string>[] = [], getLines?: GetLines, max = MAX_NEIGHBOURS): RankedNeighbours {
  const ix = indexGraph(graph)
  const { entities, degree } = entityDegrees(ix)
  const idf = (j: number) => Math.log((entities + 1) / (degree[j] + 1))
  const strength = (w: number) => Math.sqrt(w)
  const present = ids.filter((id) => ix.indexOf.has(id))
  const links = present.map((id) => entityLinks(ix, ix.indexOf.get(id)!, src, getLines))
  const skip = new Set(ids)
  const owner = new Map<string, string>()
  families.forEach((f, i) => { for (const x of f) if (ids[i] !== undefined && x !== ids[i]) owner.set(x, ids[i]) })
  const round = (x: number) => Math.round(x * 1000) / 1000

  const shared: RankedNeighbour[] = []
  const unique: Record<string, RankedNeighbour[]> = {}
  const uniqueLists = present.map(() => [] as RankedNeighbour[])
  const all = new Set<number>()
  for (const l of links) for (const j of l.keys()) all.add(j)
  for (const j of all) {
    const id = ix.nodes[j].id
    if (skip.has(id)) continue
    const own = owner.get(id)
    const s = links.map((l) => strength(l.get(j) ?? 0))
    if (own !== undefined) {
      const i = present.indexOf(own)
      if (i >= 0 && s[i] > 0) uniqueLists[i].push({ id, score: round(s[i] * idf(j)) })
      continue
    }
    // a side whose link is much weaker than the strongest one (an overview section naming everything)
    // does not count: the neighbour then belongs to the strong side alone
    const strongest = Math.max(...s)
    const sides = s.map((x) => x > 0 && x >= SIDE_RATIO * strongest)
    const count = sides.filter(Boolean).length
    if (count === present.length && present.length === ids.length && count >= 2) {
      shared.push({ id, score: round(Math.min(...s) * idf(j)) })
    } else if (count === 1) {
      const i = sides.indexOf(true)
      uniqueLists[i].push({ id, score: round(s[i] * idf(j)) })
    }
  }
  present.forEach((id, i) => { unique[id] = top(uniqueLists[i], max) })
  for (const id of ids) unique[id] ??= []
  return { shared: top(shared, max), unique }
}

function top(list: RankedNeighbour[], max: number): RankedNeighbour[] {
  // a neighbour linked to every entity (idf ≤ 0) is never telling
  return list.filter((n) => n.score > 0).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, max)
}
