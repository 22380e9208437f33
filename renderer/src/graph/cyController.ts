// The one GraphController: owns the Cytoscape core's contents (elements, classes, layouts) and tells the
// app shell about selections and note requests. GraphView creates the core and attaches it here.
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type NodeSingular, type Position } from 'cytoscape'
import type { ExamInfo, Graph, GraphNode } from '../../../electron/core/types'
import type { GraphController, LayoutName, NodeFilter, SizeBy } from './controller'
import { degrees, shownOnCanvas, sizeFor, toElements } from './elements'
import { forceOptions, type FixedNode } from './forceLayout'
import { concentricByDomain, lanePositions } from './layouts'
import type { LayoutReply, LayoutRequest } from './layout.worker'
import { buildStyle, overlayColours, type ThemeName } from './style'
import { SelectionOverlay } from './selectionOverlay'

export type Positions = Record<string, { x: number; y: number }>

export interface ControllerEvents {
  onSelect(id: string | null): void
  onOpenNote(path: string, section?: string, line?: number): void
  /** positions after a layout or a drag, for persistence */
  onPositions?(positions: Positions): void
}

const EMPTY: Graph = { nodes: [], edges: [], diagnostics: [] }
export { DRAFT_THRESHOLD } from './forceLayout'
/**
 * A first load with more elements than this comes in two steps, each in time slices: the nodes (first
 * paint, clickable), then the edges in the frames after. One cy.add of 25k elements blocks for seconds,
 * and even a few thousand cost a long first frame while the code is still cold.
 */
const CHUNKED_ABOVE = 1500
/** Above this many elements: the cheap stylesheet, no hover fading, no layout animation. */
export const BIG_ABOVE = 4000
/** Work per slice of a chunked load, so no task comes near 200 ms even on a slow, busy machine. */
const SLICE_MS = 40

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/** For the benchmark and tests: when the first graph became interactive (performance timeline). */
function markInteractive(): void {
  try { performance.mark('notes-graph:interactive') } catch { /* no timeline */ }
}

export class CyGraphController implements GraphController {
  private core: Core | null = null
  private current: Graph = EMPTY
  private byId = new Map<string, GraphNode>()
  private selectedId: string | null = null
  private filter: NodeFilter = {}
  private groups = new Map<string, Set<string>>()
  private exams: ExamInfo[] = []
  private cachedPositions: Positions = {}
  private listeners = new Set<() => void>()
  private sizeMetric: { metric: SizeBy; values?: Record<string, number> } = { metric: 'degree' }
  private layoutName: LayoutName = 'force'
  private layoutTicket = 0
  private worker: Worker | null = null
  private workerFailed = false
  private loading: Promise<void> | null = null
  private pendingGraph: Graph | null = null
  /** work waiting for a chunked first load to finish (see whenLoaded) */
  private readonly afterLoad: Array<() => void> = []
  /** work waiting for the nodes of a chunked first load to be drawn (see afterGraphShown) */
  private readonly afterNodes: Array<() => void> = []
  /** ids of elements that carry highlight-group classes (so clearing them never scans everything) */
  private classed = new Set<string>()
  private focusing: { id: string; zoom: number; until: number } | null = null
  private overlay: SelectionOverlay | null = null
  private events: ControllerEvents
  /** nodes the user dragged: layouts leave them where they are */
  private pinnedIds = new Set<string>()
  private theme: ThemeName = 'light'
  private big = false
  /** nodes currently hidden by the filter (0 = the fast path in applyFilter) */
  private hiddenCount = 0

  constructor(events: ControllerEvents) {
    this.events = events
  }

  setEvents(events: ControllerEvents): void { this.events = events }

  /** The stylesheet for a theme, cheap when the graph is big. */
  styleFor(theme: ThemeName): ReturnType<typeof buildStyle> { return buildStyle(theme, { big: this.big }) }
  setTheme(theme: ThemeName): void {
    if (theme === this.theme) return
    this.theme = theme
    this.core?.style(this.styleFor(theme))
    this.overlay?.setColours(overlayColours(theme))
  }
  private setBig(big: boolean): void {
    if (big === this.big) return
    this.big = big
    this.core?.style(this.styleFor(this.theme))
  }
  isBig(): boolean { return this.big }

