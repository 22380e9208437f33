// "Often confused" pairs: services (or concepts) of the same category whose neighbourhoods overlap a lot —
// the notes talk about them in the same places, which is where exam distractors come from.
import type { Graph } from '../../../electron/core/types'

export interface ConfusedPair {
  a: string
  b: string
  category: string
  /** Jaccard overlap of the two neighbour sets, 0..1 */
  score: number
  /** neighbours (notes, co-mentioned services and concepts) the two have in common */
  shared: number
}

export function oftenConfused(graph: Graph, opts: { minScore?: number; minShared?: number; limit?: number } = {}): ConfusedPair[] {
  const minScore = opts.minScore ?? 0.3
  const minShared = opts.minShared ?? 3
  const limit = opts.limit ?? 20
  const neighbours = new Map<string, Set<string>>()
  const add = (a: string, b: string) => {
    let s = neighbours.get(a)
    if (!s) neighbours.set(a, (s = new Set()))
    s.add(b)
  }
  for (const e of graph.edges) {
    // domain membership says nothing about confusability
    if (e.source === e.target || e.type === 'contains') continue
    add(e.source, e.target)
    add(e.target, e.source)
  }
  const byCategory = new Map<string, string[]>()
  for (const n of graph.nodes) {
    if (n.type !== 'service' || !n.category) continue
    const list = byCategory.get(n.category) ?? []
    list.push(n.id)
    byCategory.set(n.category, list)
  }
  const pairs: ConfusedPair[] = []
  for (const [category, ids] of byCategory) {
    for (let i = 0; i < ids.length; i++) {
      const na = neighbours.get(ids[i])
      if (!na) continue
      for (let j = i + 1; j < ids.length; j++) {
        const nb = neighbours.get(ids[j])
        if (!nb) continue
        let shared = 0
        for (const x of na) if (x !== ids[j] && nb.has(x)) shared++
        const union = new Set([...na, ...nb])
        union.delete(ids[i])
        union.delete(ids[j])
        const score = union.size ? shared / union.size : 0
        if (shared >= minShared && score >= minScore) pairs.push({ a: ids[i], b: ids[j], category, score, shared })
      }
    }
  }
  // a perfect overlap of two rarely mentioned services says less than a strong overlap of two common ones
  const rank = (p: ConfusedPair) => p.score * (1 - 1 / (1 + p.shared))
  pairs.sort((x, y) => rank(y) - rank(x) || y.shared - x.shared || x.a.localeCompare(y.a))
  return pairs.slice(0, limit)
}
