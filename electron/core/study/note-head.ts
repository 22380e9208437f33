// The first lines of a note file, for reading its frontmatter and introduction without loading the whole note
// (readiness looks at every note of the folder once; whole files would also crowd the note-lines cache).
import { closeSync, openSync, readSync } from 'node:fs'

const HEAD_BYTES = 8192

/** Lines of the first 8 KB of the file (the last, possibly cut, line dropped when the file is longer); undefined when unreadable. */
export function readNoteHead(file: string): string[] | undefined {
  let fd: number | undefined
  try {
    fd = openSync(file, 'r')
    const buf = Buffer.alloc(HEAD_BYTES)
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0)
    const lines = buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)
    if (n === HEAD_BYTES) lines.pop()
    return lines
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
