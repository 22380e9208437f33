// Where nodes go: positions for a first load (remembered, else a deterministic placement), new nodes
// next to their neighbours, and the layouts the user picks (force in a worker, concentric, lanes).
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type NodeSingular } from 'cytoscape'
import type { Graph } from '../../../electron/core/types'
import type { LayoutName } from './controller'
import { forceOptions, type FixedNode } from './forceLayout'
import { liveCore, mark, type GraphState, type Positions } from './graphState'
import { isHeadless } from './cyPrivate'
import type { LayoutReply, LayoutRequest } from './layout.worker'
import { concentricByDomain, lanePositions } from './layouts'
import type { Loader } from './loading'
import type { Viewport } from './viewport'

/**
 * Places for nodes a placement left out (tags outside the view, say), from the edge list alone: the mean of
 * their placed neighbours, else the middle of what is placed, a little apart so no two share a point.
 * Cheap enough for a first load (no traversal of the core, no randomness).
 */
export function nearPlaced(ids: string[], edges: Array<{ source: string; target: string }>, placed: Positions): Positions {
  const want = new Set(ids.filter((id) => !placed[id]))
  const sum = new Map<string, { x: number; y: number; n: number }>()
  const add = (id: string, p: { x: number; y: number }) => {
    const s = sum.get(id) ?? { x: 0, y: 0, n: 0 }
    s.x += p.x
    s.y += p.y
    s.n++
    sum.set(id, s)
  }
  for (const e of edges) {
    if (want.has(e.source) && placed[e.target]) add(e.source, placed[e.target])
    if (want.has(e.target) && placed[e.source]) add(e.target, placed[e.source])
  }
  let cx = 0
  let cy = 0
  let n = 0
  for (const p of Object.values(placed)) { cx += p.x; cy += p.y; n++ }
  const centre = n > 0 ? { x: cx / n, y: cy / n } : { x: 0, y: 0 }
  const out: Positions = {}
  let i = 0
  for (const id of want) {
    const s = sum.get(id)
    const base = s ? { x: s.x / s.n, y: s.y / s.n } : centre
    // a golden-angle spiral step keeps nodes placed at the same mean apart
    const a = i * 2.399963
    const r = 24 + 6 * Math.sqrt(i++)
    out[id] = { x: base.x + Math.cos(a) * r, y: base.y + Math.sin(a) * r }
  }
  return out
}

export class LayoutRunner {
  layoutName: LayoutName = 'grouped'
  /** a layout is moving nodes (animated): the view is not settled */
  moving = false
  /** the current view's grouped placement (set by the controller) */
  grouped: (graph: Graph, sizes: Map<string, number>) => Positions = () => ({})
  /** told when nodes start or stop moving by themselves */
  onMoving: () => void = () => undefined
  /** a layout finished (its positions are the view's own now) */
  onLaidOut: () => void = () => undefined
  private ticket = 0
  private worker: Worker | null = null
  private workerFailed = false

  constructor(
    private readonly state: GraphState,
    private readonly viewport: Viewport,
    private readonly loader: Loader,
    private readonly onPositions: (p: Positions) => void,
  ) {}

  /**
   * Positions into the element definitions before they are added: remembered ones, else a quick
   * deterministic placement. Returns the ids that still need a place (near their neighbours), or
   * schedules a layout when most positions were unknown.
   */
  placeDefinitions(graph: Graph, nodes: ElementDefinition[]): string[] {
    const cached = this.state.cachedPositions
    const unknown = nodes.filter((n) => !cached[n.data.id as string]).map((n) => n.data.id as string)
    const needLayout = unknown.length > 0.2 * nodes.length
    const sizes = new Map(nodes.map((n) => [n.data.id as string, Number(n.data.size) || 16]))
    const placed = !needLayout ? {} : this.layoutName === 'lanes' ? lanePositions(graph) : this.layoutName === 'concentric' ? concentricByDomain(graph) : this.grouped(graph, sizes)
    for (const n of nodes) {
      const id = n.data.id as string
      const p = cached[id] ?? placed[id]
      if (p) n.position = { x: p.x, y: p.y }
      if (this.state.pinnedIds.has(id)) n.classes = `${n.classes ?? ''} pinned`.trim()
    }
    if (!needLayout) return unknown
    // grouped, concentric and lanes are what was just placed; force (only when chosen) refines it in a worker
    if (this.layoutName === 'force') {
      // tests and the benchmark wait for 'laid-out' when this mark says a layout is on its way
      mark('layout-scheduled')
      this.loader.whenLoaded(() => this.loader.whenIdle(() => this.run('force')))
    }
    else this.loader.whenLoaded(() => this.savePositions())
    return []
  }

