// A small pool of parse workers. Batches go to whichever worker is free; results stream back per batch.
import { Worker } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import os from 'node:os'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { FileJob, FileResult } from '../index/parse-file'
import type { BatchReply, BatchRequest } from './parse-worker'
import { unpackResults } from './pack'
import { bundledWorker } from './dev-bundle'

/**
 * Where the worker entry is. From sources (tsx, Vitest) it is parse-worker.ts next to this file; in the
 * electron-vite bundle it is out/main/parse-worker.js (its own entry, see electron.vite.config.ts), which is
 * next to or one level above the chunk this code ends up in.
 */
export function resolveWorkerUrl(): URL | undefined {
  const here = import.meta.url
  if (/\.[cm]?ts$/.test(new URL(here).pathname)) {
    const src = new URL('./parse-worker.ts', here)
    return existsSync(fileURLToPath(src)) ? src : undefined
  }
  for (const rel of ['./parse-worker.js', '../parse-worker.js', './parse-worker.mjs', '../parse-worker.mjs', './worker/parse-worker.js']) {
    const u = new URL(rel, here)
    if (existsSync(fileURLToPath(u))) return u
  }
  return undefined
}

/**
 * Parsers allocate a lot of short-lived objects (tokens, mdast nodes): with V8's default young generation for
 * workers, scavenges took ~16% of a parse. A bigger nursery lets most of that die young, for a few MB of memory.
 */
export const WORKER_YOUNG_GENERATION_MB = Number(process.env.NOTES_GRAPH_WORKER_YOUNG_MB) || 64

/**
 * Start a worker on the entry. Built JS loads directly. A .ts entry (tsx, Vitest) is bundled first; when that
 * fails it gets a small bootstrap that registers tsx's loader inside the worker first: on Node 20, --import in a worker's execArgv is not applied
 * to the worker's own entry.
 */
function startWorker(url: URL): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB }
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { resourceLimits })
  // from sources: one bundled file, as the built app has (see dev-bundle.ts); tsx's loader when that fails
  const bundled = bundledWorker(url)
  if (bundled) return new Worker(bundled, { resourceLimits })
  // require.resolve picks the CommonJS build of tsx's API; its ESM twin sits next to it
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api')
  const mjs = cjs.replace(/\.cjs$/, '.mjs')
  const api = pathToFileURL(existsSync(mjs) ? mjs : cjs).href
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}) })`
  return new Worker(boot, { eval: true, resourceLimits })
}

export const defaultPoolSize = (): number => Math.max(1, os.availableParallelism?.() ?? os.cpus().length)

export class ParsePool {
  private workers: Worker[] = []

  private constructor(url: URL, size: number) {
    for (let i = 0; i < size; i++) {
      const w = startWorker(url)
      w.unref()
      this.workers.push(w)
    }
  }

  /** A pool, or undefined when no worker entry can be found (callers then parse in-process). */
  static create(size = defaultPoolSize(), url = resolveWorkerUrl()): ParsePool | undefined {
    if (!url) return undefined
    try {
      return new ParsePool(url, size)
    } catch {
      return undefined
    }
  }

  get size(): number {
    return this.workers.length
  }

  /**
   * Parse the files in batches. `onBatch` receives results as they arrive, so a failure part-way keeps
   * what was done; the promise rejects when a worker dies (the caller parses the rest itself). `share` gives
   * each distinct mention string its one shared copy (see unpackResults).
   */
  run(files: FileJob[], onBatch: (results: FileResult[]) => void, batchSize = 32, share?: (s: string) => string): Promise<void> {
    if (files.length === 0) return Promise.resolve()
    // in scan order: sorted biggest first they parsed no faster (slower, in a noisy single-thread A/B)
    const workers = this.workers.length
    return new Promise<void>((resolve, reject) => {
      let next = 0
      let batchId = 0
      let pending = 0
      let failed = false
      const cleanups: (() => void)[] = []
      const finish = (err?: unknown) => {
        if (failed) return
        if (err) failed = true
        for (const c of cleanups) c()
        if (err) reject(err instanceof Error ? err : new Error(String(err)))
        else resolve()
      }
      const feed = (w: Worker) => {
        const left = files.length - next
        if (left <= 0) return
        // batches shrink towards the end (down to 4 notes), so the workers finish together
        const take = Math.min(left, batchSize, Math.max(4, Math.ceil(left / (4 * workers))))
        const req: BatchRequest = { id: batchId++, files: files.slice(next, next + take) }
        next += take
        pending++
        w.postMessage(req)
      }
      for (const w of this.workers) {
        const onMessage = (reply: BatchReply) => {
          if (failed) return
          pending--
          if ('error' in reply) return finish(new Error(reply.error))
          // the next batch goes out before this thread takes the results in (graph building can be slow), so
          // the worker never waits for it
          feed(w)
          onBatch(unpackResults(reply.batch, share))
          if (next >= files.length && pending === 0) finish()
        }
        const onError = (err: Error) => finish(err)
        const onExit = (code: number) => finish(new Error(`parse worker exited (code ${code})`))
        w.on('message', onMessage)
        w.on('error', onError)
        w.on('exit', onExit)
        w.ref()
        cleanups.push(() => {
          w.off('message', onMessage)
          w.off('error', onError)
          w.off('exit', onExit)
          w.unref()
        })
      }
      // two batches in flight per worker, so a worker never waits for the main thread between batches
      for (const w of this.workers) feed(w)
      for (const w of this.workers) feed(w)
    })
  }

  async close(): Promise<void> {
    const ws = this.workers
    this.workers = []
    await Promise.all(ws.map((w) => w.terminate().catch(() => 0)))
  }
}
