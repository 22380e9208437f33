// Which elements are shown: the filter (types, domains, categories, exam scope, edge weight, orphans,
// local graph) turned into a visible set, applied as the `hidden` class (display: none).
import type { Core, EdgeSingular, EventObject, SingularElementArgument } from 'cytoscape'
import type { ExamInfo, GraphNode } from '../../../electron/core/types'
import type { NodeFilter } from './controller'
import type { GraphState } from './graphState'

export interface Counts { nodes: number; edges: number }

/** A delta's elements as they come and go (Filters.watch). */
export interface DeltaWatch {
  /** ids added during the delta (and not removed again) */
  fresh: Set<string>
  /** the kept counts when the watch began, if they held for the canvas as it was */
  before(): Counts | null
  /** removed elements that were counted as shown */
  removed(): Counts
  stop(): void
}

/** Counted as shown by apply(): a node not hidden; an edge neither hidden nor out of the view. */
function counted(el: SingularElementArgument): boolean {
  return !el.hasClass('hidden') && (el.isNode() || !el.hasClass('vh'))
}

/** Elements on the canvas, read from the core's own list (cy.elements() would copy it). */
function elementCount(cy: Core): number {
  const own = (cy as unknown as { mutableElements?: () => { length: number } }).mutableElements
  return typeof own === 'function' ? own.call(cy).length : cy.elements().length
}

export class Filters {
  private filter: NodeFilter = {}
  private exams: ExamInfo[] = []
  /** nodes and edges currently hidden (0 = the fast path in apply) */
  private hiddenCount = 0
  /** ids the current view leaves out (null = every node belongs to the view) */
  private viewIds: Set<string> | null = null

  /**
   * The visible counts of the classes as they stand, with the graph and the number of elements they were taken on
   * (apply takes them, applyChanged keeps them across a delta); null when unknown.
   */
  private counted: { counts: Counts; graph: unknown; total: number } | null = null

  constructor(private readonly state: GraphState) {}

  current(): NodeFilter { return this.filter }
  set(filter: NodeFilter): void { this.filter = { ...filter }; this.counted = null }
  setExams(exams: ExamInfo[]): boolean {
    this.counted = null
    this.exams = exams
    return this.filter.examScope !== undefined
  }
  /** edges the current view draws (null: all); the others only while their node is hovered */
  private viewEdges: Set<string> | null = null

  /** edges the view leaves out that a local graph draws (it has no group captions to stand for them) */
  private localEdges: ReadonlySet<string> | null = null

  /** Restrict every filter to the nodes and edges of a view (null: all). */
  setView(nodes: Set<string> | null, edges: Set<string> | null, localEdges: ReadonlySet<string> | null = null): void {
    if (nodes !== this.viewIds || edges !== this.viewEdges || localEdges !== this.localEdges) this.counted = null
    this.viewIds = nodes
    this.viewEdges = edges
    this.localEdges = localEdges
  }

  /** Does the view draw this edge (as it stands now: a local graph draws a few more)? */
  private inViewEdge(id: string): boolean {
    return this.viewEdges === null || this.viewEdges.has(id) || (this.filter.local !== undefined && this.localEdges?.has(id) === true)
  }

  /** Is any filter (not the view) restricting what is shown? */
  active(): boolean { return Object.values(this.filter).some((v) => v !== undefined) }

  /** ids of the nodes shown now */
  shownIds(): string[] {
    const cy = this.state.core
    return cy ? cy.nodes().filter((n) => !n.hasClass('hidden')).map((n) => n.id()) : []
  }

