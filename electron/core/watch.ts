// Watch a notes folder: fs.watch recursive (Node 20 supports it on Linux, macOS and Windows), events
// debounced into one batch of relative paths. If watching fails, poll: an empty batch means "rescan all".
// A rescan stats every note (0.5 s CPU at 10k notes), so polls are spaced to keep it under 5 % of a core.
// chokidar 4 was measured against this and not adopted (ARCHITECTURE.md, "Libraries we chose and why").
import fs from 'node:fs'
import path from 'node:path'

export interface FolderWatcher {
  close(): void
}

export interface WatchOptions {
  debounceMs?: number
  /** a batch goes out at the latest this long after its first event, however many follow (default 1000 ms) */
  maxWaitMs?: number
  /** interval of the polling fallback (at least; longer when a rescan is slow) */
  pollMs?: number
}

/** A poll waits at least this many times as long as the last rescan took. */
const POLL_COST_FACTOR = 20

const ignored = (rel: string) => rel.split('/').some((seg) => seg.startsWith('.') || seg === 'node_modules')

/** `onChange` may return a promise: the polling fallback times the rescan by it. */
export function watchFolder(root: string, onChange: (paths: string[]) => unknown, opts: WatchOptions = {}): FolderWatcher {
  const debounceMs = opts.debounceMs ?? 100
  const maxWaitMs = Math.max(debounceMs, opts.maxWaitMs ?? 1000)
  let pending = new Set<string>()
  let fullRescan = false
  let timer: NodeJS.Timeout | undefined
  /** when the first event of the batch being gathered came */
  let firstAt: number | undefined
  let closed = false
  let watcher: fs.FSWatcher | undefined
  let poll: NodeJS.Timeout | undefined

  const fire = () => {
    timer = undefined
    firstAt = undefined
    if (closed) return
    const paths = fullRescan ? [] : [...pending]
    pending = new Set()
    fullRescan = false
    return onChange(paths)
  }
  // each event waits for quiet, but not for ever: a folder that never stops changing (a sync tool, a build
  // writing beside the notes) would otherwise hold back every note saved meanwhile
  const schedule = () => {
    const now = Date.now()
    firstAt ??= now
    if (timer) clearTimeout(timer)
    timer = setTimeout(fire, Math.max(0, Math.min(debounceMs, firstAt + maxWaitMs - now)))
  }
  const pollMs = opts.pollMs ?? 5000
  const nextPoll = (delay: number) => {
    if (closed) return
    poll = setTimeout(() => {
      if (timer) clearTimeout(timer)
      fullRescan = true
      const t0 = performance.now()
      void Promise.resolve(fire()).catch(() => undefined).then(() => nextPoll(Math.max(pollMs, POLL_COST_FACTOR * (performance.now() - t0))))
    }, delay)
    poll.unref()
  }
  const startPolling = () => {
    if (poll || closed) return
    nextPoll(pollMs)
  }

  try {
    watcher = fs.watch(root, { recursive: true, persistent: false }, (_event, filename) => {
      if (!filename) { fullRescan = true; schedule(); return }
      const rel = filename.toString().split(path.sep).join('/')
      if (ignored(rel)) return
      pending.add(rel)
      schedule()
    })
    watcher.on('error', () => {
      watcher?.close()
      watcher = undefined
      startPolling()
    })
  } catch {
    startPolling()
  }

  return {
    close() {
      closed = true
      if (timer) clearTimeout(timer)
      if (poll) clearTimeout(poll)
      watcher?.close()
    },
  }
}

/** A watcher started before its folder is read, so that nothing saved meanwhile goes unseen. */
export interface EarlyWatcher extends FolderWatcher {
  /** From now on changes go to `onChange`; what changed since the start goes first, as one batch. */
  attach(onChange: (paths: string[]) => unknown): void
}

/**
 * Watch a folder from before it is listed: a note saved between the listing and a watcher started after the
 * index is built would reach the graph only at the next launch. Changes are held (a rescan when the watcher
 * said so) until `attach`; the ones the index already has cost a stat each.
 */
export function watchFolderEarly(root: string, opts: WatchOptions = {}): EarlyWatcher {
  let target: ((paths: string[]) => unknown) | undefined
  const held = new Set<string>()
  let rescan = false
  const watcher = watchFolder(root, (paths) => {
    if (target) return target(paths)
    if (paths.length === 0) rescan = true
    for (const p of paths) held.add(p)
  }, opts)
  return {
    close: () => watcher.close(),
    attach(onChange) {
      target = onChange
      if (!rescan && held.size === 0) return
      const paths = rescan ? [] : [...held]
      held.clear()
      rescan = false
      void onChange(paths)
    },
  }
}
