// Pushes the explore store to the graph view: filters + local graph (with live counts), layout,
// node size; and remembers node positions per folder after a layout or a drag (pinning).
// (The app shell reads them back from view state `explore.positions` when it loads a folder.)
import { useEffect, useRef, useSyncExternalStore } from 'react'
import type { Centrality, RendererApi, ServiceMapEdge } from '../../../electron/shared/contract'
import type { Graph } from '../../../electron/core/types'
import type { GraphController, NodeFilter } from '../graph/controller'
import { localFilter } from './localGraph'
import { exploreStore, layoutShown, useExplore } from './store'
import { POSITIONS_OF, writeSaved } from './useHashState'

/** Pinned node ids, when the graph view supports pinning. */
function pinnedOf(controller: GraphController): string[] | undefined {
  const c = controller as Partial<{ pinned(): string[] }>
  return typeof c.pinned === 'function' ? c.pinned.call(controller) : undefined
}

export function useGraphSync(controller: GraphController, graph: Graph, api: RendererApi): void {
  const filter = useExplore((s) => s.filter)
  const depth = useExplore((s) => s.depth)
  // the selection matters here only for the local graph: a click must not refilter the global one
  const selected = useExplore((s) => (s.depth ? s.selected : null))
  const layout = useExplore((s) => s.layout)
  const view = useExplore((s) => s.view)
  const size = useExplore((s) => s.size)
  const ready = graph.nodes.length > 0
  const serviceEdgesFor = useRef<Graph | null>(null)
  // a view is applied after the load when it was chosen during it: count again then
  const viewVersion = useSyncExternalStore(
    (l) => (controller as Partial<{ subscribe(l: () => void): () => void }>).subscribe?.call(controller, l) ?? (() => undefined),
    () => (controller as Partial<{ viewVersion(): number }>).viewVersion?.call(controller) ?? 0,
  )
  // a big graph streams in after the first paint: count again when it is all there
  const loading = useSyncExternalStore(
    (l) => (controller as Partial<{ subscribe(l: () => void): () => void }>).subscribe?.call(controller, l) ?? (() => undefined),
    () => (controller as Partial<{ isLoading(): boolean }>).isLoading?.call(controller) ?? false,
  )

  // the view (overview, services, notes, all): each has its own nodes, edges and placement
  useEffect(() => {
    if (!ready) return
    const c = controller as Partial<{ setView(v: typeof view): void; setServiceEdges(e: ServiceMapEdge[]): void }>
    const timer = setTimeout(() => c.setView?.call(controller, view), 0)
    // the services map's edges come from the core, once per graph (kept when the view changes meanwhile:
    // the map is not settled without them); none on failure, so the map still settles without its links
    if (view === 'services' && c.setServiceEdges && serviceEdgesFor.current !== graph) {
      serviceEdgesFor.current = graph
      const current = () => serviceEdgesFor.current === graph
      api.serviceMap().then((edges) => { if (current()) c.setServiceEdges!.call(controller, edges) }, () => { if (current()) { serviceEdgesFor.current = null; c.setServiceEdges!.call(controller, []) } })
    }
    return () => clearTimeout(timer)
  }, [api, controller, graph, ready, view])

  // filters and the local graph (its nodes from the core); re-applied when the graph changes so new
  // elements are filtered too
  useEffect(() => {
    if (!ready) return
    let cancelled = false
    const apply = (nf: NodeFilter) => {
      if (cancelled) return
      try {
        exploreStore.set({ counts: controller.setFilter(nf) })
      } catch {
        exploreStore.set({ counts: null })
      }
    }
    // after the commit: the shell hands the new graph to the view in its own (parent) effect
    const timer = setTimeout(() => {
      // the store has moved on since this run (a saved view restored meanwhile): the run it causes applies it
      const now = exploreStore.get()
      if (Boolean(now.depth && now.selected) !== Boolean(depth && selected)) return
      if (depth && selected) void localFilter(api, selected, depth, filter, view).then((local) => apply({ ...filter, local }))
      else apply({ ...filter })
    }, 0)
    return () => { clearTimeout(timer); cancelled = true }
  }, [api, controller, graph, ready, filter, depth, selected, loading, view, viewVersion])

  // layout: the view lays out with force by default, so only a change (or a restored non-default) runs one
  useEffect(() => {
    if (!ready || layout === layoutShown.name) return
    const timer = setTimeout(() => {
      layoutShown.name = layout
      controller.runLayout(layout)
    }, 0)
    return () => clearTimeout(timer)
  }, [controller, ready, layout])

  // node size: degree is the view's default; betweenness needs the backend's centrality
  const centrality = useRef<{ graph: Graph; value: Promise<Centrality> } | null>(null)
  const sizedBy = useRef<string>('degree')
  useEffect(() => {
    if (!ready || (size === sizedBy.current && size === 'degree')) return
    sizedBy.current = size
    if (!centrality.current || centrality.current.graph !== graph) {
      centrality.current = { graph, value: api.centrality() }
    }
    let cancelled = false
    centrality.current.value
      .then((c) => {
        if (!cancelled) controller.sizeBy(size, size === 'degree' ? c.degree : c.betweenness)
      })
      .catch(() => {
        if (!cancelled) controller.sizeBy(size)
      })
    return () => {
      cancelled = true
    }
  }, [api, controller, graph, ready, size])

  // positions: the app restores `explore.positions` on load; save them after layouts and drags (pins)
  useEffect(() => {
    const cy = controller.cy()
    if (!cy) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const save = () => {
      clearTimeout(timer)
      timer = setTimeout(() => void writeSaved(api, { positions: controller.positions(), positionsOf: POSITIONS_OF, pinned: pinnedOf(controller) }), 600)
    }
    cy.on('layoutstop dragfree pinchange', save)
    return () => {
      cy.removeListener('layoutstop dragfree pinchange', save)
      clearTimeout(timer)
    }
  }, [api, controller, graph])
}
