// Deterministic layouts computed from the graph data alone (no Cytoscape queries, so they cost a few
// milliseconds even for thousands of nodes): concentric by domain, and lanes.
import type { Graph, GraphNode } from '../../../electron/core/types'

export type Positions = Record<string, { x: number; y: number }>

const NO_DOMAIN = '~'

/**
 * The domain each node belongs to: domains and notes carry it; a service, concept or tag belongs to
 * the domain whose notes mention (or tag) it most. Ties go to the first domain in sort order.
 */
export function homeDomains(graph: Graph): Map<string, string> {
  const home = new Map<string, string>()
  const byId = new Map(graph.nodes.map((n) => [n.id, n]))
  for (const n of graph.nodes) if ((n.type === 'domain' || n.type === 'note') && n.domain) home.set(n.id, n.domain)
  const votes = new Map<string, Map<string, number>>()
  for (const e of graph.edges) {
    if (e.type !== 'mentions' && e.type !== 'tagged' && e.type !== 'part-of') continue
    const s = byId.get(e.source)
    const t = byId.get(e.target)
    if (!s || !t) continue
    // the note end gives the domain to the other end
    const [note, other] = s.type === 'note' ? [s, t] : t.type === 'note' ? [t, s] : [undefined, undefined]
    if (!note || !other || !note.domain || other.type === 'note' || other.type === 'domain') continue
    const v = votes.get(other.id) ?? new Map<string, number>()
    v.set(note.domain, (v.get(note.domain) ?? 0) + (e.weight ?? 1))
    votes.set(other.id, v)
  }
  for (const [id, v] of votes) {
    let best = ''
    let bestW = -1
    for (const [d, w] of [...v].sort((a, b) => a[0].localeCompare(b[0]))) if (w > bestW) { best = d; bestW = w }
    home.set(id, best)
  }
  return home
}

const RANK: Record<GraphNode['type'], number> = { domain: 0, note: 1, service: 2, concept: 3, tag: 4 }

function degreeMap(graph: Graph): Map<string, number> {
  const deg = new Map<string, number>()
  for (const e of graph.edges) {
    if (e.type === 'related') continue
    deg.set(e.source, (deg.get(e.source) ?? 0) + 1)
    deg.set(e.target, (deg.get(e.target) ?? 0) + 1)
  }
  return deg
}

/**
 * Concentric by domain: the domains on a small ring in the middle; around each, in its own sector,
 * its notes on the first ring, then the services and concepts mostly tied to it on the next rings
 * (hubs nearer the centre), tags outermost. Sectors are sized by how many nodes they hold, so one
 * large domain does not squeeze the others.
 */
export function concentricByDomain(graph: Graph, opts: { spacing?: number } = {}): Positions {
  const spacing = opts.spacing ?? 48
  const home = homeDomains(graph)
  const deg = degreeMap(graph)
  const groups = new Map<string, GraphNode[]>()
  for (const n of graph.nodes) {
    const d = home.get(n.id) ?? NO_DOMAIN
    if (!groups.has(d)) groups.set(d, [])
    groups.get(d)!.push(n)
  }
  const order = [...groups.keys()].sort()
  const total = graph.nodes.length || 1
  const out: Positions = {}
  const domainCount = order.length
  const r0 = domainCount > 1 ? Math.max(90, (domainCount * 90) / (2 * Math.PI)) : 0
  // the first ring must be past the domain ring, with room for the biggest domain's notes
  let start = -Math.PI / 2
  for (const d of order) {
    const members = groups.get(d)!
    const sweep = (2 * Math.PI * members.length) / total
    const mid = start + sweep / 2
    const byType = (t: GraphNode['type'][]) =>
      members.filter((n) => t.includes(n.type)).sort((a, b) => (deg.get(b.id) ?? 0) - (deg.get(a.id) ?? 0) || a.label.localeCompare(b.label))
    const domains = byType(['domain'])
    domains.forEach((n, i) => {
      const a = mid + (i - (domains.length - 1) / 2) * 0.2
      out[n.id] = { x: Math.cos(a) * r0, y: Math.sin(a) * r0 }
    })
    // rings: notes, then services + concepts, then tags; each band fills arcs of its sector outward
    let radius = r0 + 3.5 * spacing
    for (const band of [byType(['note']), byType(['service', 'concept']), byType(['tag'])]) {
      let i = 0
      while (i < band.length) {
        // a gap between sectors, so each domain reads as its own wedge
        const usable = Math.max(0.0001, sweep * 0.82)
        const capacity = Math.max(1, Math.floor((usable * radius) / spacing))
        const row = band.slice(i, i + capacity)
        row.forEach((n, k) => {
          const a = mid - usable / 2 + (usable * (k + 0.5)) / row.length
          out[n.id] = { x: Math.cos(a) * radius, y: Math.sin(a) * radius }
        })
        i += row.length
        radius += spacing
      }
      if (band.length > 0) radius += spacing * 0.6
    }
    start += sweep
  }
  return out
}

/**
 * Lanes: columns domain → note → service → concept → tag, rows sorted by domain then label. A lane
 * with more nodes than fit the height of the others wraps into several sub-columns, so a wide graph
 * reads as a block instead of one very tall column.
 */
export function lanePositions(graph: Graph, opts: { rowGap?: number; colGap?: number; laneGap?: number } = {}): Positions {
  const rowGap = opts.rowGap ?? 34
  const colGap = opts.colGap ?? 190
  const laneGap = opts.laneGap ?? 110
  const home = homeDomains(graph)
  const lanes = new Map<number, GraphNode[]>()
  for (const n of graph.nodes) {
    const r = RANK[n.type] ?? 4
    if (!lanes.has(r)) lanes.set(r, [])
    lanes.get(r)!.push(n)
  }
  // rows per column: enough for the notes lane, at least ~ sqrt of the biggest lane so blocks stay squarish
  const biggest = Math.max(1, ...[...lanes.values()].map((l) => l.length))
  const rows = Math.max(12, lanes.get(1)?.length ?? 0, Math.ceil(Math.sqrt(biggest * 3)))
  const out: Positions = {}
  let x = 0
  for (const r of [...lanes.keys()].sort((a, b) => a - b)) {
    const list = lanes.get(r)!
    list.sort((a, b) => (home.get(a.id) ?? NO_DOMAIN).localeCompare(home.get(b.id) ?? NO_DOMAIN) || a.label.localeCompare(b.label))
    const cols = Math.max(1, Math.ceil(list.length / rows))
    const perCol = Math.ceil(list.length / cols)
    list.forEach((n, i) => {
      const col = Math.floor(i / perCol)
      const row = i % perCol
      out[n.id] = { x: x + col * colGap, y: (row - (perCol - 1) / 2) * rowGap }
    })
    x += (cols - 1) * colGap + colGap + laneGap
  }
  return out
}
