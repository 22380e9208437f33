// The contract between the graph view (owned by the renderer shell) and the exploration features
// (search, filters, compare, exam overlay, layouts, export). Features never create their own Cytoscape
// core: they drive the one graph view through this interface.
import type { Core } from 'cytoscape'
import type { Graph, GraphNode } from '../../../electron/core/types'

/** 'grouped': the current view's packed groups (the default; settles once, no overlaps) */
export type LayoutName = 'grouped' | 'force' | 'concentric' | 'lanes'
export type SizeBy = 'degree' | 'betweenness'

/** Which elements are shown. `undefined` fields mean "no restriction". */
export interface NodeFilter {
  types?: Array<GraphNode['type']>
  domains?: string[]
  categories?: string[]
  /** exam code: keep only in-scope services of that exam (other node types untouched) */
  examScope?: string
  minEdgeWeight?: number
  hideOrphans?: boolean
  /** local graph: only nodes within `depth` of `center`; `nodes` is the core's answer (api.neighbourhood) */
  local?: { center: string; depth: number; nodes: string[] }
}

export interface GraphController {
  /** the live Cytoscape core (null until mounted) */
  cy(): Core | null
  graph(): Graph
  /** select a node: highlight it, open the note panel for it */
  select(id: string | null): void
  /** select + centre + zoom to a node */
  focus(id: string): void
  selected(): string | null
  /** set a named highlight group (e.g. 'compare', 'exam', 'exam-b', 'path'); null/[] clears it */
  highlight(group: string, ids: string[] | null): void
  /** apply the filter; returns visible node/edge counts */
  setFilter(filter: NodeFilter): { nodes: number; edges: number }
  /** the counts the last filtering left, while the canvas still holds what it counted (else null) */
  shownCounts?(): { nodes: number; edges: number } | null
  /** a saved view's local graph around `centre` is being asked for: not settled before it is applied */
  expectLocalGraph?(centre: string | null, restored: boolean): void
  runLayout(name: LayoutName): void
  sizeBy(metric: SizeBy, values?: Record<string, number>): void
  fit(): void
  zoom(factor: number): void
  /** current node positions (for persistence) */
  positions(): Record<string, { x: number; y: number }>
  /** open the note panel at a note path and optional section id / line */
  openNote(path: string, section?: string, line?: number): void
}
