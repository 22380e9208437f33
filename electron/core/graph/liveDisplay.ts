// The display graph (displayGraph.ts) kept up to date from the builder's own changes instead of recomputed
// per change (seconds at 10k notes). It holds each node's strongest edges per kind; a changed edge is offered
// to the lists of its two ends, and only a list that loses one of its edges (removed or weakened) is picked
// again, from that node's edges (GraphBuilder.edgesAt). Its graph() and takeDelta() have the builder's
// contract, so the host publishes display deltas the way it publishes the builder's.
import type { DisplayInfo, EdgeType, Graph, GraphDelta, GraphEdge, GraphNode } from '../types'
import type { GraphBuilder, GraphListener } from './builder'
import { displayGraph, displayThreshold, forDrawing, PER_NODE, STRUCTURAL, stronger, type DisplayOptions } from './displayGraph'
import { deltaFromBase } from './delta'
import { Slots } from './slots'

interface Pending {
  type: EdgeType
  source: string
  target: string
  /** the edge now; undefined when it is gone */
  after?: GraphEdge
}

const weightOf = (e: GraphEdge) => e.weight ?? 1
const sameDrawn = (a: GraphEdge, b: GraphEdge) => a.type === b.type && a.source === b.source && a.target === b.target && a.weight === b.weight

export class LiveDisplay implements GraphListener {
  private readonly above: number
  private readonly perNode: Partial<Record<EdgeType, number>>
  /** no state yet (or thrown away): made from the builder's graph on the next graph() */
  private fresh = true
  private readonly edges = new Slots<GraphEdge>()
  /** `${type}\n${node id}` → that node's strongest edges of that kind, strongest first (at most k) */
  private readonly best = new Map<string, GraphEdge[]>()
  /** edge id → how many best lists hold it */
  private readonly keptBy = new Map<string, number>()
  /** edges of the full graph per kind, and of those shown */
  private readonly total = new Map<EdgeType, number>()
  private readonly shown = new Map<EdgeType, number>()
  /** the builder's edge changes not yet applied */
  private readonly pending = new Map<string, Pending>()
  private nodeBase = new Map<string, GraphNode | undefined>()
  private edgeBase = new Map<string, GraphEdge | undefined>()
  private edgeList?: GraphEdge[]
  private cached?: Graph
  /** the display graph at the publisher's last takeDelta() (see graph/publish.ts DeltaSource) */
  deltaBase?: Graph

  constructor(private readonly source: GraphBuilder, opts: DisplayOptions = {}) {
    this.above = opts.aboveEdges ?? displayThreshold()
    this.perNode = opts.perNode ?? PER_NODE
    source.listen(this)
  }

  /** DeltaSource's shape: this is its own delta-tracking "builder". */
  get builder(): this {
    return this
  }

  /** The builder's graph when it is small enough, else its display graph (same object until a change). */
  graph(): Graph {
    if (!this.active()) return this.source.graph()
    if (this.fresh) this.init(displayGraph(this.source.graph(), { aboveEdges: this.above, perNode: this.perNode }))
    else if (this.pending.size) this.sync()
    // the full graph's edge array is never needed here: a change does not copy its 456k edges
    const nodes = this.source.nodeList()
    const diagnostics = this.source.graphDiagnostics
    this.edgeList ??= this.edges.toArray()
    const c = this.cached
    if (c && c.nodes === nodes && c.edges === this.edgeList && c.diagnostics === diagnostics) return c
    this.cached = { nodes, edges: this.edgeList, diagnostics, display: this.info() }
    return this.cached
  }

  /** True when the builder's graph is big enough to be shown reduced. */
  active(): boolean {
    if (this.source.edgeCount > this.above) return true
    if (!this.fresh) this.drop()
    return false
  }

  /**
   * Take `shown` as the display graph of the builder's current graph (a warm start's persisted one: the same
   * notes, the same options), instead of computing it. False when it does not apply.
   */
  seed(shown: Graph): boolean {
    const info = shown.display
    const count = this.source.edgeCount
    if (!info || info.totalEdges !== count || count <= this.above || !samePerNode(info.perNode, this.perNode)) return false
    this.init(shown)
    return true
  }

  /** Display changes since the previous takeDelta() (empty while the graph is shown whole). */
  takeDelta(): GraphDelta {
    this.graph()
    const d = deltaFromBase(this.nodeBase, (id) => this.source.nodeById(id), this.edgeBase, (id) => this.edges.get(id))
    this.nodeBase = new Map()
    this.edgeBase = new Map()
    return d
  }

  // ---- GraphListener ----

  node(id: string, before: GraphNode | undefined): void {
    if (!this.fresh && !this.nodeBase.has(id)) this.nodeBase.set(id, before)
  }

  edge(id: string, before: GraphEdge | undefined, after: GraphEdge | undefined): void {
    if (this.fresh) return
    const e = (after ?? before)!
    this.total.set(e.type, (this.total.get(e.type) ?? 0) + (after ? 1 : 0) - (before ? 1 : 0))
    const p = this.pending.get(id)
    if (p) p.after = after
    else this.pending.set(id, { type: e.type, source: e.source, target: e.target, after })
  }

  reset(): void {
    this.drop()
  }

  // ---- state ----

  private drop(): void {
    this.fresh = true
    this.edges.clear()
    this.best.clear()
    this.keptBy.clear()
    this.total.clear()
    this.shown.clear()
    this.pending.clear()
    this.nodeBase = new Map()
    this.edgeBase = new Map()
    this.edgeList = undefined
    this.cached = undefined
    this.deltaBase = undefined // the publisher diffs the next graph against what it sent
  }

