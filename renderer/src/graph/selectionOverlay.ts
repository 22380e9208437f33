// The selected node's ring, label and edges, drawn on a small canvas over Cytoscape's. Styling a selection
// inside Cytoscape redraws every element of the graph (≈70 ms for the bundled notes' 3,800 elements in
// software rendering, edges most of it), and the next click waits behind that frame. Here a selection costs
// one ring and a few lines; the overlay follows the graph on each Cytoscape frame (pan, zoom, drag, layout).
import type { Core, NodeSingular } from 'cytoscape'

export interface OverlayColours {
  ring: string
  edge: string
  text: string
  outline: string
}

export class SelectionOverlay {
  private readonly canvas: HTMLCanvasElement
  private selected: string | null = null
  private frame = 0
  private readonly onRender = () => this.schedule()

  constructor(private readonly cy: Core, private colours: OverlayColours) {
    const container = cy.container()
    this.canvas = document.createElement('canvas')
    this.canvas.className = 'selection-overlay'
    this.canvas.setAttribute('aria-hidden', 'true')
    // hidden while nothing is selected: an extra full-size layer costs every frame in software compositing
    Object.assign(this.canvas.style, { position: 'absolute', inset: '0', pointerEvents: 'none', zIndex: '1', display: 'none' })
    container?.appendChild(this.canvas)
  }

  show(id: string | null): void {
    if (id && !this.selected) this.cy.on('render resize', this.onRender)
    if (!id && this.selected) this.cy.off('render resize', this.onRender)
    this.selected = id
    this.canvas.style.display = id ? 'block' : 'none'
    this.schedule()
  }

  setColours(colours: OverlayColours): void {
    this.colours = colours
    this.schedule()
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    this.cy.off('render resize', this.onRender)
    this.canvas.remove()
  }

  private schedule(): void {
    if (this.frame || typeof requestAnimationFrame !== 'function') return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.draw()
    })
  }

  private draw(): void {
    const cy = this.cy
    if (cy.destroyed()) return
    const ratio = window.devicePixelRatio || 1
    const w = cy.width()
    const h = cy.height()
    if (this.canvas.width !== Math.round(w * ratio) || this.canvas.height !== Math.round(h * ratio)) {
      this.canvas.width = Math.round(w * ratio)
      this.canvas.height = Math.round(h * ratio)
      // drawn at the screen's density, shown at the graph's size in CSS px (a canvas is shown at its own pixel
      // size otherwise: on a 2× screen the ring landed twice as far from the corner, on another node)
      this.canvas.style.width = `${w}px`
      this.canvas.style.height = `${h}px`
    }
    const ctx = this.canvas.getContext('2d')
    if (!ctx) return
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    ctx.clearRect(0, 0, w, h)
    const node = this.selected ? cy.getElementById(this.selected) : null
    if (!node || node.empty() || !node.visible()) return
    this.drawEdges(ctx, node)
    this.drawRing(ctx, node)
  }

  /**
   * Edges are haystack lines between node centres (haystack-radius 0), so straight lines match them. The services
   * map's links keep their own colour and dots (compared in a table, part of): one grey for all hid what each meant
   * just when the student looked at that service.
   */
  private drawEdges(ctx: CanvasRenderingContext2D, node: NodeSingular): void {
    const zoom = this.cy.zoom()
    const strokes = new Map<string, Array<[{ x: number; y: number }, { x: number; y: number }]>>()
    node.connectedEdges().forEach((e) => {
      if (!e.visible()) return
      const own = e.data('type') === 'map' ? `${e.style('line-color')}|${e.style('line-style') === 'dotted' ? 'dots' : ''}` : `${this.colours.edge}|`
      const list = strokes.get(own) ?? []
      list.push([e.source().renderedPosition(), e.target().renderedPosition()])
      strokes.set(own, list)
    })
    ctx.lineWidth = Math.max(1, Math.min(3, 1.5 * zoom))
    for (const [own, lines] of strokes) {
      const [colour, dots] = own.split('|')
      ctx.strokeStyle = colour
      ctx.globalAlpha = dots || colour !== this.colours.edge ? 0.9 : 0.6
      ctx.setLineDash(dots ? [2, 3] : [])
      ctx.beginPath()
      for (const [a, b] of lines) { ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y) }
      ctx.stroke()
    }
    ctx.setLineDash([])
    ctx.globalAlpha = 1
  }

  private drawRing(ctx: CanvasRenderingContext2D, node: NodeSingular): void {
    const p = node.renderedPosition()
    const r = node.renderedWidth() / 2
    ctx.lineWidth = 3
    ctx.strokeStyle = this.colours.outline
    ctx.beginPath()
    ctx.arc(p.x, p.y, r + 2, 0, 2 * Math.PI)
    ctx.stroke()
    ctx.strokeStyle = this.colours.ring
    ctx.beginPath()
    ctx.arc(p.x, p.y, r + 4.5, 0, 2 * Math.PI)
    ctx.stroke()
    // the selected node is always labelled, whatever the zoom, but only once: when Cytoscape draws its
    // label (the label pick gives the selection one), a second one here would sit a few px off it
    if (cytoscapeShowsLabel(node, this.cy.zoom())) return
    const label = String(node.data('short') ?? node.data('label') ?? '')
    if (!label) return
    ctx.font = `600 13px system-ui, sans-serif`
    ctx.textAlign = 'center'
    ctx.textBaseline = 'top'
    ctx.lineJoin = 'round'
    ctx.lineWidth = 3
    ctx.strokeStyle = this.colours.outline
    ctx.strokeText(label, p.x, p.y + r + 8)
    ctx.fillStyle = this.colours.text
    ctx.fillText(label, p.x, p.y + r + 8)
  }
}

/**
 * Does Cytoscape draw this node's label now? Its rule: a non-empty `label`, `text-opacity` > 0 and a font
 * of at least `min-zoomed-font-size` on screen (6 px at the least, as the map checks count it).
 */
export function cytoscapeShowsLabel(node: NodeSingular, zoom: number): boolean {
  const text = String(node.style('label') ?? '')
  if (!text || !(Number(node.style('text-opacity')) > 0)) return false
  return node.numericStyle('font-size') * zoom >= Math.max(node.numericStyle('min-zoomed-font-size') || 0, 6)
}
