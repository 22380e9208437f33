// Undirected adjacency (compressed rows in typed arrays) of a materialized Graph, cached per Graph object.
import type { Graph, GraphNode, NodeType } from '../types'

export interface GraphIndex {
  graph: Graph
  nodes: GraphNode[]
  indexOf: Map<string, number>
  /** neighbours of node i are targets[offsets[i] .. offsets[i+1]); edgeOf gives the edge index of each entry */
  offsets: Int32Array
  targets: Int32Array
  edgeOf: Int32Array
}

const cache = new WeakMap<Graph, GraphIndex>()

export function indexGraph(graph: Graph): GraphIndex {
  const hit = cache.get(graph)
  if (hit) return hit
  const nodes = graph.nodes
  const indexOf = new Map<string, number>()
  nodes.forEach((n, i) => indexOf.set(n.id, i))
  const n = nodes.length
  const degree = new Int32Array(n + 1)
  const src = new Int32Array(graph.edges.length)
  const dst = new Int32Array(graph.edges.length)
  graph.edges.forEach((e, k) => {
    const s = indexOf.get(e.source)
    const t = indexOf.get(e.target)
    if (s === undefined || t === undefined || s === t) {
      src[k] = -1
      return
    }
    src[k] = s
    dst[k] = t
    degree[s]++
    degree[t]++
  })
  const offsets = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i]
  const fill = offsets.slice(0, n)
  const targets = new Int32Array(offsets[n])
  const edgeOf = new Int32Array(offsets[n])
  for (let k = 0; k < src.length; k++) {
    const s = src[k]
    if (s < 0) continue
    const t = dst[k]
    targets[fill[s]] = t
    edgeOf[fill[s]++] = k
    targets[fill[t]] = s
    edgeOf[fill[t]++] = k
  }
  const ix: GraphIndex = { graph, nodes, indexOf, offsets, targets, edgeOf }
  cache.set(graph, ix)
  return ix
}

/** Distinct neighbour ids of a node (undirected). */
export function neighbourIds(ix: GraphIndex, id: string): Set<string> {
  const out = new Set<string>()
  const i = ix.indexOf.get(id)
  if (i === undefined) return out
  for (let k = ix.offsets[i]; k < ix.offsets[i + 1]; k++) out.add(ix.nodes[ix.targets[k]].id)
  return out
}

/** What a neighbourhood may walk through: the local graph walks what the canvas shows. */
export interface NeighbourhoodOptions {
  /** node types that may be reached (the start node always counts); absent: all */
  types?: NodeType[]
  /** edges lighter than this are not walked (absent weight counts 1) */
  minWeight?: number
  /** co-mention ('related') edges lighter than this are not walked */
  minRelatedWeight?: number
  /** walk the services map's links between services (serviceMap.ts) instead of the graph's edges: what that view draws */
  over?: 'service-map'
}

/** Nodes within `depth` hops (1–3) and the edges among them, over the edges the options allow. */
export function neighbourhood(graph: Graph, id: string, depth: number, opts: NeighbourhoodOptions = {}): { nodes: string[]; edges: string[] } {
  const ix = indexGraph(graph)
  const start = ix.indexOf.get(id)
  if (start === undefined) return { nodes: [], edges: [] }
  const maxDepth = Math.max(1, Math.min(3, Math.floor(depth) || 1))
  const types = opts.types ? new Set<NodeType>(opts.types) : null
  const walks = (k: number): boolean => {
    if (types && !types.has(ix.nodes[ix.targets[k]].type)) return false
    const e = graph.edges[ix.edgeOf[k]]
    const w = e.weight ?? 1
    if (opts.minWeight !== undefined && w < opts.minWeight) return false
    return !(opts.minRelatedWeight !== undefined && e.type === 'related' && w < opts.minRelatedWeight)
  }
  const dist = new Map<number, number>([[start, 0]])
  let frontier = [start]
  for (let d = 1; d <= maxDepth && frontier.length; d++) {
    const next: number[] = []
    for (const u of frontier) {
      for (let k = ix.offsets[u]; k < ix.offsets[u + 1]; k++) {
        const v = ix.targets[k]
        if (!dist.has(v) && walks(k)) {
          dist.set(v, d)
          next.push(v)
        }
      }
    }
    frontier = next
  }
  const edgeSet = new Set<number>()
  for (const u of dist.keys()) {
    for (let k = ix.offsets[u]; k < ix.offsets[u + 1]; k++) if (dist.has(ix.targets[k]) && walks(k)) edgeSet.add(ix.edgeOf[k])
  }
  return {
    nodes: [...dist.keys()].map((i) => ix.nodes[i].id),
    edges: [...edgeSet].sort((a, b) => a - b).map((k) => graph.edges[k].id),
  }
}

/** Types a shortest path may pass through, tried in order: the first that connects the pair wins. */
const PATH_PASSES: ReadonlySet<NodeType>[] = [
  new Set<NodeType>(['service', 'concept', 'note']),
  new Set<NodeType>(['service', 'concept', 'note', 'domain']),
]

/**
 * Shortest path between two nodes over the undirected graph, as node ids. Tag nodes are never passed
 * through, domain nodes only when nothing else connects the pair (they join every note of a domain and
 * say little). Undefined when unreachable.
 */
export function shortestPath(graph: Graph, from: string, to: string): string[] | undefined {
  const ix = indexGraph(graph)
  const s = ix.indexOf.get(from)
  const t = ix.indexOf.get(to)
  if (s === undefined || t === undefined) return undefined
  if (s === t) return [from]
  for (const passes of PATH_PASSES) {
    const prev = new Int32Array(ix.nodes.length).fill(-1)
    prev[s] = s
    const queue = [s]
    for (let q = 0; q < queue.length && prev[t] < 0; q++) {
      const u = queue[q]
      for (let k = ix.offsets[u]; k < ix.offsets[u + 1]; k++) {
        const v = ix.targets[k]
        if (prev[v] >= 0) continue
        if (v !== t && !passes.has(ix.nodes[v].type)) continue
        prev[v] = u
        if (v === t) break
        queue.push(v)
      }
    }
    if (prev[t] >= 0) {
      const path: string[] = []
      for (let v = t; v !== s; v = prev[v]) path.push(ix.nodes[v].id)
      path.push(from)
      return path.reverse()
    }
  }
  return undefined
}
