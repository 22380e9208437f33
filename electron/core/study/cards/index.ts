// Card extraction: public entry points.
export { extractCards, MAX_CARD_CHARS, type CardSource, type NoteCards } from './extract'
export { cardId } from './ids'
export { CARDS_VERSION } from './version'
export { collectCards } from './collect'
