// Notes and mention lists fetched once per graph version: clicking around the graph re-opens the
// same few notes, and a round trip per click is most of the click → note time. Cleared on graphChanged.
import type { EntityMentions, NoteDoc } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'
import { loadMarkdown } from './markdownLoader'
import { wikilinkMap } from './wikilinkMap'
import { parseOffThread } from './parseOffThread'

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

const whenIdle = (): Promise<void> => new Promise((resolve) => {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number }).requestIdleCallback
  if (ric) ric(() => resolve(), { timeout: 2000 })
  else setTimeout(resolve, 50)
})

/**
 * Render a note for display ahead of its click (the markdown renderer keeps the result): its markdown parsed in
 * the worker when there is one (the page's thread is busy drawing the graph after launch, and is rarely idle
 * then) and the rest done in an idle slice, else all of it on the page in an idle slice.
 */
function renderForDisplay(doc: NoteDoc): Promise<void> {
  const links = wikilinkMap(doc)
  const onPage = () => whenIdle().then(loadMarkdown).then((m) => { m.renderedNote(doc.markdown, doc.path, links) })
  const parsed = parseOffThread(doc.markdown, links)
  if (!parsed) return onPage()
  return Promise.all([parsed, loadMarkdown()]).then(([tree, m]) => {
    // a click that comes first skips the parse; an idle moment before it does the rest of the work too
    m.keepParsed(doc.markdown, doc.path, links, tree)
    void whenIdle().then(() => { m.adoptParsed(doc.markdown, doc.path, links, tree) })
  }, onPage)
}

/**
 * Get the notes most likely to be opened (the first `limit` given) ready before they are clicked: their text is
 * fetched at once, a few requests at a time (a round trip per click is what a busy page feels most), and they
 * are rendered for display one at a time (renderForDisplay), from `renderAfterMs` on, the biggest of those
 * arrived first: parsing a big note on the click (tens of ms) is what made the slowest clicks slow.
 * Returns a cancel function.
 */
export function warmNotes(
  api: RendererApi,
  paths: string[],
  { limit = 60, renderAfterMs = 300, parallel = 4, render = renderForDisplay }: { limit?: number; renderAfterMs?: number; parallel?: number; render?: (doc: NoteDoc) => Promise<void> } = {},
): () => void {
  let cancelled = false
  const wanted = paths.slice(0, limit)
  const fetchQueue = [...wanted]
  const arrived: NoteDoc[] = []
  let fetching = wanted.length
  /** the render loop, when it ran out of arrived notes while some are still on their way */
  let waiting: (() => void) | null = null
  const wake = () => { const w = waiting; waiting = null; w?.() }
  const fetchNext = (): void => {
    const path = fetchQueue.shift()
    if (cancelled || !path) return
    getNoteCached(api, path).then((doc) => { arrived.push(doc) }, () => undefined).finally(() => {
      fetching--
      wake()
      fetchNext()
    })
  }
  for (let i = 0; i < parallel; i++) fetchNext()
  void loadMarkdown().catch(() => undefined) // only a head start: a note panel loads it again if this failed

  const renderNext = (): void => {
    if (cancelled) return
    if (arrived.length === 0) {
      if (fetching > 0) waiting = renderNext
      return
    }
    let biggest = 0
    for (let i = 1; i < arrived.length; i++) if (arrived[i].markdown.length > arrived[biggest].markdown.length) biggest = i
    const doc = arrived.splice(biggest, 1)[0]
    render(doc).then(renderNext, renderNext)
  }
  const timer = setTimeout(renderNext, renderAfterMs)
  return () => { cancelled = true; waiting = null; clearTimeout(timer) }
}
