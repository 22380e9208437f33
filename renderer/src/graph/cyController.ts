// The one GraphController: the app shell and the features drive the graph through it. It owns the shared
// state and wires the modules that each do one job: loading (loading.ts), viewport (viewport.ts),
// selection (selection.ts), filters (filters.ts), highlight groups (highlights.ts), layout
// (layoutRunner.ts), labels (labels.ts), views (views.ts). GraphView creates the Cytoscape core and
// attaches it here.
import type { Core, ElementDefinition } from 'cytoscape'
import type { ExamInfo, Graph, GraphDelta, GraphNode } from '../../../electron/core/types'
import { applyGraphDelta } from '../../../electron/core/graph/delta'
import { applyDeltaToCore, changedByDelta, changedIds, coreEmpty, measureSince, primeDeltas } from './applyDelta'
import { specAfterDelta } from './viewSpecDelta'
import type { GraphController, LayoutName, NodeFilter, SizeBy } from './controller'
import { markLongEdges } from './longEdges'
import { degrees, nodeElements, serviceMapSize, shownOnCanvas, sizeFor, toElements } from './elements'
import { packWithLabelRoom } from './labelRoom'
import { Filters } from './filters'
import { liveCore, mark, newGraphState, type Positions } from './graphState'
import { Highlights } from './highlights'
import { Labels, wrapLabel } from './labels'
import { lineCount, textMeasurer, textWidth } from './labelPick'
import { boundsOf, packLayout, type PackedGroup } from './packLayout'
import { captionedDomains, overviewCaptions, SERVICE_LABEL_FONT, shortDomainName, viewSpec, type GroupCaption, type ViewName, type ViewSpec } from './views'
import { LayoutRunner, nearPlaced } from './layoutRunner'
import { localRing } from './localRing'
import { CHUNKED_ABOVE, Loader, nextTask } from './loading'
import { drawDirect, styleNow } from './cyPrivate'
import { Selection } from './selection'
import { buildStyle, type ThemeName } from './style'
import { boxOf, Viewport } from './viewport'

export type { Positions } from './graphState'

/** One delta applied in place: the graphs before and after, the nodes it added or changed, the node count's change. */
export interface DeltaStep { from: Graph; to: Graph; nodes: string[]; nodeCountChange: number }

export interface ControllerEvents {
  onSelect(id: string | null): void
  onOpenNote(path: string, section?: string, line?: number): void
  /** positions after a layout or a drag, for persistence */
  onPositions?(positions: Positions): void
}

export { DRAFT_THRESHOLD } from './forceLayout'
/** Above this many elements: the cheap stylesheet, no hover fading, no layout animation. */
export const BIG_ABOVE = 4000

/** free space around each node of a local graph (model units): labels need it more than a whole map does */
const LOCAL_GAP = 36
/** the local graph's labels, rendered px (labels.ts: the smallest tier at the default density) */
const LOCAL_LABEL_PX = 11

export class CyGraphController implements GraphController {
  private readonly state = newGraphState()
  private readonly loader = new Loader(this.state)
  private readonly viewport = new Viewport(this.state)
  private readonly selection = new Selection(this.state)
  private readonly filters = new Filters(this.state)
  private readonly highlights = new Highlights(this.state)
  private readonly layout: LayoutRunner
  private listeners = new Set<() => void>()
  private sizeMetric: { metric: SizeBy; values?: Record<string, number> } = { metric: 'degree' }
  private pendingGraph: Graph | null = null
  private events: ControllerEvents
  private theme: ThemeName = 'light'
  private readonly labels = new Labels(this.state)
  private viewName: ViewName = 'overview'
  /** set once the shell has told which view to show: the first picture is complete only then */
  private viewApplied = false
  /** each view's own placement, so leaving a filter or a view brings the same picture back */
  private readonly viewPositions = new Map<ViewName, Positions>()
  private specCache: { graph: Graph; view: ViewName; spec: ViewSpec } | null = null
  private filterKey = '{}'
  private serviceEdges: ElementDefinition[] = []
  /** the services map's links have arrived (the map is not settled without them) */
  private serviceEdgesIn = false
  /**
   * the local graph a saved view asks the core for (its hash has select + depth): the view is not settled before
   * it is applied. `restored`: the hash has been applied, so the next filter is that graph or the user's change.
   */
  private awaitedLocal: { centre: string; restored: boolean } | null = null
  /** notes renamed on disk since the graph was loaded: old id → new id (renamedNotes) */
  private readonly renames = new Map<string, string>()
  private groupBoxes: { view: ViewName; groups: PackedGroup[] } | null = null
  /** the overview's group captions, placed when the view was applied */
  private captions: { view: ViewName; list: GroupCaption[] } | null = null
  /** bumped each time a view has been applied (the sidebar's counts follow it) */
  private viewApplications = 0
  private readonly measure = textMeasurer()

  constructor(events: ControllerEvents) {
    this.events = events
    this.layout = new LayoutRunner(this.state, this.viewport, this.loader, (p) => this.events.onPositions?.(p))
    // a layout the user ran becomes the view's own placement (not a filter's)
    this.layout.onLaidOut = () => { if (this.viewApplied && !this.filters.active()) this.viewPositions.set(this.viewName, this.layout.positions()) }
    this.layout.grouped = (graph, sizes) => this.groupedPositions(graph, sizes)
    this.layout.onMoving = () => { if (!this.layout.moving) this.labels.update(); this.markSettled() }
    this.labels.priority = () => {
      const sel = this.selection.selected()
      return sel ? [sel, ...this.highlights.highlighted()] : this.highlights.highlighted()
    }
    this.labels.onUpdate = () => this.markSettled()
    // a domain whose title its group's caption shows is named short on its node ("Domain 1")
    this.labels.captioned = () => new Set(this.groupCaptions().flatMap((c) => (c.node ? [c.node] : [])))
    // the local graph laid out in columns (localRing.ts): its names go beside their nodes, clear of every node
    this.labels.localCentre = () => (this.filters.active() && this.ringCentre !== null && this.filters.current().local?.center === this.ringCentre ? this.ringCentre : null)
    // a big load picks its labels once, from its node definitions before they are added (loadInChunks)
    this.labels.paused = () => this.loader.isLoading()
  }

