// The content check behind a warm start: size + mtime can match while the content does not (a note edited while
// the app was closed and its mtime put back, a restore from a backup, a sync tool). Reading and hashing every
// note is cheap next to parsing it (10k notes: 0.25–0.36 s CPU, ≈ 0.5% of a cold index); reads go a few at a time.
//
// A one-shot run (the CLI) skips the read where the file's ctime vouches for its content: the system sets ctime on
// every write and every time change (utimes, a restore, a sync tool) and offers no way to set it back, so an
// index entry that recorded the ctime seen *before* the read that gave its hash is current while that ctime is
// unchanged. A ctime close to the moment it was seen is not recorded ("racy", as git calls it): a second write in
// the same clock tick (or second, on coarse file systems) could leave it as it was. The desktop app and the web
// host still hash every note, in the background after serving (backend.ts), which also covers file systems whose
// ctime does not follow changes (on some, such as FAT, it is the creation time).
import { readFile } from 'node:fs/promises'
import { hashBytes } from '../parse/read'

export interface HashedFile {
  path: string
  abs: string
  /** the content hash the index holds (see readNoteFile) */
  hash: string
}

/**
 * How long after a write a file may be written again without its size and times showing it (one tick of a coarse
 * clock): a ctime (here) or an mtime (Vault.update) closer than this to the moment it was seen vouches for nothing.
 */
export const RACY_MS = 2000

/**
 * The ctime to record on an index entry whose content was read after `seenAt` (Date.now() before the stat that
 * gave `ctimeMs`), or undefined when it is too recent (or in the future) to vouch for that content.
 */
export function contentStamp(ctimeMs: number | undefined, seenAt: number): number | undefined {
  return ctimeMs !== undefined && ctimeMs > 0 && ctimeMs < seenAt - RACY_MS ? ctimeMs : undefined
}

/** Paths whose content hash differs from the indexed one (an unreadable file counts as changed). */
export async function findChangedContent(files: HashedFile[], concurrency = 8): Promise<string[]> {
  const changed: string[] = []
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const f = files[next++]
      let hash = ''
      try { hash = hashBytes(await readFile(f.abs)) } catch { /* gone or unreadable: the update decides */ }
      if (hash !== f.hash) changed.push(f.path)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker))
  return changed.sort()
}
