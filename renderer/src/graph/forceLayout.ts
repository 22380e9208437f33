// The force layout's options, shared by the main thread and the layout worker (functions cannot be
// posted to a worker, so both sides build them from here).
import type { LayoutOptions } from 'cytoscape'

/** Above this many nodes fcose runs in draft quality (the default quality takes minutes at 5k). */
export const DRAFT_THRESHOLD = 2000

/** A pinned node: fcose keeps it exactly here. */
export interface FixedNode { nodeId: string; position: { x: number; y: number } }

export function forceOptions(nodeCount: number, fixed: FixedNode[] = []): LayoutOptions {
  const draft = nodeCount > DRAFT_THRESHOLD
  return {
    name: 'fcose',
    quality: draft ? 'draft' : 'default',
    randomize: true,
    animate: false,
    // strong repulsion: a few hundred nodes of very different degree otherwise end up on top of each other
    nodeRepulsion: () => 200000,
    idealEdgeLength: (edge: { data(k: string): unknown }) => (edge.data('type') === 'tagged' ? 90 : 180),
    edgeElasticity: () => 0.3,
    gravity: 0.2,
    nodeSeparation: 120,
    packComponents: true,
    numIter: draft ? 800 : 1000,
    fit: false,
    ...(fixed.length > 0 ? { fixedNodeConstraint: fixed } : {}),
  } as LayoutOptions
}