  /** The view's packed groups for the given nodes (all of the view's when `only` is absent). */
  private groupedPositions(graph: Graph, sizes: Map<string, number>, only?: Set<string>, centre?: string, view = this.viewName): Positions {
    const spec = this.spec(graph, view, sizes)
    // the services map draws services smaller (serviceMapSize): pack them at that size
    const drawn = view === 'services' ? (s: number) => serviceMapSize(s) : (s: number) => s
    let items = spec.items.map((i) => ({ ...i, size: sizes.has(i.id) ? drawn(sizes.get(i.id)!) : i.size }))
    if (only) items = items.filter((i) => only.has(i.id))
    // a local graph: one group with its centre node in the middle
    if (centre) items = items.map((i) => ({ ...i, group: 'local', rank: i.id === centre ? -1e9 : i.rank }))
    const cy = this.state.core
    const aspect = cy && cy.width() > 0 && cy.height() > 0 ? cy.width() / cy.height() : 1.5
    if (centre) this.packedAspect = aspect
    // labels as the label rule draws them (labels.ts wrapLabel: one or more lines; a domain its caption names, short)
    const captioned = view === 'overview' && !centre && !only && !this.state.big ? new Set(captionedDomains(spec, graph).values()) : null
    const wrapped = (id: string) => {
      const n = this.state.byId.get(id)
      return wrapLabel(captioned?.has(id) ? shortDomainName(n?.label ?? '') : n?.label ?? '', n?.type)
    }
    const text = (id: string) => textWidth(wrapped(id), this.measure)
    const canvas = { width: cy?.width() || 1200, height: cy?.height() || 800, padding: centre ? 60 : 30, maxZoom: cy?.maxZoom() ?? 4 }
    this.localPadding = 60
    this.ringCentre = null
    if (centre) {
      // a few dozen neighbours: two columns around the centre, each name beside its node (localRing.ts)
      const ring = localRing(items.map((i) => ({ ...i, kind: this.state.byId.get(i.id)?.type ?? '', lines: lineCount(wrapped(i.id)) })), centre, canvas, Math.max(0, ...items.filter((i) => i.id !== centre).map((i) => text(i.id) * LOCAL_LABEL_PX)))
      if (ring) { this.localPadding = ring.padding; this.ringCentre = centre; return ring.positions }
    }
    // the local graph is one group in rings around its centre, shaped like the canvas (an ellipse of its
    // aspect) so the fit fills it, with room between nodes for their labels (a few dozen nodes, read closely)
    const shape = centre ? { squash: Math.min(4, Math.max(0.25, aspect * aspect)), gap: LOCAL_GAP, shelf: false } : {}
    const opts = { groupOrder: spec.groupOrder, aspect, ...spec.pack, ...shape }
    const packed = centre ? packLayout(items, opts) : packWithLabelRoom(items, opts, text, canvas, (id) => lineCount(wrapped(id)))
    if (!only) this.groupBoxes = { view, groups: packed.groups }
    return packed.positions
  }

  /** Captions for the current view's groups (the services map names its AWS categories), model space. */
  groupCaptions(): GroupCaption[] {
    if (this.filters.active()) return []
    if (this.viewName === 'overview') return this.captions?.view === 'overview' ? this.captions.list : []
    if (this.viewName !== 'services' || this.groupBoxes?.view !== 'services') return []
    return this.groupBoxes.groups.map((g) => ({ id: g.id, text: g.id, x1: g.x1, y1: g.y1, x2: g.x2 }))
  }

  private spec(graph = this.state.current, view = this.viewName, sizesIn?: Map<string, number>): ViewSpec {
    const c = this.specCache
    if (c && c.graph === graph && c.view === view) return c.spec
    const spec = this.fullSpec(graph, view, sizesIn)
    this.specCache = { graph, view, spec }
    return spec
  }

  private fullSpec(graph: Graph, view: ViewName, sizesIn?: Map<string, number>): ViewSpec {
    const sizes = sizesIn ?? new Map<string, number>()
    if (!sizesIn) this.state.core?.nodes().forEach((n) => { sizes.set(n.id(), Number(n.data('size')) || 16) })
    // node sizes only (a big graph's edge elements are not needed here)
    if (sizes.size === 0) for (const d of nodeElements(graph, degrees(graph))) sizes.set(d.data.id as string, Number(d.data.size) || 16)
    const spec = viewSpec(view, graph, sizes, this.measure)
    // the services view draws the service-map edges, but not a feature's part-of line to the service whose
    // group it sits in (the group's caption says it; a fan of such lines would cross every name), except in a
    // local graph, which has no captions
    if (view === 'services') {
      const group = new Map(spec.items.map((i) => [i.id, i.group]))
      spec.localEdges = new Set()
      for (const e of this.serviceEdges) {
        const d = e.data
        if (d.kind === 'part-of' && group.get(d.source as string) === group.get(d.target as string)) spec.localEdges.add(d.id as string)
        else spec.edges?.add(d.id as string)
      }
    }
    return spec
  }

  view(): ViewName { return this.viewName }
  /** highlight groups in use, for the legend */
  activeGroups(): string[] { return this.highlights.active() }

  /** Show a view: its nodes and edges, at its own placement (remembered, else packed now), fitted. */
  setView(view: ViewName): void {
    if (view === this.viewName && this.viewApplied) return
    if (this.viewApplied && !this.filters.active()) this.viewPositions.set(this.viewName, this.layout.positions())
    this.viewName = view
    this.viewApplied = true
    this.markSettled()
    this.emit()
    if (this.loader.isLoading()) this.loader.whenLoaded(() => this.applyView())
    else this.applyView()
  }

