// The local graph asks the core for the neighbourhood (one home for graph logic) and walks only what the
// canvas draws: the node types the filter and the view show, edges at or above the filter's weight, and
// co-mention edges strong enough to be drawn at all (weaker ones live in the core but not on the canvas); on the
// services map, the map's own links.
import type { NodeType } from '../../../electron/core/types'
import type { NeighbourhoodOptions } from '../../../electron/core/graph/adjacency'
import type { RendererApi } from '../../../electron/shared/contract'
import type { NodeFilter } from '../graph/controller'
import { RELATED_MIN_WEIGHT } from '../graph/elements'
import type { ViewName } from '../graph/views'
import type { FilterState } from './hashState'

/** Node types each view draws (null: every type). */
const VIEW_TYPES: Record<ViewName, NodeType[] | null> = { overview: null, services: ['service'], notes: null, all: null }

export function localWalk(filter: FilterState, view: ViewName): NeighbourhoodOptions {
  const viewTypes = VIEW_TYPES[view]
  const types = filter.types && viewTypes ? filter.types.filter((t) => viewTypes.includes(t)) : (filter.types ?? viewTypes ?? undefined)
  return {
    ...(types ? { types } : {}),
    ...(filter.minEdgeWeight !== undefined ? { minWeight: filter.minEdgeWeight } : {}),
    minRelatedWeight: RELATED_MIN_WEIGHT,
    // the services map draws its own links, not the graph's co-mentions: its local graph walks those links
    ...(view === 'services' ? { over: 'service-map' as const } : {}),
  }
}

/** The local graph filter for `center` at `depth`; if the query fails, the centre alone. */
export async function localFilter(api: Pick<RendererApi, 'neighbourhood'>, center: string, depth: number, filter: FilterState, view: ViewName): Promise<NonNullable<NodeFilter['local']>> {
  try {
    const hood = await api.neighbourhood(center, depth, localWalk(filter, view))
    return { center, depth, nodes: hood.nodes }
  } catch {
    return { center, depth, nodes: [center] }
  }
}
