// The degree-dependent data of every node (deg, size, font), kept up to date by deltas: a change touches the
// ends of its edges, plus the nodes whose degree bucket or scale moved with it, never a pass over the graph.
// `CanvasNodeData.of(g).def(id)` equals `nodeElements(g, …)` for the same node (the unit test holds both).
import type { ElementDefinition } from 'cytoscape'
import type { Graph, GraphDelta, GraphEdge, GraphNode } from '../../../electron/core/types'
import { fontTier, nodeDefinition, shownOnCanvas } from './elements'

/** count per degree value */
type Histogram = Map<number, number>

const bump = (h: Histogram, v: number, by: number) => {
  const c = (h.get(v) ?? 0) + by
  if (c === 0) h.delete(v)
  else h.set(v, c)
}

/** For each degree value present: how many ranked nodes have a strictly higher degree. */
function aboveOf(h: Histogram): Map<number, number> {
  const values = [...h.keys()].sort((a, b) => b - a)
  const out = new Map<number, number>()
  let above = 0
  for (const v of values) { out.set(v, above); above += h.get(v)! }
  return out
}

const ranked = (n: GraphNode) => n.type !== 'tag'

export class CanvasNodeData {
  private readonly nodes = new Map<string, GraphNode>()
  private readonly deg = new Map<string, number>()
  /** the edges counted in the degrees (shown on the canvas), by id: a removal names only the id */
  private readonly ends = new Map<string, [string, string]>()
  /** degrees of the ranked nodes (not tags), and of all nodes (for the largest) */
  private readonly rankedHist: Histogram = new Map()
  private readonly allHist: Histogram = new Map()
  /** ranked nodes by degree, to find the ones whose bucket moved */
  private readonly byDegree = new Map<number, Set<string>>()
  private above: Map<number, number> | null = null
  private rankedCount = 0

  static of(graph: Graph): CanvasNodeData {
    const d = new CanvasNodeData()
    for (const e of graph.edges) d.addEdge(e, false)
    for (const n of graph.nodes) d.addNode(n)
    return d
  }

  private degreeOf(id: string): number { return this.deg.get(id) ?? 0 }

  /** Largest degree of a node of the graph (at least 1: sizes divide by it). */
  maxDegree(): number {
    let max = 1
    for (const v of this.allHist.keys()) if (v > max) max = v
    return max
  }

  private rankOf(id: string): number {
    const n = this.nodes.get(id)
    if (!n || !ranked(n)) return 1
    this.above ??= aboveOf(this.rankedHist)
    return (this.above.get(this.degreeOf(id)) ?? 0) / Math.max(1, this.rankedCount)
  }

  /** The node's element definition (as nodeElements gives it). */
  def(id: string, hubs = false, maxDeg = this.maxDegree()): ElementDefinition | undefined {
    const n = this.nodes.get(id)
    return n && nodeDefinition(n, this.degreeOf(id), maxDeg, this.rankOf(id), hubs)
  }

  degree(id: string): number { return this.degreeOf(id) }
  /** Is the node in the graph? */
  has(id: string): boolean { return this.nodes.has(id) }

  private addNode(n: GraphNode): void {
    this.nodes.set(n.id, n)
    const d = this.degreeOf(n.id)
    bump(this.allHist, d, 1)
    if (ranked(n)) {
      bump(this.rankedHist, d, 1)
      this.rankedCount++
      let s = this.byDegree.get(d)
      if (!s) this.byDegree.set(d, (s = new Set()))
      s.add(n.id)
    }
    this.above = null
  }

  private dropNode(id: string): void {
    const n = this.nodes.get(id)
    if (!n) return
    this.nodes.delete(id)
    const d = this.degreeOf(id)
    bump(this.allHist, d, -1)
    if (ranked(n)) {
      bump(this.rankedHist, d, -1)
      this.rankedCount--
      this.byDegree.get(d)?.delete(id)
    }
    this.above = null
  }

  /** One end's degree moves by `by` (its node's histograms with it). */
  private shift(id: string, by: number): void {
    const present = this.nodes.get(id)
    if (present) this.dropNode(id)
    const d = this.degreeOf(id) + by
    if (d === 0) this.deg.delete(id)
    else this.deg.set(id, d)
    if (present) this.addNode(present)
  }

  private addEdge(e: GraphEdge, live = true): void {
    if (!shownOnCanvas(e) || this.ends.has(e.id)) return
    this.ends.set(e.id, [e.source, e.target])
    if (live) { this.shift(e.source, 1); this.shift(e.target, 1) } else {
      this.deg.set(e.source, this.degreeOf(e.source) + 1)
      this.deg.set(e.target, this.degreeOf(e.target) + 1)
    }
  }

  private dropEdge(id: string): [string, string] | undefined {
    const ends = this.ends.get(id)
    if (!ends) return undefined
    this.ends.delete(id)
    this.shift(ends[0], -1)
    this.shift(ends[1], -1)
    return ends
  }

  /** Buckets (font tier) per degree value of the ranked nodes now. */
  private tiers(): Map<number, number> {
    this.above ??= aboveOf(this.rankedHist)
    const out = new Map<number, number>()
    for (const [v, a] of this.above) out.set(v, fontTier(a / Math.max(1, this.rankedCount)))
    return out
  }

  /**
   * Take a delta (of the graph this was made from, or last updated with). Returns the ids of the nodes whose
   * definition may differ now, or null when every node's may (the largest degree changed: every size).
   */
  apply(delta: GraphDelta): Set<string> | null {
    const tiersBefore = this.tiers()
    const maxBefore = this.maxDegree()
    const changed = new Set<string>()
    const touch = (ends: [string, string] | undefined) => { if (ends) { changed.add(ends[0]); changed.add(ends[1]) } }
    for (const id of delta.removedEdges) touch(this.dropEdge(id))
    for (const e of delta.updatedEdges) { touch(this.dropEdge(e.id)); this.addEdge(e); if (this.ends.has(e.id)) touch([e.source, e.target]) }
    for (const id of delta.removedNodes) this.dropNode(id)
    for (const n of [...delta.updatedNodes, ...delta.addedNodes]) { this.dropNode(n.id); this.addNode(n); changed.add(n.id) }
    for (const e of delta.addedEdges) { this.addEdge(e); if (this.ends.has(e.id)) touch([e.source, e.target]) }
    if (this.maxDegree() !== maxBefore) return null
    // nodes whose degree did not change but whose share of higher-degree nodes crossed a bucket's edge
    for (const [v, tier] of this.tiers()) {
      if (tiersBefore.get(v) === tier) continue
      for (const id of this.byDegree.get(v) ?? []) changed.add(id)
    }
    for (const id of [...changed]) if (!this.nodes.has(id)) changed.delete(id)
    return changed
  }
}
