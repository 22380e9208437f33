// Watch a notes folder: fs.watch recursive (Node 20 supports it on Linux, macOS and Windows), events
// debounced into one batch of relative paths. If watching fails, poll: an empty batch means "rescan all".
import fs from 'node:fs'
import path from 'node:path'

export interface FolderWatcher {
  close(): void
}

export interface WatchOptions {
  debounceMs?: number
  /** interval of the polling fallback */
  pollMs?: number
}

const ignored = (rel: string) => rel.split('/').some((seg) => seg.startsWith('.') || seg === 'node_modules')

export function watchFolder(root: string, onChange: (paths: string[]) => void, opts: WatchOptions = {}): FolderWatcher {
  const debounceMs = opts.debounceMs ?? 100
  let pending = new Set<string>()
  let fullRescan = false
  let timer: NodeJS.Timeout | undefined
  let closed = false
  let watcher: fs.FSWatcher | undefined
  let poll: NodeJS.Timeout | undefined

  const fire = () => {
    timer = undefined
    if (closed) return
    const paths = fullRescan ? [] : [...pending]
    pending = new Set()
    fullRescan = false
    onChange(paths)
  }
  const schedule = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(fire, debounceMs)
  }
  const startPolling = () => {
    if (poll || closed) return
    poll = setInterval(() => { fullRescan = true; schedule() }, opts.pollMs ?? 5000)
    poll.unref()
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
      if (poll) clearInterval(poll)
      watcher?.close()
    },
  }
}
