// Notes and mention lists fetched once per graph version: clicking around the graph re-opens the
// same few notes, and a round trip per click is most of the click → note time. Cleared on graphChanged.
import type { EntityMentions, NoteDoc } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'
import { renderedNote, wikilinkMap } from './Markdown'

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

/**
 * When the page is idle, fetch and parse the notes most likely to be opened (the first `limit` given),
 * one per idle slice, so a click mostly finds its note ready. Returns a cancel function.
 */
export function warmNotes(api: RendererApi, paths: string[], limit = 60): () => void {
  let cancelled = false
  const queue = paths.slice(0, limit)
  const idle = (fn: () => void) => {
    const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number }).requestIdleCallback
    if (ric) ric(fn, { timeout: 2000 })
    else setTimeout(fn, 50)
  }
  const next = () => {
    if (cancelled) return
    const path = queue.shift()
    if (!path) return
    getNoteCached(api, path).then(
      (doc) => idle(() => {
        if (cancelled) return
        renderedNote(doc.markdown, doc.path, wikilinkMap(doc))
        next()
      }),
      () => idle(next),
    )
  }
  idle(next)
  return () => { cancelled = true }
}
