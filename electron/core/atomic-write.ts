// Write files so a crash or a full disk never leaves a half-written settings or index file:
// write a sibling temp file, flush it, then rename over the target (atomic on one filesystem). The rename is
// retried while another process holds the target (Windows: EPERM/EACCES/EBUSY), see rename-retry.ts.
import { mkdirSync, openSync, writeSync, fsyncSync, closeSync, rmSync } from 'node:fs'
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { renameWithRetry, renameWithRetrySync } from './rename-retry'

let counter = 0
const tmpName = (file: string) => `${file}.${process.pid}.${Date.now()}.${counter++}.tmp`

/** Write through a sibling temp file, flushed, then renamed over the target; the temp file never outlives a failure. */
async function viaTempFile(file: string, write: (handle: FileHandle) => Promise<void>): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const tmp = tmpName(file)
  try {
    const handle = await open(tmp, 'w')
    try {
      await write(handle)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameWithRetry(tmp, file)
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
}

export function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  return viaTempFile(file, (handle) => handle.writeFile(data))
}

/**
 * Like writeFileAtomic, for big files produced piece by piece (the persisted index): the pieces are written as
 * they come, in ~1 MB writes, so the whole file never has to exist as one string in memory.
 */
export function writeFileAtomicChunks(file: string, chunks: Iterable<string>): Promise<void> {
  return viaTempFile(file, async (handle) => {
    let pending: string[] = []
    let size = 0
    for (const c of chunks) {
      pending.push(c)
      size += c.length
      if (size >= 1 << 20) {
        await handle.write(pending.join(''))
        pending = []
        size = 0
      }
    }
    if (pending.length) await handle.write(pending.join(''))
  })
}

export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = tmpName(file)
  try {
    const fd = openSync(tmp, 'w')
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameWithRetrySync(tmp, file)
  } catch (err) {
    rmSync(tmp, { force: true })
    throw err
  }
}

export const writeJsonAtomic = (file: string, value: unknown) => writeFileAtomic(file, JSON.stringify(value, null, 2))

/** Like writeFileAtomicChunks for binary pieces made asynchronously (the warm-start snapshot, built in slices). */
export function writeFileAtomicStream(file: string, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  return viaTempFile(file, async (handle) => {
    for await (const c of chunks) await handle.write(c)
  })
}
