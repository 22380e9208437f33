// Notes and mention lists fetched once per graph version: clicking around the graph re-opens the
// same few notes, and a round trip per click is most of the click → note time. Cleared on graphChanged.
import type { EntityMentions, NoteDoc } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'

const MAX = 200
const notes = new Map<string, Promise<NoteDoc>>()
/** notes already arrived, so a panel can show them in its first render */
const ready = new Map<string, NoteDoc>()
const mentions = new Map<string, Promise<EntityMentions>>()

function remember<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const hit = map.get(key)
  if (hit) return hit
  const p = load()
  map.set(key, p)
  p.catch(() => map.delete(key)) // failures are not cached
  if (map.size > MAX) {
    const oldest = map.keys().next().value as string
    map.delete(oldest)
    if (map === (notes as unknown)) ready.delete(oldest)
  }
  return p
}

export const getNoteCached = (api: RendererApi, path: string): Promise<NoteDoc> =>
  remember(notes, path, () => api.getNote(path).then((doc) => { if (notes.has(path)) ready.set(path, doc); return doc }))
/** The note if it has already arrived (and is still current). */
export const peekNote = (path: string): NoteDoc | undefined => ready.get(path)
export const getMentionsCached = (api: RendererApi, id: string): Promise<EntityMentions> => remember(mentions, id, () => api.getMentions(id))

export function clearNoteCache(): void {
  notes.clear()
  ready.clear()
  mentions.clear()
}
