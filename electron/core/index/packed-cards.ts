// Cards a warm start left packed (index/snapshot.ts decodes them on first read). Writing the index or the next
// snapshot reads every note's cards; this lets it do so without keeping 10k notes' decoded cards afterwards.
import type { FileResult } from './parse-file'

/** file → how to decode its packed cards, while they are packed */
export const packedCards = new WeakMap<FileResult, () => NonNullable<FileResult['cards']>>()

/** A file's cards for writing them out: decoded for the caller, not kept on the file, when still packed. */
export function cardsOf(r: FileResult): FileResult['cards'] {
  const make = packedCards.get(r)
  return make && Object.getOwnPropertyDescriptor(r, 'cards')?.get ? make() : r.cards
}
