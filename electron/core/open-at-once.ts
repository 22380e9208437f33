// The hosts' backend (web host and Electron main): serve at once, index behind. openAtOnce resolves as soon as
// the settings folder's lock is taken, so the host prints its address and serves the page while the notes are
// read; calls wait for what they need: the graph and folder for the first phase (every note and link, see
// index/progressive.ts), settings and view state for nothing more, the queries for the complete index.
import { API_METHODS, type ApiArgs, type ApiResult } from '../shared/contract'
import type { Backend, BackendOptions, CoreMethod } from './backend'
import type { GraphChange, IndexProgress } from './types'
import { lockStateDir } from './state-lock'

/** A cold index with fewer notes to parse than this is shown when complete (it takes about a second). */
export const PROGRESSIVE_FROM = 100

export type HostBackend = {
  [M in CoreMethod]: (...args: ApiArgs<M>) => Promise<Awaited<ApiResult<M>>>
} & {
  onChange(listener: (change: GraphChange) => void): () => void
  onProgress(listener: (progress: IndexProgress) => void): () => void
  /** the backend, once the first folder's first phase is in the graph */
  readonly backend: Promise<Backend>
  close(): Promise<void>
}

/** Answered by the first phase (no wait for the complete index). */
const EARLY = new Set<CoreMethod>([
  'getGraph', 'getFolder', 'getSettings', 'setSettings', 'getViewState', 'setViewState', 'getNotices', 'studySettings', 'setStudySettings', 'graphVersion',
])
const SHELL = new Set(['openExternal', 'saveFile'])

const isMissing = (err: unknown): boolean => (err as { code?: unknown })?.code === 'ENOENT'

/**
 * Start the backend for a host. Rejects like createBackend when the settings folder is held by another host
 * (or is a file); resolves once the lock is taken, long before the notes are indexed.
 */
export function openAtOnce(opts: BackendOptions): Promise<HostBackend> {
  const changeListeners = new Set<(c: GraphChange) => void>()
  const progressListeners = new Set<(p: IndexProgress) => void>()
  let lastProgress: IndexProgress | null = null
  const emit = <T>(set: Set<(v: T) => void>, v: T) => { for (const l of set) try { l(v) } catch { /* a listener's problem */ } }
  // the lock first, then the index's modules (most of the host's code): the host prints its address and
  // answers while they load
  const lockTaken = lockStateDir(opts.settingsDir, { waitMs: opts.lockWaitMs })
  const backend = lockTaken.then(async (lock) => {
    try {
      const { createBackend } = await import('./backend')
      return await createBackend({
        ...opts,
        lock,
        onLocked: undefined, // called below, once
        progressiveFrom: opts.progressiveFrom ?? PROGRESSIVE_FROM,
        onChange: (c) => emit(changeListeners, c),
        onProgress: (p) => {
          lastProgress = p.phase === 'ready' ? null : p
          emit(progressListeners, p)
        },
      })
    } catch (err) {
      lock.release() // createBackend releases it on its own failures; this covers the import's
      throw err
    }
  })

  const host: Record<string, unknown> = {
    backend,
    onChange(l: (c: GraphChange) => void) { changeListeners.add(l); return () => { changeListeners.delete(l) } },
    onProgress(l: (p: IndexProgress) => void) { progressListeners.add(l); return () => { progressListeners.delete(l) } },
    async close() { await (await backend).close() },
  }
  for (const method of API_METHODS) {
    if (SHELL.has(method)) continue
    const m = method as CoreMethod
    host[m] = async (...args: unknown[]) => {
      // before the first phase this is what the host has seen; after it the backend knows
      if (m === 'getIndexProgress') return lastProgress
      const b = await backend
      const call = () => (b[m] as (...a: unknown[]) => unknown).apply(b, args)
      if (EARLY.has(m)) return call()
      if (m === 'getNote') {
        // a note already parsed opens now; one the workers have not reached yet opens when they have
        try { return call() } catch (err) { if (!isMissing(err)) throw err }
      }
      await b.whenIndexed()
      return call()
    }
  }
  backend.catch(() => undefined) // seen through host.backend and the calls; without a lock, through the rejection below
  // the lock taken: serve (a backend that fails later fails the calls, and the host's `backend` watch)
  return lockTaken.then(() => { opts.onLocked?.(); return host as HostBackend })
}
