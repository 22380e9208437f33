// A cold open in phases: first every note with its domain, tags and links (quick-scan.ts, on this thread while
// the parse workers start), then the full notes (services, concepts, sections) as the workers deliver them,
// shown in batches. All phases go into the one GraphBuilder: a full parse replaces the note's quick share, so
// the graph at the end is the one a one-shot index builds.
import type { NoteMeta } from '../types'
import type { GraphBuilder } from '../graph/builder'
import type { FileJob } from './parse-file'
import { quickScanFile } from './quick-scan'

/** What a cold open is about to do (see VaultOptions.onPlan). */
export interface OpenPlan {
  /** files to read and parse */
  toParse: FileJob[]
  /** notes taken from the persisted index (links as stored; the open resolves them again at the end) */
  reused: NoteMeta[]
  /** fills `resolved` on a note's links against the scanned note paths */
  resolveLinks(meta: NoteMeta): void
}

export interface ProgressiveOptions {
  builder: GraphBuilder
  /** paths whose full parse is already in the builder (the parse starts before the quick pass) */
  parsed: ReadonlySet<string>
  /** the first graph (notes, domains, tags, links) is in the builder */
  onFirst(): void
  /** the builder's graph changed since the last call (more notes fully parsed) */
  onBatch(): void
  /** how often parsed notes are shown (default 1 s: each batch sends the whole graph) */
  intervalMs?: number
  /** files read between two yields to the event loop (requests and worker results get through) */
  chunk?: number
}

export class ProgressiveOpen {
  private readonly quick = new Set<string>()
  private timer?: NodeJS.Timeout
  private shownVersion = -1
  private stopped = false
  /** ms the quick pass took (for the benchmark) */
  quickMs = 0

  private readonly parsed: ReadonlySet<string>

  constructor(private readonly opts: ProgressiveOptions) {
    this.parsed = opts.parsed
  }

  /** The quick pass over the files the workers are about to parse, then a batch every interval. */
  async start(plan: OpenPlan): Promise<void> {
    const t0 = performance.now()
    const { builder } = this.opts
    for (const m of plan.reused) if (!this.parsed.has(m.path)) builder.setNote(m)
    const chunk = this.opts.chunk ?? 16
    for (let i = 0; i < plan.toParse.length; i++) {
      if (this.stopped) return
      const job = plan.toParse[i]
      if (!this.parsed.has(job.path)) {
        const meta = quickScanFile(job.path, job.abs)
        if (meta) {
          plan.resolveLinks(meta)
          builder.setNote(meta)
          this.quick.add(job.path)
        }
      }
      if ((i + 1) % chunk === 0) await new Promise((r) => setImmediate(r))
    }
    if (this.stopped) return
    this.quickMs = performance.now() - t0
    this.shownVersion = builder.version
    this.opts.onFirst()
    this.schedule(0)
  }

  /**
   * Next batch after the interval, or later when showing a batch is slow: each one sends the whole graph, and
   * that work must not take more than about a fifth of the thread from the index.
   */
  private schedule(lastCostMs: number): void {
    if (this.stopped) return
    this.timer = setTimeout(() => this.tick(), Math.max(this.opts.intervalMs ?? 1000, 4 * lastCostMs))
    this.timer.unref()
  }

  private tick(): void {
    if (this.stopped) return
    const v = this.opts.builder.version
    if (v === this.shownVersion) { this.schedule(0); return }
    const t0 = performance.now()
    this.shownVersion = v
    this.opts.onBatch()
    this.schedule(performance.now() - t0)
  }

  /** Parsing is over: no more batches; quick shares of files that did not become notes leave the graph. */
  finish(): void {
    this.stopped = true
    clearTimeout(this.timer)
    for (const p of this.quick) if (!this.parsed.has(p)) this.opts.builder.removeNote(p)
  }
}
