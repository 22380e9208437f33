// The study state the shell shares: node progress (graph colours, node list), the graph view mode, and a
// version bumped after every grade or mark so the views fetch again. One window → one store.
import { useSyncExternalStore } from 'react'
import type { NodeProgress } from '../../../electron/core/study/study-types'
import type { ProgressView } from './progressOnGraph'

export interface StudyState {
  progress: NodeProgress | null
  view: ProgressView
  /** bumped when progress changed on the backend */
  version: number
}

let state: StudyState = { progress: null, view: { colour: false, filter: 'none' }, version: 0 }
const listeners = new Set<() => void>()

export const studyStore = {
  get: (): StudyState => state,
  set(patch: Partial<StudyState>): void {
    state = { ...state, ...patch }
    for (const l of listeners) l()
  },
  /** progress changed (a grade, an undo, a mark, an import): views fetch again */
  changed(): void {
    studyStore.set({ version: state.version + 1 })
  },
  subscribe(l: () => void): () => void {
    listeners.add(l)
    return () => { listeners.delete(l) }
  },
}

export function useStudy<T>(pick: (s: StudyState) => T): T {
  return useSyncExternalStore(studyStore.subscribe, () => pick(studyStore.get()), () => pick(studyStore.get()))
}
