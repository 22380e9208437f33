// A note the core indexed only in part (over 1 MB: its first 128 KB; or a paragraph too long to parse)
// carries a warning diagnostic; the reader shows its message above the note, so nobody mistakes the cut
// text for the whole note. Codes from electron/core/parse/read.ts.
import type { Diagnostic } from '../../../electron/core/types'

export const PARTIAL_CODES: ReadonlySet<string> = new Set(['file-too-large', 'paragraph-too-long'])

/** The notice for a note shown in the reader, or undefined when it was indexed whole. */
export function partialNotice(diagnostics: readonly Diagnostic[] | undefined, path: string | undefined): string | undefined {
  if (!diagnostics || !path) return undefined
  const d = diagnostics.find((x) => x.file === path && PARTIAL_CODES.has(x.code))
  return d ? `Shown in part: ${d.message}` : undefined
}
