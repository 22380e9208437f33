// Reading one note file safely: binary files skipped, invalid UTF-8 decoded with replacement, huge files cut.
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs'
import { isUtf8 } from 'node:buffer'
import { hash as digest } from 'node:crypto'
import type { Diagnostic } from '../types'

/**
 * Notes above this size are indexed only in part. Real study notes are tens of KB; the markdown parser takes
 * about 2 s per MB, and an edited note is re-parsed on the calling thread, so the cap keeps that bounded.
 */
export const MAX_NOTE_BYTES = 1024 * 1024
/** How much of an oversized note is parsed (cut at a line end). */
export const HUGE_NOTE_HEAD_BYTES = 128 * 1024
/**
 * Longest run of lines without a blank line that is parsed. The markdown parser's cost grows with the square
 * of a paragraph's length (a 1.5 MB paragraph takes ~30 s), so a note is cut at the end of this much of such a run.
 */
export const MAX_RUN_BYTES = 256 * 1024

export interface NoteFile {
  /** decoded text to parse; undefined when the file is skipped */
  text?: string
  size: number
  mtimeMs: number
  hash: string
  /** true when only the first part of the file is in `text` */
  truncated: boolean
  diagnostics: Diagnostic[]
}

export function hashBytes(buf: Uint8Array): string {
  // one-shot: no Hash object per file
  return digest('sha1', buf, 'hex')
}

/** non-blocking, so a named pipe (FIFO) opens at once and is then skipped as not a regular file */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/** Read a note; never throws (problems become diagnostics on `rel`). */
export function readNoteFile(abs: string, rel: string): NoteFile {
  const diagnostics: Diagnostic[] = []
  let buf: Buffer
  let size = 0
  let mtimeMs = 0
  const notAFile = () => {
    diagnostics.push({ file: rel, severity: 'warning', code: 'not-a-file', message: 'Not a regular file; skipped.' })
    return { size: 0, mtimeMs: 0, hash: '', truncated: false, diagnostics }
  }
  // opened once, then its own stat (one path lookup, and size and mtime are those of the file read)
  let fd: number | undefined
  try {
    fd = openSync(abs, OPEN_FLAGS)
    const st = fstatSync(fd)
    if (!st.isFile()) return notAFile()
    size = st.size
    mtimeMs = st.mtimeMs
    buf = readOpenFile(fd, size)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error'
    if (code === 'EISDIR') return notAFile() // Windows does not open folders
    diagnostics.push({ file: rel, severity: 'error', code: 'read-error', message: `Could not read the file (${code}); skipped.` })
    return { size, mtimeMs, hash: '', truncated: false, diagnostics }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
  size = buf.length
  const hash = hashBytes(buf)
  if (buf.subarray(0, 1024 * 1024).includes(0)) {
    diagnostics.push({ file: rel, severity: 'warning', code: 'binary-file', message: 'Looks like a binary file (contains NUL bytes), not a note; skipped.' })
    return { size, mtimeMs, hash, truncated: false, diagnostics }
  }
  let truncated = false
  if (buf.length > MAX_NOTE_BYTES) {
    let end = buf.lastIndexOf(0x0a, HUGE_NOTE_HEAD_BYTES)
    if (end <= 0) end = HUGE_NOTE_HEAD_BYTES
    buf = buf.subarray(0, end + 1)
    truncated = true
    diagnostics.push({
      file: rel, severity: 'warning', code: 'file-too-large',
      message: `Note is ${(size / 1048576).toFixed(1)} MB (limit ${MAX_NOTE_BYTES / 1048576} MB); only its first ${HUGE_NOTE_HEAD_BYTES / 1024} KB are indexed.`,
    })
  }
  const runEnd = truncated ? -1 : longRunCut(buf, MAX_RUN_BYTES)
  if (runEnd >= 0) {
    buf = buf.subarray(0, runEnd + 1)
    truncated = true
    diagnostics.push({
      file: rel, line: countNewlines(buf), severity: 'warning', code: 'paragraph-too-long',
      message: `Note has more than ${MAX_RUN_BYTES / 1024} KB of text without a blank line; only the part up to line ${countNewlines(buf)} is indexed.`,
    })
  }
  if (!isUtf8(buf)) {
    const line = firstInvalidUtf8Line(buf)
    diagnostics.push({ file: rel, line, severity: 'warning', code: 'invalid-utf8', message: 'Text is not valid UTF-8; invalid bytes are shown as \uFFFD.' })
  }
  return { text: buf.toString('utf8'), size, mtimeMs, hash, truncated, diagnostics }
}

/**
 * The rest of an open regular file of `size` bytes (by its fstat), as readFileSync(fd) reads it but without the
 * second fstat it makes: up to `size` bytes, fewer when the file shrank meanwhile. A size of 0 may be a file
 * whose size the system does not report: that one is read to its end.
 */
function readOpenFile(fd: number, size: number): Buffer {
  if (size === 0) return readFileSync(fd)
  const buf = Buffer.allocUnsafe(size)
  let at = 0
  while (at < size) {
    const n = readSync(fd, buf, at, size - at, null)
    if (n === 0) break
    at += n
  }
  return at === size ? buf : buf.subarray(0, at)
}

/** Line of the first byte sequence that is not UTF-8 (best effort, for the diagnostic). */
function firstInvalidUtf8Line(buf: Buffer): number | undefined {
  const decoded = new TextDecoder('utf-8').decode(buf)
  const at = decoded.indexOf('\uFFFD')
  if (at === -1) return undefined
  let line = 1
  for (let i = decoded.indexOf('\n'); i !== -1 && i < at; i = decoded.indexOf('\n', i + 1)) line++
  return line
}

/**
 * Where to cut a text that has a run of non-blank lines longer than `maxRun` bytes: the offset of the last
 * line end within the first `maxRun` bytes of that run (-1 when there is no such run).
 */
export function longRunCut(buf: Uint8Array, maxRun: number): number {
  if (buf.length <= maxRun) return -1
  let runStart = 0
  let lineStart = 0
  let lastEnd = -1
  while (lineStart < buf.length) {
    let nl = buf.indexOf(0x0a, lineStart)
    if (nl === -1) nl = buf.length
    if (isBlank(buf, lineStart, nl)) runStart = nl + 1
    else if (nl - runStart > maxRun) return lastEnd > runStart ? lastEnd : Math.min(buf.length, runStart + maxRun) - 1
    lastEnd = nl
    lineStart = nl + 1
  }
  return -1
}

function isBlank(buf: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = buf[i]
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false
  }
  return true
}

function countNewlines(buf: Uint8Array): number {
  let n = 0
  for (let i = buf.indexOf(0x0a); i !== -1; i = buf.indexOf(0x0a, i + 1)) n++
  return n
}
