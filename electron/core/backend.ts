// The backend facade: one opened notes folder (index + graph + queries + watcher) behind the core part of
// the Api contract. The Electron main process and the web host both wrap it; the CLI and tests use it too.
import { realpathSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Api, ApiArgs, ApiMethod, ApiResult } from '../shared/contract'
import type { StudyWriteMethod } from '../shared/study-contract'
import type { FolderInfo, Graph, GraphChange, IndexProgress, NoteDoc, NoteMeta } from './types'
import { ChangePublisher, type GraphUpdate } from './graph/publish'
import { sameDiagnostics } from './graph/delta'
import { Vault, type VaultChange } from './vault'
import { loadEntities } from './entities'
import { VaultError } from './errors'
import { GraphBuilder, createGraphQueries, type GraphQueries } from './graph/index'
import { serviceMap, serviceMapNeighbourhood, type ServiceMapEdge } from './graph/serviceMap'
import { displayGraphCache } from './graph/displayGraph'
import { LiveDisplay } from './graph/liveDisplay'
import type { GetLines } from './graph/snippets'
import { readNoteFile } from './parse/read'
import { SnapshotDamagedError, saveSnapshot, snapshotFileFor, storedDisplay } from './index/snapshot'
import { parseNote, stripFrontmatter } from './parse/note'
import { NOTE_FILE } from './scan'
import { SettingsStore } from './settings'
import { watchFolderEarly, type EarlyWatcher } from './watch'
import { confineSync } from './confine'
import { lockStateDir, type StateLock } from './state-lock'
import { ProgressiveOpen } from './index/progressive'
import { StudyService } from './study/service'
import { readNoteHead } from './study/note-head'
import type { CardSet } from './study/types'

/** A warm start leaves up to this many notes changed while closed for one update after it (see catchUp). */
const DEFER_CHANGED_UP_TO = 64
/** …which starts at the latest this long after the backend is created, when no page asked for the graph first. */
const CATCH_UP_AFTER_MS = 2000

export interface BackendOptions {
  /** folder to open first; default: the last folder from the settings, else the bundled notes */
  folder?: string
  /** the notes shipped with the app */
  bundledFolder: string
  /** persisted index folder (null: no persisted index) */
  cacheDir?: string | null
  settingsDir: string
  /** watch the opened folder and push changes (default false) */
  watch?: boolean
  /** parse workers (default: available parallelism; 0 = in-process) */
  workers?: number
  inProcessBelow?: number
  /** how long to wait for another host holding the settings folder's lock (default 5 s) */
  lockWaitMs?: number
  /** getGraph and change events carry a drawable subset above this many edges (see graph/displayGraph.ts) */
  displayAboveEdges?: number
  /**
   * Open at once (the hosts, through open-at-once.ts): when the first folder's cold index has at least this many
   * notes to parse, createBackend resolves as soon as every note and its links are in the graph (a quick scan);
   * services and concepts join while the workers parse, shown through change events whose graph is `partial`.
   * Unset: createBackend resolves with the complete index.
   */
  progressiveFrom?: number
  /** ms between two batches of parsed notes in a progressive open (default 1000) */
  batchMs?: number
  /** listeners from the start: a progressive open's first phases happen before createBackend resolves */
  onChange?: (change: GraphChange) => void
  onProgress?: (progress: IndexProgress) => void
  /** the settings folder's lock is taken (the hosts print their address only then) */
  onLocked?: () => void
  /** the settings folder's lock, taken already by the caller (openAtOnce: before this module is loaded) */
  lock?: StateLock
}

/** Api methods the backend implements (openExternal and saveFile belong to the desktop shell). */
export type CoreMethod = Exclude<ApiMethod, 'openExternal' | 'saveFile'>

/**
 * The core half of the contract's `Api`, taken from it so the two cannot drift apart. Opening a folder
 * indexes it, so those two calls are asynchronous here.
 */
