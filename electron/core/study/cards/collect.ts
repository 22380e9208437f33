// All notes' cards as one CardSet, ordered by note path then line.
import type { Diagnostic } from '../../types'
import type { Card, CardSet } from '../types'

export interface NoteCardsEntry {
  path: string
  cards?: Card[]
  cardDiagnostics?: Diagnostic[]
}

export function collectCards(entries: Iterable<NoteCardsEntry>): CardSet {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const cards: Card[] = []
  const diagnostics: Diagnostic[] = []
  for (const e of sorted) {
    if (e.cards) for (const c of e.cards) cards.push(c)
    if (e.cardDiagnostics) for (const d of e.cardDiagnostics) diagnostics.push(d)
  }
  return { cards, diagnostics }
}
