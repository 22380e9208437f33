// What Enter in the search box opens. The list answers a moment after typing (a debounce and a round trip
// to the core); Enter must not depend on it: a query the list has not answered yet is resolved here, on the
// renderer's copy of the graph, with the core's own ranking of names and aliases.
import type { GraphNode, SearchHit } from '../../../electron/core/types'
import { normalize, rankNodes } from '../../../electron/core/graph/search'

export interface EnterState {
  /** what the box holds when Enter is pressed */
  query: string
  /** the list shown, and the query it answers */
  hits: SearchHit[]
  hitsFor: string
  active: number
}

/** The best name or alias match for a query in the given nodes, if any. */
export function bestNodeHit(nodes: Iterable<GraphNode>, query: string): SearchHit | undefined {
  const q = normalize(query)
  return q ? rankNodes(nodes, q)[0] : undefined
}

/**
 * The hit Enter chooses without waiting: the active row when the list answers this very query, else the
 * best node match computed now. Undefined means only the core can answer (e.g. full-text only).
 */
export function enterChoice(s: EnterState, nodes: Iterable<GraphNode>): SearchHit | undefined {
  const q = s.query.trim()
  if (!q) return undefined
  if (s.hitsFor === q && s.hits[s.active]) return s.hits[s.active]
  return bestNodeHit(nodes, q)
}
