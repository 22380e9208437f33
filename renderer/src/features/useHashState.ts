// Keeps the URL hash, the remembered per-folder view and the explore store in step:
// on load (and after another folder is opened) the hash wins; without one the last view of that
// folder comes back. Every change is written back with history.replaceState and saved, debounced.
import { useEffect, useRef } from 'react'
import type { Graph } from '../../../electron/core/types'
import type { RendererApi, ViewState } from '../../../electron/shared/contract'
import type { GraphController } from '../graph/controller'
import type { ViewName } from '../graph/views'
import { updateViewState } from '../viewStateWrites'
import { decodeHash, encodeHash, hasViewParams, type HashState } from './hashState'
import { exploreStore, fromHashState, layoutShown, toHashState, useExplore, type PanelId } from './store'

/** What the explore features keep in the per-folder view state, under the `explore` key. */
export interface SavedExplore {
  hash?: string
  positions?: Record<string, { x: number; y: number }>
  /** which placement `positions` holds (older saves held a force layout: not restored) */
  positionsOf?: string
  /** nodes the user dragged into place (layouts leave them there) */
  pinned?: string[]
}

/** Saved positions are the overview's grouped placement, format 1. */
export const POSITIONS_OF = 'overview-1'

export async function readSaved(api: RendererApi): Promise<{ all: ViewState; explore: SavedExplore }> {
  try {
    const all = (await api.getViewState()) ?? {}
    const explore = all.explore && typeof all.explore === 'object' ? (all.explore as SavedExplore) : {}
    return { all, explore }
  } catch {
    return { all: {}, explore: {} }
  }
}

/** This feature's key changed, the keys other features keep in the view state left as they are. */
export async function writeSaved(api: RendererApi, patch: SavedExplore): Promise<void> {
  try {
    await updateViewState(api, (all) => {
      const explore = all.explore && typeof all.explore === 'object' ? (all.explore as SavedExplore) : {}
      return { ...all, explore: { ...explore, ...patch } }
    })
  } catch {
    // remembering the view is a convenience; a failed write must not disturb the user
  }
}

function panelFor(h: HashState, current: PanelId): PanelId {
  if (h.compare && h.compare.length >= 1) return 'compare'
  if (h.exams?.length) return 'exam'
  return current
}

/** While another folder is being opened nothing is written: the old view must not land in the new folder. */
const sync = { paused: false }

/** Forget the current view before switching folders; the new folder's remembered view is restored next. */
export function resetViewForNewFolder(): void {
  sync.paused = true
  layoutShown.name = 'grouped'
  writeUrl('')
  exploreStore.set((s) => ({ ...fromHashState({}), selected: null, counts: null, folderEpoch: s.folderEpoch + 1 }))
}

/**
 * The view to open with, read before the graph's first sync so the canvas never shows another view first:
 * the URL hash's, else the one this folder remembers. Put into the store too (the view switch shows it).
 * `localCentre`: the saved view is a local graph around that node (the view settles only once it is applied).
 */
export function viewBeforeFirstSync(viewState: ViewState | null | undefined): { view: ViewName; localCentre: string | null } {
  const explore = viewState?.explore && typeof viewState.explore === 'object' ? (viewState.explore as SavedExplore) : {}
  const h = hasViewParams(location.hash) ? decodeHash(location.hash) : decodeHash(typeof explore.hash === 'string' ? explore.hash : '')
  const view = h.view ?? 'overview'
  exploreStore.set({ view })
  return { view, localCentre: h.select && h.depth ? h.select : null }
}

export function applyHashState(h: HashState, controller: GraphController, graph: Graph): void {
  const known = new Set(graph.nodes.map((n) => n.id))
  exploreStore.set((s) => ({ ...fromHashState(h), panel: panelFor(h, s.panel) }))
  // the local graph this view asks for comes from the core (useGraphSync): not settled before it is in
  controller.expectLocalGraph?.(h.select && h.depth && known.has(h.select) ? h.select : null, true)
  if (h.select && known.has(h.select)) {
    exploreStore.set({ selected: h.select })
    controller.focus(h.select)
  }
}

function writeUrl(hash: string): void {
  if (hash === (location.hash === '#' ? '' : location.hash)) return
  const url = hash || `${location.pathname}${location.search}`
  history.replaceState(history.state, '', url)
}

export function useHashState(controller: GraphController, graph: Graph, api: RendererApi): void {
  const restoredEpoch = useRef(-1)
  const restored = useRef(false)
  const graphRef = useRef(graph)
  graphRef.current = graph

  // restore: once per folder, when the graph has arrived
  const epoch = useExplore((s) => s.folderEpoch)
  const hasGraph = graph.nodes.length > 0
  useEffect(() => {
    if (!hasGraph) {
      // the shell is (re)loading a folder: restore again when its graph arrives
      restoredEpoch.current = -1
      return
    }
    if (restoredEpoch.current === epoch) return
    restored.current = false
    let cancelled = false
    void (async () => {
      const fromUrl = hasViewParams(location.hash)
      const { explore } = await readSaved(api)
      // the shell gives the graph to the view in its own effect; let that happen first
      await new Promise((r) => setTimeout(r, 0))
      if (cancelled) return
      restoredEpoch.current = epoch
      const h = fromUrl ? decodeHash(location.hash) : decodeHash(explore.hash ?? '')
      // the shell put the saved positions back; they already show the layout they were saved with
      if (explore.positions) layoutShown.name = decodeHash(explore.hash ?? '').layout ?? 'grouped'
      applyHashState(h, controller, graphRef.current)
      restored.current = true
      sync.paused = false
      writeUrl(encodeHash(toHashState(exploreStore.get())))
    })()
    return () => {
      cancelled = true
    }
  }, [api, controller, epoch, hasGraph])

  // write: URL now, view state debounced
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let last = ''
    const unsubscribe = exploreStore.subscribe(() => {
      if (!restored.current || sync.paused) return
      const hash = encodeHash(toHashState(exploreStore.get()))
      if (hash === last) return
      last = hash
      writeUrl(hash)
      clearTimeout(timer)
      const epoch = exploreStore.get().folderEpoch
      timer = setTimeout(() => {
        if (!sync.paused && exploreStore.get().folderEpoch === epoch) void writeSaved(api, { hash })
      }, 400)
    })
    return () => {
      unsubscribe()
      clearTimeout(timer)
    }
  }, [api])

  // the user edits the hash by hand, or follows a bookmark in the same tab
  useEffect(() => {
    const onHash = () => {
      if (!restored.current || sync.paused || !hasViewParams(location.hash)) return
      if (location.hash === encodeHash(toHashState(exploreStore.get()))) return
      applyHashState(decodeHash(location.hash), controller, graphRef.current)
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [controller])

  // selection is owned by the graph view: mirror it (its change feed when it has one, else cy events + a slow poll)
  useEffect(() => {
    const sync = () => {
      const id = controller.selected()
      if (id !== exploreStore.get().selected) exploreStore.set({ selected: id })
    }
    const feed = (controller as Partial<{ subscribe(l: () => void): () => void }>).subscribe
    if (typeof feed === 'function') {
      sync()
      return feed.call(controller, sync)
    }
    const cy = controller.cy()
    const onEvent = () => setTimeout(sync, 0)
    cy?.on('select unselect tap', onEvent)
    const poll = setInterval(sync, 700)
    return () => {
      cy?.removeListener('select unselect tap', onEvent)
      clearInterval(poll)
    }
  }, [controller, graph])
}
