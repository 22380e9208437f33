// Which labels to show: most important first, each one only if its box stays clear of every label
// already shown (a greedy pass over a grid of buckets, so it costs O(n)). Pure: boxes in rendered
// pixels, text widths from a measuring function.

export interface LabelCandidate {
  id: string
  text: string
  /** rendered centre of the node */
  x: number
  y: number
  /** rendered node height (the label sits below the node) */
  nodeHeight: number
  /** bigger first; highlighted or selected nodes come with a head start */
  importance: number
  /** rendered font size wanted for this label */
  fontPx: number
  /** where the label sits: under the node (default), above it, or beside it, vertically centred (right: the services map) */
  side?: LabelSide
  /** the side the node's style draws its label on without a side class (when `side` differs: the local graph) */
  home?: LabelSide
  /** may cover other nodes (PickOptions.obstacles), though never another label: the local graph's centre */
  overNodes?: boolean
  /** sides to try after `side` when that one is taken (a compared or selected node must keep its name) */
  fallback?: LabelSide[]
  /** with side 'right' or 'left': the rendered node width and the gap before the text (text-margin-x × zoom) */
  nodeWidth?: number
  gapPx?: number
}

export interface LabelBox { x1: number; y1: number; x2: number; y2: number }
export type LabelSide = 'below' | 'above' | 'right' | 'left'

/** A node's body on screen, which no other node's label may cover (PickOptions.obstacles). */
export interface NodeBox extends LabelBox { id: string }

export interface PickOptions {
  /** width of `text` at 1 px font size (scaled linearly) */
  measure(text: string): number
  /** free space kept around each label, rendered px */
  padding: number
  /** the visible area; labels whose box falls outside are not counted */
  width: number
  height: number
  /** at most this many labels */
  cap?: number
  /** label gap under the node, rendered px (text-margin-y × zoom) */
  marginY?: number
  /** node bodies no label may cover but the node's own (the local graph: a name over a neighbour hides it) */
  obstacles?: NodeBox[]
}

/** Lines of a label's text (a label may be wrapped on '\n': labels.ts wrapLabel). */
export const lineCount = (text: string): number => text.split('\n').length

/** The box Cytoscape draws a label in (with its outline), rendered px: bottom-aligned and centred, or right of the node. */
export function labelBox(c: LabelCandidate, width: number, marginY: number): LabelBox {
  const outline = 2
  // one font size per line (Cytoscape's line-height 1), a quarter more for its descent and rounding
  const height = c.fontPx * (lineCount(c.text) + 0.25)
  if (c.side === 'right') {
    const x1 = c.x + (c.nodeWidth ?? c.nodeHeight) / 2 + (c.gapPx ?? 0)
    const half = c.fontPx * lineCount(c.text) / 2
    return { x1: x1 - outline, y1: c.y - half - outline, x2: x1 + width + outline, y2: c.y + half + outline }
  }
  if (c.side === 'left') {
    const x2 = c.x - (c.nodeWidth ?? c.nodeHeight) / 2 - (c.gapPx ?? 0)
    const half = c.fontPx * lineCount(c.text) / 2
    return { x1: x2 - width - outline, y1: c.y - half - outline, x2: x2 + outline, y2: c.y + half + outline }
  }
  if (c.side === 'above') {
    const bottom = c.y - c.nodeHeight / 2 - marginY
    return { x1: c.x - width / 2 - outline, y1: bottom - height - outline, x2: c.x + width / 2 + outline, y2: bottom + outline }
  }
  const top = c.y + c.nodeHeight / 2 + marginY
  return { x1: c.x - width / 2 - outline, y1: top - outline, x2: c.x + width / 2 + outline, y2: top + height + outline }
}

/** Width of a (possibly wrapped) text at 1 px: its widest line. */
export function textWidth(text: string, measure: (line: string) => number): number {
  if (!text.includes('\n')) return measure(text)
  let w = 0
  for (const line of text.split('\n')) w = Math.max(w, measure(line))
  return w
}

export const overlaps = (a: LabelBox, b: LabelBox): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2

