// The services map's long edges (a link across the map, from one category to a far one) drawn faint, so
// the lines inside and between neighbouring categories can be read; a hovered node or edge brings its
// long edges back (style: `edge.long`, `.hover-hl`). Still drawn, so their reason and evidence show on hover.
import type { Core } from 'cytoscape'

/** An edge longer than this share of the shown picture's larger side counts as long. */
export const LONG_SHARE = 0.35

/** Mark the shown service-map edges (`sm:…`) longer than `share` of the picture; returns how many. */
export function markLongEdges(cy: Core, share = LONG_SHARE): number {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity
  cy.nodes().forEach((n) => {
    if (n.hasClass('hidden')) return
    const p = n.position()
    x1 = Math.min(x1, p.x); y1 = Math.min(y1, p.y); x2 = Math.max(x2, p.x); y2 = Math.max(y2, p.y)
  })
  const limit = Number.isFinite(x1) ? share * Math.max(x2 - x1, y2 - y1) : Infinity
  let long = 0
  cy.batch(() => cy.edges('[id ^= "sm:"]').forEach((e) => {
    const a = e.source().position()
    const b = e.target().position()
    const isLong = Math.hypot(a.x - b.x, a.y - b.y) > limit
    if (isLong) long++
    if (e.hasClass('long') !== isLong) e.toggleClass('long', isLong)
  }))
  return long
}
