// A small SVG writer for the current graph view: straight edges, node shapes, labels.
// It reads positions and resolved styles from Cytoscape, so the file looks like the canvas
// without a new dependency.
import type { Core } from 'cytoscape'

export interface SvgNode {
  x: number
  y: number
  width: number
  height: number
  shape: string
  fill: string
  stroke: string
  strokeWidth: number
  opacity: number
  label: string
  fontSize: number
  color: string
}

export interface SvgEdge {
  x1: number
  y1: number
  x2: number
  y2: number
  color: string
  width: number
  opacity: number
}

export interface SvgScene {
  nodes: SvgNode[]
  edges: SvgEdge[]
  background?: string
  padding?: number
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c)
}

const num = (n: number): string => (Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '0')

function polygon(n: SvgNode, pts: Array<[number, number]>): string {
  return pts.map(([px, py]) => `${num(n.x + (px * n.width) / 2)},${num(n.y + (py * n.height) / 2)}`).join(' ')
}

function shapeElement(n: SvgNode, paint: string): string {
  const w = n.width
  const h = n.height
  switch (n.shape) {
    case 'rectangle':
    case 'square':
      return `<rect x="${num(n.x - w / 2)}" y="${num(n.y - h / 2)}" width="${num(w)}" height="${num(h)}"${paint}/>`
    case 'round-rectangle':
    case 'roundrectangle': {
      const r = Math.min(w, h) / 4
      return `<rect x="${num(n.x - w / 2)}" y="${num(n.y - h / 2)}" width="${num(w)}" height="${num(h)}" rx="${num(r)}"${paint}/>`
    }
    case 'diamond':
      return `<polygon points="${polygon(n, [[0, -1], [1, 0], [0, 1], [-1, 0]])}"${paint}/>`
    case 'triangle':
      return `<polygon points="${polygon(n, [[0, -1], [1, 1], [-1, 1]])}"${paint}/>`
    case 'hexagon':
      return `<polygon points="${polygon(n, [[-0.5, -1], [0.5, -1], [1, 0], [0.5, 1], [-0.5, 1], [-1, 0]])}"${paint}/>`
    default:
      return `<ellipse cx="${num(n.x)}" cy="${num(n.y)}" rx="${num(w / 2)}" ry="${num(h / 2)}"${paint}/>`
  }
}

/** Serialize a scene; the viewBox wraps everything drawn plus padding. */
export function sceneToSvg(scene: SvgScene): string {
  const pad = scene.padding ?? 20
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  const grow = (x: number, y: number) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return
    minX = Math.min(minX, x)
    minY = Math.min(minY, y)
    maxX = Math.max(maxX, x)
    maxY = Math.max(maxY, y)
  }
  for (const n of scene.nodes) {
    grow(n.x - n.width / 2, n.y - n.height / 2)
    // labels sit under the node
    grow(n.x + n.width / 2, n.y + n.height / 2 + (n.label ? n.fontSize * 1.6 : 0))
    if (n.label) {
      const half = (n.label.length * n.fontSize * 0.3)
      grow(n.x - half, n.y)
      grow(n.x + half, n.y)
    }
  }
  for (const e of scene.edges) {
    grow(e.x1, e.y1)
    grow(e.x2, e.y2)
  }
  if (minX === Infinity) {
    minX = minY = 0
    maxX = maxY = 0
  }
  const x0 = minX - pad
  const y0 = minY - pad
  const w = maxX - minX + 2 * pad
  const h = maxY - minY + 2 * pad

  const out: string[] = []
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(x0)} ${num(y0)} ${num(w)} ${num(h)}" width="${num(w)}" height="${num(h)}">`,
  )
  if (scene.background) {
    out.push(`<rect x="${num(x0)}" y="${num(y0)}" width="${num(w)}" height="${num(h)}" fill="${escapeXml(scene.background)}"/>`)
  }
  out.push('<g class="edges">')
  for (const e of scene.edges) {
    const op = e.opacity < 1 ? ` stroke-opacity="${num(e.opacity)}"` : ''
    out.push(
      `<line x1="${num(e.x1)}" y1="${num(e.y1)}" x2="${num(e.x2)}" y2="${num(e.y2)}" stroke="${escapeXml(e.color)}" stroke-width="${num(e.width)}"${op}/>`,
    )
  }
  out.push('</g>', '<g class="nodes">')
  for (const n of scene.nodes) {
    const op = n.opacity < 1 ? ` opacity="${num(n.opacity)}"` : ''
    const stroke = n.strokeWidth > 0 ? ` stroke="${escapeXml(n.stroke)}" stroke-width="${num(n.strokeWidth)}"` : ''
    out.push(`<g${op}>`)
    out.push(shapeElement(n, ` fill="${escapeXml(n.fill)}"${stroke}`))
    if (n.label) {
      out.push(
        `<text x="${num(n.x)}" y="${num(n.y + n.height / 2 + n.fontSize * 1.2)}" text-anchor="middle" font-family="sans-serif" font-size="${num(n.fontSize)}" fill="${escapeXml(n.color)}">${escapeXml(n.label)}</text>`,
      )
    }
    out.push('</g>')
  }
  out.push('</g>', '</svg>')
  return out.join('\n')
}

const px = (v: unknown, fallback: number): number => {
  const n = parseFloat(String(v))
  return Number.isFinite(n) ? n : fallback
}

/** Read what is currently drawn (visible elements only) from a Cytoscape core. */
export function sceneFromCy(cy: Core, background?: string): SvgScene {
  const nodes: SvgNode[] = []
  const edges: SvgEdge[] = []
  cy.nodes(':visible').forEach((n) => {
    const p = n.position()
    const label = String(n.style('label') ?? '')
    nodes.push({
      x: p.x,
      y: p.y,
      width: n.width(),
      height: n.height(),
      shape: String(n.style('shape')),
      fill: String(n.style('background-color')),
      stroke: String(n.style('border-color')),
      strokeWidth: px(n.style('border-width'), 0),
      opacity: px(n.style('opacity'), 1),
      label,
      fontSize: px(n.style('font-size'), 10),
      color: String(n.style('color')),
    })
  })
  cy.edges(':visible').forEach((e) => {
    const s = e.sourceEndpoint()
    const t = e.targetEndpoint()
    edges.push({
      x1: s.x,
      y1: s.y,
      x2: t.x,
      y2: t.y,
      color: String(e.style('line-color')),
      width: px(e.style('width'), 1),
      opacity: px(e.style('opacity'), 1),
    })
  })
  return { nodes, edges, background }
}
