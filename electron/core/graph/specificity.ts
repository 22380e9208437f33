// Neighbours ranked by how specific they are to the nodes they link: a hub that every node touches
// (a glossary note, "machine learning") says nothing about what two nodes have in common. Same idea as
// the compare panel's ranking (core/compare/neighbours.ts: link strength × inverse degree), on any node
// type and with the graph's own edge weights, for the overlap query.
import type { Graph } from '../types'
import { indexGraph, type GraphIndex } from './adjacency'

export const MAX_RANKED = 12

const degreeCache = new WeakMap<Graph, Int32Array>()
/** Distinct neighbours of every node. */
function distinctDegrees(ix: GraphIndex): Int32Array {
  const hit = degreeCache.get(ix.graph)
  if (hit) return hit
  const deg = new Int32Array(ix.nodes.length)
  for (let i = 0; i < ix.nodes.length; i++) {
    const seen = new Set<number>()
    for (let k = ix.offsets[i]; k < ix.offsets[i + 1]; k++) seen.add(ix.targets[k])
    deg[i] = seen.size
  }
  degreeCache.set(ix.graph, deg)
  return deg
}

/** Heaviest edge weight from `id` to each neighbour (an edge without weight counts 1). */
function linkWeights(ix: GraphIndex, id: string): Map<string, number> {
  const out = new Map<string, number>()
  const i = ix.indexOf.get(id)
  if (i === undefined) return out
  for (let k = ix.offsets[i]; k < ix.offsets[i + 1]; k++) {
    const other = ix.nodes[ix.targets[k]].id
    const w = ix.graph.edges[ix.edgeOf[k]].weight ?? 1
    out.set(other, Math.max(out.get(other) ?? 0, w))
  }
  return out
}

/**
 * `candidates` (neighbours of every one of `ids`) ordered by weakest link × specificity, at most `max`.
 * The weakest link: a neighbour tied strongly to one side and barely to the other is little common
 * ground. Specificity is log((N+1)/(degree+1)): a node linked to nearly everything scores ≤ 0 and is dropped.
 */
export function rankBySpecificity(graph: Graph, ids: string[], candidates: Iterable<string>, max = MAX_RANKED): string[] {
  const ix = indexGraph(graph)
  const deg = distinctDegrees(ix)
  const n = ix.nodes.length
  const links = ids.map((id) => linkWeights(ix, id))
  const scored: { id: string; score: number; label: string }[] = []
  for (const id of candidates) {
    const i = ix.indexOf.get(id)
    if (i === undefined) continue
    const weakest = Math.min(...links.map((l) => Math.sqrt(l.get(id) ?? 0)))
    const score = weakest * Math.log((n + 1) / (deg[i] + 1))
    if (score > 0) scored.push({ id, score, label: ix.nodes[i].label })
  }
  return scored
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label) || a.id.localeCompare(b.id))
    .slice(0, max)
    .map((s) => s.id)
}
