// The one place that touches Cytoscape methods its documentation and type declarations leave out.
// They save whole-graph redraws and style passes on big loads and on a click; each one degrades to
// the documented behaviour (a normal redraw, lazy styling) if a Cytoscape release drops it, and
// cyPrivate.test.ts fails when their behaviour changes, so an upgrade is noticed.
import type { Collection, Core } from 'cytoscape'

interface CorePrivate {
  notifications?(on?: boolean): boolean | Core
  notify?(event: string, eles?: Collection): void
  headless?(): boolean
}
interface CollectionPrivate { cleanStyle?(): void }
interface TextureCachePrivate { getElement?: unknown; invalidateElements?: unknown }
interface RendererPrivate { data?: Record<string, (TextureCachePrivate & { firstGet?: unknown }) | undefined> }
/** the canvas renderer's per-element texture caches: bodies, labels, edges' source and target labels */
const ELEMENT_CACHES = ['eleTxrCache', 'lblTxrCache', 'slbTxrCache', 'tlbTxrCache']

const priv = (cy: Core) => cy as unknown as CorePrivate

/**
 * Run `fn` without telling the renderer about each change; the caller redraws once (see `redraw`). Redraws
 * stay as they were before: a click during a big load (redraws off between its slices) must not turn them
 * on, or every later slice is drawn with the whole graph.
 */
export function withoutRedraws<T>(cy: Core, fn: () => T): T {
  const p = priv(cy)
  if (typeof p.notifications !== 'function') return fn()
  const was = p.notifications() !== false
  p.notifications(false)
  try {
    return fn()
  } finally {
    if (!cy.destroyed()) p.notifications(was)
  }
}

/** Turn redraw notifications off (false) or on (true) around async work that `withoutRedraws` cannot wrap. */
export function setRedraws(cy: Core, on: boolean): void {
  const p = priv(cy)
  if (typeof p.notifications === 'function' && !cy.destroyed()) p.notifications(on)
}

/** Tell the renderer that elements were added (or whatever `event` says) so it redraws once. */
export function redraw(cy: Core, event = 'add'): void {
  const p = priv(cy)
  if (typeof p.notify === 'function') p.notify(event)
  else cy.forceRender()
}

interface ElementPrivate { _private?: { appliedInitStyle?: boolean; styleCache?: unknown; styleDirty?: boolean }; isEdge(): boolean }
type Trigger = (ele: ElementPrivate, name: string, from: unknown, to: unknown) => void
interface StylePrivate { checkTriggers?: Trigger; checkParallelEdgesBoundsTrigger?: Trigger; apply?(eles: ArrayLike<ElementPrivate>): unknown }

/**
 * Style the elements whose style is dirty, in one pass. `cleanStyle` hands the stylesheet one element at a
 * time, and each of those calls makes a collection (with its own Map) for its result: for a launch's ≈ 1,000
 * elements a fifth of the styling, in a micro-benchmark. Same result, one call.
 */
function cleanAll(eles: Collection): void {
  const cy = (eles as unknown as { cy(): Core & { styleEnabled(): boolean } }).cy()
  if (!cy.styleEnabled()) return
  const style = cy.style() as unknown as StylePrivate
  if (typeof style.apply !== 'function') { (eles as unknown as CollectionPrivate).cleanStyle?.(); return }
  const dirty: ElementPrivate[] = []
  eles.forEach((e) => {
    const p = (e as unknown as ElementPrivate)._private
    if (p?.styleDirty) { p.styleDirty = false; dirty.push(e as unknown as ElementPrivate) }
  })
  if (dirty.length > 0) style.apply(dirty)
}

/**
 * Compute the elements' style now rather than in the next frame (spreads a big load over slices).
 * Elements styled for the first time skip Cytoscape's per-property change triggers: each property set on a
 * new element otherwise drops its (still empty) bounds cache, fires a `bounds` event through the core and
 * dirties its edges' caches — for the bundled notes' launch about a third of all the style work, and the
 * renderer already has the new elements queued (`style` event at add). Their style caches are cleared after,
 * and the renderer told once that the drawing order changed.
 */
export function styleNow(eles: Collection): void {
  const p = eles as unknown as CollectionPrivate
  if (typeof p.cleanStyle !== 'function') return
  const cy = (eles as unknown as { cy(): Core }).cy()
  const style = cy.style() as unknown as StylePrivate
  const triggers = style.checkTriggers
  const fresh = new Set<ElementPrivate>()
  eles.forEach((e) => { const ele = e as unknown as ElementPrivate; if (ele._private && ele._private.appliedInitStyle !== true) fresh.add(ele) })
  if (typeof triggers !== 'function' || typeof style.checkParallelEdgesBoundsTrigger !== 'function' || fresh.size === 0) { cleanAll(eles); return }
  // an own property over the prototype's, removed after: other styling keeps the triggers
  style.checkTriggers = function (this: StylePrivate, ele, name, from, to) {
    if (!fresh.has(ele)) return triggers.call(this, ele, name, from, to)
    // a new edge beside older ones between the same nodes may still change their bundling
    if (ele.isEdge()) this.checkParallelEdgesBoundsTrigger!(ele, name, from, to)
  }
  try {
    cleanAll(eles)
  } finally {
    delete style.checkTriggers
  }
  for (const ele of fresh) ele._private!.styleCache = null
  redraw(cy, 'zorder')
}

