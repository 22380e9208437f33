// The graph the renderer draws when the full one is too big to send and draw. A 10k-note vault has
// ≈455k edges, nearly all of them note→entity `mentions`; sending them over HTTP/IPC and adding them to
// Cytoscape costs seconds, and nobody can read 455k lines. Every node stays (clickable, searchable);
// structural edges stay; of the co-mention kinds each node keeps its strongest few. What was left out is
// counted in `graph.display` so the UI can say so. Queries (neighbourhood, compare, search, mentions)
// keep using the full graph in the core.
import type { DisplayInfo, EdgeType, Graph, GraphEdge } from '../types'

/** Above this many edges the renderer gets the display graph (the bundled notes have ≈12k). */
export const DISPLAY_ABOVE_EDGES = 60_000

/** The threshold in force: NOTES_GRAPH_DISPLAY_ABOVE_EDGES lowers it (the end-to-end test crosses it with a small vault). */
export function displayThreshold(env: Record<string, string | undefined> = typeof process === 'undefined' ? {} : process.env): number {
  const raw = env.NOTES_GRAPH_DISPLAY_ABOVE_EDGES
  const n = raw === undefined || raw.trim() === '' ? NaN : Number(raw)
  return Number.isInteger(n) && n >= 0 ? n : DISPLAY_ABOVE_EDGES
}

/** Edges that give the map its shape (domain → note, feature → service): always kept. */
export const STRUCTURAL: ReadonlySet<EdgeType> = new Set<EdgeType>(['contains', 'part-of'])

/**
 * Per node and edge kind, how many of its strongest edges of that kind are kept (either end may keep one);
 * a kind not listed is left out. Measured on the 10k-note vault (BENCHMARKS.md, "Big vault"): with links
 * kept whole and 3 mentions per node the canvas got 112k edges (69k drawn in the overview) and took
 * minutes to settle; these caps give ≈30k, what the 5k/20k synthetic graph shows is drawn in time. Tags
 * (16 nodes, 50k edges) draw nothing useful at that size.
 */
export const PER_NODE: Readonly<Partial<Record<EdgeType, number>>> = { 'links-to': 1, mentions: 1, related: 2 }

export interface DisplayOptions {
  /** reduce only graphs with more edges than this */
  aboveEdges?: number
  perNode?: Partial<Record<EdgeType, number>>
}

/** a stronger than b: higher weight; equal weights by id, so the choice is the same on every run */
export const stronger = (a: GraphEdge, b: GraphEdge): boolean => {
  const wa = a.weight ?? 1
  const wb = b.weight ?? 1
  return wa !== wb ? wa > wb : a.id < b.id
}

/** The edge as drawn: where in the note a mention sits is for the reader (getMentions), not for drawing. */
export function forDrawing(e: GraphEdge): GraphEdge {
  if (!e.refs) return e
  const { refs: _refs, ...bare } = e
  return bare
}

/** The graph itself when it is small enough; else all nodes, structural edges, each node's strongest others. */
export function displayGraph(graph: Graph, opts: DisplayOptions = {}): Graph {
  const above = opts.aboveEdges ?? displayThreshold()
  if (graph.edges.length <= above) return graph
  const perNode = opts.perNode ?? PER_NODE
  const { edges: all } = graph
  const keep = new Uint8Array(all.length)
  const index = new Map<string, number>()
  graph.nodes.forEach((n, i) => index.set(n.id, i))
  const ends = new Int32Array(all.length * 2).fill(-1)
  for (let i = 0; i < all.length; i++) {
    if (STRUCTURAL.has(all[i].type)) keep[i] = 1
    ends[2 * i] = index.get(all[i].source) ?? -1
    ends[2 * i + 1] = index.get(all[i].target) ?? -1
  }
  // per kind: each node's edges of that kind (counting sort into one array), then its k strongest
  const n = graph.nodes.length
  for (const [type, k] of Object.entries(perNode) as Array<[EdgeType, number]>) {
    if (!(k > 0) || STRUCTURAL.has(type)) continue
    const start = new Int32Array(n + 1)
    for (let i = 0; i < all.length; i++) {
      if (all[i].type !== type) continue
      for (const end of [ends[2 * i], ends[2 * i + 1]]) if (end >= 0) start[end + 1]++
    }
    for (let v = 0; v < n; v++) start[v + 1] += start[v]
    const fill = start.slice(0, n)
    const list = new Int32Array(start[n])
    for (let i = 0; i < all.length; i++) {
      if (all[i].type !== type) continue
      const s = ends[2 * i]
      const t = ends[2 * i + 1]
      if (s >= 0) list[fill[s]++] = i
      if (t >= 0 && t !== s) list[fill[t]++] = i
    }
    const best: number[] = []
    for (let v = 0; v < n; v++) {
      best.length = 0
      for (let j = start[v]; j < fill[v]; j++) {
        const e = list[j]
        // insertion into the k best so far (k is small)
        let at = best.length
        while (at > 0 && stronger(all[e], all[best[at - 1]])) at--
        if (at < k) { best.splice(at, 0, e); if (best.length > k) best.pop() }
      }
      for (const e of best) keep[e] = 1
    }
  }
  const edges: GraphEdge[] = []
  const omitted: Partial<Record<EdgeType, number>> = {}
  for (let i = 0; i < all.length; i++) {
    const e = all[i]
    if (keep[i]) edges.push(forDrawing(e))
    else omitted[e.type] = (omitted[e.type] ?? 0) + 1
  }
  const display: DisplayInfo = { totalEdges: all.length, omitted, perNode: { ...perNode } }
  const shown: Graph = { nodes: graph.nodes, edges, diagnostics: graph.diagnostics, display }
  // a folder still being indexed: its display graph is partial too (the page shows the progress, not "settled")
  if (graph.partial) shown.partial = true
  return shown
}

export interface DisplayCache {
  /** displayGraph of this graph, computed once per graph object (getGraph is asked again on every launch and reload) */
  (graph: Graph): Graph
  /** `shown` is known to be displayGraph(graph) with these options (a warm start's stored one): use it, if its options match */
  remember(graph: Graph, shown: Graph): boolean
  /** what was computed or remembered for this graph, without computing */
  peek(graph: Graph): Graph | undefined
}

export function displayGraphCache(opts: DisplayOptions = {}): DisplayCache {
  const cache = new WeakMap<Graph, Graph>()
  const get = (graph: Graph): Graph => {
    let out = cache.get(graph)
    if (!out) { out = displayGraph(graph, opts); cache.set(graph, out) }
    return out
  }
  return Object.assign(get, {
    remember(graph: Graph, shown: Graph): boolean {
      const info = shown.display
      const perNode = opts.perNode ?? PER_NODE
      const same = (a: Partial<Record<EdgeType, number>>, b: Partial<Record<EdgeType, number>>) =>
        (Object.keys(a) as EdgeType[]).every((k) => a[k] === b[k]) && (Object.keys(b) as EdgeType[]).every((k) => a[k] === b[k])
      if (!info || info.totalEdges <= (opts.aboveEdges ?? displayThreshold()) || !same(info.perNode, perNode)) return false
      cache.set(graph, shown)
      return true
    },
    peek: (graph: Graph) => cache.get(graph),
  })
}
