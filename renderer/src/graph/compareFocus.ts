// Compare on the graph: the compared nodes and what links them (paths between them, their most telling
// shared neighbours) stand out, everything else is dimmed, and the view fits the compared nodes. Before
// the graph view has settled the fit waits for it and is instant; afterwards it is one short animation.
import type { Core, EdgeCollection, NodeCollection } from 'cytoscape'
import type { GraphController } from './controller'
import { FOCUS_EVENT } from './viewport'

export interface CompareFocus {
  /** compared node ids */
  ids: string[]
  /** node ids that link them: path nodes, shared neighbours */
  linking: string[]
  /** node id sequences of the shortest paths (their edges are kept bright) */
  paths: string[][]
}

const DIM = 'cmp-dim'
const FIT_PADDING = 70
/** never closer than this: two neighbours would otherwise fill the screen */
const MAX_FIT_ZOOM = 1.25
const FIT_MS = 300

/** The elements that stay bright: compared and linking nodes, path edges, edges between compared and linking nodes. */
export function keptElements(cy: Core, focus: CompareFocus): { nodes: NodeCollection; edges: EdgeCollection } {
  let nodes = cy.collection() as NodeCollection
  for (const id of [...focus.ids, ...focus.linking]) {
    const n = cy.getElementById(id)
    if (n.nonempty() && n.isNode()) nodes = nodes.union(n) as NodeCollection
  }
  let edges = cy.collection() as EdgeCollection
  const compared = cy.collection().union(focus.ids.map((id) => cy.getElementById(id)).filter((n) => n.nonempty()))
  // edges from a compared node to anything kept; path edges
  edges = edges.union(compared.edgesWith(nodes)) as EdgeCollection
  for (const p of focus.paths) {
    for (let i = 0; i + 1 < p.length; i++) edges = edges.union(cy.getElementById(p[i]).edgesWith(cy.getElementById(p[i + 1]))) as EdgeCollection
  }
  return { nodes, edges }
}

/** Zoom and pan that show the nodes' positions with padding, capped at MAX_FIT_ZOOM (model box, labels ignored). */
export function fitViewport(cy: Core, nodes: NodeCollection): { zoom: number; pan: { x: number; y: number } } | null {
  const shown = nodes.filter((n) => n.visible())
  if (shown.empty()) return null
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity
  shown.forEach((n) => {
    const p = n.position()
    const r = (Number(n.data('size')) || 20) / 2
    x1 = Math.min(x1, p.x - r); y1 = Math.min(y1, p.y - r); x2 = Math.max(x2, p.x + r); y2 = Math.max(y2, p.y + r)
  })
  const w = Math.max(1, cy.width() - 2 * FIT_PADDING)
  const h = Math.max(1, cy.height() - 2 * FIT_PADDING)
  const zoom = Math.max(cy.minZoom(), Math.min(MAX_FIT_ZOOM, cy.maxZoom(), w / Math.max(1, x2 - x1), h / Math.max(1, y2 - y1)))
  return { zoom, pan: { x: cy.width() / 2 - ((x1 + x2) / 2) * zoom, y: cy.height() / 2 - ((y1 + y2) / 2) * zoom } }
}

/**
 * Show a comparison on the graph. Returns the function that undoes it. `fit` false keeps the viewport
 * (the user asked to keep it, or the comparison only changed its result).
 */
export function showCompare(controller: GraphController, focus: CompareFocus, opts: { fit?: boolean } = {}): () => void {
  const cy = controller.cy()
  controller.highlight('compare', focus.ids)
  controller.highlight('compare-link', focus.linking.filter((id) => !focus.ids.includes(id)))
  if (!cy) return () => clearCompare(controller)
  const apply = () => {
    const kept = keptElements(cy, focus)
    cy.batch(() => {
      cy.elements(`.${DIM}`).removeClass(DIM)
      cy.elements().not(kept.nodes).not(kept.edges).addClass(DIM)
    })
    return kept
  }
  const kept = apply()
  controller.highlight('path', kept.edges.filter((e) => focus.paths.some((p) => p.includes(e.source().id()) && p.includes(e.target().id()))).map((e) => e.id()))
  const fit = (animate: boolean) => {
    const compared = kept.nodes.filter((n) => focus.ids.includes(n.id()))
    const v = fitViewport(cy, compared.nonempty() ? compared : kept.nodes)
    if (!v) return
    cy.stop()
    if (animate) cy.animate({ zoom: v.zoom, pan: v.pan }, { duration: FIT_MS })
    else cy.viewport(v)
  }
  // the graph view places and fits everything first (data-layout="settled" on its container when done):
  // fit after that, at once, so the settled view is the fitted one
  const container = cy.container()
  const settled = () => container?.getAttribute('data-layout') === 'settled'
  let observer: MutationObserver | undefined
  if (opts.fit !== false) {
    if (settled() || !container) fit(true)
    else {
      observer = new MutationObserver(() => {
        if (!settled()) return
        observer?.disconnect()
        observer = undefined
        apply()
        fit(false)
      })
      observer.observe(container, { attributes: true, attributeFilter: ['data-layout'] })
    }
  }
  // a layout run later (the user's choice) moves nodes: fit again; new elements get dimmed too
  const onLayout = () => { apply(); if (opts.fit !== false) fit(true) }
  // elements arrive in slices on a big first load: dim once per burst, not once per element
  let pending: ReturnType<typeof setTimeout> | undefined
  const onAdd = () => {
    if (pending === undefined) pending = setTimeout(() => { pending = undefined; if (!cy.destroyed()) apply() }, 50)
  }
  // the canvas changes size when the sidebar widens for the card or the note panel opens: keep the
  // compared nodes fitted until the user takes the viewport over (a gesture, or a node searched for and centred)
  let userMoved = false
  const onUser = () => { userMoved = true }
  const onResize = () => { if (opts.fit !== false && !userMoved && !observer) fit(false) }
  // the graph view re-places nodes on its own (a view applied, a filter's re-layout) and fits everything:
  // once the nodes stop moving, fit the compared ones again
  let moved: ReturnType<typeof setTimeout> | undefined
  const onPosition = () => {
    if (opts.fit === false || userMoved || observer) return
    clearTimeout(moved)
    moved = setTimeout(() => { if (!cy.destroyed()) fit(false) }, 120)
  }
  cy.on('position', 'node', onPosition)
  cy.on('layoutstop', onLayout)
  cy.on('add', onAdd)
  cy.on('resize', onResize)
  cy.on(`tapstart scrollzoom pinchzoom ${FOCUS_EVENT}`, onUser)
  return () => {
    cy.off('layoutstop', onLayout)
    cy.off('add', onAdd)
    cy.off('resize', onResize)
    cy.off('position', 'node', onPosition)
    clearTimeout(moved)
    cy.off(`tapstart scrollzoom pinchzoom ${FOCUS_EVENT}`, onUser)
    observer?.disconnect()
    clearTimeout(pending)
    clearCompare(controller)
  }
}

export function clearCompare(controller: GraphController): void {
  controller.highlight('compare', null)
  controller.highlight('compare-link', null)
  controller.highlight('path', null)
  const cy = controller.cy()
  if (cy && !cy.destroyed()) cy.batch(() => { cy.elements(`.${DIM}`).removeClass(DIM) })
}
