// Cards a warm start left packed (index/snapshot.ts decodes them on first read). Writing the index or the next
// snapshot reads every note's cards; this lets it do so without keeping 10k notes' decoded cards afterwards.
import type { FileResult } from './parse-file'

/** On a file whose cards are still packed (non-enumerable): decodes them without keeping them on the file. */
export const unpackCards = Symbol('unpack cards')

type Unpack = (r: FileResult) => NonNullable<FileResult['cards']>

/** A file's cards for writing them out: decoded for the caller, not kept on the file, when still packed. */
export function cardsOf(r: FileResult): FileResult['cards'] {
  const unpack = (r as FileResult & { [unpackCards]?: Unpack })[unpackCards]
  return unpack && Object.getOwnPropertyDescriptor(r, 'cards')?.get ? unpack(r) : r.cards
}