export interface Backend extends Omit<Pick<Api, CoreMethod>, 'openFolder' | 'reload' | StudyWriteMethod>, StudyWrites {
  openFolder(path?: string): Promise<FolderInfo | null>
  reload(): Promise<FolderInfo>
  onChange(listener: (change: GraphChange) => void): () => void
  onProgress(listener: (progress: IndexProgress) => void): () => void
  /** apply file changes now (what the watcher does); paths relative to the folder, [] = rescan everything */
  update(paths: string[]): Promise<GraphChange | null>
  /** builds the graph builder if a warm start left it for later, and resolves when it is complete */
  whenReady(): Promise<void>
  /** resolves when the open folder is completely indexed (at once, unless a progressive open is under way) */
  whenIndexed(): Promise<void>
  /** the current index (stats for tests and the benchmark) */
  readonly vault: Vault
  /** report a problem with a state file to the user (shown by getNotices; one sentence, no paths) */
  addNotice(message: string): void
  close(): Promise<void>
}

/** The study calls that save progress answer once it is written. */
type StudyWrites = { [M in StudyWriteMethod]: (...args: ApiArgs<M>) => Promise<ApiResult<M>> }

/** Lines cache for snippets and search: lines[0] is file line 1, like Mention.line. */
class LineCache {
  private map = new Map<string, string[]>()
  private chars = 0
  constructor(private readonly maxChars = 64 * 1024 * 1024) {}
  get(key: string, load: () => string | undefined): string[] | undefined {
    const hit = this.map.get(key)
    if (hit) {
      this.map.delete(key)
      this.map.set(key, hit)
      return hit
    }
    const text = load()
    if (text === undefined) return undefined
    const lines = text.split(/\r?\n/)
    this.map.set(key, lines)
    this.chars += text.length
    for (const [k, v] of this.map) {
      if (this.chars <= this.maxChars) break
      this.map.delete(k)
      this.chars -= v.reduce((n, l) => n + l.length + 1, 0)
    }
    return lines
  }
  drop(key: string): void {
    const v = this.map.get(key)
    if (!v) return
    this.map.delete(key)
    this.chars -= v.reduce((n, l) => n + l.length + 1, 0)
  }
  clear(): void {
    this.map.clear()
    this.chars = 0
  }
}

/** A note path from the renderer → checked relative path. Rejects absolute paths, `..`, and non-notes. */
export function checkNotePath(p: unknown): string {
  if (typeof p !== 'string' || p.length === 0 || p.length > 4096 || p.includes('\0')) throw new VaultError('EINVAL', 'Invalid note path.')
  if (p.includes('\\') || path.posix.isAbsolute(p) || path.win32.isAbsolute(p) || /^[a-zA-Z]:/.test(p)) {
    throw new VaultError('EOUTSIDE', `Note path must be relative to the notes folder: ${p}`)
  }
  const segs = p.split('/')
  if (segs.some((s) => s === '..' || s === '.' || s === '')) throw new VaultError('EOUTSIDE', `Note path must stay inside the notes folder: ${p}`)
  if (!NOTE_FILE.test(p)) throw new VaultError('EINVAL', `Not a note: ${p}`)
  return p
}

function realOrSelf(p: string): string {
  try { return realpathSync(p) } catch { return path.resolve(p) }
}

interface Opened {
  vault: Vault
  builder: GraphBuilder
  /** what the hosts draw of the builder's graph (the whole graph when small), kept up to date per change */
  display: LiveDisplay
  queries: GraphQueries
  /** started before the folder was read (see watchFolderEarly); attached by startWatching */
  watcher?: EarlyWatcher
  /** warm start: the persisted graph, served until the builder is built */
  snapshot?: Graph
  /** notes still to feed into the builder (on first need), null when the builder is complete */
  pending: NoteMeta[] | null
  ready: Promise<void>
  markReady: () => void
  /** the graph changed since the last snapshot was written */
  dirty: boolean
  /** an update is between changing the index and changing the graph: no snapshot now */
  updating: boolean
  /** a note's lines (cached) */
  getLines: GetLines
  /** the builder's graph at its last takeDelta(): its next delta starts from this graph */
  deltaBase?: Graph
  /** the content-hash check of the notes taken from the persisted index (see checkContent) */
  checked?: Promise<void>
  /** notes changed while the folder was closed, applied after the snapshot's graph is served (see catchUp) */
  caughtUp?: Promise<void>
  /** starts that update now (set until it has started) */
  startCatchUp?: () => void
  /** its snapshot was found damaged: the folder is being opened again */
  reindexing?: boolean
  /** a progressive open handed this out before the parse finished: the graph is partial until it resolves */
  indexing?: Promise<void>
}

