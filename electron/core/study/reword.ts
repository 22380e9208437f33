// History follows a reworded card: a card id is a hash of its text, so an edited card gets a new id. When a
// graded card's id is gone and a new, never-graded card in the same note reads much the same, the history moves.
import type { Card } from './types'
import type { CardProgress } from './scheduler'

/** Word tokens of a card, lower-cased; one-letter words carry no meaning here. */
export function tokens(text: string): Set<string> {
  const out = new Set<string>()
  for (const t of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (t.length > 1) out.add(t)
  return out
}

/** Jaccard similarity of the two token sets (0..1). */
export function similarity(a: string, b: string): number {
  const ta = tokens(a)
  const tb = tokens(b)
  if (ta.size === 0 && tb.size === 0) return 1
  let shared = 0
  for (const t of ta) if (tb.has(t)) shared++
  return shared / (ta.size + tb.size - shared)
}

/** How alike an old card's text and a new card must be for the history to move. */
export const REWORD_THRESHOLD = 0.5

/**
 * Old id → new id for every graded card that disappeared and has a reworded successor in the same note.
 * Each new card takes at most one history, the most similar pairs first.
 */
export function matchReworded(progress: Record<string, CardProgress>, cards: readonly Card[], threshold = REWORD_THRESHOLD): Map<string, string> {
  const present = new Set<string>()
  for (const c of cards) present.add(c.id)
  const orphansByNote = new Map<string, Array<[string, CardProgress]>>()
  for (const [id, p] of Object.entries(progress)) {
    if (present.has(id)) continue
    const list = orphansByNote.get(p.note) ?? []
    list.push([id, p])
    orphansByNote.set(p.note, list)
  }
  const moves = new Map<string, string>()
  if (orphansByNote.size === 0) return moves
  const pairs: Array<{ from: string; to: string; score: number }> = []
  for (const c of cards) {
    if (progress[c.id]) continue
    const orphans = orphansByNote.get(c.note)
    if (!orphans) continue
    const text = `${c.front} ${c.back}`
    for (const [id, p] of orphans) {
      const score = similarity(`${p.front} ${p.back}`, text)
      if (score >= threshold) pairs.push({ from: id, to: c.id, score })
    }
  }
  pairs.sort((a, b) => b.score - a.score)
  const taken = new Set<string>()
  for (const { from, to } of pairs) {
    if (moves.has(from) || taken.has(to)) continue
    moves.set(from, to)
    taken.add(to)
  }
  return moves
}