  /** New nodes go near already placed neighbours; nodes whose neighbours are all new wait a pass. */
  placeNearNeighbours(ids: string[]): void {
    const cy = this.state.core
    if (!cy || ids.length === 0) return
    const pending = new Set(ids)
    const ext = cy.extent()
    const jitter = () => (Math.random() - 0.5) * 80
    cy.batch(() => {
      for (const id of ids) {
        const known = this.state.cachedPositions[id]
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

  positions(): Positions {
    const out: Positions = {}
    this.state.core?.nodes().forEach((n) => {
      const p = n.position()
      out[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 }
    })
    return out
  }

  savePositions(): void {
    const p = this.positions()
    this.state.cachedPositions = { ...this.state.cachedPositions, ...p }
    this.onPositions(p)
  }

  run(name: LayoutName): void {
    const cy = this.state.core
    if (!cy || cy.nodes().length === 0) return
    this.layoutName = name
    const ticket = ++this.ticket
    const shown = cy.nodes().not('.hidden')
    if (name === 'force') {
      // co-mention ('related') edges are too many to lay out by; structure comes from the rest
      const eles = shown.union(shown.connectedEdges().not('.hidden').not('edge[type = "related"]'))
      if (!this.runForceInWorker(cy, eles, ticket)) void this.runForceHere(cy, eles, ticket)
      return
    }
    const visible = new Set(shown.map((n) => n.id()))
    const current = this.state.current
    if (name === 'grouped') {
      const sizes = new Map(shown.map((n) => [n.id(), Number(n.data('size')) || 16] as [string, number]))
      const all = this.grouped(current, sizes)
      this.moveTo(cy, Object.fromEntries(Object.entries(all).filter(([id]) => visible.has(id))), ticket)
      return
    }
    const sub: Graph = {
      nodes: current.nodes.filter((n) => visible.has(n.id)),
      edges: current.edges.filter((e) => visible.has(e.source) && visible.has(e.target)),
      diagnostics: [],
    }
    this.moveTo(cy, name === 'lanes' ? lanePositions(sub) : concentricByDomain(sub), ticket)
  }

  /** Move the unpinned nodes to their new positions (animated on small graphs), then fit and save. */
  moveTo(cy: Core, positions: Positions, ticket = ++this.ticket): void {
    if (ticket !== this.ticket || !liveCore(this.state, cy)) return
    const pinned = this.state.pinnedIds
    const movable = cy.nodes().filter((n) => !pinned.has(n.id()) && positions[n.id()] !== undefined)
    const done = () => {
      if (this.moving) { this.moving = false; this.onMoving() }
      this.viewport.fitPositions()
      this.savePositions()
      this.onLaidOut()
      cy.emit('layoutstop')
      mark('laid-out')
    }
    if (this.state.big || movable.length > 1500 || isHeadless(cy)) {
      cy.batch(() => movable.forEach((n) => { n.position(positions[n.id()]) }))
      done()
      return
    }
    cy.stop()
    this.moving = true
    this.onMoving()
    const layout = movable.layout({ name: 'preset', positions: (n: NodeSingular) => positions[n.id()], animate: true, animationDuration: 450, fit: false } as LayoutOptions)
    layout.one('layoutstop', () => { if (ticket === this.ticket) done() })
    layout.run()
  }

  /** Pinned nodes as fcose fixed-position constraints (only those that take part in the layout). */
  private fixedNodes(eles: ReturnType<Core['elements']>): FixedNode[] {
    const out: FixedNode[] = []
    eles.nodes().forEach((n) => { if (this.state.pinnedIds.has(n.id())) out.push({ nodeId: n.id(), position: { ...n.position() } }) })
    return out
  }

  /** No worker: fcose on the main thread (loaded on demand, it is not needed for the first paint). */
  private async runForceHere(cy: Core, eles: ReturnType<Core['elements']>, ticket: number): Promise<void> {
    await registerFcose()
    if (ticket !== this.ticket || !liveCore(this.state, cy)) return
    const layout = eles.layout(forceOptions(eles.nodes().length, this.fixedNodes(eles)))
    layout.one('layoutstop', () => {
      this.viewport.fitPositions()
      this.savePositions()
      this.onLaidOut()
      mark('laid-out')
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
      if (ticket === this.ticket) void this.runForceHere(cy, eles, ticket)
    }
    worker.onmessage = (e: MessageEvent<LayoutReply>) => {
      if (e.data.id !== ticket || ticket !== this.ticket || !liveCore(this.state, cy)) return
      if (!e.data.positions) { fallback(); return }
      this.moveTo(cy, e.data.positions, ticket)
    }
    worker.onerror = (e) => { e.preventDefault(); fallback() }
    worker.postMessage({ id: ticket, elements, fixed: this.fixedNodes(eles) } satisfies LayoutRequest)
    return true
  }
}

let fcoseRegistered: Promise<void> | null = null
function registerFcose(): Promise<void> {
  return (fcoseRegistered ??= import('cytoscape-fcose').then((f) => { cytoscape.use(f.default) }))
}
