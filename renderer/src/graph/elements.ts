// Graph → Cytoscape element data. Size and font grow with degree so hubs stand out and keep their
// labels longest when zooming out (small fonts drop below min-zoomed-font-size first).
import type { ElementDefinition } from 'cytoscape'
import type { Graph, GraphNode } from '../../../electron/core/types'

export function degrees(graph: Graph): Map<string, number> {
  const deg = new Map<string, number>()
  for (const e of graph.edges) {
    deg.set(e.source, (deg.get(e.source) ?? 0) + 1)
    deg.set(e.target, (deg.get(e.target) ?? 0) + 1)
  }
  return deg
}

/** Node diameter for a metric value scaled to 0..1. */
export const sizeFor = (scaled: number, type: GraphNode['type']): number =>
  Math.round((type === 'domain' ? 40 : 16) + 44 * Math.sqrt(Math.max(0, Math.min(1, scaled))))

export const fontFor = (deg: number, type: GraphNode['type']): number =>
  type === 'domain' ? 20 : Math.round(10 + Math.min(10, 2 * Math.sqrt(deg)))

export function toElements(graph: Graph): { nodes: ElementDefinition[]; edges: ElementDefinition[] } {
  const deg = degrees(graph)
  const maxDeg = Math.max(1, ...deg.values())
  const ids = new Set(graph.nodes.map((n) => n.id))
  const nodes = graph.nodes.map((n) => {
    const d = deg.get(n.id) ?? 0
    return {
      group: 'nodes' as const,
      data: {
        id: n.id,
        label: n.label,
        type: n.type,
        domain: n.domain,
        category: n.category,
        deg: d,
        size: sizeFor(d / maxDeg, n.type),
        font: fontFor(d, n.type),
      },
    }
  })
  const edges = graph.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
    .map((e) => ({
      group: 'edges' as const,
      data: { id: e.id, source: e.source, target: e.target, type: e.type, weight: e.weight ?? 1 },
    }))
  return { nodes, edges }
}
