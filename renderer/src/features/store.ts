// One small store shared by the exploration panels (search, filters, compare, exams, view), so the
// URL hash, the panels and the graph agree on the current view. One window → one store.
import { useSyncExternalStore } from 'react'
import type { LayoutName, SizeBy } from '../graph/controller'
import type { ViewName } from '../graph/views'
import type { FilterState, HashState } from './hashState'

export type PanelId = 'filters' | 'compare' | 'exam' | 'renamed' | 'view' | 'folder'

export interface ExploreState {
  /** mirror of controller.selected(), kept for the hash and the local graph */
  selected: string | null
  compare: string[]
  /** local graph depth around the selection; null = global graph */
  depth: number | null
  /** [] no overlay, [a] one exam, [a, b] cross-exam overlap */
  exams: string[]
  layout: LayoutName
  /** overview (default), services, notes or all */
  view: ViewName
  size: SizeBy
  filter: FilterState
  panel: PanelId
  /** visible counts returned by the last controller.setFilter */
  counts: { nodes: number; edges: number } | null
  /** bumped when the view state must be read again (another folder was opened) */
  folderEpoch: number
}

export const initialExploreState: ExploreState = {
  selected: null,
  compare: [],
  depth: null,
  exams: [],
  layout: 'grouped',
  view: 'overview',
  size: 'degree',
  filter: {},
  panel: 'filters',
  counts: null,
  folderEpoch: 0,
}

type Listener = () => void

export function createExploreStore(init: ExploreState = initialExploreState) {
  let state = init
  const listeners = new Set<Listener>()
  return {
    get: (): ExploreState => state,
    set(patch: Partial<ExploreState> | ((s: ExploreState) => Partial<ExploreState>)): void {
      const p = typeof patch === 'function' ? patch(state) : patch
      const next = { ...state, ...p }
      if (Object.keys(p).every((k) => Object.is(next[k as keyof ExploreState], state[k as keyof ExploreState]))) return
      state = next
      for (const l of listeners) l()
    },
    subscribe(l: Listener): () => void {
      listeners.add(l)
      return () => listeners.delete(l)
    },
  }
}

export type ExploreStore = ReturnType<typeof createExploreStore>

export const exploreStore = createExploreStore()

export function useExplore<T>(select: (s: ExploreState) => T): T {
  return useSyncExternalStore(exploreStore.subscribe, () => select(exploreStore.get()))
}

/** The part of the state that goes into the URL hash. */
export function toHashState(s: ExploreState): HashState {
  return {
    select: s.selected ?? undefined,
    compare: s.compare.length ? s.compare : undefined,
    depth: s.depth ?? undefined,
    exams: s.exams.length ? s.exams : undefined,
    layout: s.layout === 'grouped' ? undefined : s.layout,
    view: s.view === 'overview' ? undefined : s.view,
    size: s.size === 'degree' ? undefined : s.size,
    filter: s.filter,
  }
}

/** Patch for the store from a decoded hash: absent fields reset to defaults. */
export function fromHashState(h: HashState): Partial<ExploreState> {
  return {
    compare: h.compare ?? [],
    depth: h.depth ?? null,
    exams: h.exams ?? [],
    layout: h.layout ?? 'grouped',
    view: h.view ?? 'overview',
    size: h.size ?? 'degree',
    filter: h.filter ?? {},
  }
}

export function addToCompare(id: string): void {
  exploreStore.set((s) => (s.compare.includes(id) || s.compare.length >= 4 ? {} : { compare: [...s.compare, id], panel: 'compare' }))
}

export function removeFromCompare(id: string): void {
  exploreStore.set((s) => ({ compare: s.compare.filter((x) => x !== id) }))
}

/** Merge a filter change; undefined fields are dropped (they mean "no restriction"). */
export function setFilter(patch: Partial<FilterState>): void {
  exploreStore.set((s) => {
    const next: Record<string, unknown> = { ...s.filter, ...patch }
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k]
    return { filter: next as FilterState }
  })
}

/** The layout the graph currently shows (so a restored view whose positions were saved is not laid out again). */
export const layoutShown: { name: LayoutName } = { name: 'grouped' }
