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

/**
 * The first `limit` shown nodes in view, priority nodes first, then in `order`; every node in view is counted.
 * `text` and `height` read a node's label and its drawn size (as labels.ts does for every node).
 */
export function topCandidates(cy: Core, order: string[], first: ReadonlySet<string>, score: ReadonlyMap<string, number>, view: { w: number; h: number; zoom: number; limit: number }, text: (n: NodeSingular) => { text: string; size: number }): TopCandidates {
  const candidates: LabelCandidate[] = []
  const ranked: Array<[string, number]> = []
  let inView = 0
  const seen = new Set<string>()
  const take = (id: string) => {
    if (seen.has(id)) return
    seen.add(id)
    const n = cy.getElementById(id) as unknown as NodeSingular
    if (n.empty() || !n.isNode() || n.hasClass('hidden') || n.hasClass('quiet') || n.hasClass('cmp-dim') || n.hasClass('scope-out')) return
    const p = n.renderedPosition()
    if (p.x < -200 || p.y < -100 || p.x > view.w + 200 || p.y > view.h + 100) return
    inView++
    if (candidates.length >= view.limit) return
    const t = text(n)
    ranked.push([id, score.get(id) ?? 0])
    candidates.push({ id, text: t.text, x: p.x, y: p.y, nodeHeight: t.size * view.zoom, importance: (score.get(id) ?? 0) + (first.has(id) ? 1e9 : 0), fontPx: 11 })
  }
  for (const id of first) take(id)
  for (const id of order) take(id)
  return { candidates, ranked, inView }
}
