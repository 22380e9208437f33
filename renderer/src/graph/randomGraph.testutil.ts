// Random graphs and edits for the tests that check an incremental update against a full recompute.
import type { Graph, GraphEdge, GraphNode } from '../../../electron/core/types'

/** A deterministic random graph: notes, services, concepts, tags, with every kind of edge. */
export function randomGraph(seed: number, size: number): Graph {
  let s = seed
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296)
  const types: GraphNode['type'][] = ['note', 'note', 'service', 'concept', 'tag']
  const nodes: GraphNode[] = [{ id: 'domain:D1', type: 'domain', label: 'Domain 1', domain: 'D1' }]
  for (let i = 0; i < size; i++) {
    const type = types[i % types.length]
    nodes.push({ id: `${type}:${i}`, type, label: `${type} number ${i}${i % 7 === 0 ? ' with a label long enough to be cut short' : ''}` })
  }
  const kinds: GraphEdge['type'][] = ['mentions', 'links-to', 'related', 'tagged', 'contains']
  const edges: GraphEdge[] = []
  for (let i = 0; i < size * 3; i++) {
    const a = nodes[Math.floor(rnd() * nodes.length)].id
    const b = nodes[Math.floor(rnd() * nodes.length)].id
    const type = kinds[Math.floor(rnd() * kinds.length)]
    edges.push({ id: `e${i}`, source: a, target: b, type, weight: 1 + Math.floor(rnd() * 8) })
  }
  return { nodes, edges, diagnostics: [] }
}

/** An edit: a few edges gone, a few new ones, a weight changed, a node renamed, one added and one removed. */
export function edited(g: Graph, seed: number): Graph {
  let s = seed
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296)
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]
  const gone = new Set([pick(g.edges).id, pick(g.edges).id, pick(g.edges).id])
  const removedNode = pick(g.nodes.filter((n) => n.type !== 'domain')).id
  const renamed = pick(g.nodes).id
  const added: GraphNode = { id: `tag:new${seed}`, type: 'tag', label: `new ${seed}` }
  const nodes = [...g.nodes.filter((n) => n.id !== removedNode).map((n) => (n.id === renamed ? { ...n, label: `${n.label} (renamed)` } : n)), added]
  const ids = nodes.map((n) => n.id)
  const edges = g.edges
    .filter((e) => !gone.has(e.id) && e.source !== removedNode && e.target !== removedNode)
    .map((e) => (rnd() < 0.02 ? { ...e, weight: (e.weight ?? 1) + 3 } : e))
  for (let i = 0; i < 6; i++) edges.push({ id: `x${seed}-${i}`, source: pick(ids), target: i === 0 ? added.id : pick(ids), type: pick(['mentions', 'related', 'links-to'] as const), weight: 1 + Math.floor(rnd() * 6) })
  return { ...g, nodes, edges }
}