  private applyView(): void {
    const cy = this.state.core
    if (!cy || cy.nodes().length === 0) { this.markSettled(); return }
    const spec = this.spec()
    this.filters.setView(spec.nodes, spec.edges, spec.localEdges)
    const services = this.viewName === 'services'
    this.labels.modelFont = services ? SERVICE_LABEL_FONT : null
    cy.batch(() => cy.nodes('[type = "service"]').forEach((n) => {
      if (n.hasClass('bare') !== services) n.toggleClass('bare', services)
      // the services map's own names (views.ts serviceFamilies)
      const name = spec.labels?.get(n.id())
      if (name !== undefined && n.data('bare') !== name) n.data('bare', name)
    }))
    const remembered = this.viewPositions.get(this.viewName)
    const known = remembered ? spec.items.filter((i) => remembered[i.id]).length : 0
    const sizes = new Map(cy.nodes().map((n) => [n.id(), Number(n.data('size')) || 16] as [string, number]))
    const target = remembered && known >= 0.9 * spec.items.length ? remembered : this.groupedPositions(this.state.current, sizes)
    cy.batch(() => cy.nodes().forEach((n) => {
      const p = target[n.id()]
      // a node already in place is left alone (moving it would redo its bounds and its edges')
      if (p && !this.state.pinnedIds.has(n.id()) && (n.position('x') !== p.x || n.position('y') !== p.y)) n.position({ x: p.x, y: p.y })
    }))
    if (!remembered) this.viewPositions.set(this.viewName, this.layout.positions())
    this.captions = this.viewName === 'overview' && !this.state.big
      ? { view: 'overview', list: overviewCaptions(spec, this.state.current, (id) => target[id]) }
      : null
    this.filters.apply()
    if (this.filters.active()) this.relayoutForFilter()
    else this.fitView()
    if (services) markLongEdges(cy)
    this.labels.update()
    this.viewApplications++
    this.emit()
  }

  /** Changes each time a view has been applied. */
  viewVersion(): number { return this.viewApplications }

  /** Filters and the local graph: the shown nodes packed again and fitted; no filter: the view's own placement. */
  private relayoutForFilter(): void {
    const cy = this.state.core
    if (!cy || !this.viewApplied) return
    const sizes = new Map(cy.nodes().map((n) => [n.id(), Number(n.data('size')) || 16] as [string, number]))
    const f = this.filters.current()
    const target = this.filters.active()
      ? this.groupedPositions(this.state.current, sizes, new Set(this.filters.shownIds()), f.local?.center)
      : this.viewPositions.get(this.viewName) ?? this.groupedPositions(this.state.current, sizes)
    cy.batch(() => cy.nodes().forEach((n) => { const p = target[n.id()]; if (p) n.position({ x: p.x, y: p.y }) }))
    if (f.local) this.viewport.fitAround(f.local.center, this.localPadding)
    else this.fitView()
    if (this.viewName === 'services') markLongEdges(cy)
    this.labels.update()
  }

  /** Fit the shown nodes; on the services map with the names beside them (they reach far to the right). */
  private fitView(padding = 30): void {
    const cy = this.state.core
    if (!cy || this.viewName !== 'services') { this.viewport.fitPositions(padding); return }
    const spec = this.spec()
    const shown = spec.items.filter((i) => { const n = cy.getElementById(i.id); return n.nonempty() && !n.hasClass('hidden') })
    const positions = Object.fromEntries(shown.map((i) => [i.id, cy.getElementById(i.id).position()]))
    this.viewport.fitBox(shown.length ? boundsOf(shown, positions) : null, padding)
  }

  /** The service-map edges (reason + evidence), drawn in the services view. */
  setServiceEdges(edges: Array<{ source: string; target: string; reason: string; evidence: string; kind: string }>): void {
    this.serviceEdges = edges.map((e, i) => ({ group: 'edges' as const, classes: `map-${e.kind}`, data: { id: `sm:${i}`, source: e.source, target: e.target, type: 'map', kind: e.kind, reason: e.reason, evidence: e.evidence, weight: 1, w: 1.4 } }))
    this.specCache = null
    this.serviceEdgesIn = true
    const cy = this.state.core
    if (!cy) return
    cy.batch(() => {
      cy.edges('[id ^= "sm:"]').remove()
      cy.add(this.serviceEdges.filter((e) => this.state.byId.has(e.data.source as string) && this.state.byId.has(e.data.target as string)))
    })
    if (this.viewApplied) { const spec = this.spec(); this.filters.setView(spec.nodes, spec.edges, spec.localEdges); this.filters.apply() }
    if (this.viewName === 'services') markLongEdges(cy)
    this.markSettled()
    // the sidebar counted the map before its links arrived ("0 edges visible"): let it count again
    if (this.viewApplied) { this.viewApplications++; this.emit() }
  }

  /** Label density: 0 (fewest) … 4 (most). */
  labelDensity(): number { return this.labels.getDensity() }
  setLabelDensity(d: number): void { this.labels.setDensity(d) }
  /** how many labels are shown */
  labelCount(): number { return this.labels.count() }

  /**
   * `data-layout="settled"` on the graph container once the graph is loaded, the view applied, no layout
   * or viewport animation runs and positions will not change by themselves; "running" otherwise.
   */
  private markSettled(): void {
    const el = this.state.core?.container()
    if (!el) return
    // edges the first view hides may still be arriving (loader.backfill): that moves nothing, unless a filter
    // that follows edges (local graph, orphans) is on, which is laid out again once they are all in
    const f = this.filters.current()
    const waitEdges = this.loader.isBackfilling() && (f.local !== undefined || f.hideOrphans === true)
    // a partial graph (the folder still being indexed) will still grow: not settled
    const settled = !this.state.current.partial && this.repackTimer === undefined && this.viewApplied && !this.loader.isLoading() && !waitEdges && !this.layout.moving && (this.viewName !== 'services' || this.serviceEdgesIn) && this.awaitedLocal === null && this.state.current.nodes.length > 0 && this.state.core!.nodes().length > 0
    const value = settled ? 'settled' : 'running'
    if (el.getAttribute('data-layout') === value) return
    el.setAttribute('data-layout', value)
    // the benchmark's "readable view settled after launch"
    if (settled && performance.getEntriesByName?.('notes-graph:settled').length === 0) mark('settled')
  }

