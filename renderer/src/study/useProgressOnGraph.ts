// Keeps the graph's nodes in step with the study progress: fetched when the graph or the progress changes,
// applied after the graph's own updates (the controller tells its subscribers).
import { useEffect } from 'react'
import type { Graph } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'
import type { CyGraphController } from '../graph/cyController'
import { applyProgress } from './progressOnGraph'
import { studyStore, useStudy } from './studyStore'

export function useProgressOnGraph(api: RendererApi, controller: CyGraphController, graph: Graph | null): void {
  const version = useStudy((s) => s.version)
  const view = useStudy((s) => s.view)
  const progress = useStudy((s) => s.progress)

  useEffect(() => {
    if (!graph || graph.nodes.length === 0) return
    let live = true
    // after a graph delta the answer is mostly the same: an equal one keeps the object (no walk over every node)
    api.nodeProgress().then((p) => { if (live && !sameJson(studyStore.get().progress, p)) studyStore.set({ progress: p }) }, () => undefined)
    return () => { live = false }
  }, [api, graph, version])

  useEffect(() => {
    // the controller also tells of every selection: walk the nodes only when they or the progress changed
    let last: { cy: unknown; graph: unknown; count: number } | null = null
    const apply = () => {
      const cy = controller.cy()
      if (!cy) return
      const graph = controller.graph()
      // one delta since the last walk: only the nodes it added or changed (the rest keep their progress)
      const step = controller.lastDelta()
      if (last && last.cy === cy && last.graph !== graph && step && step.from === last.graph && step.to === graph) {
        last = { cy, graph, count: last.count + step.nodeCountChange }
        applyProgress(cy, progress, view, step.nodes)
        return
      }
      const now = { cy, graph, count: cy.nodes().length }
      if (last && last.cy === now.cy && last.graph === now.graph && last.count === now.count) return
      last = now
      applyProgress(cy, progress, view)
    }
    apply()
    // the controller adds nodes after a graph change (and in slices on a first load): apply again then
    return controller.subscribe(apply)
  }, [controller, progress, view])
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || (a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b))
}
