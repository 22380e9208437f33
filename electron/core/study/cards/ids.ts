// Card ids: a pure function of the note's relative path and the card's own text, so the same notes in another
// folder give the same ids and an edit elsewhere in the note changes none.
import { createHash } from 'node:crypto'

/** sha1 of path, front and back (plus the occurrence for a repeated card), 16 hex digits. */
export function cardId(notePath: string, front: string, back: string, occurrence = 0): string {
  const h = createHash('sha1').update(notePath).update('\0').update(front).update('\0').update(back)
  if (occurrence > 0) h.update(`\0${occurrence}`)
  return h.digest('hex').slice(0, 16)
}
