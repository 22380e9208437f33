// Rename with retries. On Windows a rename over a file fails with EPERM/EACCES/EBUSY while another process
// (an antivirus scan, the search indexer, a second reader) holds it open for a moment; the same codes are
// permanent elsewhere, where the retries only delay the error by about half a second.
import { renameSync } from 'node:fs'
import { rename } from 'node:fs/promises'

/** Error codes that may clear when the other process lets go of the file. */
const TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY'])

/** Waits between attempts (ms): 7 retries, about 0.6 s in all. */
export const RENAME_BACKOFF_MS: readonly number[] = [5, 10, 20, 40, 80, 160, 300]

const transient = (err: unknown) => TRANSIENT.has((err as NodeJS.ErrnoException)?.code ?? '')

export async function renameWithRetry(from: string, to: string, backoff: readonly number[] = RENAME_BACKOFF_MS): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to)
    } catch (err) {
      if (attempt >= backoff.length || !transient(err)) throw err
      await new Promise((r) => setTimeout(r, backoff[attempt]))
    }
  }
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** The synchronous form (window state written while the app quits): blocks the thread for the waits. */
export function renameWithRetrySync(from: string, to: string, backoff: readonly number[] = RENAME_BACKOFF_MS): void {
  for (let attempt = 0; ; attempt++) {
    try {
      return renameSync(from, to)
    } catch (err) {
      if (attempt >= backoff.length || !transient(err)) throw err
      sleepSync(backoff[attempt])
    }
  }
}
