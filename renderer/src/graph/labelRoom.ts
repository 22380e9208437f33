// Room for every label when a view shows few enough nodes that all their labels could be read at once.
// Labels are drawn at a fixed size on screen (labels.ts), so what decides how many fit is the space
// between nodes on screen: a tight packing of 50 nodes fitted to a big canvas leaves nodes ~70 px apart
// and their 150 px names collide. If the names' total area fits the canvas comfortably, each node's
// packing footprint gets its label's box (at the model size that becomes the screen size at the fit
// zoom, found in two or three passes); otherwise the plain packing is kept (the label rule then shows the
// most important ones). The same rule for every folder: nothing depends on the notes.
import { packLayout, type PackItem, type PackOptions } from './packLayout'

/** On-screen label font the room is made for (px): the label rule's middle tiers (labels.ts). */
export const ROOM_FONT_PX = 13
/** Make room only when the labels would take at most this share of the canvas. */
export const ROOM_SHARE = 0.35

export interface Canvas { width: number; height: number; padding: number; maxZoom: number }

/** The zoom at which the viewport fits these positions (same rule as viewport.ts fitPositions). */
export function fitZoom(items: PackItem[], positions: Record<string, { x: number; y: number }>, c: Canvas): number {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity, big = 0
  for (const it of items) {
    const p = positions[it.id]
    if (!p) continue
    x1 = Math.min(x1, p.x); y1 = Math.min(y1, p.y); x2 = Math.max(x2, p.x); y2 = Math.max(y2, p.y)
    big = Math.max(big, it.size)
  }
  if (!Number.isFinite(x1)) return 1
  const w = Math.max(1, c.width - 2 * c.padding)
  const h = Math.max(1, c.height - 2 * c.padding)
  return Math.min(c.maxZoom, w / Math.max(1, x2 - x1 + 2 * big), h / Math.max(1, y2 - y1 + 2 * big))
}

/**
 * Pack `items`, with label room when every label fits. `textWidth(id)` is the label's width at 1 px.
 * Items that already carry a footprint (the services map) are packed as they are.
 */
export function packWithLabelRoom(items: PackItem[], opts: PackOptions, textWidth: (id: string) => number, canvas: Canvas, lines: (id: string) => number = () => 1): ReturnType<typeof packLayout> {
  const plain = packLayout(items, opts)
  if (items.length === 0 || items.some((i) => i.footprint)) return plain
  const lineH = ROOM_FONT_PX * 1.6
  // even empty labels would not fit: no need to measure thousands of them
  if (items.length * 12 * lineH * 2 > ROOM_SHARE * canvas.width * canvas.height) return plain
  // measured until the labels' area is known to be too big (the overview's names need ~8× the share: the
  // first few dozen settle it, and each measure is a wrap and a canvas call)
  const share = ROOM_SHARE * canvas.width * canvas.height
  const widths: number[] = []
  let need = 0
  for (const it of items) {
    const w = textWidth(it.id)
    need += (w * ROOM_FONT_PX + 12) * lineH * 2
    if (need > share) return plain
    widths.push(w)
  }
  const rows = items.map((i) => Math.max(1, lines(i.id)))
  // room made for a model font that the fit zoom turns into ROOM_FONT_PX on screen; more room means a
  // smaller zoom, so the font is raised by the square of the shortfall (converges in 2–3 passes)
  let font = ROOM_FONT_PX / Math.max(0.05, fitZoom(items, plain.positions, canvas))
  let best = plain
  for (let pass = 0; pass < 5; pass++) {
    const roomy = items.map((it, j) => ({ ...it, footprint: { width: Math.max(it.size, widths[j] * font + 12 * (font / ROOM_FONT_PX)), height: it.size + font * (rows[j] + 0.6) } }))
    best = packLayout(roomy, opts)
    const onScreen = font * fitZoom(items, best.positions, canvas)
    if (onScreen >= ROOM_FONT_PX) break
    font *= (ROOM_FONT_PX / onScreen) ** 2
  }
  return best
}

