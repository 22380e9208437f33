import type { Graph } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'
import type { GraphController } from '../graph/controller'

/** Every feature component takes the same three props from App.tsx. */
export interface FeatureProps {
  controller: GraphController
  graph: Graph
  api: RendererApi
}