  setEvents(events: ControllerEvents): void { this.events = events }
  /** told the node count before a first graph is added (GraphView picks the renderer then: webglChoice.ts) */
  beforeFirstLoad?: (nodes: number) => void
  /** what a big graph's display subset left out (null: every edge is here) */
  displayInfo(): Graph['display'] | null { return this.state.current.display ?? null }

  /** The stylesheet for a theme, cheap when the graph is big. */
  styleFor(theme: ThemeName): ReturnType<typeof buildStyle> { return buildStyle(theme, { big: this.state.big }) }
  setTheme(theme: ThemeName): void {
    if (theme === this.theme) return
    this.theme = theme
    this.state.core?.style(this.styleFor(theme))
    this.selection.setTheme(theme)
  }
  private setBig(big: boolean): void {
    if (big === this.state.big) return
    this.state.big = big
    this.state.core?.style(this.styleFor(this.theme))
  }
  isBig(): boolean { return this.state.big }

  /** Pinned nodes keep their place when a layout runs; remembered per folder with the positions. */
  pinned(): string[] { return [...this.state.pinnedIds] }
  setPinned(ids: string[]): void {
    this.state.pinnedIds = new Set(ids)
    const cy = this.state.core
    cy?.batch(() => {
      cy.nodes('.pinned').removeClass('pinned')
      for (const id of ids) cy.getElementById(id).addClass('pinned')
    })
  }
  pin(id: string, on: boolean): void {
    const cy = this.state.core
    const n = cy?.getElementById(id)
    if (!cy || !n || n.empty()) return
    if (on) this.state.pinnedIds.add(id)
    else this.state.pinnedIds.delete(id)
    n.toggleClass('pinned', on)
    cy.emit('pinchange')
  }

  /** Called by GraphView with a fresh core (and null on unmount). */
  attach(core: Core | null): void {
    this.selection.attach(core, this.theme)
    this.labels.attach(core)
    this.viewport.attach(core)
    this.state.core = core
    if (core && this.state.current.nodes.length > 0) this.sync(this.state.current, { initial: true })
    this.emit()
  }

  /** Positions remembered from an earlier session; used with the preset layout. */
  setCachedPositions(p: Positions): void { this.state.cachedPositions = { ...p } }
  setExams(exams: ExamInfo[]): void {
    if (this.filters.setExams(exams)) this.filters.apply()
  }

  /** The shown nodes and edges as the filters last counted them, while the canvas still holds what they counted (else null). */
  shownCounts(): { nodes: number; edges: number } | null {
    const cy = this.state.core
    return cy ? this.filters.keptCounts(cy) : null
  }

  /** Subscribe to graph/selection changes (used by React hooks). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => { this.listeners.delete(listener) }
  }
  private emit(): void { for (const l of this.listeners) l() }
  /** tell subscribers that something they read (e.g. the label density) changed */
  notify(): void { this.emit() }

  cy(): Core | null { return this.state.core }
  graph(): Graph { return this.state.current }
  node(id: string): GraphNode | undefined { return this.state.byId.get(id) }
  selected(): string | null { return this.selection.selected() }

  /**
   * Bring the core in line with `graph` by id: data updated in place, positions kept; new nodes go
   * near their neighbours. A full layout runs only on the first load when positions are unknown.
   */
  setGraph(graph: Graph): void {
    if (graph === this.state.current) return
    if (this.loader.isLoading() || this.loader.isBackfilling()) {
      // a big first load is still streaming in: apply the newest graph when it is done
      this.pendingGraph = graph
      return
    }
    const initial = this.state.current.nodes.length === 0
    if (initial && graph.nodes.length > 0) this.beforeFirstLoad?.(graph.nodes.length)
    const previous = this.state.current
    this.state.current = graph
    this.state.byId = new Map(graph.nodes.map((n) => [n.id, n]))
    this.selection.dropIfGone()
    const cy = this.state.core
    const size = graph.nodes.length + graph.edges.filter(shownOnCanvas).length
    const launching = !!cy && initial && graph.nodes.length > 0 && size <= CHUNKED_ABOVE && cy.elements().empty()
    // a launch takes the view's sets itself, with the node sizes of the elements it makes (not made twice)
    if (this.viewApplied && !launching) { const spec = this.spec(graph); this.filters.setView(spec.nodes, spec.edges, spec.localEdges) }
    if (initial && graph.nodes.length > 0) this.setBig(size > BIG_ABOVE)
    // the node data the deltas keep up to date, made when the page is idle after the load (applyDelta.ts);
    // a chunked load asks once it has started, so this waits for its end rather than run between its slices
    const prime = () => { if (initial && graph.nodes.length > 0) this.loader.afterLaunch(() => { if (this.state.core) primeDeltas(this.state.core, this.state.current) }) }
    const chunked = !!cy && initial && size > CHUNKED_ABOVE
    if (!chunked) prime()
    if (cy && launching) {
      this.launch(cy, graph)
      this.emit()
      return
    }
    if (chunked) {
      this.loader.start(() => this.loadInChunks(cy, graph), () => {
        const next = this.pendingGraph
        this.pendingGraph = null
        if (next && next !== graph) this.setGraph(next)
        // the labels were picked before the nodes were added (loadInChunks): again only if something asked meanwhile
        this.labels.catchUp()
        this.emit()
      })
      prime()
      return
    }
    const completes = !initial && previous.partial === true && !graph.partial
    this.sync(graph, { initial })
    if (initial && graph.nodes.length > 0) mark('interactive')
    if (initial && this.viewApplied) this.applyView()
    if (completes) this.placeOnceComplete()
    this.labels.schedule(0)
    this.emit()
  }

