// The one place that touches Cytoscape methods its documentation and type declarations leave out.
// They save whole-graph redraws and style passes on big loads and on a click; each one degrades to
// the documented behaviour (a normal redraw, lazy styling) if a Cytoscape release drops it, and
// cyPrivate.test.ts fails when their behaviour changes, so an upgrade is noticed.
import type { Collection, Core } from 'cytoscape'

interface CorePrivate {
  notifications?(on?: boolean): boolean | Core
  notify?(event: string, eles?: Collection): void
  headless?(): boolean
}
interface CollectionPrivate { cleanStyle?(): void }

const priv = (cy: Core) => cy as unknown as CorePrivate

/**
 * Run `fn` without telling the renderer about each change; the caller redraws once (see `redraw`). Redraws
 * stay as they were before: a click during a big load (redraws off between its slices) must not turn them
 * on, or every later slice is drawn with the whole graph.
 */
export function withoutRedraws<T>(cy: Core, fn: () => T): T {
  const p = priv(cy)
  if (typeof p.notifications !== 'function') return fn()
  const was = p.notifications() !== false
  p.notifications(false)
  try {
    return fn()
  } finally {
    if (!cy.destroyed()) p.notifications(was)
  }
}

/** Turn redraw notifications off (false) or on (true) around async work that `withoutRedraws` cannot wrap. */
export function setRedraws(cy: Core, on: boolean): void {
  const p = priv(cy)
  if (typeof p.notifications === 'function' && !cy.destroyed()) p.notifications(on)
}

/** Tell the renderer that elements were added (or whatever `event` says) so it redraws once. */
export function redraw(cy: Core, event = 'add'): void {
  const p = priv(cy)
  if (typeof p.notify === 'function') p.notify(event)
  else cy.forceRender()
}

/** Compute the elements' style now rather than in the next frame (spreads a big load over slices). */
export function styleNow(eles: Collection): void {
  const p = eles as unknown as CollectionPrivate
  if (typeof p.cleanStyle === 'function') p.cleanStyle()
}

/** Is the core drawing nothing (headless, e.g. in tests or a worker)? */
export function isHeadless(cy: Core): boolean {
  const p = priv(cy)
  if (typeof p.headless === 'function') return p.headless()
  return cy.container() === null
}