export function pickLabels(candidates: LabelCandidate[], opts: PickOptions): Array<{ id: string; box: LabelBox; side: LabelSide }> {
  const sorted = [...candidates].sort((a, b) => b.importance - a.importance || (a.id < b.id ? -1 : 1))
  const cell = 96
  const buckets = new Map<number, Array<LabelBox & { id?: string }>>()
  const keyOf = (cx: number, cy: number) => (cx + 4096) * 8192 + (cy + 4096)
  const cap = opts.cap ?? Infinity
  const pad = opts.padding
  const out: Array<{ id: string; box: LabelBox; side: LabelSide }> = []
  const put = (box: LabelBox & { id?: string }) => {
    const cx1 = Math.floor(box.x1 / cell), cx2 = Math.floor(box.x2 / cell)
    const cy1 = Math.floor(box.y1 / cell), cy2 = Math.floor(box.y2 / cell)
    for (let cx = cx1; cx <= cx2; cx++) {
      for (let cy = cy1; cy <= cy2; cy++) {
        const k = keyOf(cx, cy)
        const list = buckets.get(k)
        if (list) list.push(box)
        else buckets.set(k, [box])
      }
    }
  }
  for (const o of opts.obstacles ?? []) put(o)
  const clearAt = (box: LabelBox, own: string, overNodes: boolean): boolean => {
    // a label cut by the canvas edge is not a label: it must be whole on screen
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > opts.width || box.y2 > opts.height) return false
    const padded = { x1: box.x1 - pad, y1: box.y1 - pad, x2: box.x2 + pad, y2: box.y2 + pad }
    const cx1 = Math.floor(padded.x1 / cell), cx2 = Math.floor(padded.x2 / cell)
    const cy1 = Math.floor(padded.y1 / cell), cy2 = Math.floor(padded.y2 / cell)
    for (let cx = cx1; cx <= cx2; cx++) {
      for (let cy = cy1; cy <= cy2; cy++) {
        for (const other of buckets.get(keyOf(cx, cy)) ?? []) {
          if (other.id !== undefined && (overNodes || other.id === own)) continue
          if (overlaps(padded, other)) return false
        }
      }
    }
    return true
  }
  for (const c of sorted) {
    if (out.length >= cap) break
    const width = textWidth(c.text, opts.measure) * c.fontPx
    const sides: LabelSide[] = [c.side ?? 'below', ...(c.fallback ?? [])]
    let placed: { box: LabelBox; side: LabelSide } | null = null
    for (const side of sides) {
      const box = labelBox({ ...c, side }, width, opts.marginY ?? 3)
      if (clearAt(box, c.id, c.overNodes === true)) { placed = { box, side }; break }
    }
    if (!placed) continue
    put(placed.box)
    out.push({ id: c.id, ...placed })
  }
  return out
}

/** one measurer per font family for the page: the placement and the label pick measure the same names */
const measurers = new Map<string, (text: string) => number>()

/** Text width at 1 px, measured on a canvas with Cytoscape's default font; an estimate where there is none. */
export function textMeasurer(fontFamily = '"Helvetica Neue", Helvetica, sans-serif'): (text: string) => number {
  let m = measurers.get(fontFamily)
  if (!m) measurers.set(fontFamily, m = newMeasurer(fontFamily))
  return m
}

function newMeasurer(fontFamily: string): (text: string) => number {
  let ctx: CanvasRenderingContext2D | null = null
  try {
    if (typeof document !== 'undefined') ctx = document.createElement('canvas').getContext('2d')
  } catch { ctx = null }
  if (ctx) ctx.font = `100px ${fontFamily}`
  const canvas = ctx
  const measure = canvas ? byCharacters((t) => canvas.measureText(t).width) : null
  const cache = new Map<string, number>()
  return (text) => {
    let w = cache.get(text)
    if (w === undefined) {
      // a little wider than measured: Cytoscape's own text metrics may round up
      w = measure ? (measure(text) / 100) * 1.04 : text.length * 0.62
      cache.set(text, w)
    }
    return w
  }
}

/** Printable ASCII: no shaping joins its characters, so its width is theirs added up. */
const PLAIN = /^[\x20-\x7e]*$/

/**
 * A text's width as the sum of its characters' widths, each measured once; other text measured whole. A launch
 * measures ~600 names, and each new string costs the canvas a text shaping (≈ 15 ms for all of them, against ≈ 3 ms
 * for the 70-odd characters they use). Kerning only narrows a pair, so the sum is never short: for the bundled
 * notes' 2,163 names and words it was 1.00× the whole-string width at the median, 1.05× at the most.
 */
export function byCharacters(measure: (text: string) => number): (text: string) => number {
  const chars = new Map<string, number>()
  return (text) => {
    if (!PLAIN.test(text)) return measure(text)
    let w = 0
    for (let i = 0; i < text.length; i++) {
      const c = text[i]
      let x = chars.get(c)
      if (x === undefined) chars.set(c, x = measure(c))
      w += x
    }
    return w
  }
}
