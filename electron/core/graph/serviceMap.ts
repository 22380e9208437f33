// The services map's edges: pairs of services the notes connect in a way that means something, each
// with its reason and one evidence sentence. part-of (a feature of a service, from the ontology),
// compared-in (both compared by one table: among its row or column heads) and used-together (both named in one sentence of a
// section). Co-mention anywhere in a long section is not enough: that is what makes hairballs.
import type { Graph, GraphEdge, NoteMeta } from '../types'
import { comparisonTables } from '../compare/confusable'
import { neighbourhood, type NeighbourhoodOptions } from './adjacency'
import { cutAtWord, plainText, type GetLines } from './snippets'

export type ServiceEdgeKind = 'part-of' | 'compared-in' | 'used-together'

export interface ServiceMapEdge {
  source: string
  target: string
  kind: ServiceEdgeKind
  /** why the two are linked, in words */
  reason: string
  /** one sentence or table row from the notes (or the ontology fact for part-of) */
  evidence: string
  /** where the evidence is: note path and file line (absent for ontology facts) */
  path?: string
  line?: number
  /** how many places support it */
  weight: number
}

/** At most this many compared-in or used-together partners per service, strongest first (keeps the map readable). */
const PARTNERS = 3
/** A table comparing more services than this is a catalogue, not a comparison. */
const TABLE_MAX = 6
const MAX_EVIDENCE = 240

const isTableRow = (line: string | undefined): boolean => line !== undefined && /^\s*\|/.test(line)
const pair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a])
/** At most MAX_EVIDENCE characters, cut after a whole word; no stray cell separator at either end (an empty corner cell). */
const clip = (text: string) => cutAtWord(text.replace(/^(?:·\s*)+|(?:\s*·)+$/g, ''), MAX_EVIDENCE)

export function serviceMap(graph: Graph, metas: NoteMeta[], getLines: GetLines): ServiceMapEdge[] {
  const services = new Map(graph.nodes.filter((n) => n.type === 'service').map((n) => [n.id, n]))
  const out: ServiceMapEdge[] = []
  const linked = new Set<string>()
  for (const e of graph.edges) {
    if (e.type !== 'part-of' || !services.has(e.source) || !services.has(e.target)) continue
    const [a, b] = [services.get(e.source)!, services.get(e.target)!]
    linked.add(pair(a.id, b.id).join('\0'))
    out.push({ source: a.id, target: b.id, kind: 'part-of', reason: `${a.label} is part of ${b.label}`, evidence: `${a.label} is a feature of ${b.label} (AWS service catalogue).`, weight: 1 })
  }
  type Found = { weight: number; path: string; line: number; section: string; title: string; row?: number }
  const compared = new Map<string, Found>()
  const together = new Map<string, Found>()
  for (const meta of metas) {
    const lines = getLines(meta.path)
    const sectionTitle = new Map(meta.sections.map((s) => [s.id, s.title]))
    // services per line, and per table (a run of table rows)
    const byLine = new Map<number, Set<string>>()
    for (const m of meta.mentions) {
      if (!services.has(m.entity)) continue
      const set = byLine.get(m.line) ?? new Set<string>()
      set.add(m.entity)
      byLine.set(m.line, set)
    }
    const sectionOf = new Map(meta.mentions.map((m) => [m.line, m.section]))
    const record = (into: Map<string, Found>, ids: string[], line: number, at = line) => {
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const key = pair(ids[i], ids[j]).join('\0')
          const f = into.get(key)
          if (f) f.weight++
          else {
            const section = sectionOf.get(at) ?? ''
            into.set(key, { weight: 1, path: meta.path, line, section, title: sectionTitle.get(section) ?? meta.title, ...(at !== line ? { row: at } : {}) })
          }
        }
      }
    }
    for (const [line, ids] of byLine) if (!isTableRow(lines?.[line - 1]) && ids.size >= 2) record(together, [...ids].sort(), line)
    // compared: the services a table compares (its row or column heads, compare/confusable.ts), not every service
    // some cell names in passing ("Athena" in a format table's notes column)
    for (const g of lines ? comparisonTables(meta, lines) : []) {
      const header = g.evidence[0]?.line
      const ids = g.members.filter((id) => services.has(id)).sort()
      if (header === undefined || ids.length < 2 || ids.length > TABLE_MAX) continue
      // each pair's evidence row: the first below the header that names one of the two
      const rowOf = (a: string, b: string) => {
        let row = header + 2
        while (isTableRow(lines?.[row - 1]) && !byLine.get(row)?.has(a) && !byLine.get(row)?.has(b)) row++
        return isTableRow(lines?.[row - 1]) ? row : header
      }
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) record(compared, [ids[i], ids[j]], header, rowOf(ids[i], ids[j]))
    }
  }
  const evidenceAt = (f: Found) => clip(plainText(getLines(f.path)?.[f.line - 1] ?? ''))
  // a table: its header row, then the first row naming one of the pair
  const tableEvidence = (f: Found) => {
    const lines = getLines(f.path)
    const header = plainText(lines?.[f.line - 1] ?? '')
    const row = f.row !== undefined ? plainText(lines?.[f.row - 1] ?? '') : ''
    return clip(row && row !== header ? `${header} — ${row}` : header)
  }
  const partners = new Map<string, number>()
  const roomFor = (a: string, b: string) => (partners.get(a) ?? 0) < PARTNERS && (partners.get(b) ?? 0) < PARTNERS
  const count = (a: string, b: string) => { partners.set(a, (partners.get(a) ?? 0) + 1); partners.set(b, (partners.get(b) ?? 0) + 1) }
  for (const [key, f] of [...compared].sort((a, b) => b[1].weight - a[1].weight || (a[0] < b[0] ? -1 : 1))) {
    const [a, b] = key.split('\0')
    if (linked.has(key) || !roomFor(a, b)) continue
    linked.add(key)
    count(a, b)
    out.push({ source: a, target: b, kind: 'compared-in', reason: `Compared in “${f.title}”`, evidence: tableEvidence(f), path: f.path, line: f.line, weight: f.weight })
  }
  for (const [key, f] of [...together].sort((a, b) => b[1].weight - a[1].weight || (a[0] < b[0] ? -1 : 1))) {
    if (linked.has(key)) continue
    const [a, b] = key.split('\0')
    if (!roomFor(a, b)) continue
    linked.add(key)
    count(a, b)
    const times = f.weight > 1 ? ` (${f.weight} sentences)` : ''
    out.push({ source: a, target: b, kind: 'used-together', reason: `Used together in “${f.title}”${times}`, evidence: evidenceAt(f), path: f.path, line: f.line, weight: f.weight })
  }
  return out
}

/**
 * The services within `depth` links of `id` on the services map: the local graph of that view, whose every node is
 * joined to the rest by a line the map draws (the graph's co-mention edges, which the map leaves out, are not walked).
 * No graph edge ids: the map's links are not graph edges.
 */
export function serviceMapNeighbourhood(graph: Graph, links: ServiceMapEdge[], id: string, depth: number, opts: NeighbourhoodOptions = {}): { nodes: string[]; edges: string[] } {
  const edges: GraphEdge[] = links.map((l, i) => ({ id: `map:${i}`, source: l.source, target: l.target, type: 'related', weight: l.weight }))
  const map: Graph = { nodes: graph.nodes.filter((n) => n.type === 'service'), edges, diagnostics: [] }
  const walked = neighbourhood(map, id, depth, { ...(opts.types ? { types: opts.types } : {}), ...(opts.minWeight !== undefined ? { minWeight: opts.minWeight } : {}) })
  return { nodes: walked.nodes, edges: [] }
}