  /** Pinned nodes keep their place when a layout runs; remembered per folder with the positions. */
  pinned(): string[] { return [...this.pinnedIds] }
  setPinned(ids: string[]): void {
    this.pinnedIds = new Set(ids)
    this.core?.batch(() => {
      this.core!.nodes('.pinned').removeClass('pinned')
      for (const id of ids) this.core!.getElementById(id).addClass('pinned')
    })
  }
  pin(id: string, on: boolean): void {
    const cy = this.core
    const n = cy?.getElementById(id)
    if (!cy || !n || n.empty()) return
    if (on) this.pinnedIds.add(id)
    else this.pinnedIds.delete(id)
    n.toggleClass('pinned', on)
    cy.emit('pinchange')
  }

  /** Called by GraphView with a fresh core (and null on unmount). */
  attach(core: Core | null): void {
    this.overlay?.destroy()
    this.overlay = core ? new SelectionOverlay(core, overlayColours(this.theme)) : null
    this.core = core
    if (core && this.current.nodes.length > 0) this.sync(this.current, { initial: true })
    this.emit()
  }

  /** Positions remembered from an earlier session; used with the preset layout. */
  setCachedPositions(p: Positions): void { this.cachedPositions = { ...p } }
  setExams(exams: ExamInfo[]): void {
    this.exams = exams
    if (this.filter.examScope) this.setFilter(this.filter)
  }

  /** Subscribe to graph/selection changes (used by React hooks). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => { this.listeners.delete(listener) }
  }
  private emit(): void { for (const l of this.listeners) l() }

  cy(): Core | null { return this.core }
  graph(): Graph { return this.current }
  node(id: string): GraphNode | undefined { return this.byId.get(id) }
  selected(): string | null { return this.selectedId }

  /**
   * Bring the core in line with `graph` by id: data updated in place, positions kept; new nodes go
   * near their neighbours. A full layout runs only on the first load when positions are unknown.
   */
  setGraph(graph: Graph): void {
    if (graph === this.current) return
    if (this.loading) {
      // a big first load is still streaming in: apply the newest graph when it is done
      this.pendingGraph = graph
      return
    }
    const initial = this.current.nodes.length === 0
    this.current = graph
    this.byId = new Map(graph.nodes.map((n) => [n.id, n]))
    if (this.selectedId && !this.byId.has(this.selectedId)) this.selectedId = null
    const cy = this.core
    const size = graph.nodes.length + graph.edges.filter(shownOnCanvas).length
    if (initial && graph.nodes.length > 0) this.setBig(size > BIG_ABOVE)
    if (cy && initial && size > CHUNKED_ABOVE) {
      this.loading = this.loadInChunks(cy, graph).finally(() => {
        this.loading = null
        for (const fn of [...this.afterNodes.splice(0), ...this.afterLoad.splice(0)]) this.afterFirstPaint(fn)
        const next = this.pendingGraph
        this.pendingGraph = null
        if (next && next !== graph) this.setGraph(next)
        this.emit()
      })
      return
    }
    this.sync(graph, { initial })
    if (initial && graph.nodes.length > 0) markInteractive()
    this.emit()
  }

  /** True while a big graph is being added in slices. */
  isLoading(): boolean { return this.loading !== null }

  /**
   * First load of a big graph, in two steps of time slices with a yield between slices: the nodes
   * (first paint: every node in place, hubs labelled, clickable), then the edges, drawn in the frame
   * after. The renderer is not told about the slices (notifications off): each slice's style and
   * bounds are computed right away, so the frame drawn at the end of a step only draws. Drawing after
   * every slice would redraw the growing graph again and again, each time longer than a long task.
   */
  private async loadInChunks(cy: Core, graph: Graph): Promise<void> {
    await nextTask() // the caller's task (a React effect) has done enough already; this.loading is set now
    if (this.core !== cy || cy.destroyed()) return
    const { nodes, edges } = toElements(graph, { hubs: this.big })
    const unknown = this.placeDefinitions(graph, nodes)
    this.fitBox(boxOf(nodes))
    // thousands of nodes: two frames, so the first drawing of each node (its texture) is split too
    const half = nodes.length > 3000 ? Math.ceil(nodes.length / 2) : nodes.length
    if (!(await this.addInSlices(cy, nodes.slice(0, half)))) return
    if (half < nodes.length) {
      await new Promise<void>((resolve) => this.afterFirstPaint(resolve))
      if (!(await this.addInSlices(cy, nodes.slice(half)))) return
    }
    this.reapplyClasses()
    markInteractive()
    for (const fn of this.afterNodes.splice(0)) this.afterFirstPaint(fn)
    await new Promise<void>((resolve) => this.afterFirstPaint(resolve))
    if (!(await this.addInSlices(cy, edges))) return
    this.reapplyClasses()
    if (unknown.length > 0) this.placeNearNeighbours(unknown)
    try { performance.mark('notes-graph:loaded') } catch { /* no timeline */ }
  }

