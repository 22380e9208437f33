// One host per state folder: two hosts writing the same settings, view state and index would silently undo each
// other's changes. The lock is a file holding the owner's pid, created exclusively. A lock whose owner has exited
// (a crash, a kill) is stale and taken over; a live owner is waited for a few seconds (a host started right after
// another was told to stop), then refused with a message that says what to do.
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const LOCK_NAME = 'notes-graph.lock'

export class StateDirError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StateDirError'
  }
}

export interface StateLock {
  readonly file: string
  /** remove the lock if it is still ours (idempotent) */
  release(): void
}

export interface LockOptions {
  /** how long a live owner is waited for (default 5 s) */
  waitMs?: number
  pollMs?: number
}

/** Is a process with this pid running (on this machine, any user)? */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The state path must be a folder (made when missing); a file there is a one-line error, not a raw EEXIST. */
export function ensureStateDir(dir: string): void {
  try {
    const st = statSync(dir, { throwIfNoEntry: false })
    if (st && !st.isDirectory()) throw new StateDirError(`The state path ${dir} is a file, not a folder.`)
    mkdirSync(dir, { recursive: true })
  } catch (e) {
    if (e instanceof StateDirError) throw e
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new StateDirError(`The state path ${dir} is inside a file, not a folder.`)
    throw new StateDirError(`Cannot create the state folder ${dir} (${code ?? String(e)}).`)
  }
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = Number((JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown }).pid)
    return Number.isInteger(pid) ? pid : undefined
  } catch {
    return undefined
  }
}

/** A lock file without a readable pid is being written right now, or was left half-written long ago. */
function unreadableForLong(file: string): boolean {
  const st = statSync(file, { throwIfNoEntry: false })
  return st !== undefined && Date.now() - st.mtimeMs > 2000
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function lockStateDir(dir: string, opts: LockOptions = {}): Promise<StateLock> {
  ensureStateDir(dir)
  const file = path.join(dir, LOCK_NAME)
  const waitMs = opts.waitMs ?? 5000
  const deadline = Date.now() + waitMs
  for (;;) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }), { flag: 'wx' })
      let released = false
      return {
        file,
        release() {
          if (released) return
          released = true
          if (ownerOf(file) === process.pid) { try { unlinkSync(file) } catch { /* already gone */ } }
        },
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new StateDirError(`Cannot lock the state folder ${dir} (${(e as NodeJS.ErrnoException).code ?? String(e)}).`)
    }
    const owner = ownerOf(file)
    const stale = owner === undefined ? unreadableForLong(file) : owner !== process.pid && !isRunning(owner)
    if (stale) {
      // take it over by renaming: of two hosts doing this at once only one rename succeeds
      try { renameSync(file, `${file}.stale-${process.pid}`); unlinkSync(`${file}.stale-${process.pid}`) } catch { /* someone else did */ }
      continue
    }
    if (Date.now() >= deadline) {
      const who = owner === process.pid ? 'this process' : owner === undefined ? 'another process' : `process ${owner}`
      throw new StateDirError(
        `Another Notes Graph (${who}) is using the state folder ${dir}; stop it first, or give this one its own folder (--state DIR).`,
      )
    }
    await sleep(Math.min(opts.pollMs ?? 100, Math.max(1, deadline - Date.now())))
  }
}
