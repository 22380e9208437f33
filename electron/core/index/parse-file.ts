// Read + parse one file into the compact result that workers send back and the persisted index stores.
import type { Diagnostic, NoteMeta } from '../types'
import type { Card } from '../study/types'
import type { Extractor } from '../extract/index'
import { readNoteFile } from '../parse/read'
import { parseNote } from '../parse/note'

export interface FileJob {
  /** relative path, forward slashes */
  path: string
  abs: string
  /** size from the scan, to route big files to workers */
  size?: number
}

export interface FileResult {
  path: string
  size: number
  mtimeMs: number
  hash: string
  /** undefined when the file is skipped (binary, unreadable) */
  meta?: NoteMeta
  /** lines taken by the frontmatter block (see NoteDoc.lineOffset) */
  lineOffset?: number
  /** read + parse diagnostics of this file (link diagnostics are computed over the whole folder later) */
  diagnostics: Diagnostic[]
  /** study cards of the note (see study/cards), extracted from the same parse */
  cards?: Card[]
  /** problems with cards (empty side, too long), kept apart from the graph's diagnostics */
  cardDiagnostics?: Diagnostic[]
  /** the file's ctime, seen before the read that gave `hash`: while it stays the same the content has not changed (index/verify.ts) */
  ctimeMs?: number
}

export function parseFile(job: FileJob, extractor: Extractor | undefined): FileResult {
  const file = readNoteFile(job.abs, job.path)
  const result: FileResult = { path: job.path, size: file.size, mtimeMs: file.mtimeMs, hash: file.hash, diagnostics: file.diagnostics }
  if (file.text === undefined) return result
  try {
    const parsed = parseNote({ path: job.path, text: file.text, size: file.size, mtimeMs: file.mtimeMs, hash: file.hash }, extractor, { cards: true })
    result.meta = parsed.meta
    if (parsed.cards) {
      result.cards = parsed.cards.cards
      if (parsed.cards.diagnostics.length) result.cardDiagnostics = parsed.cards.diagnostics
    }
    result.lineOffset = parsed.lineOffset
    result.diagnostics.push(...parsed.diagnostics)
  } catch (e) {
    result.diagnostics.push({ file: job.path, severity: 'error', code: 'parse-failed', message: `Could not parse the note: ${String(e).split('\n')[0]}` })
  }
  return result
}