  /** State from a display graph. Each node's k strongest edges of a kind are all shown, so they are also its k strongest shown ones. */
  private init(shown: Graph): void {
    this.drop()
    this.fresh = false
    const info = shown.display!
    for (const e of shown.edges) {
      this.edges.set(e.id, e)
      this.shown.set(e.type, (this.shown.get(e.type) ?? 0) + 1)
      const k = this.perNode[e.type]
      if (STRUCTURAL.has(e.type) || !(k! > 0)) continue
      this.insert(this.listAt(e.type, e.source), e, k!)
      if (e.target !== e.source) this.insert(this.listAt(e.type, e.target), e, k!)
    }
    for (const list of this.best.values()) for (const e of list) this.keptBy.set(e.id, (this.keptBy.get(e.id) ?? 0) + 1)
    for (const [type, n] of this.shown) this.total.set(type, n)
    for (const [type, n] of Object.entries(info.omitted) as [EdgeType, number][]) this.total.set(type, (this.total.get(type) ?? 0) + n)
    this.edgeList = shown.edges
  }

  private listAt(type: EdgeType, node: string): GraphEdge[] {
    const key = `${type}\n${node}`
    let list = this.best.get(key)
    if (!list) this.best.set(key, (list = []))
    return list
  }

  /** Put e in its place in a strongest-first list of at most k; returns what fell out (or e itself when it did not get in). */
  private insert(list: GraphEdge[], e: GraphEdge, k: number): GraphEdge | undefined {
    let at = list.length
    while (at > 0 && stronger(e, list[at - 1])) at--
    if (at >= k) return e
    list.splice(at, 0, e)
    return list.length > k ? list.pop() : undefined
  }

  private sync(): void {
    const check = new Set<string>()
    for (const [id, p] of this.pending) {
      check.add(id)
      const k = this.perNode[p.type]
      if (STRUCTURAL.has(p.type) || !(k! > 0)) continue
      this.offer(p.type, p.source, id, p.after, k!, check)
      if (p.target !== p.source) this.offer(p.type, p.target, id, p.after, k!, check)
    }
    let changed = false
    for (const id of check) {
      const p = this.pending.get(id)
      const now = p ? p.after : this.source.edgeById(id)
      const want = now && (STRUCTURAL.has(now.type) || (this.keptBy.get(id) ?? 0) > 0) ? now : undefined
      const cur = this.edges.get(id)
      if (!want) {
        if (!cur) continue
        if (!this.edgeBase.has(id)) this.edgeBase.set(id, cur)
        this.edges.delete(id)
        this.shown.set(cur.type, this.shown.get(cur.type)! - 1)
      } else if (!cur) {
        if (!this.edgeBase.has(id)) this.edgeBase.set(id, undefined)
        this.edges.set(id, forDrawing(want))
        this.shown.set(want.type, (this.shown.get(want.type) ?? 0) + 1)
      } else if (p && !sameDrawn(cur, want)) {
        if (!this.edgeBase.has(id)) this.edgeBase.set(id, cur)
        this.edges.set(id, forDrawing(want))
      } else continue
      changed = true
    }
    this.pending.clear()
    if (changed) this.edgeList = undefined
    this.cached = undefined // the counts of what is left out may have changed
  }

  /** A changed edge (after: now; undefined: gone) at one of its ends. */
  private offer(type: EdgeType, node: string, id: string, after: GraphEdge | undefined, k: number, check: Set<string>): void {
    const key = `${type}\n${node}`
    const list = this.best.get(key)
    const at = list ? list.findIndex((x) => x.id === id) : -1
    if (list && at >= 0) {
      // one of the kept ones went or got weaker: another may take its place
      if (!after || weightOf(after) < weightOf(list[at])) return this.repick(type, node, k, check)
      list[at] = after
      for (let i = at; i > 0 && stronger(list[i], list[i - 1]); i--) [list[i - 1], list[i]] = [list[i], list[i - 1]]
      return
    }
    if (!after) return
    const out = this.insert(list ?? this.listAt(type, node), after, k)
    if (out === after) return
    this.keptBy.set(id, (this.keptBy.get(id) ?? 0) + 1)
    if (out) this.unkeep(out.id, check)
  }

  /** Pick one node's strongest edges of a kind again, from all its edges of that kind. */
  private repick(type: EdgeType, node: string, k: number, check: Set<string>): void {
    const key = `${type}\n${node}`
    const next: GraphEdge[] = []
    for (const e of this.source.edgesAt(node, type)) this.insert(next, e, k)
    for (const e of this.best.get(key) ?? []) this.unkeep(e.id, check)
    for (const e of next) {
      this.keptBy.set(e.id, (this.keptBy.get(e.id) ?? 0) + 1)
      check.add(e.id)
    }
    if (next.length) this.best.set(key, next)
    else this.best.delete(key)
  }

  private unkeep(id: string, check: Set<string>): void {
    const n = (this.keptBy.get(id) ?? 0) - 1
    if (n > 0) this.keptBy.set(id, n)
    else this.keptBy.delete(id)
    check.add(id)
  }

  private info(): DisplayInfo {
    const omitted: Partial<Record<EdgeType, number>> = {}
    let totalEdges = 0
    for (const [type, n] of this.total) {
      totalEdges += n
      const left = n - (this.shown.get(type) ?? 0)
      if (left > 0) omitted[type] = left
    }
    return { totalEdges, omitted, perNode: { ...this.perNode } }
  }
}

function samePerNode(a: Partial<Record<EdgeType, number>>, b: Partial<Record<EdgeType, number>>): boolean {
  const ka = Object.keys(a).filter((k) => a[k as EdgeType])
  const kb = Object.keys(b).filter((k) => b[k as EdgeType])
  return ka.length === kb.length && ka.every((k) => a[k as EdgeType] === b[k as EdgeType])
}
