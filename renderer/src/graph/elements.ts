// Graph → Cytoscape element data. Size and font grow with degree so hubs stand out and keep their
// labels longest when zooming out (small fonts drop below min-zoomed-font-size first).
import type { ElementDefinition } from 'cytoscape'
import type { Graph, GraphNode } from '../../../electron/core/types'

export function degrees(graph: Graph): Map<string, number> {
  const deg = new Map<string, number>()
  for (const e of graph.edges) {
    if (!shownOnCanvas(e)) continue
    deg.set(e.source, (deg.get(e.source) ?? 0) + 1)
    deg.set(e.target, (deg.get(e.target) ?? 0) + 1)
  }
  return deg
}

/** Node diameter for a metric value scaled to 0..1. */
const BASE_SIZE: Record<GraphNode['type'], number> = { domain: 34, note: 14, service: 14, concept: 12, tag: 8 }
const GROWTH: Record<GraphNode['type'], number> = { domain: 16, note: 18, service: 36, concept: 28, tag: 10 }

export const sizeFor = (scaled: number, type: GraphNode['type']): number =>
  Math.round(BASE_SIZE[type] + GROWTH[type] * Math.sqrt(Math.max(0, Math.min(1, scaled))))

/**
 * A service's diameter on the services map: the same order as `size` in a narrower range, so the rows of
 * labelled services stay short (the map fits at a larger zoom, and its labels read bigger).
 */
export const serviceMapSize = (size: number): number => Math.round(10 + ((Math.max(14, size) - 14) / 36) * 16)

/**
 * Labels vanish below 9 rendered px (min-zoomed-font-size), so a bigger font means labelled at a lower
 * zoom: the top 3 % by degree keep their label when zoomed out, the top 10 % next, the rest last.
 */
export function fontFor(rank: number, type: GraphNode['type']): number {
  if (type === 'domain') return 17
  if (type === 'tag') return 9
  return rank < 0.03 ? 15 : rank < 0.1 ? 12 : 10
}

/**
 * Degree rank of each node as a fraction (0 = the biggest hub): the share of the other nodes with a strictly
 * higher degree, tags left out of the ranking. Ties share a rank, so the rank follows from the degrees alone
 * (not from the order of the nodes) and a delta can keep it up to date (nodeData.ts).
 */
function degreeRanks(graph: Graph, deg: Map<string, number>): Map<string, number> {
  const ranked = graph.nodes.filter((n) => n.type !== 'tag')
  const count = new Map<number, number>()
  for (const n of ranked) { const d = deg.get(n.id) ?? 0; count.set(d, (count.get(d) ?? 0) + 1) }
  const above = new Map<number, number>()
  let sum = 0
  for (const v of [...count.keys()].sort((a, b) => b - a)) { above.set(v, sum); sum += count.get(v)! }
  const out = new Map<string, number>()
  for (const n of ranked) out.set(n.id, above.get(deg.get(n.id) ?? 0)! / Math.max(1, ranked.length))
  return out
}

/** The bucket of a degree rank: hub (top 1 %), top 3 %, top 10 %, the rest; fonts and the hub class follow it. */
export const fontTier = (rank: number): number => (rank < HUB_SHARE ? 0 : rank < 0.03 ? 1 : rank < 0.1 ? 2 : 3)

/**
 * Co-mention ('related') edges number in the thousands even for a few dozen notes, and every element
 * costs style work on each class change (hover, selection, filters). The canvas keeps only the strong
 * ones; the backend's queries (compare, neighbourhood) still see them all.
 */
export const RELATED_MIN_WEIGHT = 4

export const shownOnCanvas = (e: Graph['edges'][number]): boolean => e.type !== 'related' || (e.weight ?? 1) >= RELATED_MIN_WEIGHT

/** The label drawn on the canvas: cut here once, since Cytoscape's ellipsis measures text per character. */
export function shortLabel(label: string, max = 26): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`
}

/** Line width by weight, computed once here: a mapData() in the stylesheet costs style time per edge. */
export function edgeWidth(type: string, weight: number): number {
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))
  const w = type === 'related' ? 0.6 + ((clamp(weight, 4, 20) - 4) / 16) * 1.4 : 0.8 + ((clamp(weight, 1, 10) - 1) / 9) * 2.2
  return Math.round(w * 10) / 10
}

/** Share of nodes (by degree rank) marked `hub`: on big graphs only they carry a label. */
export const HUB_SHARE = 0.01

export function toElements(graph: Graph, opts: { hubs?: boolean } = {}): { nodes: ElementDefinition[]; edges: ElementDefinition[] } {
  const ids = new Set(graph.nodes.map((n) => n.id))
  const nodes = nodeElements(graph, degrees(graph), opts)
  const edges = graph.edges
    .filter((e) => shownOnCanvas(e) && ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
    .map(edgeElement)
  return { nodes, edges }
}

/** An edge's element (for an edge shown on the canvas between two nodes of the graph). */
export const edgeElement = (e: Graph['edges'][number]): ElementDefinition => ({
  group: 'edges' as const,
  data: { id: e.id, source: e.source, target: e.target, type: e.type, weight: e.weight ?? 1, w: edgeWidth(e.type, e.weight ?? 1) },
})

/** The nodes' elements: their size and font depend on every node's degree (`deg`, from degrees()). */
export function nodeElements(graph: Graph, deg: Map<string, number>, opts: { hubs?: boolean } = {}): ElementDefinition[] {
  let maxDeg = 1
  for (const n of graph.nodes) maxDeg = Math.max(maxDeg, deg.get(n.id) ?? 0)
  const ranks = degreeRanks(graph, deg)
  return graph.nodes.map((n) => nodeDefinition(n, deg.get(n.id) ?? 0, maxDeg, ranks.get(n.id) ?? 1, opts.hubs))
}

/** One node's element from its degree, the graph's largest degree and its degree rank. */
export function nodeDefinition(n: GraphNode, d: number, maxDeg: number, rank: number, hubs = false): ElementDefinition {
  const size = sizeFor(d / maxDeg, n.type)
  return {
    group: 'nodes' as const,
    ...(hubs && (rank < HUB_SHARE || n.type === 'domain') ? { classes: 'hub' } : {}),
    data: {
      id: n.id,
      label: n.label,
      short: shortLabel(n.label),
      // the services map names services without the Amazon/AWS prefix (they all have one)
      ...(n.type === 'service' ? { bare: shortLabel(n.label.replace(/^(Amazon|AWS)\s+/, ''), 24) } : {}),
      type: n.type,
      domain: n.domain,
      category: n.category,
      deg: d,
      size,
      ...(n.type === 'service' ? { ssize: serviceMapSize(size) } : {}),
      font: fontFor(rank, n.type),
    },
  }
}
