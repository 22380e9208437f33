// Follows the host's graph versions. A change event carries either the whole graph (a folder was opened) or
// the delta from the previous version; a delta applies only to the version just before it. When one is
// missing (the event stream reconnected, a change came before the page listened) the page asks for the whole
// graph again, and replays the deltas that came while it waited. A change missed with none after it shows no
// gap: the host says which version it is at when the stream (re)connects (hostAt), and a page behind it fetches.
import type { Graph, GraphChange, GraphDelta } from '../../../electron/core/types'
import { composeDeltas } from '../../../electron/core/graph/delta'
import { onIdle } from '../idle'

export interface FollowerHandlers {
  /** the whole graph (open, reload, recovery) */
  full(graph: Graph): void
  /** a delta that applies to the graph shown */
  delta(change: GraphChange): void
  /** ask the host for the whole graph (getGraph: carries its version) */
  fetch(): Promise<Graph>
}

export class GraphFollower {
  private version: number | undefined
  private fetching = false
  private waiting: GraphChange[] = []
  /** the newest version the host has sent, as far as this page knows (said on connecting, or seen) */
  private hostVersion = 0
  private retry: ReturnType<typeof setTimeout> | undefined
  /** times the page fell behind and fetched the whole graph (tests and diagnostics) */
  resyncs = 0

  /** `retryMs`: a failed fetch is tried again after this long while the page is still behind */
  constructor(private readonly on: FollowerHandlers, private readonly retryMs = 2000) {}

  /**
   * The graph the page loaded (getGraph): deltas after its version apply from now on. When it was answered
   * before a change the page has already seen (a reload racing a delta), the page fetches again.
   */
  loaded(graph: Graph): void {
    this.version = graph.version
    const waiting = this.waiting.splice(0)
    for (const c of waiting) this.take(c)
    this.catchUp()
  }

  /**
   * The host has sent every change up to `version` (said as the event stream (re)connects): one this page does
   * not have went out before it listened and will not come again, so it fetches the graph.
   */
  hostAt(version: number): void {
    if (version > this.hostVersion) this.hostVersion = version
    this.catchUp()
  }

  private catchUp(): void {
    if (this.version === undefined || this.fetching || this.hostVersion <= this.version) return
    this.resync()
  }

  /** A whole graph fetched outside the event stream (getGraph: carries its version). */
  whole(graph: Graph): void {
    // fetched before a delta that has since been applied: taking it would undo that delta; the same version is the
    // graph shown already
    if (this.version !== undefined && (graph.version ?? 0) <= this.version) return
    this.take({ folder: '', changed: [], version: graph.version ?? 0, graph })
  }

  /** A change event from the host. */
  take(change: GraphChange): void {
    if (change.version > this.hostVersion) this.hostVersion = change.version
    if (change.graph) {
      this.version = change.version
      this.waiting = this.waiting.filter((c) => c.version > change.version)
      this.on.full(change.graph)
      return
    }
    if (!change.delta) return
    // not loaded yet, or fetching: keep it for after
    if (this.fetching || this.version === undefined) { this.waiting.push(change); return }
    if (change.version <= this.version) return // already in the graph shown
    if (change.version !== this.version + 1) {
      this.waiting.push(change)
      this.resync()
      return
    }
    this.version = change.version
    try {
      this.on.delta(change)
    } catch {
      this.resync() // the delta did not apply to the graph shown (they had drifted apart): take the host's whole graph
    }
  }

  /** The page found its graph apart from the host's (a delta that did not apply): take the host's whole graph. */
  refetch(): void { this.resync() }

  private resync(): void {
    clearTimeout(this.retry)
    this.fetching = true
    this.resyncs++
    this.on.fetch().then((graph) => {
      this.fetching = false
      this.version = graph.version
      // the host's own answer is where it is now (a host that started again counts from its start)
      this.hostVersion = graph.version ?? 0
      this.on.full(graph)
      const waiting = this.waiting.splice(0)
      for (const c of waiting) this.take(c)
    }, () => {
      this.fetching = false
      // the changes stay waiting; the next one finds the gap, and if none comes the fetch is tried again
      for (const c of this.waiting) if (c.version > this.hostVersion) this.hostVersion = c.version
      this.retry = setTimeout(() => this.catchUp(), this.retryMs)
    })
  }
}

/** The canvas side: cyController's setGraph and applyDelta. */
export interface GraphSink {
  setGraph(graph: Graph): void
  /** applies to the newest graph the sink was given; returns the graph with the delta */
  applyDelta(delta: GraphDelta): Graph
}

