// A view's node and edge sets carried across a delta: for the views whose membership follows from each
// element alone (its type), the sets change only where the delta touches them, and the elements that entered
// or left the view are named for the filter classes. The packing items need the whole graph (homes,
// importance), so they are made only when a placement asks for them.
import type { GraphDelta, GraphEdge, GraphNode } from '../../../electron/core/types'
import type { ViewName, ViewSpec } from './views'

/** Is the element in the view, by itself? (undefined: the view's sets do not work that way) */
const MEMBERSHIP: Partial<Record<ViewName, { node(n: GraphNode): boolean; edge(e: GraphEdge): boolean }>> = {
  overview: { node: (n) => n.type !== 'tag', edge: (e) => e.type === 'contains' || e.type === 'part-of' || e.type === 'links-to' },
  // the services map's edges are its own (sm:…), never the graph's
  services: { node: (n) => n.type === 'service', edge: () => false },
}

export interface SpecAfterDelta {
  spec: ViewSpec
  /** elements that entered or left the view's sets */
  flipped: Set<string>
}

/**
 * The view's spec after `delta`, from its spec before (whose sets are taken over and changed in place), or
 * null when the view needs the whole graph (the notes view groups by what each note covers most).
 * `full` makes the whole spec of the new graph; it runs once, the first time the items are read.
 */
export function specAfterDelta(view: ViewName, before: ViewSpec, delta: GraphDelta, full: () => ViewSpec): SpecAfterDelta | null {
  const flipped = new Set<string>()
  if (view === 'all') {
    if (before.nodes !== null || before.edges !== null) return null
  } else {
    const m = MEMBERSHIP[view]
    if (!m || !before.nodes || !before.edges) return null
    const nodes = before.nodes
    const edges = before.edges
    const put = (set: Set<string>, id: string, inside: boolean) => {
      if (set.has(id) === inside) return
      if (inside) set.add(id)
      else set.delete(id)
      flipped.add(id)
    }
    for (const id of delta.removedNodes) nodes.delete(id)
    for (const id of delta.removedEdges) edges.delete(id)
    for (const n of [...delta.addedNodes, ...delta.updatedNodes]) put(nodes, n.id, m.node(n))
    for (const e of [...delta.addedEdges, ...delta.updatedEdges]) put(edges, e.id, m.edge(e))
  }
  let whole: ViewSpec | null = null
  const made = () => (whole ??= full())
  const spec: ViewSpec = {
    nodes: before.nodes,
    edges: before.edges,
    ...(before.pack ? { pack: before.pack } : {}),
    get items() { return made().items },
    get groupOrder() { return made().groupOrder },
  }
  return { spec, flipped }
}

