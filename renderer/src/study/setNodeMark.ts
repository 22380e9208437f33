// One way to set or clear a manual mark, wherever the user does it (Study panel, note header, node menu): the
// backend answers with the new progress, which the graph and the views take from the study store.
import type { RendererApi } from '../../../electron/shared/contract'
import type { NodeMark } from '../../../electron/core/study/types'
import { studyStore } from './studyStore'

export async function setNodeMark(api: RendererApi, id: string, mark: NodeMark | null): Promise<void> {
  const progress = await api.markNode(id, mark)
  studyStore.set({ progress })
  studyStore.changed()
}

/** The nodes that carry progress and so can be marked. */
export const MARKABLE = /^(service|concept|note):/