const EMPTY: Graph = { nodes: [], edges: [], diagnostics: [] }

/** How the page paces a folder's indexing phases (injectable for tests). */
export interface PhasePacing {
  now(): number
  /** calls back once the frame after now has been drawn and the page is idle (a phase's cost includes drawing it) */
  afterFrame(cb: () => void): void
  /** a later phase waits this many times what the last one cost, from its end */
  costFactor: number
}

const browserPacing: PhasePacing = {
  now: () => performance.now(),
  // a phase's cost runs on past its frame (the labels picked again, the sidebars' transition): measured to
  // the page's first idle moment after it
  afterFrame: (cb) => requestAnimationFrame(() => onIdle(cb, 10_000, 0)),
  costFactor: 4,
}

/**
 * The page's graph in two places: the canvas (the controller) and the shell's React state. A delta applies to
 * the controller's graph, so the controller must hold the newest graph at every moment: each whole graph goes
 * to it at once (not only after React renders it), and a render of an older state never pushes that state
 * back. Either way round, the next delta would apply to an older graph and the canvas keep that loss for good
 * (graphFollower.test.ts replays both interleavings).
 */
export class CanvasGraph {
  private latest: Graph | null = null
  readonly follower: GraphFollower
  /** phases of an indexing folder not drawn yet, as one delta; and when the next may be */
  private held: GraphDelta | null = null
  private nextPhaseAt = 0
  private phaseTimer: ReturnType<typeof setTimeout> | undefined

  /** `setState(graph, ends)`: `ends` when this graph ends a partial one (indexing is over: the shell's indexing box goes now) */
  constructor(
    private readonly sink: GraphSink,
    private readonly setState: (g: Graph | null, ends: boolean) => void,
    fetch: () => Promise<Graph>,
    private readonly pacing: PhasePacing = browserPacing,
  ) {
    this.follower = new GraphFollower({
      full: (g) => this.show(g),
      delta: (change) => this.takeDelta(change.delta!),
      fetch,
    })
  }

  /** A whole graph (or none while loading): to the canvas now, to React state for the rest of the shell. */
  show(graph: Graph | null): void {
    this.dropHeld() // what they led to is in this graph, or superseded by it
    if (graph) this.sink.setGraph(graph)
    this.mirror(graph)
  }

  /**
   * A folder being indexed sends a phase every second; each one restyles and redraws the graph on the page, and
   * at a thousand notes that took the page's whole thread (and the host's CPU with it: the index took twice as
   * long with a page open). A phase that comes sooner than four times the last one's cost (applied and drawn)
   * after it waits, merged with any that follow; the delta that completes the graph is applied at once.
   */
  private takeDelta(delta: GraphDelta): void {
    const wait = delta.partial === true && (this.held !== null || this.measuring || this.pacing.now() < this.nextPhaseAt)
    this.held = this.held ? composeDeltas(this.held, delta) : delta
    if (wait) this.scheduleHeld()
    else this.applyHeld()
  }

  /** the last phase is still being drawn: its cost (and so the next one's time) is not known yet */
  private measuring = false

  private scheduleHeld(): void {
    if (this.phaseTimer !== undefined || this.measuring || this.held === null) return
    this.phaseTimer = setTimeout(() => {
      this.phaseTimer = undefined
      try {
        this.applyHeld()
      } catch {
        this.follower.refetch() // the page's graph drifted from the host's: take the whole graph
      }
    }, Math.max(0, this.nextPhaseAt - this.pacing.now()))
  }

  private applyHeld(): void {
    const delta = this.held
    this.dropHeld()
    if (!delta) return
    const t0 = this.pacing.now()
    this.mirror(this.sink.applyDelta(delta))
    if (!delta.partial) return
    this.measuring = true
    this.pacing.afterFrame(() => {
      const end = this.pacing.now()
      this.nextPhaseAt = end + this.pacing.costFactor * (end - t0)
      this.measuring = false
      this.scheduleHeld()
    })
  }

  private dropHeld(): void {
    this.held = null
    clearTimeout(this.phaseTimer)
    this.phaseTimer = undefined
  }

  /** The newest graph (React state may not have caught up yet). */
  current(): Graph | null { return this.latest }

  /** React rendered `graph`: the canvas takes it only if nothing newer has come since. */
  rendered(graph: Graph | null): void {
    if (graph === this.latest) this.sink.setGraph(graph ?? EMPTY)
  }

  private mirror(graph: Graph | null): void {
    const ends = this.latest?.partial === true && graph !== null && !graph.partial
    this.latest = graph
    this.setState(graph, ends)
  }
}
