// Graph deltas: what changed between two graphs, and a delta applied to a graph. The builder tracks its
// own changes (takeDelta); diffGraphs covers graphs it did not make (a warm-start snapshot, a phase that
// adds services later) so every change the host sends can travel as a delta. Pure; the renderer uses
// applyGraphDelta too, so host and page hold the same graph after each change.
import type { Diagnostic, Graph, GraphDelta, GraphEdge, GraphNode } from '../types'

export const emptyDelta = (): GraphDelta => ({ addedNodes: [], updatedNodes: [], removedNodes: [], addedEdges: [], updatedEdges: [], removedEdges: [] })

/**
 * The delta from recorded first-seen values (`base`: an element's value before its first change since the last
 * delta, undefined when it did not exist) to the current ones: what the builder and the live display graph share.
 */
export function deltaFromBase(
  nodeBase: Map<string, GraphNode | undefined>,
  nodeNow: (id: string) => GraphNode | undefined,
  edgeBase: Map<string, GraphEdge | undefined>,
  edgeNow: (id: string) => GraphEdge | undefined,
  d: GraphDelta = emptyDelta(),
): GraphDelta {
  for (const [id, base] of nodeBase) {
    const cur = nodeNow(id)
    if (!base && cur) d.addedNodes.push(cur)
    else if (base && !cur) d.removedNodes.push(id)
    else if (base && cur && base !== cur) d.updatedNodes.push(cur)
  }
  for (const [id, base] of edgeBase) {
    const cur = edgeNow(id)
    if (!base && cur) d.addedEdges.push(cur)
    else if (base && !cur) d.removedEdges.push(id)
    else if (base && cur && base !== cur) d.updatedEdges.push(cur)
  }
  return d
}

export function isEmptyDelta(d: GraphDelta): boolean {
  return d.addedNodes.length + d.updatedNodes.length + d.removedNodes.length + d.addedEdges.length + d.updatedEdges.length + d.removedEdges.length === 0 &&
    d.diagnostics === undefined
}

/** Plain JSON data equal by value (the graph's objects are small: ids, labels, alias lists, refs). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  if (ka.length !== kb.length) return false
  for (const k of ka) if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false
  return true
}

export const sameDiagnostics = (a: Diagnostic[], b: Diagnostic[]): boolean => a === b || sameValue(a, b)

function diffList<T extends { id: string }>(prev: T[], next: T[], added: T[], updated: T[], removed: string[]): void {
  const before = new Map<string, T>()
  for (const x of prev) before.set(x.id, x)
  for (const x of next) {
    const old = before.get(x.id)
    if (old === undefined) added.push(x)
    else {
      before.delete(x.id)
      if (old !== x && !sameValue(old, x)) updated.push(x)
    }
  }
  for (const id of before.keys()) removed.push(id)
}

/** Net changes that turn `prev` into `next` (by id; unchanged objects cost a reference check). */
export function diffGraphs(prev: Graph, next: Graph): GraphDelta {
  const d = emptyDelta()
  diffList(prev.nodes, next.nodes, d.addedNodes, d.updatedNodes, d.removedNodes)
  diffList(prev.edges, next.edges, d.addedEdges, d.updatedEdges, d.removedEdges)
  if (!sameDiagnostics(prev.diagnostics, next.diagnostics)) d.diagnostics = next.diagnostics
  return d
}

function applyList<T extends { id: string }>(list: T[], added: T[], updated: T[], removed: string[]): T[] {
  if (added.length + updated.length + removed.length === 0) return list
  const gone = new Set(removed)
  const changed = new Map<string, T>()
  for (const x of updated) changed.set(x.id, x)
  const out: T[] = []
  for (const x of list) {
    if (gone.has(x.id)) continue
    out.push(changed.get(x.id) ?? x)
  }
  for (const x of added) out.push(x)
  return out
}

/**
 * The graph after the delta, as a new object (the old one is left as it was); unchanged nodes and edges are
 * the same objects. Changed elements keep their place, added ones come last: the builder's order.
 */
export function applyGraphDelta(graph: Graph, d: GraphDelta): Graph {
  const nodes: GraphNode[] = applyList(graph.nodes, d.addedNodes, d.updatedNodes, d.removedNodes)
  const edges: GraphEdge[] = applyList(graph.edges, d.addedEdges, d.updatedEdges, d.removedEdges)
  const next: Graph = { nodes, edges, diagnostics: d.diagnostics ?? graph.diagnostics }
  const display = d.display ?? graph.display
  if (display) next.display = display
  if (d.partial) next.partial = true
  return next
}

function composeList<T extends { id: string }>(
  added: Map<string, T>, updated: Map<string, T>, removed: Set<string>, next: { added: T[]; updated: T[]; removed: string[] },
): void {
  // in applyList's order: removals, then updates, then additions
  for (const id of next.removed) {
    if (added.has(id)) added.delete(id) // added since the base: gone again (removed stays if it replaced one)
    else { updated.delete(id); removed.add(id) }
  }
  for (const x of next.updated) {
    if (added.has(x.id)) added.set(x.id, x) // keeps its place among the additions
    else updated.set(x.id, x)
  }
  for (const x of next.added) added.set(x.id, x)
}

/** One delta that does what `a` then `b` do: applyGraphDelta(g, composeDeltas(a, b)) is g after a, then b. */
export function composeDeltas(a: GraphDelta, b: GraphDelta): GraphDelta {
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x] as [string, T]))
  const nodes = { added: byId(a.addedNodes), updated: byId(a.updatedNodes), removed: new Set(a.removedNodes) }
  const edges = { added: byId(a.addedEdges), updated: byId(a.updatedEdges), removed: new Set(a.removedEdges) }
  composeList(nodes.added, nodes.updated, nodes.removed, { added: b.addedNodes, updated: b.updatedNodes, removed: b.removedNodes })
  composeList(edges.added, edges.updated, edges.removed, { added: b.addedEdges, updated: b.updatedEdges, removed: b.removedEdges })
  const d: GraphDelta = {
    addedNodes: [...nodes.added.values()], updatedNodes: [...nodes.updated.values()], removedNodes: [...nodes.removed],
    addedEdges: [...edges.added.values()], updatedEdges: [...edges.updated.values()], removedEdges: [...edges.removed],
  }
  const diagnostics = b.diagnostics ?? a.diagnostics
  if (diagnostics) d.diagnostics = diagnostics
  const display = b.display ?? a.display
  if (display) d.display = display
  if (b.partial) d.partial = true // the graph after both is what b leaves
  return d
}
