// Reading one note file safely: binary files skipped, invalid UTF-8 decoded with replacement, huge files cut.
import { readFileSync, statSync } from 'node:fs'
import { isUtf8 } from 'node:buffer'
import { createHash } from 'node:crypto'
import type { Diagnostic } from '../types'

/** Notes above this size are indexed only in part. */
export const MAX_NOTE_BYTES = 5 * 1024 * 1024
/** How much of an oversized note is parsed (cut at a line end). */
export const HUGE_NOTE_HEAD_BYTES = 128 * 1024

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
  return createHash('sha1').update(buf).digest('hex')
}

/** Read a note; never throws (problems become diagnostics on `rel`). */
export function readNoteFile(abs: string, rel: string): NoteFile {
  const diagnostics: Diagnostic[] = []
  let buf: Buffer
  let size = 0
  let mtimeMs = 0
  try {
    const st = statSync(abs)
    if (!st.isFile()) {
      diagnostics.push({ file: rel, severity: 'warning', code: 'not-a-file', message: 'Not a regular file; skipped.' })
      return { size: 0, mtimeMs: 0, hash: '', truncated: false, diagnostics }
    }
    size = st.size
    mtimeMs = st.mtimeMs
    buf = readFileSync(abs)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error'
    diagnostics.push({ file: rel, severity: 'error', code: 'read-error', message: `Could not read the file (${code}); skipped.` })
    return { size, mtimeMs, hash: '', truncated: false, diagnostics }
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
  if (!isUtf8(buf)) {
    const line = firstInvalidUtf8Line(buf)
    diagnostics.push({ file: rel, line, severity: 'warning', code: 'invalid-utf8', message: 'Text is not valid UTF-8; invalid bytes are shown as \uFFFD.' })
  }
  return { text: buf.toString('utf8'), size, mtimeMs, hash, truncated, diagnostics }
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
