// Progress of graph nodes rolled up from their cards and the student's own marks.
//   - a mark wins: `learned` → mastered, `needs-review` → learning
//   - no card of the node graded (or no cards at all) → new
//   - otherwise the weakest of its cards, a never-graded card counting as learning: grading any card makes the
//     node at least `learning`, and it reaches `review` / `mastered` only when all its cards have
import type { Card, NodeMark, ProgressState } from './types'

const RANK: Record<ProgressState, number> = { new: 0, learning: 1, review: 2, mastered: 3 }
const BY_RANK: ProgressState[] = ['new', 'learning', 'review', 'mastered']

/** Node types that carry progress. */
export const PROGRESS_NODE = /^(service|concept|note):/

/** The nodes a card counts for: the services and concepts it mentions, and its note. */
export function nodesOfCard(card: Card): string[] {
  return [...card.entities, `note:${card.note}`]
}

export function rollUpNodes(
  cards: readonly Card[],
  stateOf: (card: Card) => ProgressState,
  marks: Readonly<Record<string, NodeMark>>,
  nodeIds: Iterable<string>,
): Record<string, ProgressState> {
  // per node: was any card graded, and the lowest rank among its cards (new counted as learning)
  const graded = new Set<string>()
  const lowest = new Map<string, number>()
  for (const c of cards) {
    const s = stateOf(c)
    const r = Math.max(RANK[s], RANK.learning)
    for (const id of nodesOfCard(c)) {
      if (s !== 'new') graded.add(id)
      const l = lowest.get(id)
      if (l === undefined || r < l) lowest.set(id, r)
    }
  }
  const out: Record<string, ProgressState> = {}
  for (const id of nodeIds) {
    if (!PROGRESS_NODE.test(id)) continue
    const mark = marks[id]
    if (mark === 'learned') out[id] = 'mastered'
    else if (mark === 'needs-review') out[id] = 'learning'
    else if (!graded.has(id)) out[id] = 'new'
    else out[id] = BY_RANK[lowest.get(id) ?? RANK.learning]
  }
  return out
}
