// What the controller's modules share: the live core and the graph it shows. The controller owns one
// instance; loading, viewport, selection, filters, layout and labels each read it and change only
// their own part of the canvas.
import type { Core } from 'cytoscape'
import type { Graph, GraphNode } from '../../../electron/core/types'

export type Positions = Record<string, { x: number; y: number }>

export interface GraphState {
  core: Core | null
  current: Graph
  byId: Map<string, GraphNode>
  /** thousands of elements: the cheap stylesheet, no animation */
  big: boolean
  /** nodes the user dragged: layouts leave them where they are */
  pinnedIds: Set<string>
  /** positions remembered from an earlier session or the last layout */
  cachedPositions: Positions
}

export const EMPTY_GRAPH: Graph = { nodes: [], edges: [], diagnostics: [] }

export function newGraphState(): GraphState {
  return { core: null, current: EMPTY_GRAPH, byId: new Map(), big: false, pinnedIds: new Set(), cachedPositions: {} }
}

/** The core, when it is still the one attached and alive. */
export function liveCore(state: GraphState, cy: Core | null): cy is Core {
  return cy !== null && state.core === cy && !cy.destroyed()
}

/** For the benchmark and tests: named moments on the performance timeline. */
export function mark(name: string): void {
  try { performance.mark(`notes-graph:${name}`) } catch { /* no timeline */ }
}