/** Is the core drawing nothing (headless, e.g. in tests or a worker)? */
export function isHeadless(cy: Core): boolean {
  const p = priv(cy)
  if (typeof p.headless === 'function') return p.headless()
  return cy.container() === null
}

/**
 * Draw the plain way until the returned function is called. The canvas renderer normally draws each element
 * into a shared texture and copies that onto the screen, and on its very first frame also builds layer
 * textures of the whole graph for cheap pans and zooms. In software rendering each copy from a texture just
 * drawn into snapshots that texture: a launch's first frame cost more than everything before it (≈ 0.4 s of
 * CPU for the bundled notes' 970 drawn elements), and the frame after it as much again. Until `restore()`
 * the elements are drawn straight onto the screen and the layers wait (as after any change); after it the
 * renderer builds its textures as it draws. Nothing happens on a headless or WebGL core.
 */
export function drawDirect(cy: Core): () => void {
  const r = (cy as unknown as { renderer?(): RendererPrivate | null }).renderer?.()
  const data = r?.data
  if (!data) return () => undefined
  const layers = data.lyrTxrCache
  if (layers && typeof layers.firstGet === 'boolean') layers.firstGet = false
  const caches = ELEMENT_CACHES.map((k) => data[k]).filter((c): c is TextureCachePrivate => typeof c?.getElement === 'function' && typeof c.invalidateElements === 'function')
  // no texture (null): the renderer draws the element itself; and none made meanwhile, so none to invalidate
  // (each change would otherwise hash every changed element's style for each of the four caches)
  for (const c of caches) { c.getElement = () => null; c.invalidateElements = () => undefined }
  return () => { for (const c of caches) { delete c.getElement; delete c.invalidateElements } }
}

/** the canvas renderer's layers above the elements' own: dragged elements (DRAG) and the selection box (SELECT_BOX) */
interface LayeredRenderer { DRAG?: number; SELECT_BOX?: number; data?: { contexts?: unknown[] } }
/** context calls that only move the coordinate system: put off on a blank layer, replayed before it is drawn on */
const MATRIX = new Set(['setTransform', 'resetTransform', 'transform', 'translate', 'scale', 'rotate'])

/**
 * Leave the drag and selection-box layers untouched until something is drawn on them. The renderer clears
 * and transforms every layer on a full redraw; in software rendering the first such call on a canvas
 * allocates its pixels (≈ 12 ms for the bundled notes' canvas) and each frame after it commits them (≈ 12 ms
 * more), while a canvas never drawn on costs neither. Both layers stay empty until a drag or a tap, so on
 * those two canvases a clear does nothing and the coordinate changes wait; the first other call (a path, a
 * fill, a save) replays them in order and hands the context back as it was.
 */
export function blankLayersUntilDrawn(cy: Core): void {
  const r = (cy as unknown as { renderer?(): LayeredRenderer | null }).renderer?.()
  const contexts = r?.data?.contexts
  if (!r || !contexts || typeof r.DRAG !== 'number' || typeof r.SELECT_BOX !== 'number') return
  if (typeof CanvasRenderingContext2D === 'undefined') return
  const proto = CanvasRenderingContext2D.prototype as unknown as Record<string, (...a: unknown[]) => unknown>
  const methods = Object.getOwnPropertyNames(proto).filter((m) => m !== 'constructor' && typeof Object.getOwnPropertyDescriptor(proto, m)?.value === 'function')
  for (const layer of [r.DRAG, r.SELECT_BOX]) {
    const ctx = contexts[layer]
    if (!(ctx instanceof CanvasRenderingContext2D)) continue
    const own = ctx as unknown as Record<string, unknown>
    let waiting: Array<[string, unknown[]]> = []
    const drawn = () => {
      for (const m of methods) delete own[m]
      for (const [m, args] of waiting) proto[m].apply(ctx, args)
      waiting = []
    }
    for (const m of methods) {
      if (m === 'clearRect') own[m] = () => undefined
      else if (MATRIX.has(m)) {
        own[m] = (...args: unknown[]) => {
          // an absolute matrix makes the calls before it moot
          if (m === 'setTransform' || m === 'resetTransform') waiting = []
          waiting.push([m, args])
        }
      } else own[m] = (...args: unknown[]) => { drawn(); return proto[m].apply(ctx, args) }
    }
  }
}
