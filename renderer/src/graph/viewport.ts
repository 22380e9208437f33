// The viewport: fitting to node positions, zoom steps, centring a focused node. Never measures labels
// (cy.fit() does, and costs more than a second at 25k elements).
import type { Core, EventObject, Position } from 'cytoscape'
import type { GraphState } from './graphState'

/** rendered px kept free around a fitted box: the same on every side, or across (x) and up and down (y) */
export type Padding = number | { x: number; y: number }

/** emitted on the core when the app moves the view to a node (a search, the node list): the user's choice of view */
export const FOCUS_EVENT = 'notesgraphfocus'

export interface Box { x1: number; y1: number; x2: number; y2: number }

/** Bounding box of node positions, padded by the biggest node (labels left out: measuring them is slow). */
export function boxOf(nodes: Array<{ position?: Position; data: object }>): Box | null {
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

export class Viewport {
  private focusing: { id: string; zoom: number; until: number } | null = null
  /** the local graph's fit, kept while nobody moved the view: the canvas may narrow after it (the note panel opens) */
  private around: { id: string; padding: Padding } | null = null
  private bound: Core | null = null
  /** the user has panned or zoomed since the graph was attached (the app's own fits do not count) */
  private userMoved = false
  /** the view is a fit of the whole box the app asked for (not a node zoomed in on, nor moved by the user since) */
  private fitted = false
  private readonly onGesture = (e: EventObject) => {
    // a wheel or pinch zoom, or a drag that starts on the background (a pan): the view is the user's now
    if (e.type !== 'tapstart' || e.target === e.cy) { this.around = null; this.userMoved = true; this.fitted = false }
  }

  /** True once the user has panned or zoomed: the app then leaves the view where they put it. */
  movedByUser(): boolean { return this.userMoved }
  /** True while the view is the app's fit of what is shown: a resize may fit it again (nothing else is lost). */
  showsFit(): boolean { return this.fitted && !this.userMoved }

  constructor(private readonly state: GraphState) {}

  attach(core: Core | null): void {
    this.bound?.off('tapstart scrollzoom pinchzoom', this.onGesture)
    this.bound = core
    this.around = null
    this.userMoved = false
    this.fitted = false
    core?.on('tapstart scrollzoom pinchzoom', this.onGesture)
  }

  /** Set the viewport to show a model-space box. */
  fitBox(box: Box | null, padding: Padding = 30): void {
    const cy = this.state.core
    this.around = null
    if (!cy || !box) return
    const { x1, y1, x2, y2 } = box
    // a padding kept for another canvas (the local graph's names, before the window narrowed) leaves the box a third at least
    const given = typeof padding === 'number' ? { x: padding, y: padding } : padding
    const pad = { x: Math.min(given.x, cy.width() / 3), y: Math.min(given.y, cy.height() / 3) }
    const w = Math.max(1, cy.width() - 2 * pad.x)
    const h = Math.max(1, cy.height() - 2 * pad.y)
    const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min(w / Math.max(1, x2 - x1), h / Math.max(1, y2 - y1))))
    this.fitted = true
    cy.viewport({ zoom, pan: { x: cy.width() / 2 - ((x1 + x2) / 2) * zoom, y: cy.height() / 2 - ((y1 + y2) / 2) * zoom } })
  }

  /** Fit the view to the positions of the shown nodes. */
  fitPositions(padding: Padding = 30): void {
    const cy = this.state.core
    if (!cy || cy.nodes().length === 0) return
    const visible: Array<{ position?: Position; data: object }> = []
    cy.nodes().forEach((n) => { if (!n.hasClass('hidden')) visible.push({ position: n.position(), data: { size: n.data('size') } }) })
    this.fitBox(boxOf(visible), padding)
  }

  /**
   * Fit the shown nodes with `id` in the middle of the canvas (the local graph): the box is made
   * symmetric around the node, so the fit centres it whatever side its neighbours were packed on.
   */
  fitAround(id: string, padding: Padding = 60): void {
    const cy = this.state.core
    if (!cy) return
    const centre = cy.getElementById(id)
    if (centre.empty() || centre.hasClass('hidden')) { this.fitPositions(padding); return }
    const visible: Array<{ position?: Position; data: object }> = []
    cy.nodes().forEach((n) => { if (!n.hasClass('hidden')) visible.push({ position: n.position(), data: { size: n.data('size') } }) })
    const box = boxOf(visible)
    if (!box) return
    const c = centre.position()
    const dx = Math.max(c.x - box.x1, box.x2 - c.x)
    const dy = Math.max(c.y - box.y1, box.y2 - c.y)
    cy.stop()
    this.focusing = null
    this.fitBox({ x1: c.x - dx, y1: c.y - dy, x2: c.x + dx, y2: c.y + dy }, padding)
    this.around = { id, padding }
  }

  /** The pan that puts a model position in the middle of the canvas (cy.center would use the label too). */
  panToCentre(p: Position, zoom: number): Position {
    const cy = this.state.core!
    return { x: cy.width() / 2 - p.x * zoom, y: cy.height() / 2 - p.y * zoom }
  }

  /** Centre and zoom in on a shown node. */
  focusOn(id: string): void {
    const cy = this.state.core
    if (!cy) return
    const n = cy.getElementById(id)
    if (n.empty() || n.hasClass('hidden')) return
    cy.stop()
    const zoom = Math.max(cy.zoom(), 1.2)
    this.around = null
    this.fitted = false
    this.focusing = { id, zoom, until: performance.now() + 1500 }
    cy.animate({ zoom, pan: this.panToCentre(n.position(), zoom) }, { duration: 250 })
    cy.emit(FOCUS_EVENT)
  }

  /**
   * The canvas changed size (e.g. the note panel opened): a node being focused stays centred, a local graph
   * fitted. True when the zoom was set again here (the labels, sized for the old zoom, are due a new pick now).
   */
  resized(): boolean {
    const cy = this.state.core
    const f = this.focusing
    // the local graph fitted by the app, untouched since: fitted again to the new size
    if (cy && this.around) { this.fitAround(this.around.id, this.around.padding); return true }
    if (!cy || !f || performance.now() > f.until) return false
    const n = cy.getElementById(f.id)
    if (n.empty()) return false
    cy.stop()
    cy.viewport({ zoom: f.zoom, pan: this.panToCentre(n.position(), f.zoom) })
    return true
  }

  /** Pan just far enough that the node is on screen (with room for its size), if it is shown and is not. */
  keepInView(id: string): void {
    const cy = this.state.core
    if (!cy || cy.width() <= 0 || cy.height() <= 0) return
    const n = cy.getElementById(id)
    if (n.empty() || !n.visible()) return
    const p = n.renderedPosition()
    const margin = Math.min(n.renderedWidth() / 2 + 16, cy.width() / 2, cy.height() / 2)
    const into = (v: number, size: number) => (v < margin ? margin - v : v > size - margin ? size - margin - v : 0)
    const dx = into(p.x, cy.width())
    const dy = into(p.y, cy.height())
    if (dx !== 0 || dy !== 0) cy.panBy({ x: dx, y: dy })
  }

  fit(): void {
    const cy = this.state.core
    if (!cy) return
    cy.stop()
    this.fitted = true
    cy.animate({ fit: { eles: cy.elements().not('.hidden'), padding: 30 } }, { duration: 200 })
  }

  zoom(factor: number): void {
    const cy = this.state.core
    if (!cy) return
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor))
    this.fitted = false
    cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })
  }
}

