// A deterministic, fast placement without overlaps: each group's nodes are packed around the group's
// centre on a fine occupancy grid (most important first, so they sit in the middle), then the groups are
// laid out in rows like words on a page. A node owns a square block of grid cells a little larger than
// itself, so no two node boxes can overlap, whatever the sizes. Pure: no Cytoscape, a few ms for 1,000s.
import type { Positions } from './graphState'

export interface PackItem {
  id: string
  /** node diameter in model units */
  size: number
  group: string
  /** smaller = nearer the group's centre */
  rank: number
  /**
   * room kept for the node and its label (default: the node alone): below it (`top`: the node at the
   * top of its footprint, the default) or beside it (`left`: the node at the left end, the label right of it)
   */
  footprint?: { width: number; height: number; anchor?: 'top' | 'left' }
}

/** The box an item's footprint takes around its node's position (the node alone without one). */
export function footprintBox(it: PackItem, p: { x: number; y: number }): { x1: number; y1: number; x2: number; y2: number } {
  const f = it.footprint
  const r = it.size / 2
  if (!f) return { x1: p.x - r, y1: p.y - r, x2: p.x + r, y2: p.y + r }
  if (f.anchor === 'left') return { x1: p.x - r, y1: p.y - f.height / 2, x2: p.x - r + f.width, y2: p.y + f.height / 2 }
  return { x1: p.x - f.width / 2, y1: p.y - r, x2: p.x + f.width / 2, y2: p.y - r + f.height }
}

/** Where the node sits in a footprint block whose top-left corner is (x, y); block size w × h includes the gap. */
function placeIn(it: PackItem, x: number, y: number, w: number, h: number, gap: number): { x: number; y: number } {
  if (it.footprint?.anchor === 'left') return { x: x + gap / 2 + it.size / 2, y: y + h / 2 }
  return { x: x + w / 2, y: it.footprint ? y + gap / 2 + it.size / 2 : y + h / 2 }
}

export interface PackOptions {
  /** free space kept between two nodes (model units) */
  gap?: number
  /** grid step (model units); smaller packs tighter and costs more */
  cell?: number
  /** space between groups */
  groupGap?: number
  /** width / height the whole picture aims at */
  aspect?: number
  /** group order (unlisted groups follow, biggest first) */
  groupOrder?: string[]
  /** how much rows cost against columns when filling around the centre (>1: wider groups) */
  squash?: number
  /** rows in reading order instead of rings around a centre (for wide footprints: labels) */
  shelf?: boolean
  /**
   * with `shelf`: the groups in columns of one width, each group under the previous one in the shortest
   * column (like a newspaper), instead of rows of groups; fills the canvas far better when groups differ in size
   */
  columns?: boolean
}

export interface PackedGroup { id: string; x1: number; y1: number; x2: number; y2: number }

/**
 * Grid offsets around the origin, nearest first (a slightly wide ellipse, to suit a landscape window), as
 * flat x, y pairs. Bucketed by distance instead of sorted; the largest list is kept, smaller radii use a prefix.
 */
/** How far the filled area reaches up and down for a radius (further than sideways when squash < 1). */
const reach = (radius: number, squash: number): number => Math.ceil(radius / Math.sqrt(Math.min(1, squash)))

const offsetCache = new Map<number, { radius: number; xy: Int32Array; limits: Int32Array }>()
function offsetsWithin(radius: number, squash: number): Int32Array {
  let cachedOffsets = offsetCache.get(squash)
  if (!cachedOffsets || cachedOffsets.radius < radius) {
    const r2 = radius * radius
    // counting sort by distance: count per bucket, prefix sums, then fill
    const limits = new Int32Array(r2 + 1)
    const dist = (dx: number, dy: number) => Math.floor(dx * dx + dy * dy * squash)
    const ry = reach(radius, squash)
    for (let dy = -ry; dy <= ry; dy++) {
      for (let dx = -radius; dx <= radius; dx++) { const d = dist(dx, dy); if (d <= r2) limits[d] += 2 }
    }
    for (let d = 1; d <= r2; d++) limits[d] += limits[d - 1]
    const xy = new Int32Array(limits[r2])
    const next = new Int32Array(r2 + 1)
    for (let d = 1; d <= r2; d++) next[d] = limits[d - 1]
    for (let dy = -ry; dy <= ry; dy++) {
      for (let dx = -radius; dx <= radius; dx++) {
        const d = dist(dx, dy)
        if (d > r2) continue
        xy[next[d]++] = dx
        xy[next[d]++] = dy
      }
    }
    cachedOffsets = { radius, xy, limits }
    offsetCache.set(squash, cachedOffsets)
  }
  return cachedOffsets.xy.subarray(0, cachedOffsets.limits[radius * radius])
}

