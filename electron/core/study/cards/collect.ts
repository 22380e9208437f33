// All notes' cards as one CardSet, ordered by note path (numbers in it by value: 1.2 before 1.10) then line.
import type { Diagnostic } from '../../types'
import { byPath } from '../../numeric-order'
import type { Card, CardSet } from '../types'

export interface NoteCardsEntry {
  path: string
  cards?: Card[]
  cardDiagnostics?: Diagnostic[]
}

export function collectCards(entries: Iterable<NoteCardsEntry>): CardSet {
  const sorted = byPath(entries, (e) => e.path)
  const cards: Card[] = []
  const diagnostics: Diagnostic[] = []
  for (const e of sorted) {
    if (e.cards) for (const c of e.cards) cards.push(c)
    if (e.cardDiagnostics) for (const d of e.cardDiagnostics) diagnostics.push(d)
  }
  return { cards, diagnostics }
}
