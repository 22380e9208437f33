// The readable-map check, written against the rule and nothing about our notes, so the same
// check runs on any folder: a label is shown when its `label` style is non-empty, text-opacity > 0 and
// font-size × zoom ≥ max(min-zoomed-font-size, 6 px); its box is boundingBox({ includeNodes: false,
// includeLabels: true }). Nodes are compared by their boxes without labels.
import { expect, type Page } from '@playwright/test'

export interface MapReport {
  labels: number
  labelOverlaps: string[]
  nodeOverlaps: string[]
  /** a label drawn over another node's body ("label of a × node b") */
  labelsOverNodes: string[]
  visibleTypes: string[]
  labelledTypes: Record<string, number>
  visibleNodes: number
  /** smallest and median on-screen font size of the shown labels (px) */
  labelPx: { min: number; median: number }
}

export async function mapReport(page: Page): Promise<MapReport> {
  return page.evaluate(() => {
    const cy = window.cy!
    const zoom = cy.zoom()
    type B = { id: string; x1: number; y1: number; x2: number; y2: number }
    const overlapping = (list: B[]): string[] => {
      const out: string[] = []
      const sorted = [...list].sort((a, b) => a.x1 - b.x1)
      for (let i = 0; i < sorted.length; i++) {
        for (let j = i + 1; j < sorted.length && sorted[j].x1 < sorted[i].x2; j++) {
          const a = sorted[i]
          const b = sorted[j]
          if (a.y1 < b.y2 && b.y1 < a.y2) out.push(`${a.id} × ${b.id}`)
        }
      }
      return out
    }
    const visible = cy.nodes().filter((n) => n.visible())
    const labels: B[] = []
    const nodes: B[] = []
    const labelledTypes: Record<string, number> = {}
    const px: number[] = []
    visible.forEach((n) => {
      const bb = n.boundingBox({ includeLabels: false, includeOverlays: false } as never)
      nodes.push({ id: n.id(), x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 })
      const text = String(n.style('label') ?? '')
      const opacity = Number(n.style('text-opacity'))
      const font = n.numericStyle('font-size')
      const minZoomed = n.numericStyle('min-zoomed-font-size') || 0
      if (!text || !(opacity > 0) || font * zoom < Math.max(minZoomed, 6)) return
      const lb = n.boundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false } as never)
      labels.push({ id: n.id(), x1: lb.x1, y1: lb.y1, x2: lb.x2, y2: lb.y2 })
      px.push(font * zoom)
      const t = String(n.data('type'))
      labelledTypes[t] = (labelledTypes[t] ?? 0) + 1
    })
    const over: string[] = []
    for (const l of labels) for (const n of nodes) if (n.id !== l.id && l.x1 < n.x2 && n.x1 < l.x2 && l.y1 < n.y2 && n.y1 < l.y2) over.push(`${l.id} × ${n.id}`)
    return {
      labels: labels.length,
      labelOverlaps: overlapping(labels),
      nodeOverlaps: overlapping(nodes),
      labelsOverNodes: over,
      visibleTypes: [...new Set(visible.map((n) => String(n.data('type'))))].sort(),
      labelledTypes,
      visibleNodes: visible.length,
      labelPx: { min: px.length ? Math.min(...px) : 0, median: px.length ? [...px].sort((a, b) => a - b)[Math.floor(px.length / 2)] : 0 },
    }
  })
}

/** Wait for the graph container's `data-layout="settled"`. */
export async function waitSettled(page: Page): Promise<void> {
  await expect(page.getByLabel('Knowledge graph')).toHaveAttribute('data-layout', 'settled', { timeout: 60_000 })
}

/** Every node position and the viewport, rounded, as one string. */
export function positionsKey(page: Page): Promise<string> {
  return page.evaluate(() => {
    const cy = window.cy!
    const p = cy.nodes().map((n) => `${n.id()}@${Math.round(n.position('x'))},${Math.round(n.position('y'))}`)
    return `${p.join(';')}|${cy.zoom().toFixed(4)}|${Math.round(cy.pan().x)},${Math.round(cy.pan().y)}`
  })
}
