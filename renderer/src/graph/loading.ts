// Loading the graph onto the canvas: big first loads in time slices (nodes first), and the queues of
// work that must wait for the first paint, the end of the load, or an idle page.
import type { Core, ElementDefinition } from 'cytoscape'
import { liveCore, type GraphState } from './graphState'
import { redraw, setRedraws, styleNow } from './cyPrivate'
import { onIdle } from '../idle'

/**
 * A first load with more elements than this comes in two steps, each in time slices: the nodes (first
 * paint, clickable), then the edges in the frames after. One cy.add of 25k elements blocks for seconds.
 * Below it the first load is one task with the view's placement and classes in it (the bundled notes'
 * 3,840 elements): slicing those spread ≈ 0.9 s of frames between "interactive" and the view, and the
 * edges the view hides were styled twice (shown, then hidden).
 */
export const CHUNKED_ABOVE = 5000
/** Work per slice of a chunked load, so no task comes near 200 ms even on a slow, busy machine. */
const SLICE_MS = 40

/** The next slice's size after one of `step` elements took `ms`: towards SLICE_MS, at most 1.5× bigger, 200–4000. */
export const nextStep = (step: number, ms: number): number =>
  Math.max(200, Math.min(4000, Math.round(step * 1.5), Math.round(step * (SLICE_MS / Math.max(1, ms)))))

export const nextTask = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0))

export class Loader {
  private loading: Promise<void> | null = null
  /** work waiting for a chunked first load to finish (see whenLoaded) */
  private readonly afterLoad: Array<() => void> = []
  /** work waiting for the nodes of a chunked first load to be drawn (see afterGraphShown) */
  private readonly afterNodes: Array<() => void> = []

  constructor(private readonly state: GraphState) {}

  /** True while a big graph is being added in slices. */
  isLoading(): boolean { return this.loading !== null }

  /** Run `load` as the chunked first load; queued work runs after it, then `done`. */
  start(load: () => Promise<void>, done: () => void): void {
    this.loading = load().finally(() => {
      this.loading = null
      for (const fn of [...this.afterNodes.splice(0), ...this.afterLoad.splice(0)]) this.afterFirstPaint(fn)
      done()
    })
  }

  /** The nodes of a chunked load are drawn: run the work that waited for them (after the frame that follows theirs). */
  nodesShown(): void {
    for (const fn of this.afterNodes.splice(0)) this.afterFollowingFrame(fn)
  }

  /** Add elements in slices of about SLICE_MS each, then let the renderer draw them in one frame. */
  async addInSlices(cy: Core, defs: ElementDefinition[]): Promise<boolean> {
    // nothing to add: no redraw (telling the renderer of an "add" re-sorts and redraws every element, a
    // frame as long as the first paint's, for a view that hides all its edges)
    if (defs.length === 0) return liveCore(this.state, cy)
    setRedraws(cy, false)
    try {
      let step = 250
      for (let i = 0; i < defs.length;) {
        if (!liveCore(this.state, cy)) return false
        const t0 = performance.now()
        const added = cy.add(defs.slice(i, i + step))
        // style and bounds now, slice by slice, instead of all in the next frame
        styleNow(added)
        added.boundingBox({ includeLabels: true })
        i += step
        // aim each slice at SLICE_MS whatever this machine's speed; growing at most 1.5× a slice, since the
        // cost per element varies (the first of a kind styles slowest, a hub's edges cost more)
        step = nextStep(step, performance.now() - t0)
        await nextTask()
      }
    } finally {
      setRedraws(cy, true)
    }
    if (!liveCore(this.state, cy)) return false
    redraw(cy)
    return true
  }

  private backfilling = false

  /** True while elements the first frame did not draw are still being added (see backfill). */
  isBackfilling(): boolean { return this.backfilling }

  /**
   * Elements the first frame does not draw (edges the current view hides), added once the frame after it has begun, in
   * slices of about SLICE_MS, each with the classes `classify` gives it (made anew per slice: a filter may
   * change in between), so they arrive already hidden and are styled once. The renderer hears of them
   * once, at the end: nothing of them is drawn, and the frames in between (hover, clicks) stay as cheap as
   * the first one. `done` runs when all are in (false: the core went away).
   */
  backfill(cy: Core, defs: ElementDefinition[], classify: () => (def: ElementDefinition) => string, done: (ok: boolean) => void): void {
    if (defs.length === 0) { done(true); return }
    this.backfilling = true
    const run = async (): Promise<boolean> => {
      // small at first: the first edges styled are the slowest (a kind's first styling), 400 took ≈ 200 ms
      let step = 100
      for (let i = 0; i < defs.length;) {
        if (!liveCore(this.state, cy)) return false
        const t0 = performance.now()
        const classOf = classify()
        const slice = defs.slice(i, i + step).map((d) => {
          const c = classOf(d)
          return c ? { ...d, classes: `${d.classes ?? ''} ${c}`.trim() } : d
        })
        setRedraws(cy, false)
        try {
          styleNow(cy.add(slice))
        } finally {
          setRedraws(cy, true)
        }
        i += step
        step = Math.max(200, Math.min(8000, Math.round(step * (SLICE_MS / Math.max(1, performance.now() - t0)))))
        if (i < defs.length) await nextTask()
      }
      if (!liveCore(this.state, cy)) return false
      redraw(cy)
      return true
    }
    // not between the first picture's frame and the next (its first slice, ≈ 30–60 ms, held that frame back)
    this.afterFollowingFrame(() => {
      const end = (ok: boolean) => { this.backfilling = false; done(ok) }
      run().then(end, () => end(false))
    })
  }

  /** Run when the page has nothing else to do (the first clicks and frames come first), at most 600 ms later. */
  whenIdle(fn: () => void): void {
    onIdle(fn, 600, 200)
  }

  /**
   * Run once the frame after the one that shows the current graph's nodes has begun: the shell's sidebars take
   * the new graph then, and the first notes are fetched, so neither delays the first picture of the graph nor
   * the frame after it (the notes' fetch and their reader's chunk held that frame back by ≈ 25 ms).
   */
  afterGraphShown(fn: () => void): () => void {
    let live = true
    const run = () => { if (live) fn() }
    if (this.loading) this.afterNodes.push(run)
    else this.afterFollowingFrame(run)
    return () => { live = false }
  }

  /** Run once the graph is on the canvas and the page is idle (work that must not slow the launch down). */
  afterLaunch(fn: () => void): () => void {
    let live = true
    this.whenLoaded(() => this.whenIdle(() => { if (live) fn() }))
    return () => { live = false }
  }

  /**
   * Run once the graph is fully on the canvas, after that frame: starting the layout worker (its script,
   * the graph copied to it) while edges are still being added would compete with them for the CPU.
   */
  whenLoaded(fn: () => void): void {
    if (this.loading) this.afterLoad.push(fn)
    else this.afterFirstPaint(fn)
  }

  /**
   * Run after the next frame has been painted and the one after it has started: work that follows a big
   * picture (the sidebars taking the graph, the edges' classes) then never holds up the page's next frame.
   */
  afterFollowingFrame(fn: () => void): void {
    if (typeof requestAnimationFrame !== 'function') { this.afterFirstPaint(fn); return }
    requestAnimationFrame(() => this.afterFirstPaint(fn))
  }

  /** Run after the next frame has been painted (never delays the first paint). */
  afterFirstPaint(fn: () => void): void {
    const cy = this.state.core
    const run = () => { if (liveCore(this.state, cy)) fn() }
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0))
    else setTimeout(run, 0)
  }
}
