// The graph as JSON in the same shape the CLI prints, so an export can be fed to the same tools.
import type { Diagnostic, Graph, GraphNode } from '../../../electron/core/types'

export interface GraphJson {
  nodes: Array<Pick<GraphNode, 'id' | 'type' | 'label' | 'path' | 'domain' | 'category' | 'parent'>>
  edges: Array<{ source: string; target: string; type: string; weight?: number }>
  diagnostics: Diagnostic[]
}

export function toGraphJson(graph: Graph): GraphJson {
  return {
    nodes: graph.nodes.map((n) => {
      const out: GraphJson['nodes'][number] = { id: n.id, type: n.type, label: n.label }
      if (n.path !== undefined) out.path = n.path
      if (n.domain !== undefined) out.domain = n.domain
      if (n.category !== undefined) out.category = n.category
      if (n.parent !== undefined) out.parent = n.parent
      return out
    }),
    edges: graph.edges.map((e) => {
      const out: GraphJson['edges'][number] = { source: e.source, target: e.target, type: e.type }
      if (e.weight !== undefined) out.weight = e.weight
      return out
    }),
    diagnostics: graph.diagnostics,
  }
}