export async function createBackend(opts: BackendOptions): Promise<Backend> {
  // one host per settings folder, or their writes would undo each other
  const lock = opts.lock ?? await lockStateDir(opts.settingsDir, { waitMs: opts.lockWaitMs })
  opts.onLocked?.()
  try {
    return await createLockedBackend(opts, () => lock.release())
  } catch (err) {
    lock.release()
    throw err
  }
}

async function createLockedBackend(opts: BackendOptions, unlock: () => void): Promise<Backend> {
  const settings = new SettingsStore(opts.settingsDir)
  const notices: string[] = []
  const bundledReal = realOrSelf(opts.bundledFolder)
  const changeListeners = new Set<(c: GraphChange) => void>(opts.onChange ? [opts.onChange] : [])
  const progressListeners = new Set<(p: IndexProgress) => void>(opts.onProgress ? [opts.onProgress] : [])
  let indexProgress: IndexProgress | null = null
  const lines = new LineCache()
  let current: Opened
  let updating: Promise<unknown> = Promise.resolve()
  let closed = false
  // the cards of the current index, collected once per change of the notes (the study calls ask often)
  let cardsCache: { vault: Vault; set: CardSet } | null = null
  const currentCards = (): CardSet => {
    if (cardsCache?.vault !== current.vault) cardsCache = { vault: current.vault, set: current.vault.cards() }
    return cardsCache.set
  }

  const emitProgress = (p: IndexProgress) => { indexProgress = p.phase === 'ready' ? null : p; for (const l of progressListeners) try { l(p) } catch { /* a listener's problem */ } }
  const sendChange = (c: GraphChange) => { for (const l of changeListeners) try { l(c) } catch { /* a listener's problem */ } }
  // every change goes out as a delta from the last version sent (the whole graph only when a folder opens)
  const publisher = new ChangePublisher(sendChange)
  /** the current builder, when the graph served is its own (not a warm start's snapshot) */
  const deltaSource = (): Opened | undefined => (current === undefined || current.snapshot || current.pending ? undefined : current)
  // what the renderer draws: a big graph's display subset (queries keep the full graph); deltas go between
  // the display graphs, so the builder's own delta (of the full graph) is dropped then
  const forDisplay = displayGraphCache({ aboveEdges: opts.displayAboveEdges })
  const emitChange = (c: GraphUpdate): GraphChange | null => {
    const src = deltaSource()
    const shown = forDisplay(c.graph)
    if (shown === c.graph) return publisher.publish(c, src)
    src?.builder.takeDelta()
    return publisher.publish({ ...c, graph: shown })
  }
  /**
   * The builder's graph changed: a big one goes out as its display graph, kept up to date per change (not
   * recomputed, and without copying the full graph's 456k edges).
   */
  const emitBuilt = (o: Opened, c: Omit<GraphUpdate, 'graph'>): GraphChange | null => {
    if (o === deltaSource() && o.display.active()) {
      o.builder.takeDelta() // the full graph's delta is not sent; taking it keeps the builder's record short
      return publisher.publish({ ...c, graph: o.display.graph() }, o.display)
    }
    return emitChange({ ...c, graph: graphOf(o) })
  }
  const servedGraph = (): Graph => {
    const o = current
    catchUpSoon(o)
    if (o === deltaSource() && !o.indexing && o.display.active()) return publisher.versioned(o.display.graph(), o.vault.root, o.display)
    const g = graphOf(o)
    const shown = forDisplay(g)
    return publisher.versioned(shown, o.vault.root, shown === g ? deltaSource() : undefined)
  }

  function opened(vault: Vault, builder: GraphBuilder): Opened {
    const getLines = (p: string) => lines.get(`${vault.root}\0${p}`, () => {
      const real = vault.meta(p) ? vault.notePath(p) : undefined
      return real ? readNoteFile(real, p).text : undefined
    })
    let markReady = () => {}
    const ready = new Promise<void>((r) => (markReady = r))
    const display = new LiveDisplay(builder, { aboveEdges: opts.displayAboveEdges })
    return { vault, builder, display, queries: createGraphQueries(builder, getLines), pending: null, ready, markReady, dirty: false, updating: false, getLines }
  }

  /** The graph to show: `partial` while a progressive open is still parsing (one wrapper per graph, so the
   * publisher and the display cache see the same object until the graph changes). */
  const partialOf = new WeakMap<Graph, Graph>()
  const graphOf = (o: Opened): Graph => {
    const g = o.snapshot ?? o.builder.graph()
    if (!o.indexing) return g
    let p = partialOf.get(g)
    if (!p) { p = { ...g, partial: true }; partialOf.set(g, p) }
    return p
  }

  /**
   * Index a folder. With `early` (a progressive open, see BackendOptions.progressiveFrom) and enough to parse,
   * `early` gets the Opened as soon as the quick pass has put every note in the graph; the returned promise
   * still resolves when the index is complete.
   */
  async function open(folder: string, early?: (o: Opened) => void): Promise<Opened> {
    // watching starts before the folder is listed: what changes until the graph is served is applied after it
    const watcher = opts.watch && !closed ? watchFolderEarly(folder) : undefined
    try {
      const o = await indexFolder(folder, early && ((first) => { first.watcher = watcher; early(first) }))
      o.watcher = watcher
      return o
    } catch (err) {
      watcher?.close()
      throw err
    }
  }

  async function indexFolder(folder: string, early?: (o: Opened) => void): Promise<Opened> {
    // cold: the graph grows while workers parse, each note goes into the builder as soon as it arrives
    // each note's own edges are made as it arrives; the first build's 120k–455k edge ids are indexed after the
    // graph is served (finishBuild): less to do between the last parsed note and the served graph
    const builder = new GraphBuilder((await loadEntities()).ontology, { deferEdgeIndex: true, edgesAsNotesArrive: true })
    const delivered = new Set<string>()
    let phases: ProgressiveOpen | undefined
    let o: Opened | undefined
    let indexed = () => {}
    const from = opts.progressiveFrom
    const vault = await Vault.open(folder, {
      cacheDir: opts.cacheDir, workers: opts.workers, inProcessBelow: opts.inProcessBelow, onProgress: emitProgress,
      deferChangedUpTo: DEFER_CHANGED_UP_TO, checkSnapshotLater: true,
      onNote: (m) => { builder.setNote(m); delivered.add(m.path) },
      onPlan: early && from !== undefined ? (plan, v) => {
        if (plan.toParse.length === 0 || plan.toParse.length < from) return
        phases = new ProgressiveOpen({
          builder,
          parsed: delivered,
          intervalMs: opts.batchMs,
          onFirst: () => {
            const first = opened(v, builder)
            first.indexing = new Promise<void>((r) => (indexed = r))
            o = first
            early(first)
          },
          // each phase goes out as the delta from the graph the pages hold: services and concepts join in place
          onBatch: () => { if (o && o === current) emitChange({ folder: v.root, changed: [], graph: graphOf(o) }) },
        })
        return phases.start(plan)
      } : undefined,
    })
    phases?.finish()
    o ??= opened(vault, builder)
    const metas = vault.metas()
    emitProgress({ done: 0, total: metas.length, phase: 'graph' })

    // warm: nothing re-parsed and a snapshot of exactly these notes → show it now; the builder is built on
    // first need (a query, an update, whenReady), after the snapshot is let go: holding both at once (and the
    // garbage of building) took the 10k-note peak past 1 GB
    const snapshot = vault.takeWarmGraph()
    if (snapshot) {
      snapshot.diagnostics = vault.diagnostics()
      // served as it was stored: its full edges stay undecoded until something reads them
      const shown = storedDisplay(snapshot)
      if (shown) { shown.diagnostics = snapshot.diagnostics; forDisplay.remember(snapshot, shown) }
      o.snapshot = snapshot
      o.pending = metas
    } else {
      for (const m of metas) if (!delivered.has(m.path)) builder.setNote(m)
      for (const m of vault.relinkedOnOpen) builder.setNote(m)
      finishBuild(o)
      o.dirty = true
      scheduleSnapshot(o, 1000)
    }
    if (o.indexing) {
      // the progressive open is complete: the whole graph replaces the partial one
      o.indexing = undefined
      indexed()
      if (o === current) {
        cardsCache = null
        // a delta from the graph the pages hold (the last phase's), so nothing is drawn again
        emitBuilt(o, { folder: o.vault.root, changed: [] })
      }
    }
    emitProgress({ done: metas.length, total: metas.length, phase: 'ready' })
    return o
  }

  function finishBuild(o: Opened, snapshot?: Graph): void {
    o.pending = null
    o.snapshot = undefined
    o.builder.setDiagnostics(o.vault.diagnostics())
    o.builder.takeDelta()
    o.deltaBase = o.builder.graph()
    // the snapshot the page holds and the builder's graph have the same content: deltas start from the builder's
    if (snapshot) {
      const shown = forDisplay.peek(snapshot)
      if (shown && shown !== snapshot && o.display.seed(shown)) {
        const now = o.display.graph()
        o.display.takeDelta()
        o.display.deltaBase = now
        publisher.rebase(shown, now)
      }
      publisher.rebase(snapshot, o.deltaBase)
    }
    // warm the parser up in idle time (see primeParser), then say the folder is fully ready: a first edit then
    // finds the parser loaded and past its first, slowest runs
    setImmediate(() => {
      if (!closed && o === current) {
        o.builder.indexEdges()
        void o.vault.primeParser(12).then(o.markReady)
      } else o.markReady()
    })
  }

  /**
   * The services map's links for the graph as it is now, kept per graph: the local graph of that view walks them on
   * every selection. `fresh` (the map itself) reads them again, evidence sentences included.
   */
  const mapLinksOf = new WeakMap<Graph, ServiceMapEdge[]>()
  function mapLinks(o: Opened, fresh = false): ServiceMapEdge[] {
    const graph = o.builder.graph()
    let links = fresh ? undefined : mapLinksOf.get(graph)
    if (!links) {
      links = serviceMap(graph, o.vault.metas(), o.getLines)
      mapLinksOf.set(graph, links)
    }
    return links
  }

  /** Queries and updates need the complete builder: build it now after a warm start (once). */
  function built(o: Opened): Opened {
    if (o.pending) {
      const pending = o.pending
      const snapshot = o.snapshot
      o.pending = null
      o.snapshot = undefined // the builder's graph replaces it; callers holding it keep their copy
      try {
        for (const m of pending) o.builder.setNote(m)
      } catch (err) {
        // a part of the snapshot read only now is damaged: serve it as before until the folder is indexed again
        o.pending = pending
        o.snapshot = snapshot
        if (err instanceof SnapshotDamagedError) reindexDamaged(o)
        throw err
      }
      finishBuild(o, snapshot)
    }
    return o
  }

  /** Drop a damaged snapshot and open the folder again from the JSON index (re-parsing what that lacks). */
  function reindexDamaged(o: Opened): void {
    if (o.reindexing) return
    o.reindexing = true
    const file = o.vault.cacheFile
    if (file) rmSync(snapshotFileFor(file), { force: true })
    backend.addNotice('The saved index of this folder was damaged and could not be read; the folder was indexed again.')
    const again = async () => {
      if (closed || o !== current) return
      const next = await open(o.vault.root)
      if (closed || o !== current) { next.watcher?.close(); return }
      await switchTo(next)
    }
    updating = updating.then(again, again).catch(() => null)
  }

  /** Persist the built graph next to the index (after a cold index, and after updates, debounced). */
  let snapshotTimer: NodeJS.Timeout | undefined
  let snapshotWrite: Promise<void> = Promise.resolve()
  function scheduleSnapshot(o: Opened, delayMs = 3000): void {
    if (!o.vault.cacheFile) return
    clearTimeout(snapshotTimer)
    snapshotTimer = setTimeout(() => void writeSnapshot(o), delayMs)
    snapshotTimer.unref()
  }
  function writeSnapshot(o: Opened): Promise<void> {
    clearTimeout(snapshotTimer)
    snapshotTimer = undefined
    const file = o.vault.cacheFile
    if (o.updating) {
      scheduleSnapshot(o)
      return snapshotWrite
    }
    if (!file || !o.dirty || o.pending) return snapshotWrite
    o.dirty = false
    const full = o.builder.graph()
    const shown = o.display.graph()
    const input = o.vault.snapshotInput(full)
    if (shown !== full) input.display = shown
    snapshotWrite = snapshotWrite.then(() => saveSnapshot(snapshotFileFor(file), input)).catch(() => {})
    return snapshotWrite
  }

  /**
   * Size and mtime said "unchanged" for the notes taken from the persisted index; their content hashes are
   * checked in the background (the graph is already served) and what differs goes through a normal update.
   */
  function checkContent(o: Opened): void {
    if (o.checked || !o.vault.stats.reused) return
    o.checked = o.vault.verifyContent().then(async (paths) => { if (paths.length) await update(paths, o) }, () => {})
  }

  /**
   * Notes changed while the folder was closed (a warm start served the snapshot's graph without them): one
   * update brings them in and goes out as a delta. It builds the graph builder, seconds of this thread at 10k
   * notes, so it waits until the graph has been served (or whenReady, a query or an update asks sooner).
   */
  function catchUp(o: Opened): void {
    const paths = o.vault.changedWhileClosed
    if (o.caughtUp || !paths.length) return
    o.caughtUp = new Promise<void>((resolve) => {
      const timer = setTimeout(() => o.startCatchUp?.(), CATCH_UP_AFTER_MS)
      timer.unref() // nothing to wait for when the host goes away first
      o.startCatchUp = () => {
        clearTimeout(timer)
        o.startCatchUp = undefined
        update(paths, o).then(() => resolve(), () => resolve()).finally(() => { o.vault.changedWhileClosed = [] })
      }
    })
  }
  /** after the graph is served: let its answer go out first */
  const catchUpSoon = (o: Opened) => { if (o.startCatchUp) setTimeout(() => o.startCatchUp?.(), 50).unref() }

  function startWatching(o: Opened): void {
    if (closed) { o.watcher?.close(); return }
    o.watcher?.attach((paths) => update(paths, o)) // the polling fallback times rescans by it
  }

  async function switchTo(next: Opened): Promise<void> {
    const prev = current as Opened | undefined
    current = next
    if (prev) {
      prev.watcher?.close()
      prev.queries.stop()
      await writeSnapshot(prev)
      if (prev.vault !== next.vault) await prev.vault.close()
    }
    lines.clear()
    startWatching(next)
    catchUp(next)
    checkContent(next)
    study.load()
    if (next.snapshot) emitChange({ folder: next.vault.root, changed: [], graph: next.snapshot, full: true })
    else emitBuilt(next, { folder: next.vault.root, changed: [], full: true })
  }

  /** Apply file changes to the index and graph; serialized so two batches never interleave. */
  function update(paths: string[], target?: Opened): Promise<GraphChange | null> {
    const run = async (): Promise<GraphChange | null> => {
      const o = target ?? current
      if (closed || o !== current) return null
      built(o)
      let change: VaultChange
      o.updating = true
      try {
        change = paths.length ? await o.vault.update(paths) : await o.vault.refresh()
      } catch {
        return null // the folder went away or became unreadable; keep the last good graph
      } finally {
        o.updating = false
      }
      if (o !== current) return null
      for (const p of change.removed) { o.builder.removeNote(p); lines.drop(`${o.vault.root}\0${p}`) }
      for (const m of change.upserted) { o.builder.setNote(m); lines.drop(`${o.vault.root}\0${m.path}`) }
      // a file that is no note (binary, unreadable, a link outside) changes only the diagnostics: sent all the same
      const diagnostics = o.vault.diagnostics()
      const notesChanged = change.removed.length > 0 || change.upserted.length > 0
      if (!notesChanged && sameDiagnostics(o.builder.graphDiagnostics, diagnostics)) return null
      if (notesChanged) cardsCache = null
      o.builder.setDiagnostics(diagnostics)
      o.dirty = true
      scheduleSnapshot(o)
      return emitBuilt(o, { folder: o.vault.root, changed: [...change.upserted.map((m) => m.path), ...change.removed] })
    }
    const p = updating.then(run, run)
    updating = p.catch(() => null)
    return p
  }

  function folderInfo(o: Opened): FolderInfo {
    return { folder: o.vault.root, bundled: o.vault.root === bundledReal, noteCount: o.indexing ? o.builder.noteCount : o.vault.noteCount }
  }

  // first folder: explicit option, else the last one used, else the bundled notes
  const first = opts.folder ?? settings.get().lastFolder
  const openFirst = async (early?: (o: Opened) => void): Promise<Opened> => {
    if (first && opts.folder === undefined) {
      try {
        return await open(first, early)
      } catch {
        return await open(opts.bundledFolder, early) // last folder is gone: fall back quietly to the bundled notes
      }
    }
    return open(first ?? opts.bundledFolder, early)
  }
  if (opts.progressiveFrom === undefined) current = await openFirst()
  else {
    // resolve with the first phase; the rest of the index goes on behind (updates and the watcher wait for it)
    let complete: Promise<Opened> | undefined
    current = await new Promise<Opened>((resolve, reject) => {
      complete = openFirst(resolve)
      complete.then(resolve, reject)
    })
    if (current.indexing) {
      const o = current
      updating = complete!.then(
        () => { if (!closed && o === current) startWatching(o) },
        () => { o.indexing = undefined; emitProgress({ done: 0, total: 0, phase: 'ready' }) }, // keep the partial graph
      )
    }
  }
  if (!current.indexing) startWatching(current)
  catchUp(current)
  checkContent(current)

  const entities = await loadEntities()
  const { ontology } = entities
  const study = new StudyService({
    folder: () => current.vault.root,
    cards: currentCards,
    noteDomain: (p) => current.vault.meta(p)?.domain,
    notePlace: (p, id) => {
      const meta = current.vault.meta(p)
      if (!meta) return undefined
      const section = id ? meta.sections.find((s) => s.id === id)?.title : undefined
      return { note: meta.title, ...(section && section !== meta.title ? { section } : {}) }
    },
    graph: () => current.snapshot ?? current.builder.graph(),
    exams: () => built(current).queries.exams(),
    ontology,
    // built on first use: a warm start does not need the alias matcher
    get extractor() { return entities.extractor },
    notes: () => current.vault.metas(),
    getLines: (p) => { const real = current.vault.notePath(p); return real ? readNoteHead(real) : undefined },
    confusables: () => built(current).queries.confusables(),
  }, {
    settingsDir: opts.settingsDir,
    // the app-wide notices banner (the Study panel shows the message too)
    onNotice: (m) => queueMicrotask(() => backend.addNotice(m)),
  })
  study.load() // now: a broken progress file is reported when the app starts

  const noteDoc = ({ mentions: _mentions, ...meta }: NoteMeta, markdown: string, lineOffset: number): NoteDoc => ({ ...meta, markdown, lineOffset })

  const backend: Backend = {
    get vault() { return current.vault },
    getFolder: () => folderInfo(current),
    getGraph: servedGraph,
    getIndexProgress: () => indexProgress,
    graphVersion: () => publisher.current,
    getCards: currentCards,
    getNote(p: string): NoteDoc {
      const rel = checkNotePath(p)
      const { vault } = current
      if (!vault.meta(rel)) throw new VaultError('ENOENT', `No such note in this folder: ${rel}`)
      const where = confineSync(vault.root, vault.abs(rel))
      if (where.status === 'missing') throw new VaultError('ENOENT', `Note is no longer there: ${rel}`)
      if (where.status === 'outside') throw new VaultError('EOUTSIDE', `Note resolves outside the notes folder: ${rel}`)
      const real = where.real
      const file = readNoteFile(real, rel)
      if (file.text === undefined) throw new VaultError('EACCES', file.diagnostics[0]?.message ?? `Cannot read note: ${rel}`)
      const indexed = vault.entry(rel)
      if (indexed?.meta && indexed.hash === file.hash && indexed.lineOffset !== undefined) {
        // unchanged since indexing: no second parse (a huge note would block this thread)
        return noteDoc(indexed.meta, stripFrontmatter(file.text, indexed.lineOffset), indexed.lineOffset)
      }
      // changed since indexing (the watcher has not caught up): parse this copy; mentions are not sent
      const parsed = parseNote({ path: rel, text: file.text, size: file.size, mtimeMs: file.mtimeMs, hash: file.hash })
      vault.resolveLinks(parsed.meta)
      return noteDoc(parsed.meta, stripFrontmatter(file.text, parsed.lineOffset), parsed.lineOffset)
    },
    getNotes(paths: string[]): NoteDoc[] {
      const out: NoteDoc[] = []
      for (const p of paths) {
        try { out.push(backend.getNote(p)) } catch { /* left out: a click on it asks getNote, which says why */ }
      }
      return out
    },
    getMentions: (id) => built(current).queries.getMentions(id),
    neighbourhood: (id, depth, opts) => {
      const o = built(current)
      if (opts?.over !== 'service-map') return o.queries.neighbourhood(id, depth, opts)
      return serviceMapNeighbourhood(o.builder.graph(), mapLinks(o), id, depth, opts)
    },
    overlap: (ids) => built(current).queries.overlap(ids),
    compare: (ids) => built(current).queries.compare(ids),
    confusables: () => built(current).queries.confusables(),
    examOverlap: (a, b) => built(current).queries.examOverlapDetail(a, b),
    centrality: () => built(current).queries.centrality(),
    exams: () => built(current).queries.exams(),
    coverageGaps: (code) => built(current).queries.coverageGaps(code),
    renamed: () => built(current).queries.renamed(),
    search: (q, limit) => built(current).queries.search(q, limit),
    serviceMap: () => mapLinks(built(current), true),
    async openFolder(folder?: string): Promise<FolderInfo | null> {
      if (folder === undefined) return null // the desktop shell shows the picker and passes the path
      // callers are the app's APIs: a relative path would resolve against the host's working directory
      if (!path.isAbsolute(folder)) throw new VaultError('EINVAL', 'Open a folder by its full path.')
      const next = await open(folder)
      await switchTo(next)
      settings.rememberFolder(next.vault.root === bundledReal ? undefined : next.vault.root)
      return folderInfo(next)
    },
    async reload(): Promise<FolderInfo> {
      const next = await open(current.vault.root)
      await switchTo(next)
      return folderInfo(next)
    },
    getSettings: () => settings.get(),
    setSettings: (patch) => settings.set(patch),
    getViewState: () => settings.getViewState(current.vault.root),
    setViewState: (state) => settings.setViewState(current.vault.root, state),
    getNotices: () => [...settings.notices, ...notices],
    addNotice(message) { if (!notices.includes(message)) notices.push(message) },
    studyQueue: (scope, limit) => study.queue(scope, limit),
    gradeCard: (id, grade) => study.grade(id, grade),
    undoGrade: () => study.undo(),
    studyStats: () => study.stats(),
    nodeProgress: () => study.nodeProgress(),
    markNode: (id, mark) => study.mark(id, mark),
    readiness: (exam) => study.readiness(exam),
    studyDrill: (scope) => study.drill(scope),
    studySettings: () => study.settings(),
    setStudySettings: (patch) => study.setSettings(patch),
    exportProgress: () => study.exportProgress(),
    importProgress: (json) => study.importProgress(json),
    exportCardsTsv: () => study.exportCardsTsv(),
    onChange(listener) { changeListeners.add(listener); return () => { changeListeners.delete(listener) } },
    onProgress(listener) { progressListeners.add(listener); return () => { progressListeners.delete(listener) } },
    update: (paths) => update(paths),
    whenReady: async () => { const o = current; o.startCatchUp?.(); await o.caughtUp; await o.checked; await built(o).ready },
    whenIndexed: () => current.indexing ?? Promise.resolve(),
    async close() {
      closed = true
      current.watcher?.close()
      current.queries.stop()
      // a progressive open still parsing is left to end with the process (its workers do not hold it open)
      if (!current.indexing) {
        await updating
        await writeSnapshot(current)
      }
      await study.flush()
      await current.vault.close()
      changeListeners.clear()
      progressListeners.clear()
      unlock()
    },
  }
  return backend
}