  /** Add elements in slices of about SLICE_MS each, then let the renderer draw them in one frame. */
  private async addInSlices(cy: Core, defs: ElementDefinition[]): Promise<boolean> {
    const quiet = cy as unknown as Quiet
    quiet.notifications(false)
    try {
      let step = 250
      for (let i = 0; i < defs.length;) {
        if (this.core !== cy || cy.destroyed()) return false
        const t0 = performance.now()
        const added = cy.add(defs.slice(i, i + step))
        // style and bounds now, slice by slice, instead of all in the next frame
        ;(added as unknown as { cleanStyle(): void }).cleanStyle()
        added.boundingBox({ includeLabels: true })
        i += step
        // aim each slice at SLICE_MS whatever this machine's speed
        step = Math.max(200, Math.min(8000, Math.round(step * (SLICE_MS / Math.max(1, performance.now() - t0)))))
        await nextTask()
      }
    } finally {
      if (!cy.destroyed()) quiet.notifications(true)
    }
    if (this.core !== cy || cy.destroyed()) return false
    quiet.notify('add')
    return true
  }

  /**
   * Positions into the element definitions before they are added: remembered ones, else a quick
   * deterministic placement. Returns the ids that still need a place (near their neighbours), or
   * schedules a layout when most positions were unknown.
   */
  private placeDefinitions(graph: Graph, nodes: ElementDefinition[]): string[] {
    const cached = this.cachedPositions
    const unknown = nodes.filter((n) => !cached[n.data.id as string]).map((n) => n.data.id as string)
    const needLayout = unknown.length > 0.2 * nodes.length
    const placed = needLayout ? (this.layoutName === 'lanes' ? lanePositions(graph) : concentricByDomain(graph)) : {}
    for (const n of nodes) {
      const id = n.data.id as string
      const p = cached[id] ?? placed[id]
      if (p) n.position = { x: p.x, y: p.y }
      if (this.pinnedIds.has(id)) n.classes = `${n.classes ?? ''} pinned`.trim()
    }
    if (!needLayout) return unknown
    // concentric and lanes are what was just placed; force refines it in the worker once the page is idle
    if (this.layoutName === 'force') {
      // tests and the benchmark wait for 'laid-out' when this mark says a layout is on its way
      try { performance.mark('notes-graph:layout-scheduled') } catch { /* no timeline */ }
      this.whenLoaded(() => this.whenIdle(() => this.runLayout('force')))
    }
    else this.whenLoaded(() => this.savePositions())
    return []
  }

