// Label candidates on a big graph: walked in importance order (made once per graph), so only the first
// `limit` nodes in view become candidates (their text measured, their boxes tried): a screen holds a few
// hundred labels at most, and measuring 10k labels per zoom step cost more than the pick itself.
import type { Core, NodeSingular } from 'cytoscape'
import type { LabelCandidate } from './labelPick'

/** Candidates kept per pick on a big graph (a 1400×900 canvas holds a few hundred labels at most). */
export const BIG_LABEL_CANDIDATES = 1000

/** Node ids by importance, biggest first (ties by id), for one graph's importance map. */
export function importanceOrder(score: ReadonlyMap<string, number>): string[] {
  return [...score.keys()].sort((a, b) => (score.get(b)! - score.get(a)!) || (a < b ? -1 : 1))
}

export interface TopCandidates {
  candidates: LabelCandidate[]
  /** [id, importance] of the candidates, in importance order */
  ranked: Array<[string, number]>
  /** nodes in view in all (the font tiers are shares of it) */
  inView: number
}

/** A node as the candidate walk reads it: its rendered centre, and its label read only when it is taken. */
export interface CandidateNode { x: number; y: number; label(): { text: string; size: number } }

/** Classes of a node that draws no label (style.ts): it must not take a label's place either. */
export const NO_LABEL_CLASSES = ['hidden', 'quiet', 'cmp-dim', 'scope-out'] as const

/**
 * The first `limit` shown nodes in view, priority nodes first, then in `order`; every node in view is counted.
 * `nodeAt` gives a shown node (null for one that is hidden, dimmed or absent).
 */
export function rankCandidates(nodeAt: (id: string) => CandidateNode | null, order: string[], first: ReadonlySet<string>, score: ReadonlyMap<string, number>, view: { w: number; h: number; zoom: number; limit: number }): TopCandidates {
  const candidates: LabelCandidate[] = []
  const ranked: Array<[string, number]> = []
  let inView = 0
  const seen = new Set<string>()
  const take = (id: string) => {
    if (seen.has(id)) return
    seen.add(id)
    const n = nodeAt(id)
    if (!n) return
    if (n.x < -200 || n.y < -100 || n.x > view.w + 200 || n.y > view.h + 100) return
    inView++
    if (candidates.length >= view.limit) return
    const t = n.label()
    ranked.push([id, score.get(id) ?? 0])
    candidates.push({ id, text: t.text, x: n.x, y: n.y, nodeHeight: t.size * view.zoom, importance: (score.get(id) ?? 0) + (first.has(id) ? 1e9 : 0), fontPx: 11 })
  }
  for (const id of first) take(id)
  for (const id of order) take(id)
  return { candidates, ranked, inView }
}

/**
 * The first `limit` shown nodes in view of the core, priority nodes first, then in `order`; every node in view is
 * counted. `text` and `height` read a node's label and its drawn size (as labels.ts does for every node).
 */
export function topCandidates(cy: Core, order: string[], first: ReadonlySet<string>, score: ReadonlyMap<string, number>, view: { w: number; h: number; zoom: number; limit: number }, text: (n: NodeSingular) => { text: string; size: number }): TopCandidates {
  return rankCandidates((id) => {
    const n = cy.getElementById(id) as unknown as NodeSingular
    if (n.empty() || !n.isNode() || NO_LABEL_CLASSES.some((c) => n.hasClass(c))) return null
    const p = n.renderedPosition()
    return { x: p.x, y: p.y, label: () => text(n) }
  }, order, first, score, view)
}
