// Keeps the graph's nodes in step with the study progress: fetched when the graph or the progress changes,
// applied after the graph's own updates (the controller tells its subscribers).
import { useEffect } from 'react'
import type { Graph } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'
import type { NodeProgress } from '../../../electron/core/study/study-types'
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
    api.nodeProgress().then((p) => { if (live && !sameProgress(studyStore.get().progress, p)) studyStore.set({ progress: p }) }, () => undefined)
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

/** Equal answers (compared field by field: a JSON string of 10k states cost more than the walk it saves). */
export function sameProgress(a: NodeProgress | null, b: NodeProgress | null): boolean {
  if (a === b) return true
  if (!a || !b) return false
  const sameRecord = <T>(x: Record<string, T>, y: Record<string, T>, same: (u: T, v: T) => boolean) => {
    const kx = Object.keys(x)
    if (kx.length !== Object.keys(y).length) return false
    for (const k of kx) if (!(k in y) || !same(x[k], y[k])) return false
    return true
  }
  const sameList = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i])
  return sameList(a.due, b.due) && sameList(a.weakest, b.weakest) &&
    sameRecord(a.states, b.states, (u, v) => u === v) &&
    sameRecord(a.marks, b.marks, (u, v) => u === v || JSON.stringify(u) === JSON.stringify(v))
}