  /** Run when the page has nothing else to do (the first clicks and frames come first), at most 600 ms later. */
  private whenIdle(fn: () => void): void {
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number }).requestIdleCallback
    if (idle) idle(fn, { timeout: 600 })
    else setTimeout(fn, 200)
  }

  /**
   * Run after the frame that shows the current graph's nodes (at once when no big load is under way): the
   * shell's sidebars take the new graph then, so their render never delays the first picture of the graph.
   */
  afterGraphShown(fn: () => void): () => void {
    let live = true
    const run = () => { if (live) fn() }
    if (this.loading) this.afterNodes.push(run)
    else this.afterFirstPaint(run)
    return () => { live = false }
  }

  /** Run once the graph is on the canvas and the page is idle (work that must not slow the launch down). */
  afterLaunch(fn: () => void): () => void {
    let live = true
    this.whenLoaded(() => this.whenIdle(() => { if (live) fn() }))
    return () => { live = false }
  }

  /**
   * Run once the graph is fully on the canvas, after that frame: starting the layout worker (its script,
   * the graph copied to it) while edges are still being added would compete with them for the CPU.
   */
  private whenLoaded(fn: () => void): void {
    if (this.loading) this.afterLoad.push(fn)
    else this.afterFirstPaint(fn)
  }

  /** Run after the next frame has been painted (never delays the first paint). */
  private afterFirstPaint(fn: () => void): void {
    const cy = this.core
    const run = () => { if (this.core === cy && cy && !cy.destroyed()) fn() }
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0))
    else setTimeout(run, 0)
  }

  private sync(graph: Graph, { initial }: { initial: boolean }): void {
    const cy = this.core
    if (!cy) return
    const { nodes, edges } = toElements(graph, { hubs: this.big })
    if (initial && cy.elements().empty() && nodes.length > 0) {
      // first load: one add with the positions in the definitions
      const unknown = this.placeDefinitions(graph, nodes)
      cy.batch(() => cy.add([...nodes, ...edges]))
      if (this.sizeMetric.metric !== 'degree') this.sizeBy(this.sizeMetric.metric, this.sizeMetric.values)
      this.reapplyClasses()
      this.placeNearNeighbours(unknown)
      this.fitBox(boxOf(nodes.map((n) => ({ position: cy.getElementById(n.data.id as string).position(), data: n.data }))))
      return
    }
    const wanted = new Set([...nodes, ...edges].map((e) => e.data.id as string))
    const added: string[] = []
    let topologyChanged = false
    cy.batch(() => {
      const gone = cy.elements().filter((el) => !wanted.has(el.id()))
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
    })
    if (this.sizeMetric.metric !== 'degree') this.sizeBy(this.sizeMetric.metric, this.sizeMetric.values)
    this.reapplyClasses()
    if (!topologyChanged && !initial) return
    const cached = this.cachedPositions
    const unknown = cy.nodes().toArray().filter((n) => cached[n.id()] === undefined).map((n) => n.id())
    // remembered positions (preset layout): nodes added since then go next to their neighbours
    if (initial && unknown.length <= 0.2 * cy.nodes().length) {
      const known = new Set(unknown)
      cy.batch(() => cy.nodes().forEach((n) => { if (!known.has(n.id())) n.position({ ...cached[n.id()] }) }))
      this.placeNearNeighbours(unknown)
      this.fitPositions()
      return
    }
    if (initial) { this.runLayout(this.layoutName); return }
    this.placeNearNeighbours(added)
  }

  /** New nodes go near already placed neighbours; nodes whose neighbours are all new wait a pass. */
  private placeNearNeighbours(ids: string[]): void {
    const cy = this.core
    if (!cy || ids.length === 0) return
    const pending = new Set(ids)
    const ext = cy.extent()
    const jitter = () => (Math.random() - 0.5) * 80
    cy.batch(() => {
      for (const id of ids) {
        const known = this.cachedPositions[id]
        if (known) { cy.getElementById(id).position({ ...known }); pending.delete(id) }
      }
      while (pending.size > 0) {
        let placed = 0
        for (const id of [...pending]) {
          const n = cy.getElementById(id)
          const anchors = n.neighborhood().nodes().filter((m: NodeSingular) => !pending.has(m.id()))
          if (anchors.length === 0) continue
          let x = 0
          let y = 0
          anchors.forEach((m) => { x += m.position('x'); y += m.position('y') })
          n.position({ x: x / anchors.length + jitter(), y: y / anchors.length + jitter() })
          pending.delete(id)
          placed++
        }
        if (placed === 0) {
          // an island of new nodes: somewhere in the current view
          for (const id of pending) cy.getElementById(id).position({ x: ext.x1 + Math.random() * ext.w, y: ext.y1 + Math.random() * ext.h })
          pending.clear()
        }
      }
    })
    this.savePositions()
  }

  savePositions(): void {
    const p = this.positions()
    this.cachedPositions = { ...this.cachedPositions, ...p }
    this.events.onPositions?.(p)
  }

  /**
   * Select a node: the note request goes out at once, and the canvas shows the selection through the overlay
   * (see selectionOverlay.ts) rather than a restyle, which would redraw every element of the graph.
   */
  select(id: string | null): void {
    this.selectedId = id && this.byId.has(id) ? id : null
    this.events.onSelect(this.selectedId)
    this.emit()
    this.showSelection()
  }

  private showSelection(): void {
    const cy = this.core
    if (!cy || cy.destroyed()) return
    // the selection state is kept in Cytoscape too (`:selected`, for tests and exports), without a redraw
    const quiet = cy as unknown as Quiet
    quiet.notifications(false)
    try {
      cy.$(':selected').unselect()
      if (this.selectedId) cy.getElementById(this.selectedId).select()
    } finally {
      quiet.notifications(true)
    }
    this.overlay?.show(this.selectedId)
  }

  focus(id: string): void {
    this.select(id)
    const cy = this.core
    if (!cy || !this.selectedId) return
    const n = cy.getElementById(id)
    if (n.hasClass('hidden')) return
    cy.stop()
    const zoom = Math.max(cy.zoom(), 1.2)
    this.focusing = { id, zoom, until: performance.now() + 1500 }
    cy.animate({ zoom, pan: this.panToCentre(n.position(), zoom) }, { duration: 250 })
  }

  /**
   * Fit the view to node positions. cy.fit() measures every element's bounding box, labels included,
   * which costs more than a second at 25k elements; positions and the biggest node size are enough.
   */
  fitPositions(padding = 30): void {
    const cy = this.core
    if (!cy || cy.nodes().length === 0) return
    const visible: Array<{ position?: Position; data: object }> = []
    cy.nodes().forEach((n) => { if (!n.hasClass('hidden')) visible.push({ position: n.position(), data: { size: n.data('size') } }) })
    this.fitBox(boxOf(visible), padding)
  }

  /** Set the viewport to show a model-space box. */
  private fitBox(box: Box | null, padding = 30): void {
    const cy = this.core
    if (!cy || !box) return
    const { x1, y1, x2, y2 } = box
    const w = Math.max(1, cy.width() - 2 * padding)
    const h = Math.max(1, cy.height() - 2 * padding)
    const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min(w / Math.max(1, x2 - x1), h / Math.max(1, y2 - y1))))
    cy.viewport({ zoom, pan: { x: cy.width() / 2 - ((x1 + x2) / 2) * zoom, y: cy.height() / 2 - ((y1 + y2) / 2) * zoom } })
  }

  /** The pan that puts a model position in the middle of the canvas (cy.center would use the label too). */
  private panToCentre(p: Position, zoom: number): Position {
    const cy = this.core!
    return { x: cy.width() / 2 - p.x * zoom, y: cy.height() / 2 - p.y * zoom }
  }

  /** The canvas changed size (e.g. the note panel opened): a node being focused stays centred. */
  resized(): void {
    const cy = this.core
    const f = this.focusing
    if (!cy || !f || performance.now() > f.until) return
    const n = cy.getElementById(f.id)
    if (n.empty()) return
    cy.stop()
    cy.viewport({ zoom: f.zoom, pan: this.panToCentre(n.position(), f.zoom) })
  }

  highlight(group: string, ids: string[] | null): void {
    if (!ids || ids.length === 0) this.groups.delete(group)
    else this.groups.set(group, new Set(ids))
    this.reapplyClasses()
  }

  private reapplyClasses(): void {
    const cy = this.core
    if (!cy) return
    cy.batch(() => {
      for (const id of this.classed) {
        const el = cy.getElementById(id)
        if (el.empty()) continue
        const classes = el.classes().filter((c) => c.startsWith('g-') || c === 'hl-any')
        if (classes.length > 0) el.removeClass(classes.join(' '))
      }
      this.classed.clear()
      for (const [group, ids] of this.groups) {
        for (const id of ids) {
          const el = cy.getElementById(id)
          if (el.empty()) continue
          el.addClass(`g-${group} hl-any`)
          this.classed.add(id)
        }
      }
      if (this.selectedId) cy.getElementById(this.selectedId).select()
      // while something is highlighted, only highlighted nodes and the big hubs keep their labels
      const quiet = this.groups.size > 0 && !this.big
      if (quiet || cy.nodes('.quiet').nonempty()) {
        cy.nodes().forEach((n) => {
          const q = quiet && !this.classed.has(n.id())
          if (q !== n.hasClass('quiet')) n.toggleClass('quiet', q)
        })
      }
    })
    this.applyFilter()
  }

  setFilter(filter: NodeFilter): { nodes: number; edges: number } {
    this.filter = { ...filter }
    return this.applyFilter()
  }

  private applyFilter(): { nodes: number; edges: number } {
    const cy = this.core
    if (!cy) return { nodes: 0, edges: 0 }
    const f = this.filter
    const active = Object.values(f).some((v) => v !== undefined)
    if (!active && this.hiddenCount === 0) return { nodes: cy.nodes().length, edges: cy.edges().length }
    const inScope = f.examScope ? new Set(this.exams.find((e) => e.code === f.examScope)?.inScope ?? []) : null
    const passes = (n: GraphNode): boolean => {
      if (f.types && !f.types.includes(n.type)) return false
      if (f.domains && (n.type === 'note' || n.type === 'domain') && (!n.domain || !f.domains.includes(n.domain))) return false
      if (f.categories && (n.type === 'service' || n.type === 'concept') && (!n.category || !f.categories.includes(n.category))) return false
      if (inScope && this.exams.length > 0 && n.type === 'service' && !inScope.has(n.id)) return false
      return true
    }
    const visible = new Set(this.current.nodes.filter(passes).map((n) => n.id))
    const edgeOk = (source: string, target: string, weight: number) =>
      visible.has(source) && visible.has(target) && (f.minEdgeWeight === undefined || weight >= f.minEdgeWeight)
    if (f.local && visible.has(f.local.center)) {
      const keep = new Set([f.local.center])
      let frontier = [f.local.center]
      for (let d = 0; d < f.local.depth; d++) {
        const next: string[] = []
        for (const id of frontier) {
          cy.getElementById(id).connectedEdges().forEach((e) => {
            const other = e.source().id() === id ? e.target().id() : e.source().id()
            if (!keep.has(other) && edgeOk(e.source().id(), e.target().id(), e.data('weight') as number)) {
              keep.add(other)
              next.push(other)
            }
          })
        }
        frontier = next
      }
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
        const show = edgeOk(e.source().id(), e.target().id(), e.data('weight') as number)
        if (show) edges++
        else hidden++
        if (show === e.hasClass('hidden')) e.toggleClass('hidden', !show)
      })
    })
    this.hiddenCount = hidden
    return { nodes, edges }
  }

  runLayout(name: LayoutName): void {
    const cy = this.core
    if (!cy || cy.nodes().length === 0) return
    this.layoutName = name
    const ticket = ++this.layoutTicket
    const shown = cy.nodes().not('.hidden')
    if (name === 'force') {
      // co-mention ('related') edges are too many to lay out by; structure comes from the rest
      const eles = shown.union(shown.connectedEdges().not('.hidden').not('edge[type = "related"]'))
      if (!this.runForceInWorker(cy, eles, ticket)) void this.runForceHere(cy, eles, ticket)
      return
    }
    const visible = new Set(shown.map((n) => n.id()))
    const sub: Graph = {
      nodes: this.current.nodes.filter((n) => visible.has(n.id)),
      edges: this.current.edges.filter((e) => visible.has(e.source) && visible.has(e.target)),
      diagnostics: [],
    }
    this.moveTo(cy, name === 'lanes' ? lanePositions(sub) : concentricByDomain(sub), ticket)
  }

  /** Move the unpinned nodes to their new positions (animated on small graphs), then fit and save. */
  private moveTo(cy: Core, positions: Positions, ticket: number): void {
    if (ticket !== this.layoutTicket || this.core !== cy || cy.destroyed()) return
    const movable = cy.nodes().filter((n) => !this.pinnedIds.has(n.id()) && positions[n.id()] !== undefined)
    const done = () => {
      this.fitPositions()
      this.savePositions()
      cy.emit('layoutstop')
      try { performance.mark('notes-graph:laid-out') } catch { /* no timeline */ }
    }
    if (this.big || movable.length > 1500 || (cy as unknown as { headless(): boolean }).headless()) {
      cy.batch(() => movable.forEach((n) => { n.position(positions[n.id()]) }))
      done()
      return
    }
    cy.stop()
    const layout = movable.layout({ name: 'preset', positions: (n: NodeSingular) => positions[n.id()], animate: true, animationDuration: 450, fit: false } as LayoutOptions)
    layout.one('layoutstop', () => { if (ticket === this.layoutTicket) done() })
    layout.run()
  }

  /** Pinned nodes as fcose fixed-position constraints (only those that take part in the layout). */
  private fixedNodes(eles: ReturnType<Core['elements']>): FixedNode[] {
    const out: FixedNode[] = []
    eles.nodes().forEach((n) => { if (this.pinnedIds.has(n.id())) out.push({ nodeId: n.id(), position: { ...n.position() } }) })
    return out
  }

  /** No worker: fcose on the main thread (loaded on demand, it is not needed for the first paint). */
  private async runForceHere(cy: Core, eles: ReturnType<Core['elements']>, ticket: number): Promise<void> {
    await registerFcose()
    if (ticket !== this.layoutTicket || this.core !== cy || cy.destroyed()) return
    const layout = eles.layout(forceOptions(eles.nodes().length, this.fixedNodes(eles)))
    layout.one('layoutstop', () => {
      this.fitPositions()
      this.savePositions()
      try { performance.mark('notes-graph:laid-out') } catch { /* no timeline */ }
    })
    layout.run()
  }

  /**
   * Force layout in a worker: the graph is already shown (deterministic placement) and clickable; the
   * computed positions animate in when they arrive. False when no worker can run.
   */
  private runForceInWorker(cy: Core, eles: ReturnType<Core['elements']>, ticket: number): boolean {
    if (typeof Worker === 'undefined' || eles.nodes().length < 60 || this.workerFailed) return false
    let worker: Worker
    try {
      worker = this.worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' })
    } catch {
      this.workerFailed = true
      return false
    }
    const elements = eles.map((el) => ({ group: el.group(), data: el.isNode()
      ? { id: el.id(), size: el.data('size') as number }
      : { id: el.id(), source: el.source().id(), target: el.target().id(), type: el.data('type') as string } }))
    const fallback = () => {
      this.workerFailed = true
      if (ticket === this.layoutTicket) void this.runForceHere(cy, eles, ticket)
    }
    worker.onmessage = (e: MessageEvent<LayoutReply>) => {
      if (e.data.id !== ticket || ticket !== this.layoutTicket || this.core !== cy || cy.destroyed()) return
      if (!e.data.positions) { fallback(); return }
      this.moveTo(cy, e.data.positions, ticket)
    }
    worker.onerror = (e) => { e.preventDefault(); fallback() }
    worker.postMessage({ id: ticket, elements, fixed: this.fixedNodes(eles) } satisfies LayoutRequest)
    return true
  }

  sizeBy(metric: SizeBy, values?: Record<string, number>): void {
    const cy = this.core
    this.sizeMetric = { metric, values }
    if (!cy) return
    const source = metric === 'degree' || !values ? Object.fromEntries(degrees(this.current)) : values
    const max = Math.max(1e-9, ...Object.values(source))
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.data('size', sizeFor((source[n.id()] ?? 0) / max, n.data('type') as GraphNode['type']))
      })
    })
  }

  fit(): void {
    const cy = this.core
    if (!cy) return
    cy.stop()
    cy.animate({ fit: { eles: cy.elements().not('.hidden'), padding: 30 } }, { duration: 200 })
  }

  zoom(factor: number): void {
    const cy = this.core
    if (!cy) return
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor))
    cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })
  }

  positions(): Positions {
    const out: Positions = {}
    this.core?.nodes().forEach((n) => {
      const p: Position = n.position()
      out[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 }
    })
    return out
  }

  openNote(path: string, section?: string, line?: number): void {
    this.events.onOpenNote(path, section, line)
  }
}

let fcoseRegistered: Promise<void> | null = null
function registerFcose(): Promise<void> {
  return (fcoseRegistered ??= import('cytoscape-fcose').then((f) => { cytoscape.use(f.default) }))
}

/** Core methods Cytoscape has but its type declarations leave out. */
interface Quiet { notifications(on: boolean): void; notify(event: string): void }

interface Box { x1: number; y1: number; x2: number; y2: number }

/** Bounding box of node positions, padded by the biggest node (labels left out: measuring them is slow). */
function boxOf(nodes: Array<{ position?: Position; data: object }>): Box | null {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity, big = 0
  for (const n of nodes) {
    const p = n.position
    if (!p) continue
    if (p.x < x1) x1 = p.x
    if (p.x > x2) x2 = p.x
    if (p.y < y1) y1 = p.y
    if (p.y > y2) y2 = p.y
    big = Math.max(big, Number((n.data as { size?: unknown }).size) || 0)
  }
  if (!Number.isFinite(x1)) return null
  return { x1: x1 - big, y1: y1 - big, x2: x2 + big, y2: y2 + big }
}
