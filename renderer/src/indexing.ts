// A folder being indexed progressively (the host answers before the index is complete, see
// electron/core/open-at-once.ts): the page's first graph may be partial, and the events it missed before it
// started listening are asked for once.
import type { Graph, IndexProgress } from '../../electron/core/types'
import type { RendererApi } from '../../electron/shared/contract'

/** After a partial first graph: show where indexing stands, or take the complete graph if it is already done. */
export function catchUpWithIndex(api: RendererApi, setProgress: (p: IndexProgress) => void, setGraph: (g: Graph) => void): void {
  api.getIndexProgress().then((p) => {
    if (p) setProgress(p)
    else return api.getGraph().then(setGraph)
  }).catch(() => undefined)
}
