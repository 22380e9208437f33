// Notes and mention lists fetched once per graph version: clicking around the graph re-opens the
// same few notes, and a round trip per click is most of the click → note time. Cleared on graphChanged.
import type { EntityMentions, NoteDoc } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'
import { loadMarkdown } from './markdownLoader'
import { wikilinkMap } from './wikilinkMap'
import { parseOffThread, startParser } from './parseOffThread'
import { onIdle } from '../idle'

const MAX = 200
const notes = new Map<string, Promise<NoteDoc>>()
/** notes already arrived, so a panel can show them in its first render */
const ready = new Map<string, NoteDoc>()
const mentions = new Map<string, Promise<EntityMentions>>()
/** Bumped by clearNoteCache: notes asked for before a change on disk are not kept after it. */
let generation = 0

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
  generation++
  notes.clear()
  ready.clear()
  mentions.clear()
}

const whenIdle = (): Promise<void> => new Promise((resolve) => onIdle(resolve, 2000, 50))

/** Notes whose markdown the worker parses (or parsed) for their first render, by the cached note. */
const parsing = new WeakMap<NoteDoc, { done: Promise<boolean>; hurry(): void }>()

/**
 * Parse a note's markdown in the worker and keep the tree for its first render (Markdown.tsx keepParsed).
 * Resolves true once it is kept; false when there is no worker or it failed, and the render parses on the page.
 * `urgent`: a click waits for it, so it goes ahead of the notes parsed ahead of clicks.
 */
export function parseAhead(doc: NoteDoc, { urgent = false } = {}): Promise<boolean> {
  const known = parsing.get(doc)
  if (known) {
    if (urgent) known.hurry()
    return known.done
  }
  const links = wikilinkMap(doc)
  const job = parseOffThread(doc.markdown, links, { urgent })
  if (!job) return Promise.resolve(false)
  const done = Promise.all([job.tree, loadMarkdown()]).then(([tree, m]) => {
    m.keepParsed(doc.markdown, doc.path, links, tree)
    return true
  }, () => false)
  parsing.set(doc, { done, hurry: job.hurry })
  return done
}

/**
 * How long a click waits for the worker's parse. Notes parsed ahead are at most WARM_MAX_CHARS, so the wait is
 * normally tens of ms; this bounds the rest (the clicked note itself huge, a worker starved of CPU).
 */
export const CLICK_WAITS_FOR_WORKER_MS = 1000

/**
 * A note fetched and, where a worker can parse it, parsed there: a click's panel then renders it at once from the
 * kept tree while the click's frame is drawn, instead of parsing it on the page after that frame (100 ms or more in
 * the seconds after launch). Past CLICK_WAITS_FOR_WORKER_MS the panel has it anyway and parses it on the page.
 * Rejects as getNoteCached does.
 */
export async function noteForDisplay(api: RendererApi, path: string): Promise<NoteDoc> {
  const doc = await getNoteCached(api, path)
  if (!startParser()) return doc
  const m = await loadMarkdown().catch(() => null)
  if (!m || m.isReady(doc.markdown, doc.path, wikilinkMap(doc))) return doc
  let timer: ReturnType<typeof setTimeout> | undefined
  const enough = new Promise<void>((resolve) => { timer = setTimeout(resolve, CLICK_WAITS_FOR_WORKER_MS) })
  await Promise.race([parseAhead(doc, { urgent: true }), enough])
  clearTimeout(timer)
  return doc
}

/**
 * A note parsed ahead of its click, made ready for display in an idle moment: the tree the worker kept becomes the
 * rendered note (HTML tree, sanitising, React elements); with no worker, all of it happens on the page.
 */
async function renderWhenIdle(doc: NoteDoc): Promise<void> {
  await whenIdle()
  const m = await loadMarkdown()
  m.renderedNote(doc.markdown, doc.path, wikilinkMap(doc)) // from the kept tree when there is one
}

/** The biggest note parsed ahead of clicks (≈ 0.3 s of parsing here). */
export const WARM_MAX_CHARS = 256 * 1024

/** A note that arrived in a batch, kept as if fetched alone; null when a fetch of its own is on its way. */
function keep(doc: NoteDoc): NoteDoc | null {
  if (notes.has(doc.path)) return ready.get(doc.path) ?? null
  remember(notes, doc.path, () => Promise.resolve(doc))
  ready.set(doc.path, doc)
  return doc
}

/**
 * Get the notes most likely to be opened (the first `limit` given, most likely first) ready before they are
 * clicked, without the page's thread: one request for all of them (a request per note waited for the page's busy
 * thread between them), their markdown parsed in the worker in that order, and each then made ready for display in
 * an idle moment, one at a time. The worker starts at once, so its script loads while the notes are on their way.
 * Returns a cancel function.
 */
export function warmNotes(
  api: RendererApi,
  paths: string[],
  { limit = 60, render = renderWhenIdle }: { limit?: number; render?: (doc: NoteDoc) => Promise<void> } = {},
): () => void {
  let cancelled = false
  const asked = generation
  startParser()
  void loadMarkdown().catch(() => undefined) // only a head start: a note panel loads it again if this failed
  api.getNotes(paths.slice(0, limit)).then((docs) => {
    if (cancelled || asked !== generation) return
    let turn = Promise.resolve()
    for (const arrived of docs) {
      const doc = keep(arrived)
      // a huge note would hold the worker (and the clicks queued behind it) for seconds: parsed when opened
      if (!doc || doc.markdown.length > WARM_MAX_CHARS) continue
      const parsed = parseAhead(doc)
      turn = turn.then(() => parsed).then(() => (cancelled ? undefined : render(doc))).catch(() => undefined)
    }
  }, () => undefined) // nothing warmed: each click fetches its note
  return () => { cancelled = true }
}
