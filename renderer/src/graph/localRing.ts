// The local graph of a node with a few dozen neighbours, laid out to be read: the centre in the middle, its
// neighbours in two columns that bow out around it (each half of an ellipse), so every name can sit outward of
// its node, beside it, where no other node is (labels.ts outwardSides). Kinds stay together (services, notes,
// concepts, tags, domains), the best connected first; the right column holds the first half. Pure: model units in,
// positions and the padding the fit must keep out.
import type { Positions } from './graphState'

export interface RingItem {
  id: string
  /** node diameter, model units */
  size: number
  /** smaller = more connected (comes first within its kind) */
  rank: number
  /** the node's type: domain, note, service, concept, tag */
  kind: string
  /** lines of its name (labels.ts wrapLabel): a two-line name gets a taller row */
  lines: number
}

export interface RingCanvas { width: number; height: number; maxZoom: number }

export interface LocalRing {
  positions: Positions
  /** rendered px the fit keeps free on each side: the labels of the columns sit in it */
  padding: { x: number; y: number }
}

/**
 * Rendered height below which a row is too low for the columns to be worth it (the nodes are then packed): a
 * one-line name and the room the label pick keeps between names take ≈ 23 px, so below that some names are left
 * out, and the more the lower the rows.
 */
export const RING_ROW_PX = 20
/** A row's height for a name of `lines` lines, in one-line rows (a second line is a little over half again). */
const rowWeight = (lines: number): number => (lines > 1 ? 1.7 : 1)
/** Rendered px kept free above and below the columns. */
const PAD_Y = 36
/** Free space between two nodes of a column, model units. */
const ROW_GAP = 12
const KIND_ORDER = ['service', 'note', 'concept', 'tag', 'domain']
/**
 * Room left free in the middle of each column, in one-line rows: the centre's own name sits under it and reaches
 * the columns where they are close (a narrow canvas), which would leave the neighbours level with it unnamed.
 */
const CENTRE_GAP = 2.4

/**
 * Positions for the local graph around `centre`, or null when the columns would not hold their names (too many
 * neighbours for the canvas height: the caller packs them instead). `labelPx` is the rendered width of the widest
 * name; the columns' names get up to a third of the canvas width each side.
 */
export function localRing(items: RingItem[], centre: string, canvas: RingCanvas, labelPx: number): LocalRing | null {
  const mid = items.find((i) => i.id === centre)
  const around = items.filter((i) => i.id !== centre)
  if (!mid || around.length === 0) return null
  const kindOf = (k: string) => { const i = KIND_ORDER.indexOf(k); return i < 0 ? KIND_ORDER.length : i }
  const ordered = [...around].sort((a, b) => kindOf(a.kind) - kindOf(b.kind) || a.rank - b.rank || (a.id < b.id ? -1 : 1))
  // the right column takes the first names up to half the rows' height (in one-line rows), the left the rest
  const weights = ordered.map((i) => rowWeight(i.lines))
  const total = weights.reduce((a, b) => a + b, 0)
  let split = 0
  for (let acc = 0; split < ordered.length - 1 && acc + weights[split] / 2 <= total / 2; split++) acc += weights[split]
  split = Math.max(1, split)
  // where two kinds meet near the middle, the columns split there: one kind per column reads better than an even split
  let boundary = -1
  for (let k = 1; k < ordered.length; k++) {
    if (ordered[k].kind === ordered[k - 1].kind || Math.abs(sumOf(weights, 0, k) / total - 0.5) > 0.1) continue
    if (boundary < 0 || Math.abs(k - split) < Math.abs(boundary - split)) boundary = k
  }
  if (boundary > 0) split = boundary
  const sum = (from: number, to: number) => sumOf(weights, from, to)
  const tallest = Math.max(sum(0, split), sum(split, ordered.length)) + CENTRE_GAP
  if ((Math.max(split, ordered.length - split) + CENTRE_GAP) * RING_ROW_PX > canvas.height - 2 * PAD_Y) return null
  const padX = Math.min(labelPx + 8, canvas.width / 3)
  const biggest = Math.max(...around.map((i) => i.size))
  // model units: a one-line row as tall as the biggest node and a gap; the fit then scales it to the canvas
  const unit = biggest + ROW_GAP
  const ry = (tallest * unit) / 2
  // the zoom the fit will take (the columns fill the height), so the width left between the names' margins can be
  // spent in model units: the columns as far apart as the canvas allows
  const zoom = Math.min(canvas.maxZoom, (canvas.height - 2 * PAD_Y) / (2 * ry + biggest))
  const rx = Math.max(mid.size / 2 + biggest, (canvas.width - 2 * padX) / 2 / zoom - biggest / 2)
  const positions: Positions = { [centre]: { x: 0, y: 0 } }
  const column = (from: number, to: number, sign: number) => {
    // each column spread over the whole height, every row as tall as its name needs, the middle left free
    const rows = sum(from, to)
    const scale = (2 * ry) / (rows + CENTRE_GAP)
    let top = -ry
    let before = 0
    let gapped = false
    for (let k = from; k < to; k++) {
      if (!gapped && before + weights[k] / 2 > rows / 2) { top += CENTRE_GAP * scale; gapped = true }
      before += weights[k]
      const y = top + (weights[k] * scale) / 2
      top += weights[k] * scale
      positions[ordered[k].id] = { x: sign * rx * Math.sqrt(Math.max(0, 1 - (y / ry) ** 2)), y }
    }
  }
  column(0, split, 1)
  column(split, ordered.length, -1)
  return { positions, padding: { x: padX, y: PAD_Y } }
}

const sumOf = (xs: number[], from: number, to: number): number => xs.slice(from, to).reduce((a, b) => a + b, 0)
