// The one GraphController: the app shell and the features drive the graph through it. It owns the shared
// state and wires the modules that each do one job: loading (loading.ts), viewport (viewport.ts),
// selection (selection.ts), filters (filters.ts), highlight groups (highlights.ts), layout
// (layoutRunner.ts). GraphView creates the Cytoscape core and attaches it here.
import type { Core, ElementDefinition } from 'cytoscape'
import type { ExamInfo, Graph, GraphNode } from '../../../electron/core/types'
import type { GraphController, LayoutName, NodeFilter, SizeBy } from './controller'
import { degrees, shownOnCanvas, sizeFor, toElements } from './elements'
import { Filters } from './filters'
import { mark, newGraphState, type Positions } from './graphState'
import { Highlights } from './highlights'
import { LayoutRunner } from './layoutRunner'
import { CHUNKED_ABOVE, Loader, nextTask } from './loading'
import { Selection } from './selection'
import { buildStyle, type ThemeName } from './style'
import { boxOf, Viewport } from './viewport'

export type { Positions } from './graphState'

export interface ControllerEvents {
  onSelect(id: string | null): void
  onOpenNote(path: string, section?: string, line?: number): void
  /** positions after a layout or a drag, for persistence */
  onPositions?(positions: Positions): void
}

export { DRAFT_THRESHOLD } from './forceLayout'
/** Above this many elements: the cheap stylesheet, no hover fading, no layout animation. */
export const BIG_ABOVE = 4000

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

  constructor(events: ControllerEvents) {
    this.events = events
    this.layout = new LayoutRunner(this.state, this.viewport, this.loader, (p) => this.events.onPositions?.(p))
  }

  setEvents(events: ControllerEvents): void { this.events = events }

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
    this.state.core = core
    if (core && this.state.current.nodes.length > 0) this.sync(this.state.current, { initial: true })
    this.emit()
  }

  /** Positions remembered from an earlier session; used with the preset layout. */
  setCachedPositions(p: Positions): void { this.state.cachedPositions = { ...p } }
  setExams(exams: ExamInfo[]): void {
    if (this.filters.setExams(exams)) this.filters.apply()
  }

  /** Subscribe to graph/selection changes (used by React hooks). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => { this.listeners.delete(listener) }
  }
  private emit(): void { for (const l of this.listeners) l() }

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
    if (this.loader.isLoading()) {
      // a big first load is still streaming in: apply the newest graph when it is done
      this.pendingGraph = graph
      return
    }
    const initial = this.state.current.nodes.length === 0
    this.state.current = graph
    this.state.byId = new Map(graph.nodes.map((n) => [n.id, n]))
    this.selection.dropIfGone()
    const cy = this.state.core
    const size = graph.nodes.length + graph.edges.filter(shownOnCanvas).length
    if (initial && graph.nodes.length > 0) this.setBig(size > BIG_ABOVE)
    if (cy && initial && size > CHUNKED_ABOVE) {
      this.loader.start(() => this.loadInChunks(cy, graph), () => {
        const next = this.pendingGraph
        this.pendingGraph = null
        if (next && next !== graph) this.setGraph(next)
        this.emit()
      })
      return
    }
    this.sync(graph, { initial })
    if (initial && graph.nodes.length > 0) mark('interactive')
    this.emit()
  }

  /** True while a big graph is being added in slices. */
  isLoading(): boolean { return this.loader.isLoading() }

  /**
   * First load of a big graph, in two steps of time slices with a yield between slices: the nodes
   * (first paint: every node in place, hubs labelled, clickable), then the edges, drawn in the frame
   * after. The renderer is not told about the slices (notifications off): each slice's style and
   * bounds are computed right away, so the frame drawn at the end of a step only draws. Drawing after
   * every slice would redraw the growing graph again and again, each time longer than a long task.
   */
  private async loadInChunks(cy: Core, graph: Graph): Promise<void> {
    await nextTask() // the caller's task (a React effect) has done enough already; loading is set now
    if (this.state.core !== cy || cy.destroyed()) return
    const { nodes, edges } = toElements(graph, { hubs: this.state.big })
    const unknown = this.layout.placeDefinitions(graph, nodes)
    this.viewport.fitBox(boxOf(nodes))
    // thousands of nodes: two frames, so the first drawing of each node (its texture) is split too
    const half = nodes.length > 3000 ? Math.ceil(nodes.length / 2) : nodes.length
    if (!(await this.loader.addInSlices(cy, nodes.slice(0, half)))) return
    if (half < nodes.length) {
      await new Promise<void>((resolve) => this.loader.afterFirstPaint(resolve))
      if (!(await this.loader.addInSlices(cy, nodes.slice(half)))) return
    }
    this.reapplyClasses()
    mark('interactive')
    this.loader.nodesShown()
    await new Promise<void>((resolve) => this.loader.afterFirstPaint(resolve))
    if (!(await this.loader.addInSlices(cy, edges))) return
    this.reapplyClasses()
    if (unknown.length > 0) this.layout.placeNearNeighbours(unknown)
    mark('loaded')
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
      this.viewport.fitBox(boxOf(nodes.map((n) => ({ position: cy.getElementById(n.data.id as string).position(), data: n.data }))))
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

  savePositions(): void { this.layout.savePositions() }

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
  resized(): void { this.viewport.resized() }

  highlight(group: string, ids: string[] | null): void {
    this.highlights.set(group, ids)
    this.reapplyClasses()
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

  setFilter(filter: NodeFilter): { nodes: number; edges: number } {
    this.filters.set(filter)
    return this.filters.apply()
  }

  runLayout(name: LayoutName): void { this.layout.run(name) }

  sizeBy(metric: SizeBy, values?: Record<string, number>): void {
    const cy = this.state.core
    this.sizeMetric = { metric, values }
    if (!cy) return
    const source = metric === 'degree' || !values ? Object.fromEntries(degrees(this.state.current)) : values
    const max = Math.max(1e-9, ...Object.values(source))
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.data('size', sizeFor((source[n.id()] ?? 0) / max, n.data('type') as GraphNode['type']))
      })
    })
  }

  fit(): void { this.viewport.fit() }
  zoom(factor: number): void { this.viewport.zoom(factor) }
  positions(): Positions { return this.layout.positions() }

  openNote(path: string, section?: string, line?: number): void {
    this.events.onOpenNote(path, section, line)
  }
}

