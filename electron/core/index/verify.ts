// The content check behind a warm start: size + mtime can match while the content does not (a note edited while
// the app was closed and its mtime put back, a restore from a backup, a sync tool). Reading and hashing every
// note is cheap next to parsing it (10k notes: 0.25–0.36 s CPU, ≈ 0.5% of a cold index); reads go a few at a time.
import { readFile } from 'node:fs/promises'
import { hashBytes } from '../parse/read'

export interface HashedFile {
  path: string
  abs: string
  /** the content hash the index holds (see readNoteFile) */
  hash: string
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