/** Pack one group around (0, 0). */
function packGroup(items: PackItem[], gap: number, cell: number, squash: number): Positions {
  const sorted = [...items].sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1))
  const blocks = sorted.map((it) => [
    Math.max(1, Math.ceil(((it.footprint?.width ?? it.size) + gap) / cell)),
    Math.max(1, Math.ceil(((it.footprint?.height ?? it.size) + gap) / cell)),
  ])
  const area = blocks.reduce((s, [kx, ky]) => s + kx * ky, 0)
  let radius = Math.ceil(Math.sqrt(area) * 0.8) + Math.max(...blocks.flat())
  let offsets = offsetsWithin(radius, squash)
  // occupancy as a flat byte grid (a Set of cell keys is ten times slower at thousands of nodes)
  let span = 0
  let used = new Uint8Array(0)
  const grow = () => {
    span = 2 * (reach(radius, squash) + 16) + 1
    used = new Uint8Array(span * span)
  }
  grow()
  const at = (x: number, y: number) => (y + (span >> 1)) * span + (x + (span >> 1))
  const fits = (x0: number, y0: number, kx: number, ky: number) => {
    for (let y = y0; y < y0 + ky; y++) {
      const row = at(x0, y)
      for (let x = 0; x < kx; x++) if (used[row + x]) return false
    }
    return true
  }
  const out: Positions = {}
  // per block size, the first offset where such a block may still fit: cells only fill up, so a block
  // that did not fit at an offset never will, and each size scans the offsets once overall
  const firstFor = new Map<number, number>()
  sorted.forEach((it, i) => {
    const [kx, ky] = blocks[i]
    const k = Math.max(kx, ky)
    const shape = kx * 4096 + ky
    const hx = Math.floor(kx / 2)
    const hy = Math.floor(ky / 2)
    for (;;) {
      let j = firstFor.get(shape) ?? 0
      const n = offsets.length / 2
      for (; j < n; j++) if (fits(offsets[2 * j] - hx, offsets[2 * j + 1] - hy, kx, ky)) break
      firstFor.set(shape, j)
      if (j < n) {
        const x0 = offsets[2 * j] - hx
        const y0 = offsets[2 * j + 1] - hy
        for (let y = y0; y < y0 + ky; y++) used.fill(1, at(x0, y), at(x0, y) + kx)
        // with a footprint the node sits at its top (or its left end), the label's room below (or beside) it
        out[it.id] = placeIn(it, x0 * cell, y0 * cell, kx * cell, ky * cell, gap)
        break
      }
      // the disc is full: a bigger one (rare: only when blocks pack badly)
      radius = Math.ceil(radius * 1.4) + k
      offsets = offsetsWithin(radius, squash)
      firstFor.clear()
      const before = { span, used }
      grow()
      for (let y = 0; y < before.span; y++) {
        for (let x = 0; x < before.span; x++) {
          if (before.used[y * before.span + x]) used[at(x - (before.span >> 1), y - (before.span >> 1))] = 1
        }
      }
    }
  })
  return out
}

