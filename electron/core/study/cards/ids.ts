// Card ids: a pure function of the note's relative path and the card's own text, so the same notes in another
// folder give the same ids and an edit elsewhere in the note changes none.
import { hash } from 'node:crypto'

/** sha1 of path, front and back (plus the occurrence for a repeated card), 16 hex digits. */
export function cardId(notePath: string, front: string, back: string, occurrence = 0): string {
  // one-shot hash: createHash().update()… costs several times more for inputs this small
  return hash('sha1', `${notePath}\0${front}\0${back}${occurrence > 0 ? `\0${occurrence}` : ''}`, 'hex').slice(0, 16)
}