  /** True while a big graph is being added in slices, or the edges a first view hides. */
  isLoading(): boolean { return this.loader.isLoading() || this.loader.isBackfilling() }

  /** The last delta applied in place: subscribers that keep per-node state update only its nodes (useProgressOnGraph). */
  lastDelta(): DeltaStep | null { return this.step }
  private step: DeltaStep | null = null

  /**
   * A change from the host (a delta from the graph shown) applied in place (applyDelta.ts): no existing node
   * moves, no layout runs. Returns the new graph for the rest of the app.
   */
  applyDelta(delta: GraphDelta): Graph {
    const t0 = performance.now()
    const prev = this.pendingGraph ?? this.state.current
    const next = applyGraphDelta(prev, delta)
    const cy = this.state.core
    if (!cy || this.isLoading() || this.state.current.nodes.length === 0 || coreEmpty(cy)) { this.setGraph(next); return next }
    const prevSpec = this.viewApplied ? this.spec(prev) : null
    const renamed = renamedNotes(cy, prev, delta)
    const watch = this.filters.watch(cy) // the filter's counts follow the delta's elements (filters.ts)
    this.state.current = next
    for (const id of delta.removedNodes) this.state.byId.delete(id)
    for (const n of [...delta.updatedNodes, ...delta.addedNodes]) this.state.byId.set(n.id, n)
    this.selection.dropIfGone()
    const services = this.viewApplied && this.viewName === 'services'
    const pinned = this.state.pinnedIds
    const { placed, topologyChanged, nodeCountChange } = applyDeltaToCore(cy, prev, next, delta, {
      hubs: this.state.big,
      classesFor: (id, type) => [...(services && type === 'service' ? ['bare'] : []), ...(pinned.has(id) ? ['pinned'] : [])],
      nodeOf: (id) => this.state.byId.get(id),
    })
    if (topologyChanged) {
      const missing = this.serviceEdges.filter((e) => cy.getElementById(e.data.id as string).empty() && this.state.byId.has(e.data.source as string) && this.state.byId.has(e.data.target as string))
      if (missing.length > 0) cy.add(missing)
    }
    // a note renamed on disk takes its old place (not one beside its neighbours, between the groups)
    for (const r of renamed) {
      cy.getElementById(r.to).position(r.place)
      placed[r.to] = r.place
      this.renames.set(r.from, r.to)
    }
    // the new nodes' places belong to this view's own placement (leaving a filter brings them back there)
    Object.assign(this.state.cachedPositions, placed)
    const own = this.viewPositions.get(this.viewName)
    if (own) Object.assign(own, placed)
    if (this.sizeMetric.metric !== 'degree') this.sizeBy(this.sizeMetric.metric, this.sizeMetric.values)
    // the view's sets carried across the change where they can be (viewSpecDelta.ts), else made anew
    const view = this.viewName
    const carried = prevSpec && this.specCache?.spec === prevSpec ? specAfterDelta(view, prevSpec, delta, () => this.fullSpec(next, view)) : null
    if (carried) this.specCache = { graph: next, view, spec: carried.spec }
    const spec = carried?.spec ?? (this.viewApplied ? this.spec(next) : null)
    if (spec) this.filters.setView(spec.nodes, spec.edges, spec.localEdges)
    // classes: highlights (when any) and the selection as usual; the filter's only on what the change touched
    cy.batch(() => {
      if (this.highlights.any()) this.highlights.apply()
      const selected = this.selection.selected()
      if (selected) cy.getElementById(selected).select()
    })
    this.filters.applyChanged(cy, carried ? changedIds(delta, carried.flipped) : changedByDelta(delta, prevSpec, spec), watch)
    this.labels.schedule(0)
    this.step = { from: prev, to: next, nodes: [...delta.addedNodes, ...delta.updatedNodes].map((n) => n.id), nodeCountChange }
    if (prev.partial && !next.partial) this.placeOnceComplete()
    this.emit()
    measureSince('apply-delta', t0)
    return next
  }

  /**
   * A folder indexed in phases is complete: its services and concepts joined beside the first notes that named
   * them (nothing moved meanwhile), so they lay piled over one domain. Placed now as a one-shot open places
   * them; pinned (dragged) nodes stay, and a view the user has panned or zoomed is left where it is.
   */
  private placeOnceComplete(): void {
    const cy = this.state.core
    if (!cy || !this.viewApplied || cy.nodes().length === 0) return
    const kept = this.viewport.movedByUser() ? { zoom: cy.zoom(), pan: { ...cy.pan() } } : null
    this.viewPositions.clear()
    this.applyView()
    if (kept) cy.viewport(kept)
    this.layout.savePositions()
  }