/** Rows in reading order, most important first: wide label footprints pack far better this way. */
function shelfGroup(items: PackItem[], gap: number, width?: number): Positions {
  const sorted = [...items].sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1))
  const dims = sorted.map((it) => ({ w: (it.footprint?.width ?? it.size) + gap, h: (it.footprint?.height ?? it.size) + gap }))
  const area = dims.reduce((s, d) => s + d.w * d.h, 0)
  const rowWidth = Math.max(...dims.map((d) => d.w), width ?? Math.sqrt(area * 1.6))
  const out: Positions = {}
  let x = 0
  let y = 0
  let rowH = 0
  sorted.forEach((it, i) => {
    const d = dims[i]
    if (x > 0 && x + d.w > rowWidth) { x = 0; y += rowH; rowH = 0 }
    out[it.id] = placeIn(it, x, y, d.w, d.h, gap)
    x += d.w
    rowH = Math.max(rowH, d.h)
  })
  return out
}

/** Bounds of placed items (centres ± half size; a label beside its node counts, as it reaches far sideways). */
export function boundsOf(items: PackItem[], pos: Positions): { x1: number; y1: number; x2: number; y2: number } {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity
  for (const it of items) {
    const p = pos[it.id]
    if (!p) continue
    const b = it.footprint?.anchor === 'left' ? footprintBox(it, p) : footprintBox({ ...it, footprint: undefined }, p)
    x1 = Math.min(x1, b.x1)
    y1 = Math.min(y1, b.y1)
    x2 = Math.max(x2, b.x2)
    y2 = Math.max(y2, b.y2)
  }
  return { x1, y1, x2, y2 }
}

interface PackedItems { id: string; list: PackItem[]; pos: Positions; box: { x1: number; y1: number; x2: number; y2: number } }

/** Groups in rows of at most `rowWidth` (a wider group gets a row alone), rows centred under each other. */
function arrangeRows(packed: PackedItems[], rowWidth: number, groupGap: number): { positions: Positions; groups: PackedGroup[]; width: number; height: number } {
  const positions: Positions = {}
  const groups: PackedGroup[] = []
  let y = 0
  let maxWidth = 0
  let row: PackedItems[] = []
  const flush = () => {
    if (row.length === 0) return
    const height = Math.max(...row.map((p) => p.box.y2 - p.box.y1))
    const width = row.reduce((s, p) => s + (p.box.x2 - p.box.x1), 0) + groupGap * (row.length - 1)
    maxWidth = Math.max(maxWidth, width)
    let x = -width / 2
    for (const p of row) {
      const w = p.box.x2 - p.box.x1
      const h = p.box.y2 - p.box.y1
      const dx = x - p.box.x1
      const dy = y + (height - h) / 2 - p.box.y1
      for (const it of p.list) positions[it.id] = { x: p.pos[it.id].x + dx, y: p.pos[it.id].y + dy }
      groups.push({ id: p.id, x1: x, y1: y + (height - h) / 2, x2: x + w, y2: y + (height + h) / 2 })
      x += w + groupGap
    }
    y += height + groupGap
    row = []
  }
  let used = 0
  for (const p of packed) {
    const w = p.box.x2 - p.box.x1
    if (row.length > 0 && used + groupGap + w > rowWidth) { flush(); used = 0 }
    used += (row.length > 0 ? groupGap : 0) + w
    row.push(p)
  }
  flush()
  return { positions, groups, width: maxWidth, height: Math.max(0, y - groupGap) }
}

