// One parse worker kept for single-note edits after a folder is open. Parsing an edited note allocates a few MB
// of short-lived objects (tokens, mdast); on the main thread, whose heap holds the whole 10k-note index and
// graph, that garbage made scavenges of 5–30 ms (and major GCs) land on the edits. In the worker's small heap it
// costs next to nothing, and the main thread only takes in the compact result.
import { ParsePool } from './pool'
import type { FileJob, FileResult } from '../index/parse-file'

/** the worker's nursery: one note's parse fits; small, to keep the worker's memory low */
const EDIT_WORKER_YOUNG_MB = 16

export class EditParser {
  /** one request at a time: the pool's replies carry per-run ids */
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(private pool: ParsePool | undefined) {}

  /** A started worker, or undefined when none can start (callers parse in-process). */
  static start(): EditParser | undefined {
    if (process.env.NOTES_GRAPH_EDIT_WORKER === '0') return undefined // to compare with parsing on the main thread
    const pool = ParsePool.create(1, undefined, EDIT_WORKER_YOUNG_MB)
    if (pool) pool.idleGc = true // an edit's garbage is collected before the next one comes
    return pool ? new EditParser(pool) : undefined
  }

  get alive(): boolean {
    return this.pool !== undefined
  }

  /** Parse in the worker; rejects when it is gone or fails (it is then closed for good). */
  parse(jobs: FileJob[]): Promise<FileResult[]> {
    const run = async (): Promise<FileResult[]> => {
      const pool = this.pool
      if (!pool) throw new Error('edit parser closed')
      const out: FileResult[] = []
      try {
        await pool.run(jobs, (results) => { out.push(...results) })
      } catch (err) {
        void this.close()
        throw err
      }
      return out
    }
    const p = this.queue.then(run, run)
    this.queue = p.catch(() => null)
    return p
  }

  close(): Promise<void> {
    const pool = this.pool
    this.pool = undefined
    return pool ? pool.close() : Promise.resolve()
  }
}