  /**
   * First load of a big graph, in steps of time slices with a yield between slices: the nodes, each already
   * hidden or shown as the view and filter say (first paint: every node in place, clickable), then the
   * edges the view draws, in the frame after. The edges the view hides (at 10k notes a third of them) come
   * last, already hidden, in idle slices (loader.backfill): nothing waits for them. The renderer is not
   * told about the slices (notifications off): each slice's style and bounds are computed right away, so the
   * frame drawn at the end of a step only draws.
   */
  private async loadInChunks(cy: Core, graph: Graph): Promise<void> {
    await nextTask() // the caller's task (a React effect) has done enough already; loading is set now
    if (this.state.core !== cy || cy.destroyed()) return
    const { nodes, edges } = toElements(graph, { hubs: this.state.big })
    const unknown = this.layout.placeDefinitions(graph, nodes)
    // the first placement is the view's own (applying the view later must not place everything again)
    const placed: Positions = {}
    for (const n of nodes) if (n.position) placed[n.data.id as string] = { x: n.position.x, y: n.position.y }
    this.viewPositions.set(this.viewName, placed)
    this.viewport.fitBox(boxOf(nodes))
    const nodeClass = this.filters.classesForNewNodes()
    for (const n of nodes) {
      const c = nodeClass(n.data.id as string)
      if (c) n.classes = `${n.classes ?? ''} ${c}`.trim()
    }
    // thousands of nodes: two frames, so the first drawing of each node (its texture) is split too (drawing
    // them straight onto the screen as a launch does, in one frame, saved ≈ 5 % more CPU but made that frame
    // the page's longest task, ≈ 1.5–2× the longest of these two)
    // the labels picked over all the nodes before any is added: each comes with its label, styled once (labels.ts)
    await nextTask()
    if (!liveCore(this.state, cy)) return
    this.labels.pickDefinitions(nodes, { zoom: cy.zoom(), pan: cy.pan(), w: cy.width(), h: cy.height() })
    await nextTask()
    const half = nodes.length > 3000 ? Math.ceil(nodes.length / 2) : nodes.length
    if (!(await this.loader.addInSlices(cy, nodes.slice(0, half)))) return
    if (half < nodes.length) {
      await new Promise<void>((resolve) => this.loader.afterFirstPaint(resolve))
      if (!(await this.loader.addInSlices(cy, nodes.slice(half)))) return
    }
    this.reapplyClasses()
    mark('interactive')
    this.loader.nodesShown()
    await new Promise<void>((resolve) => this.loader.afterFollowingFrame(resolve))
    // the edges drawn now are the ones that need no class; the filter may have changed since the nodes
    const edgeClass = (() => {
      const of = this.filters.classesForNewEdges()
      return (d: ElementDefinition) => of(d.data.id as string, d.data.source as string, d.data.target as string, Number(d.data.weight))
    })()
    const drawn: ElementDefinition[] = []
    const later: ElementDefinition[] = []
    for (const e of edges) (edgeClass(e) === '' ? drawn : later).push(e)
    if (!(await this.loader.addInSlices(cy, drawn))) return
    if (unknown.length > 0) this.layout.placeNearNeighbours(unknown)
    const classes = () => {
      const of = this.filters.classesForNewEdges()
      return (d: ElementDefinition) => of(d.data.id as string, d.data.source as string, d.data.target as string, Number(d.data.weight))
    }
    this.loader.backfill(cy, later, classes, (ok) => this.backfilled(ok))
  }

  /**
   * First load of a graph that fits one task: each node is added at its place in the view (remembered, else
   * packed now), the view's hidden and shown elements are marked in the same batch (one style pass, nothing
   * restyled after), and the labels are picked before the first frame, so that frame is the settled view.
   * No animation, no second placement.
   */
  /** the launch's core back to drawing through its texture caches (drawDirect) */
  private texturesAfterLaunch: () => void = () => undefined

  private launch(cy: Core, graph: Graph): void {
    mark('phase:launch')
    const { nodes, edges } = toElements(graph, { hubs: this.state.big })
    const sizes = new Map(nodes.map((n) => [n.data.id as string, Number(n.data.size) || 16] as [string, number]))
    const cached = this.state.cachedPositions
    const remembered = nodes.filter((n) => cached[n.data.id as string]).length >= 0.8 * nodes.length
    // the overview's placement is the base (it is what a folder remembers); another view's goes over it
    const overview = remembered ? cached : this.groupedPositions(graph, sizes, undefined, undefined, 'overview')
    const viewOwn = this.viewName === 'overview' ? overview : { ...overview, ...this.groupedPositions(graph, sizes) }
    // nodes the view leaves out (tags in the overview) sit by their neighbours until a view shows them
    const own = { ...viewOwn, ...nearPlaced(nodes.map((n) => n.data.id as string), graph.edges, viewOwn) }
    for (const n of nodes) {
      const id = n.data.id as string
      const p = own[id]
      if (p) n.position = { x: p.x, y: p.y }
      if (this.state.pinnedIds.has(id)) n.classes = `${n.classes ?? ''} pinned`.trim()
    }
    // until the shell names a view, nothing is hidden (as before any view)
    const spec = this.viewApplied ? this.spec(graph, this.viewName, sizes) : null
    if (spec) this.filters.setView(spec.nodes, spec.edges, spec.localEdges)
    // the edges the view draws go in with the nodes; the ones it hides (most of them) follow the first frame
    mark('phase:placed')
    const drawn = (e: ElementDefinition) => !spec || ((!spec.nodes || (spec.nodes.has(e.data.source as string) && spec.nodes.has(e.data.target as string))) && (!spec.edges || spec.edges.has(e.data.id as string)))
    const drawnNow: ElementDefinition[] = []
    const hiddenNow: ElementDefinition[] = []
    for (const e of edges) (drawn(e) ? drawnNow : hiddenNow).push(e)
    // the launch's frames draw each element straight onto the screen (cyPrivate.ts); textures once the edges
    // the view hides are in too and the page is idle (see backfilled)
    this.texturesAfterLaunch = drawDirect(cy)
    cy.batch(() => {
      cy.add([...nodes, ...drawnNow])
      if (this.sizeMetric.metric !== 'degree') this.sizeBy(this.sizeMetric.metric, this.sizeMetric.values)
      this.reapplyClasses()
    })
    this.viewPositions.set('overview', this.viewName === 'overview' ? own : overview)
    if (!remembered) this.viewPositions.set(this.viewName, own)
    if (!remembered) this.loader.whenLoaded(() => this.layout.savePositions())
    mark('phase:added')
    if (this.viewApplied) this.applyView()
    else {
      this.viewport.fitPositions()
      this.labels.update()
    }
    // every element styled once, with its final classes, before the first frame (cyPrivate.ts styleNow)
    mark('phase:view-applied')
    styleNow(cy.elements())
    mark('interactive')
    const classes = () => {
      const of = this.filters.classesForNewEdges()
      return (d: ElementDefinition) => of(d.data.id as string, d.data.source as string, d.data.target as string, Number(d.data.weight))
    }
    this.loader.backfill(cy, hiddenNow, classes, (ok) => this.backfilled(ok))
  }