/** Place every item: groups packed, then arranged in rows. Returns positions and each group's box. */
export function packLayout(items: PackItem[], opts: PackOptions = {}): { positions: Positions; groups: PackedGroup[] } {
  const gap = opts.gap ?? 14
  const cell = opts.cell ?? 6
  const groupGap = opts.groupGap ?? 70
  const aspect = opts.aspect ?? 1.5
  const byGroup = new Map<string, PackItem[]>()
  for (const it of items) {
    const list = byGroup.get(it.group)
    if (list) list.push(it)
    else byGroup.set(it.group, [it])
  }
  const order = opts.groupOrder ?? []
  const groupIds = [...byGroup.keys()].sort((a, b) => {
    const ia = order.indexOf(a)
    const ib = order.indexOf(b)
    if (ia >= 0 || ib >= 0) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib)
    return byGroup.get(b)!.length - byGroup.get(a)!.length || (a < b ? -1 : 1)
  })
  if (opts.shelf && opts.columns) return arrangeColumns(groupIds.map((g) => ({ id: g, list: byGroup.get(g)! })), gap, groupGap, aspect)
  const packed = groupIds.map((g) => {
    const list = byGroup.get(g)!
    const pos = opts.shelf ? shelfGroup(list, gap) : packGroup(list, gap, cell, opts.squash ?? 1.6)
    return { id: g, list, pos, box: boundsOf(list, pos) }
  })
  // rows of groups: of the row widths that change where rows break, the one whose picture fits the canvas
  // (aspect) at the largest zoom; one dominant group no longer pushes a small one onto a row of its own
  const totalArea = packed.reduce((s, p) => s + (p.box.x2 - p.box.x1 + groupGap) * (p.box.y2 - p.box.y1 + groupGap), 0)
  const widths = packed.map((p) => p.box.x2 - p.box.x1)
  const widest = Math.max(0, ...widths)
  const candidates = new Set([Math.max(widest, Math.sqrt(totalArea * aspect))])
  let sum = 0
  widths.forEach((w, i) => { sum += w + (i > 0 ? groupGap : 0); if (sum >= widest) candidates.add(sum) })
  let best: ReturnType<typeof arrangeRows> | null = null
  let bestZoom = -1
  for (const rowWidth of candidates) {
    const r = arrangeRows(packed, rowWidth, groupGap)
    const zoom = Math.min(aspect / Math.max(1, r.width), 1 / Math.max(1, r.height))
    if (zoom > bestZoom * 1.0001) { best = r; bestZoom = zoom }
  }
  const { positions, groups } = best ?? { positions: {}, groups: [] }
  return { positions, groups }
}

/**
 * Shelf-packed groups in k columns of one width: of a few column counts and widths, the arrangement whose
 * picture fits the canvas (aspect) at the largest zoom. Each group goes under the shortest column so far.
 */
function arrangeColumns(groups: Array<{ id: string; list: PackItem[] }>, gap: number, groupGap: number, aspect: number): { positions: Positions; groups: PackedGroup[] } {
  const all = groups.flatMap((g) => g.list)
  if (all.length === 0) return { positions: {}, groups: [] }
  const widest = Math.max(...all.map((it) => (it.footprint?.width ?? it.size) + gap))
  const area = all.reduce((s, it) => s + ((it.footprint?.width ?? it.size) + gap) * ((it.footprint?.height ?? it.size) + gap), 0) + groups.length * groupGap * widest
  let best: { positions: Positions; groups: PackedGroup[] } | null = null
  let bestZoom = -1
  for (let k = 1; k <= Math.min(12, all.length); k++) {
    for (let f = 0.8; f <= 1.4; f += 0.05) {
      const colW = Math.max(widest, (f * Math.sqrt(aspect * area)) / k)
      const heights = new Array<number>(k).fill(0)
      const positions: Positions = {}
      const boxes: PackedGroup[] = []
      for (const g of groups) {
        const pos = shelfGroup(g.list, gap, colW)
        const b = boundsOf(g.list, pos)
        let c = 0
        for (let i = 1; i < k; i++) if (heights[i] < heights[c] - 1e-6) c = i
        const dx = c * (colW + groupGap) - b.x1
        const dy = heights[c] - b.y1
        for (const it of g.list) positions[it.id] = { x: pos[it.id].x + dx, y: pos[it.id].y + dy }
        // the group owns its column's width (room for its caption)
        boxes.push({ id: g.id, x1: b.x1 + dx, y1: b.y1 + dy, x2: Math.max(b.x2 + dx, c * (colW + groupGap) + colW), y2: b.y2 + dy })
        heights[c] += b.y2 - b.y1 + groupGap
      }
      const width = k * colW + (k - 1) * groupGap
      const height = Math.max(...heights) - groupGap
      const zoom = Math.min(aspect / Math.max(1, width), 1 / Math.max(1, height))
      if (zoom > bestZoom * 1.0001) { best = { positions, groups: boxes }; bestZoom = zoom }
    }
  }
  return best!
}
