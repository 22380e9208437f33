// Degree and betweenness centrality (Brandes, unweighted, undirected), cached per Graph object.
import type { Graph } from '../types'
import { indexGraph } from './adjacency'
import { mulberry32 } from '../prng' // deterministic: sampled betweenness is the same on every run

export interface CentralityResult {
  /** number of distinct neighbours */
  degree: Record<string, number>
  /** divided by the largest value, so 0..1 (the most "between" node is 1) */
  betweenness: Record<string, number>
}

export interface CentralityOptions {
  /** above this many nodes, betweenness uses a deterministic sample of BFS sources */
  exactUpTo?: number
  /** rough cap on traversal work (sources × (nodes + 2·edges)) for sampled runs */
  workBudget?: number
}

const cache = new WeakMap<Graph, CentralityResult>()


export function centrality(graph: Graph, opts: CentralityOptions = {}): CentralityResult {
  const useCache = opts.exactUpTo === undefined && opts.workBudget === undefined
  const hit = useCache ? cache.get(graph) : undefined
  if (hit) return hit
  const ix = indexGraph(graph)
  const n = ix.nodes.length
  const { offsets, targets } = ix

  const degree: Record<string, number> = {}
  const seen = new Int32Array(n).fill(-1)
  for (let i = 0; i < n; i++) {
    let d = 0
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      if (seen[targets[k]] !== i) {
        seen[targets[k]] = i
        d++
      }
    }
    degree[ix.nodes[i].id] = d
  }

  // Sources: all nodes when small, else a seeded sample sized to the work budget.
  const exactUpTo = opts.exactUpTo ?? 3000
  const budget = opts.workBudget ?? 30_000_000
  let sources: Int32Array
  if (n <= exactUpTo) {
    sources = Int32Array.from({ length: n }, (_, i) => i)
  } else {
    const k = Math.max(32, Math.min(n, Math.floor(budget / Math.max(1, n + targets.length))))
    const all = Int32Array.from({ length: n }, (_, i) => i)
    const rand = mulberry32(n * 31 + targets.length)
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rand() * (n - i))
      const tmp = all[i]
      all[i] = all[j]
      all[j] = tmp
    }
    sources = all.slice(0, k)
  }

  const bc = new Float64Array(n)
  const sigma = new Float64Array(n)
  const delta = new Float64Array(n)
  const dist = new Int32Array(n).fill(-1)
  const order = new Int32Array(n)
  for (const s of sources) {
    let head = 0
    let tail = 0
    order[tail++] = s
    dist[s] = 0
    sigma[s] = 1
    while (head < tail) {
      const v = order[head++]
      const dv = dist[v] + 1
      for (let k = offsets[v]; k < offsets[v + 1]; k++) {
        const w = targets[k]
        if (dist[w] < 0) {
          dist[w] = dv
          order[tail++] = w
        }
        if (dist[w] === dv) sigma[w] += sigma[v]
      }
    }
    // BFS order reversed = non-increasing distance; predecessors are the neighbours one step closer.
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]
      const coeff = (1 + delta[w]) / sigma[w]
      const dw = dist[w] - 1
      for (let k = offsets[w]; k < offsets[w + 1]; k++) {
        const v = targets[k]
        if (dist[v] === dw) delta[v] += sigma[v] * coeff
      }
      bc[w] += delta[w]
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i]
      dist[v] = -1
      sigma[v] = 0
      delta[v] = 0
    }
  }

  let max = 0
  for (let i = 0; i < n; i++) if (bc[i] > max) max = bc[i]
  const betweenness: Record<string, number> = {}
  for (let i = 0; i < n; i++) betweenness[ix.nodes[i].id] = max > 0 ? bc[i] / max : 0
  const result = { degree, betweenness }
  if (useCache) cache.set(graph, result)
  return result
}