  /** Every edge is on the canvas: classes checked once more (a filter may have changed), waiting graph applied. */
  private backfilled(ok: boolean): void {
    const textures = this.texturesAfterLaunch
    this.texturesAfterLaunch = () => undefined
    // one frame drawn now, while idle, builds the textures that later frames (the first click's panel
    // narrowing the canvas, hovers) then only copy
    const cy = this.state.core
    this.loader.whenIdle(() => { textures(); if (cy && liveCore(this.state, cy)) cy.forceRender() })
    if (!ok) return
    // a local graph chosen meanwhile was computed on part of the edges: lay it out again if it grew
    const before = this.filters.active() ? this.filters.shownIds().join('\n') : ''
    this.reapplyClasses()
    if (before && this.filters.shownIds().join('\n') !== before) this.relayoutForFilter()
    this.markSettled()
    mark('loaded')
    const next = this.pendingGraph
    this.pendingGraph = null
    if (next && next !== this.state.current) this.setGraph(next)
    this.emit()
  }

  afterGraphShown(fn: () => void): () => void { return this.loader.afterGraphShown(fn) }
  afterLaunch(fn: () => void): () => void { return this.loader.afterLaunch(fn) }

  private sync(graph: Graph, { initial }: { initial: boolean }): void {
    const cy = this.state.core
    if (!cy) return
    const { nodes, edges } = toElements(graph, { hubs: this.state.big })
    if (initial && cy.elements().empty() && nodes.length > 0) {
      // first load: one add with the positions in the definitions
      const unknown = this.layout.placeDefinitions(graph, nodes)
      cy.batch(() => cy.add([...nodes, ...edges]))
      if (this.sizeMetric.metric !== 'degree') this.sizeBy(this.sizeMetric.metric, this.sizeMetric.values)
      this.reapplyClasses()
      this.layout.placeNearNeighbours(unknown)
      this.viewPositions.set(this.viewName, this.layout.positions())
      this.viewport.fitBox(boxOf(nodes.map((n) => ({ position: cy.getElementById(n.data.id as string).position(), data: n.data }))))
      return
    }
    const wanted = new Set([...nodes, ...edges].map((e) => e.data.id as string))
    const added: string[] = []
    let topologyChanged = false
    cy.batch(() => {
      const gone = cy.elements().filter((el) => !wanted.has(el.id()) && !el.id().startsWith('sm:'))
      if (gone.length > 0) { topologyChanged = true; cy.remove(gone) }
      const fresh: ElementDefinition[] = []
      for (const def of [...nodes, ...edges]) {
        const el = cy.getElementById(def.data.id as string)
        if (el.nonempty()) el.data(def.data)
        else {
          fresh.push(def)
          if (def.group === 'nodes') added.push(def.data.id as string)
        }
      }
      if (fresh.length > 0) { topologyChanged = true; cy.add(fresh) }
      const missing = this.serviceEdges.filter((e) => cy.getElementById(e.data.id as string).empty() && this.state.byId.has(e.data.source as string) && this.state.byId.has(e.data.target as string))
      if (missing.length > 0) cy.add(missing)
    })
    if (this.sizeMetric.metric !== 'degree') this.sizeBy(this.sizeMetric.metric, this.sizeMetric.values)
    this.reapplyClasses()
    if (!topologyChanged && !initial) return
    const cached = this.state.cachedPositions
    const unknown = cy.nodes().toArray().filter((n) => cached[n.id()] === undefined).map((n) => n.id())
    // remembered positions (preset layout): nodes added since then go next to their neighbours
    if (initial && unknown.length <= 0.2 * cy.nodes().length) {
      const known = new Set(unknown)
      cy.batch(() => cy.nodes().forEach((n) => { if (!known.has(n.id())) n.position({ ...cached[n.id()] }) }))
      this.layout.placeNearNeighbours(unknown)
      this.viewport.fitPositions()
      return
    }
    if (initial) { this.runLayout(this.layout.layoutName); return }
    this.layout.placeNearNeighbours(added)
  }

  savePositions(): void {
    this.layout.savePositions()
    this.layout.onLaidOut()
  }

  /**
   * Select a node: the note request goes out at once, and the canvas shows the selection through the overlay
   * (see selectionOverlay.ts) rather than a restyle, which would redraw every element of the graph.
   */
  select(id: string | null): void {
    const selected = this.selection.set(id)
    this.events.onSelect(selected)
    this.emit()
    this.selection.show()
  }

  focus(id: string): void {
    this.select(id)
    if (this.selection.selected()) this.viewport.focusOn(id)
  }

  fitPositions(padding = 30): void { this.viewport.fitPositions(padding) }
  resized(): void {
    // a refit changes the zoom the labels were sized for: picked again in this frame, never drawn at the old size
    if (this.viewport.resized()) this.labels.update()
    else if (this.viewApplied && this.viewport.showsFit() && !this.selection.selected() && !this.filters.active() && this.highlights.active().length === 0) {
      // the view as the app fitted it, nothing singled out: fitted again, so a narrower window cuts nothing off
      this.fitView()
      this.labels.update()
    }
    // the node being read stays on screen: the note panel opening keeps the middle of the view in the middle,
    // and a node clicked in the left third went out past the left edge
    const selected = this.selection.selected()
    if (selected) this.viewport.keepInView(selected)
    // a local graph packed for another canvas shape (the note panel opened or was dragged) is packed
    // again for this one, so it fills the canvas and its labels get room
    const cy = this.state.core
    if (!cy || !this.filters.current().local || cy.height() <= 0) return
    const aspect = cy.width() / cy.height()
    if (this.packedAspect !== null && Math.abs(Math.log(aspect / this.packedAspect)) < 0.2) return
    clearTimeout(this.repackTimer)
    // positions are about to change: not settled until they have (a drag of the panel's edge waits for its end)
    this.repackTimer = setTimeout(() => {
      this.repackTimer = undefined
      if (this.filters.current().local) this.relayoutForFilter()
      this.markSettled()
    }, 150)
    this.markSettled()
  }
  private packedAspect: number | null = null
  /** the fit's padding for the local graph as last placed (its ring's names sit in it) */
  private localPadding: number | { x: number; y: number } = 60
  /** the centre of the local graph when it was laid out in columns (its labels then sit beside the nodes) */
  private ringCentre: string | null = null
  private repackTimer: ReturnType<typeof setTimeout> | undefined