  /** Show what passes the filter, hide the rest; returns the visible counts. */
  apply(): Counts {
    const cy = this.state.core
    if (!cy) return { nodes: 0, edges: 0 }
    const f = this.filter
    const active = this.viewIds !== null || this.viewEdges !== null || Object.values(f).some((v) => v !== undefined)
    if (!active && this.hiddenCount === 0) return this.keep(cy, { nodes: cy.nodes().length, edges: cy.edges().length })
    const visible = this.visibleNodes(cy)
    const edgeOk = this.edgeTest(visible)
    let nodes = 0
    let edges = 0
    let hidden = 0
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const show = visible.has(n.id())
        if (show) nodes++
        else hidden++
        if (show === n.hasClass('hidden')) n.toggleClass('hidden', !show)
      })
      cy.edges().forEach((e) => {
        if (this.edgeClasses(e, edgeOk)) edges++
        else hidden++
      })
    })
    this.hiddenCount = hidden
    return this.keep(cy, { nodes, edges })
  }

  private keep(cy: Core, counts: Counts): Counts {
    this.counted = { counts: { ...counts }, graph: this.state.current, total: elementCount(cy) }
    return counts
  }

  /**
   * The counts apply() would give now, when the classes are known not to have changed since they were taken (the
   * same filter, view and graph, or a delta applied through applyChanged); null otherwise.
   */
  keptCounts(cy: Core): Counts | null {
    const c = this.counted
    return c && c.graph === this.state.current && c.total === elementCount(cy) ? { ...c.counts } : null
  }

  /**
   * Watch a delta's elements come and go (call before the delta touches the canvas, pass the result to
   * applyChanged): the kept counts then follow the delta without a pass over every element.
   */
  watch(cy: Core): DeltaWatch {
    const at = { graph: this.state.current, total: elementCount(cy) }
    const fresh = new Set<string>()
    let removed = { nodes: 0, edges: 0 }
    const onAdd = (e: EventObject) => { fresh.add(e.target.id()) }
    const onRemove = (e: EventObject) => {
      const el = e.target as SingularElementArgument
      if (fresh.delete(el.id())) return
      if (counted(el)) removed = el.isNode() ? { ...removed, nodes: removed.nodes + 1 } : { ...removed, edges: removed.edges + 1 }
    }
    cy.on('add', onAdd)
    cy.on('remove', onRemove)
    return {
      fresh,
      before: () => (this.counted?.graph === at.graph && this.counted.total === at.total ? this.counted.counts : null),
      removed: () => removed,
      stop: () => { cy.off('add', onAdd); cy.off('remove', onRemove) },
    }
  }

  /** An edge's `hidden` (an end or its weight filtered out) and `vh` (not in the view) classes; true when shown. */
  private edgeClasses(e: EdgeSingular, edgeOk: (source: string, target: string, weight: number) => boolean): boolean {
    const id = e.id()
    // service-map edges (sm:…) belong to the services view only
    const mapEdge = id.startsWith('sm:')
    const ok = edgeOk(e.source().id(), e.target().id(), e.data('weight') as number) && !(mapEdge && !(this.viewEdges !== null && this.inViewEdge(id)))
    const inView = ok && this.inViewEdge(id)
    if (ok === e.hasClass('hidden')) e.toggleClass('hidden', !ok)
    if (ok && inView === e.hasClass('vh')) e.toggleClass('vh', !inView)
    return inView
  }

  /**
   * After a small change (a delta): the classes of the given elements only, plus the edges of nodes whose
   * visibility flipped; every element when `ids` is null or a filter depends on the topology (local graph,
   * orphans).
   */
  applyChanged(cy: Core, ids: ReadonlySet<string> | null, watch?: DeltaWatch): void {
    watch?.stop()
    const f = this.filter
    if (ids === null || f.local || f.hideOrphans) { this.apply(); return }
    // the kept counts follow the delta: what it removed, and each element it added or touched, before and after
    const before = watch?.before() ?? null
    this.counted = null
    const change = { nodes: 0, edges: 0 }
    const was = (el: SingularElementArgument) => (watch!.fresh.has(el.id()) ? false : counted(el))
    const tally = (el: SingularElementArgument, then: boolean) => {
      const now = counted(el)
      if (now === then) return
      if (el.isNode()) change.nodes += now ? 1 : -1
      else change.edges += now ? 1 : -1
    }
    const finish = (touched: ReadonlySet<string>) => {
      if (!before || !watch) return
      for (const id of watch.fresh) if (!touched.has(id)) { const el = cy.getElementById(id); if (el.nonempty()) tally(el, false) }
      const gone = watch.removed()
      this.keep(cy, { nodes: before.nodes + change.nodes - gone.nodes, edges: before.edges + change.edges - gone.edges })
    }
    const active = this.viewIds !== null || this.viewEdges !== null || Object.values(f).some((v) => v !== undefined)
    if (!active && this.hiddenCount === 0) { finish(new Set()); return }
    // each node's test alone (no local graph or orphans here): no pass over the whole graph
    const passes = this.nodeTest()
    const byId = this.state.byId
    const visible = { has: (id: string) => { const n = byId.get(id); return n !== undefined && passes(n) } }
    const edgeOk = this.edgeTest(visible)
    const touched = new Set<string>()
    cy.batch(() => {
      const edges = new Set<string>()
      for (const id of ids) {
        const el = cy.getElementById(id)
        if (el.empty()) continue
        if (el.group() === 'edges') { edges.add(id); continue }
        const then = before ? was(el) : false
        touched.add(id)
        const show = visible.has(id)
        if (show === el.hasClass('hidden')) {
          el.toggleClass('hidden', !show)
          el.connectedEdges().forEach((e) => { edges.add(e.id()) })
        }
        if (before) tally(el, then)
      }
      for (const id of edges) {
        const e = cy.getElementById(id)
        if (e.empty()) continue
        const then = before ? was(e) : false
        touched.add(id)
        this.edgeClasses(e as unknown as EdgeSingular, edgeOk)
        if (before) tally(e, then)
      }
    })
    finish(touched)
  }

  /**
   * Classes for edges about to be added, as apply() would give them, from the nodes' current classes: they
   * can then arrive hidden instead of being added and restyled.
   */
  classesForNewEdges(): (id: string, source: string, target: string, weight: number) => string {
    const shown = new Set<string>()
    this.state.core?.nodes().forEach((n) => { if (!n.hasClass('hidden')) shown.add(n.id()) })
    const edgeOk = this.edgeTest(shown)
    return (id, source, target, weight) => {
      if (!edgeOk(source, target, weight) || (id.startsWith('sm:') && !(this.viewEdges !== null && this.inViewEdge(id)))) return 'hidden'
      return this.inViewEdge(id) ? '' : 'vh'
    }
  }

  /**
   * Classes for nodes about to be added (`hidden` when the view or the filter leaves them out), as apply()
   * would give them; the local graph and orphans, which depend on the edges, are left to apply().
   */
  classesForNewNodes(): (id: string) => string {
    const passes = this.nodeTest()
    const byId = this.state.byId
    return (id) => { const n = byId.get(id); return n && !passes(n) ? 'hidden' : '' }
  }

  private edgeTest(visible: { has(id: string): boolean }): (source: string, target: string, weight: number) => boolean {
    const min = this.filter.minEdgeWeight
    return (source, target, weight) => visible.has(source) && visible.has(target) && (min === undefined || weight >= min)
  }

  /** The filter's and the view's test of one node (without the local graph and orphans, which need the rest). */
  private nodeTest(): (n: GraphNode) => boolean {
    const f = this.filter
    const inScope = f.examScope ? new Set(this.exams.find((e) => e.code === f.examScope)?.inScope ?? []) : null
    return (n: GraphNode): boolean => {
      if (this.viewIds && !this.viewIds.has(n.id)) return false
      if (f.types && !f.types.includes(n.type)) return false
      if (f.domains && (n.type === 'note' || n.type === 'domain') && (!n.domain || !f.domains.includes(n.domain))) return false
      if (f.categories && (n.type === 'service' || n.type === 'concept') && (!n.category || !f.categories.includes(n.category))) return false
      if (inScope && this.exams.length > 0 && n.type === 'service' && !inScope.has(n.id)) return false
      return true
    }
  }

  private visibleNodes(cy: Core): Set<string> {
    const f = this.filter
    const visible = new Set(this.state.current.nodes.filter(this.nodeTest()).map((n) => n.id))
    const edgeOk = this.edgeTest(visible)
    // the local graph's nodes come from the core's neighbourhood query (features/localGraph.ts)
    if (f.local && visible.has(f.local.center)) {
      const keep = new Set(f.local.nodes)
      keep.add(f.local.center)
      for (const id of [...visible]) if (!keep.has(id)) visible.delete(id)
    }
    if (f.hideOrphans) {
      const linked = new Set<string>()
      cy.edges().forEach((e) => {
        if (edgeOk(e.source().id(), e.target().id(), e.data('weight') as number)) {
          linked.add(e.source().id())
          linked.add(e.target().id())
        }
      })
      for (const id of [...visible]) if (!linked.has(id)) visible.delete(id)
    }
    return visible
  }
}