  highlight(group: string, ids: string[] | null): void {
    // the panels set their groups again after every graph change: the same ids change no class (a delta's own
    // elements got theirs in applyDelta), and re-applying meant a pass over every element per edit
    if (!this.highlights.set(group, ids)) return
    this.reapplyClasses()
    this.labels.schedule(0)
    this.emit()
  }

  private reapplyClasses(): void {
    const cy = this.state.core
    if (!cy) return
    cy.batch(() => {
      this.highlights.apply()
      const selected = this.selection.selected()
      if (selected) cy.getElementById(selected).select()
    })
    this.filters.apply()
  }

  /** The note a note was renamed to on disk (one rename step; the app follows the note it shows), if any. */
  renamedNote(id: string): string | undefined {
    const to = this.renames.get(id)
    return to && this.state.byId.has(to) ? to : undefined
  }

  /**
   * A local graph around `centre` is on its way (null: none). Before the first graph (`restored` false) only a
   * local filter ends the wait; once the saved view has been applied, any filter does.
   */
  expectLocalGraph(centre: string | null, restored: boolean): void {
    this.awaitedLocal = centre ? { centre, restored } : null
    this.markSettled()
  }

  setFilter(filter: NodeFilter): { nodes: number; edges: number } {
    const ends = this.awaitedLocal !== null && (filter.local !== undefined || this.awaitedLocal.restored)
    if (ends) this.awaitedLocal = null
    const counts = this.applyFilter(filter)
    // after the filter's own placement has started (a local graph's relayout): the view it leaves is the settled one
    if (ends) this.markSettled()
    return counts
  }

  private applyFilter(filter: NodeFilter): { nodes: number; edges: number } {
    const key = JSON.stringify(filter)
    // the same filter again after a delta (the panels re-apply it on every graph): its classes are in place
    // already (applyDelta), and the counts were kept
    const cy = this.state.core
    const kept = key === this.filterKey && cy ? this.filters.keptCounts(cy) : null
    if (kept) return kept
    const wasActive = this.filters.active()
    const changed = key !== this.filterKey
    // entering a filter from the view's own picture: remember that picture to come back to
    if (changed && this.viewApplied && !wasActive) this.viewPositions.set(this.viewName, this.layout.positions())
    this.filterKey = key
    this.filters.set(filter)
    const counts = this.filters.apply()
    // re-lay out only when a restriction starts, changes or ends (not for an unchanged or empty filter)
    if (changed && (wasActive || this.filters.active()) && this.viewApplied && !this.loader.isLoading()) this.relayoutForFilter()
    return counts
  }

  runLayout(name: LayoutName): void {
    // another layout moves the groups apart: their captions no longer fit them
    if (name !== 'grouped') this.captions = null
    this.layout.run(name)
  }

  sizeBy(metric: SizeBy, values?: Record<string, number>): void {
    const cy = this.state.core
    this.sizeMetric = { metric, values }
    if (!cy) return
    const source = metric === 'degree' || !values ? Object.fromEntries(degrees(this.state.current)) : values
    const max = Math.max(1e-9, ...Object.values(source))
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const size = sizeFor((source[n.id()] ?? 0) / max, n.data('type') as GraphNode['type'])
        n.data('size', size)
        if (n.data('type') === 'service') n.data('ssize', serviceMapSize(size))
      })
    })
  }

  fit(): void { this.viewport.fit() }
  zoom(factor: number): void { this.viewport.zoom(factor) }
  /** Positions to remember for this folder: the overview's own placement (not a filter's or another view's). */
  positions(): Positions {
    if (this.viewName === 'overview' && !this.filters.active()) return this.layout.positions()
    return this.viewPositions.get('overview') ?? this.layout.positions()
  }

  openNote(path: string, section?: string, line?: number): void {
    this.events.onOpenNote(path, section, line)
  }
}

/**
 * Notes a change renamed: an added note whose title only one removed note had, with that note's place (read before
 * the removal). A rename reaches the graph as one note gone and one new.
 */
function renamedNotes(cy: Core, prev: Graph, delta: GraphDelta): Array<{ from: string; to: string; place: { x: number; y: number } }> {
  const out: Array<{ from: string; to: string; place: { x: number; y: number } }> = []
  if (delta.removedNodes.length === 0 || delta.addedNodes.length === 0) return out
  const removed = new Set(delta.removedNodes)
  const goneByTitle = new Map<string, string[]>()
  for (const n of prev.nodes) if (n.type === 'note' && removed.has(n.id)) goneByTitle.set(n.label, [...(goneByTitle.get(n.label) ?? []), n.id])
  const addedByTitle = new Map<string, number>()
  for (const n of delta.addedNodes) if (n.type === 'note') addedByTitle.set(n.label, (addedByTitle.get(n.label) ?? 0) + 1)
  for (const n of delta.addedNodes) {
    const gone = n.type === 'note' && addedByTitle.get(n.label) === 1 ? goneByTitle.get(n.label) : undefined
    const old = gone?.length === 1 ? cy.getElementById(gone[0]) : null
    if (old && old.nonempty()) out.push({ from: gone![0], to: n.id, place: { ...old.position() } })
  }
  return out
}
