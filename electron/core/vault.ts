// A notes folder indexed into NoteMeta: cold index in worker threads, warm start from the persisted index,
// incremental updates of single notes. Graph building is the caller's job (see backend.ts).
import { existsSync, promises as fsp } from 'node:fs'
import path from 'node:path'
import type { Diagnostic, Graph, IndexProgress, NoteMeta } from './types'
import { scanFolder, outsideDiagnostic, NOTE_FILE, type ScannedFile } from './scan'
import { confine, confineSync } from './confine'
import { loadEntities, type Entities } from './entities'
import type { FileJob, FileResult } from './index/parse-file'
import { cacheFileFor, defaultCacheDir, graphKey, loadCache, saveCache } from './index/cache'
import { loadSnapshot, snapshotFileFor, type SnapshotInput, type WarmState } from './index/snapshot'
import { RACY_MS, contentStamp, findChangedContent } from './index/verify'
import { ParsePool, defaultPoolSize } from './worker/pool'
import { LinkIndex, resolveNoteLinks } from './parse/links'
import type { CardSet } from './study/types'
import { collectCards } from './study/cards/collect'
import type { OpenPlan } from './index/progressive'

export interface VaultOptions {
  /** where the persisted index lives; default `<user cache>/notes-graph`; null disables it */
  cacheDir?: string | null
  /** number of parse workers (default: available parallelism); 0 parses in-process */
  workers?: number
  /** folders with fewer notes to parse than this are parsed in-process (starting workers costs more) */
  inProcessBelow?: number
  onProgress?: (p: IndexProgress) => void
  /**
   * Called for each note as soon as it is parsed (not for notes taken from the persisted index), links
   * already resolved against the scanned file list, so the caller can build the graph while workers are
   * still parsing. Notes whose links resolve differently once the final note set is known are in
   * `relinkedOnOpen`.
   */
  onNote?: (meta: NoteMeta) => void
  /**
   * Called once open() knows what it will parse; runs alongside the parse (open waits for it before it
   * returns). The progressive open's quick pass (index/progressive.ts) hangs here.
   */
  onPlan?: (plan: OpenPlan, vault: Vault) => Promise<void> | void
  /**
   * With a warm-start snapshot and at most this many notes changed, added or removed while the folder was closed
   * (size or mtime differ), open() parses none of them: it takes the snapshot as it is and lists them in
   * `changedWhileClosed`, for the caller to apply with update() once the snapshot's graph is served. Unset: they
   * are parsed before open() returns.
   */
  deferChangedUpTo?: number
  /**
   * Check the snapshot's parts a warm start does not read before serving (full edges, the notes' details) on
   * their first read instead of at open; a damaged one then throws SnapshotDamagedError there (see backend.ts).
   */
  checkSnapshotLater?: boolean
  /** Leave those parts on disk until their first read (a one-shot run that may not need them: the CLI). */
  readSnapshotLater?: boolean
  /** A one-shot run with nothing to serve meanwhile (the CLI): the scan stats notes synchronously, much faster. */
  oneShot?: boolean
}

export interface VaultStats {
  /** notes read and parsed by the last open/update (0 on a warm start with nothing changed) */
  parsed: number
  /** notes taken from the persisted index by the last open */
  reused: number
  /** notes changed, added or removed while closed that the last open left for an update (see deferChangedUpTo) */
  deferred?: number
  /** whether the last open used worker threads */
  usedWorkers: boolean
  ms: number
}

export interface VaultChange {
  /** notes added or changed, plus notes whose links now resolve differently */
  upserted: NoteMeta[]
  removed: string[]
}

/** The parser stack (remark, micromark, yaml) loads on the first parse in this thread: a warm start parses nothing. */
let parserModule: Promise<typeof import('./index/parse-file')> | undefined
const loadParser = () => (parserModule ??= import('./index/parse-file'))

const sortDiagnostics = (a: Diagnostic, b: Diagnostic) =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

/** Nothing saved for this folder (or saving is off): opening it parses every note. */
function noSavedIndex(cacheDir: string | null | undefined, root: string): boolean {
  const dir = cacheDir === undefined ? defaultCacheDir() : cacheDir
  if (!dir) return true
  const file = cacheFileFor(dir, root)
  return !existsSync(file) && !existsSync(snapshotFileFor(file))
}

export class Vault {
  readonly root: string
  readonly stats: VaultStats = { parsed: 0, reused: 0, usedWorkers: false, ms: 0 }
  private files = new Map<string, FileResult>()
  private scanDiagnostics: Diagnostic[] = []
  private linkDiagnostics = new Map<string, Diagnostic[]>()
  /**
   * notes update() read within RACY_MS of their mtime (a second write in the same tick of the file system's clock
   * can keep size and mtime: git's "racily clean"), or could not read: size and mtime do not vouch for them
   */
  private racy = new Set<string>()
  /** resolves note links; made on first need from the current notes (a warm start may never need it) */
  private links?: LinkIndex
  private get linkIndex(): LinkIndex {
    return (this.links ??= new LinkIndex([...this.files.values()].filter((r) => r.meta).map((r) => r.path)))
  }
  private set linkIndex(index: LinkIndex) {
    this.links = index
  }
  /** notes whose resolved links changed after open() delivered them through onNote */
  relinkedOnOpen: NoteMeta[] = []
  /** paths changed, added or removed while closed that open() left for update() (see deferChangedUpTo) */
  changedWhileClosed: string[] = []
  /** the persisted index file, when there is one */
  readonly cacheFile?: string
  private saveTimer?: NodeJS.Timeout
  private saving: Promise<void> = Promise.resolve()
  /** the snapshot's graph after a warm start, until the caller takes it */
  private warmGraph?: Graph
  /** each note's ctime at the open's scan, and when that scan started (verifyContent) */
  private scanned?: { ctimes: Map<string, number>; at: number }
  /** one copy of each repeated string (entity ids, mention texts, section ids) across all notes */
  private readonly strings = new Map<string, string>()

  private constructor(root: string, readonly entities: Entities, private readonly opts: VaultOptions) {
    this.root = root
    const dir = opts.cacheDir === undefined ? defaultCacheDir() : opts.cacheDir
    if (dir) this.cacheFile = cacheFileFor(dir, root)
  }

  /** Index a folder. Throws VaultError (one-line message) when the folder is missing or unreadable. */
  static async open(folder: string, opts: VaultOptions = {}): Promise<Vault> {
    const t0 = performance.now()
    const progress = opts.onProgress ?? (() => {})
    progress({ done: 0, total: 0, phase: 'scan' })
    const scannedAt = Date.now()
    // a cold open (no saved index of this folder) of enough notes parses in workers: start them as soon as the
    // scan has found that many, so their start (loading the parser, building the matcher) overlaps the rest of it
    const workers = opts.workers ?? defaultPoolSize()
    const threshold = opts.inProcessBelow ?? 100
    let early: ParsePool | undefined
    const onFile = workers > 0 ? (count: number, root: string) => {
      if (count !== threshold) return
      if (noSavedIndex(opts.cacheDir, root)) early = ParsePool.create(workers)
    } : undefined
    let scanned: [Awaited<ReturnType<typeof scanFolder>>, Entities]
    try {
      scanned = await Promise.all([scanFolder(folder, { syncStat: opts.oneShot, onFile }), loadEntities()])
    } catch (err) {
      void early?.close()
      throw err
    }
    const [scan, entities] = scanned
    const vault = new Vault(scan.root, entities, opts)
    vault.scanDiagnostics = scan.diagnostics
    vault.scanned = { ctimes: new Map(scan.files.map((f) => [f.path, f.ctimeMs])), at: scannedAt }
    // the binary warm-start snapshot first (index + graph); the JSON index when there is none
    const snap = vault.cacheFile ? await loadSnapshot(snapshotFileFor(vault.cacheFile), scan.root, entities.version, { checkLater: opts.checkSnapshotLater, readLater: opts.readSnapshotLater }) : {}
    if (snap.problem) vault.scanDiagnostics.push(snap.problem)
    // a few notes changed while closed: serve the snapshot as it is, the caller applies them (one update)
    if (snap.state && opts.deferChangedUpTo !== undefined && vault.adoptWithChanges(snap.state, scan.files, opts.deferChangedUpTo)) {
      void early?.close()
      vault.stats.ms = performance.now() - t0
      return vault
    }
    const cached = snap.state?.files ?? (vault.cacheFile ? await loadCache(vault.cacheFile, scan.root, entities.version) : new Map<string, FileResult>())

    const delivered = new Set<string>()
    const deliver = (r: FileResult) => {
      if (!r.meta || !opts.onNote) return
      vault.relinkOne(r.meta)
      delivered.add(r.path)
      opts.onNote(r.meta)
    }
    // unchanged size + mtime → trust the cached entry; otherwise parse (the hash check happens after reading)
    const toParse: FileJob[] = []
    for (const f of scan.files) {
      const hit = cached.get(f.path)
      if (hit && hit.size === f.size && hit.mtimeMs === f.mtimeMs) vault.files.set(f.path, hit)
      else toParse.push({ path: f.path, abs: f.abs, size: f.size })
    }
    vault.stats.reused = vault.files.size
    // links resolve against every scanned note path until the final set (minus skipped files) is known; with
    // nothing to parse, the notes are that set: the index is made from them on first need (a warm start: never)
    if (toParse.length) vault.linkIndex = new LinkIndex(scan.files.map((f) => f.path))
    const total = toParse.length
    progress({ done: 0, total, phase: 'parse' })
    const reused = [...vault.files.values()].flatMap((r) => (r.meta ? [r.meta] : []))
    // a microtask later, so the parse (and its workers' start) goes first
    const planned = opts.onPlan && Promise.resolve()
      .then(() => opts.onPlan?.({ toParse, reused, resolveLinks: (m) => { vault.resolveLinks(m) } }, vault))
      .catch(() => {}) // the quick pass is a preview: the parse below is the index
    const results = await vault.parseMany(toParse, (done) => progress({ done, total, phase: 'parse' }), early, (r, mentionsShared) => {
      vault.intern(r, mentionsShared)
      vault.files.set(r.path, r)
      deliver(r)
    })
    await planned
    vault.stats.parsed = results.length
    // read after the scan: the ctimes it saw vouch for these contents
    for (const r of results) vault.stampContent(r)
    // touched but unchanged notes (same content hashes): the snapshot still holds
    if (snap.state && vault.adoptWarm(snap.state, results)) {
      vault.stats.ms = performance.now() - t0
      if (results.length) vault.scheduleSave(0)
      return vault
    }
    // links were resolved against the scanned paths as notes arrived; when every scanned file became a note
    // that is the final set, and only notes taken from the persisted index still need it (cheaper on 10k notes)
    const allNotes = scan.files.every((f) => vault.files.get(f.path)?.meta)
    vault.relinkedOnOpen = allNotes && opts.onNote ? vault.relinkSome(cached.size ? [...vault.files.values()].filter((r) => !delivered.has(r.path)) : []) : vault.relinkAll()
    vault.stats.ms = performance.now() - t0
    if (results.length > 0 || cached.size !== vault.files.size) vault.scheduleSave(0)
    return vault
  }

  /**
   * Take the snapshot's entries for every note it holds, when at most `limit` scanned files differ from them
   * (size or mtime) or are missing from either side; those are listed in `changedWhileClosed`. The index is then
   * exactly the one the snapshot's graph was built from, so later updates go out as deltas from that graph.
   */
  private adoptWithChanges(state: WarmState, scanned: ScannedFile[], limit: number): boolean {
    const changed: string[] = []
    const seen = new Set<string>()
    for (const f of scanned) {
      seen.add(f.path)
      const hit = state.files.get(f.path)
      if (!hit || hit.size !== f.size || hit.mtimeMs !== f.mtimeMs) {
        changed.push(f.path)
        if (changed.length > limit) return false
      }
    }
    for (const p of state.files.keys()) {
      if (seen.has(p)) continue
      changed.push(p)
      if (changed.length > limit) return false
    }
    this.files = state.files
    this.adoptWarm(state, [], true)
    this.stats.reused = this.files.size - changed.filter((p) => state.files.has(p)).length
    this.stats.parsed = 0
    this.stats.deferred = changed.length
    this.changedWhileClosed = changed
    return true
  }

  /**
   * The notes are the snapshot's (same paths and content hashes; a file whose mtime alone changed was parsed
   * again): take its link resolution and graph as they are (nothing else parsed or relinked).
   */
  private adoptWarm(state: WarmState, parsed: FileResult[], sameEntries = false): boolean {
    // the snapshot's own entries need no check: its key was computed from them when it was written
    if (!sameEntries && (this.files.size !== state.files.size || this.graphKey() !== state.key)) return false
    this.links = undefined // the notes' paths: made from them on first need
    this.linkDiagnostics = state.linkDiagnostics
    for (const r of parsed) if (r.meta) this.relinkOne(r.meta)
    this.relinkedOnOpen = []
    this.warmGraph = state.graph
    this.warmGraph.diagnostics = this.diagnostics()
    return true
  }

  /** The graph a warm start took from the snapshot (once: the caller owns it from then on). */
  takeWarmGraph(): Graph | undefined {
    const g = this.warmGraph
    this.warmGraph = undefined
    return g
  }

  /** What the warm-start snapshot stores, copied now (the graph must be the one built from these notes). */
  snapshotInput(graph: Graph): SnapshotInput {
    return { root: this.root, ontology: this.entities.version, key: this.graphKey(), files: [...this.files.values()], linkDiagnostics: new Map(this.linkDiagnostics), graph }
  }

  /**
   * Notes whose content differs from the index although size and mtime match (edited while the app was
   * closed, mtime put back): read and hashed, a few files at a time. Their entries are marked stale, so
   * `update(paths)` re-parses them.
   */
  async verifyContent(opts: { trustCtime?: boolean } = {}): Promise<string[]> {
    // notes changed while closed are parsed anyway (see deferChangedUpTo)
    const deferred = new Set(this.changedWhileClosed)
    const ctimes = this.scanned?.ctimes
    // with trustCtime, an entry whose recorded ctime is the one the scan saw is current (index/verify.ts)
    const vouched = (r: FileResult) => opts.trustCtime && r.ctimeMs !== undefined && r.ctimeMs === ctimes?.get(r.path)
    const entries = [...this.files.values()].filter((r) => r.meta && !deferred.has(r.path) && !vouched(r))
    const changed = await findChangedContent(entries.map((r) => ({ path: r.path, abs: this.abs(r.path), hash: r.hash })))
    const stale = new Set(changed)
    for (const r of entries) {
      if (stale.has(r.path)) r.mtimeMs = -1
      else this.stampContent(r) // read (and found unchanged) after the scan
    }
    return changed
  }

  /** Record the ctime the open's scan saw on an entry whose content was read after that scan (index/verify.ts). */
  private stampContent(r: FileResult): void {
    const stamp = contentStamp(this.scanned?.ctimes.get(r.path), this.scanned?.at ?? 0)
    if (stamp !== undefined) r.ctimeMs = stamp
    else if (r.ctimeMs !== undefined) delete r.ctimeMs
  }

  /** Parse jobs with workers when worth it (`early`: a pool already started for them), in-process otherwise or when workers fail. */
  private async parseMany(jobs: FileJob[], onDone: (done: number) => void, early: ParsePool | undefined, onResult?: (r: FileResult, mentionsShared?: boolean) => void): Promise<FileResult[]> {
    const out = new Map<string, FileResult>()
    const workers = this.opts.workers ?? defaultPoolSize()
    const threshold = this.opts.inProcessBelow ?? 100
    this.stats.usedWorkers = false
    // a few small notes parse faster here than it takes to start workers; big files always go to a worker
    // so the calling thread (Electron's main process) never blocks on one
    const bytes = jobs.reduce((n, j) => n + (j.size ?? 0), 0)
    if (workers > 0 && (jobs.length >= threshold || bytes > 2 * 1024 * 1024)) {
      const pool = early ?? ParsePool.create(workers)
      if (pool) {
        try {
          // the pool shares the mention strings as it unpacks each batch (one lookup per distinct string)
          await pool.run(jobs, (results) => {
            for (const r of results) {
              out.set(r.path, r)
              onResult?.(r, true)
            }
            onDone(out.size)
          }, undefined, this.share)
          this.stats.usedWorkers = true
        } catch {
          // a worker could not start or died: parse what is left here
        } finally {
          void pool.close()
        }
      }
    } else void early?.close()
    let n = 0
    const { parseFile } = out.size < jobs.length ? await loadParser() : { parseFile: undefined }
    for (const job of jobs) {
      if (out.has(job.path) || !parseFile) continue
      const r = parseFile(job, this.entities.extractor)
      out.set(job.path, r)
      onResult?.(r)
      if (++n % 16 === 0) {
        onDone(out.size)
        await new Promise((r) => setImmediate(r)) // let events through while parsing in-process
      }
    }
    onDone(out.size)
    return [...out.values()]
  }

  /**
   * Results from workers arrive as fresh copies of every string (≈120 mentions per note, each with entity
   * id, text and section id): share one copy of each, which cuts the index's memory several times over.
   */
  private intern(r: FileResult, mentionsShared = false): void {
    if (!r.meta) return
    const one = this.share
    // mentions come in runs of one section: a string compare finds the run, cheaper than a lookup
    let raw: string | undefined
    let section = ''
    if (!mentionsShared) {
      for (const m of r.meta.mentions) {
        m.entity = one(m.entity)
        m.text = one(m.text)
        if (m.section !== raw) {
          raw = m.section
          section = one(raw)
        }
        m.section = section
      }
    }
    for (const sec of r.meta.sections) {
      sec.id = one(sec.id)
      if (sec.parent) sec.parent = one(sec.parent)
    }
    r.meta.tags = r.meta.tags.map(one)
    if (r.cards) for (const c of r.cards) { c.section = one(c.section); c.entities = c.entities.map(one) }
  }

  /** The one copy of a string kept for every note (see intern). */
  private readonly share = (x: string): string => {
    const hit = this.strings.get(x)
    if (hit !== undefined) return hit
    this.strings.set(x, x)
    return x
  }

  /** Study cards of every note, ordered by note path then line, with the problems found in them. */
  cards(): CardSet {
    return collectCards(this.files.values())
  }

  /** Current notes (skipped files excluded), sorted by path. */
  metas(): NoteMeta[] {
    const out: NoteMeta[] = []
    for (const r of this.files.values()) if (r.meta) out.push(r.meta)
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  }

  /**
   * Parse a few notes and drop the results. After a warm start (or a cold one done by workers) this thread has
   * never run the parser, so the first edit would run it un-optimized; doing it once in idle time keeps the
   * first incremental update as fast as the later ones.
   */
  primeParser(count = 3): Promise<void> {
    void this.linkIndex // made now, not by the first edit
    return loadParser().then(({ parseFile }) => {
      let n = 0
      for (const r of this.files.values()) {
        const real = r.meta && this.notePath(r.path)
        if (!real) continue
        parseFile({ path: r.path, abs: real }, this.entities.extractor)
        if (++n >= count) break
      }
    }, () => {})
  }

  /** Fingerprint of the note set (paths + content hashes + versions), the key of graph snapshots. */
  graphKey(): string {
    const notes: { path: string; hash: string }[] = []
    for (const r of this.files.values()) if (r.meta) notes.push({ path: r.path, hash: r.hash })
    return graphKey(notes, this.entities.version)
  }

  /** The index entry of a file (parse result, hash, frontmatter offset). */
  entry(relPath: string): Readonly<FileResult> | undefined {
    return this.files.get(relPath)
  }

  meta(relPath: string): NoteMeta | undefined {
    return this.files.get(relPath)?.meta
  }

  get noteCount(): number {
    let n = 0
    for (const r of this.files.values()) if (r.meta) n++
    return n
  }

  diagnostics(): Diagnostic[] {
    const out = [...this.scanDiagnostics]
    for (const r of this.files.values()) if (r.diagnostics.length) out.push(...r.diagnostics) // asked per edit: 10k calls skipped
    for (const list of this.linkDiagnostics.values()) out.push(...list)
    return out.sort(sortDiagnostics)
  }

  private relinkAll(): NoteMeta[] {
    this.linkIndex = new LinkIndex([...this.files.values()].filter((r) => r.meta).map((r) => r.path))
    const changed: NoteMeta[] = []
    this.linkDiagnostics.clear()
    for (const r of this.files.values()) {
      if (!r.meta) continue
      const before = r.meta.links.map((l) => l.resolved ?? '').join('\n')
      const diags = resolveNoteLinks(r.meta, this.linkIndex)
      if (diags.length) this.linkDiagnostics.set(r.path, diags)
      if (r.meta.links.map((l) => l.resolved ?? '').join('\n') !== before) changed.push(r.meta)
    }
    return changed
  }

  /** relinkAll for some notes when the note set is unchanged (the link index stays as it is). */
  private relinkSome(results: FileResult[]): NoteMeta[] {
    const changed: NoteMeta[] = []
    for (const r of results) {
      if (!r.meta) continue
      const before = r.meta.links.map((l) => l.resolved ?? '').join('\n')
      this.relinkOne(r.meta)
      if (r.meta.links.map((l) => l.resolved ?? '').join('\n') !== before) changed.push(r.meta)
    }
    return changed
  }

  private relinkOne(meta: NoteMeta): void {
    const diags = resolveNoteLinks(meta, this.linkIndex)
    if (diags.length) this.linkDiagnostics.set(meta.path, diags)
    else this.linkDiagnostics.delete(meta.path)
  }

  /** Resolve the links of a freshly parsed copy of a note (getNote) the same way the index does. */
  resolveLinks(meta: NoteMeta): Diagnostic[] {
    return resolveNoteLinks(meta, this.linkIndex)
  }

  /** Absolute path of a note path relative to the folder (no confinement check: read through `notePath`). */
  abs(relPath: string): string {
    return path.join(this.root, ...relPath.split('/'))
  }

  /** The real path to read a note from, or undefined when it is gone or now leads outside the folder. */
  notePath(relPath: string): string | undefined {
    const where = confineSync(this.root, this.abs(relPath))
    return where.status === 'inside' ? where.real : undefined
  }

  /**
   * Bring the index up to date for some paths (relative, from the watcher): re-parse changed notes, add new
   * ones, drop deleted ones (a deleted folder drops its notes). A path that is a folder triggers a rescan.
   */
  async update(relPaths: string[]): Promise<VaultChange> {
    const t0 = performance.now()
    const upserted = new Map<string, NoteMeta>()
    const removed: string[] = []
    let membershipChanged = false
    let rescan = false
    let parsed = 0
    for (const raw of new Set(relPaths)) {
      const rel = path.posix.normalize(raw.split(path.sep).join('/')).replace(/^\.\/|\/$/g, '')
      if (rel === '' || rel === '.' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) { rescan = true; continue }
      if (rel.split('/').some((seg) => seg.startsWith('.') || seg === 'node_modules')) continue
      // the scanner's rule: only what really lies inside the folder (a link made while open is no exception)
      const where = await confine(this.root, this.abs(rel))
      this.scanDiagnostics = this.scanDiagnostics.filter((d) => !(d.file === rel && d.code === 'symlink-outside'))
      if (where.status === 'outside') this.scanDiagnostics.push(outsideDiagnostic(rel))
      const real = where.status === 'inside' ? where.real : undefined
      let st: import('node:fs').Stats | undefined
      try { st = real ? await fsp.stat(real) : undefined } catch { st = undefined }
      if (st?.isDirectory()) { rescan = true; continue }
      if (!st || !real) {
        // gone: the note itself, or every note under a deleted folder
        for (const p of [...this.files.keys()]) {
          if (p === rel || p.startsWith(rel + '/')) {
            if (this.files.get(p)?.meta) membershipChanged = true
            this.files.delete(p)
            this.linkDiagnostics.delete(p)
            removed.push(p)
          }
        }
        continue
      }
      if (!NOTE_FILE.test(rel)) continue
      const old = this.files.get(rel)
      if (old && old.size === st.size && old.mtimeMs === st.mtimeMs && !this.racy.has(rel)) continue
      const { parseFile } = await loadParser()
      const r = parseFile({ path: rel, abs: real }, this.entities.extractor)
      parsed++
      // a failed read recorded the size and mtime of a file it does not have: its next event reads it again
      if (Date.now() - r.mtimeMs < RACY_MS || r.diagnostics.some((d) => d.code === 'read-error')) this.racy.add(rel)
      else this.racy.delete(rel)
      if (old && old.hash === r.hash && old.meta) { old.mtimeMs = r.mtimeMs; if (old.meta) old.meta.mtimeMs = r.mtimeMs; continue }
      if (!old?.meta !== !r.meta) membershipChanged = true
      this.files.set(rel, r)
      if (r.meta) upserted.set(rel, r.meta)
      else if (old?.meta) removed.push(rel)
    }
    if (rescan) {
      const change = await this.refresh()
      for (const m of change.upserted) upserted.set(m.path, m)
      removed.push(...change.removed)
      parsed += this.stats.parsed
    } else if (membershipChanged) {
      for (const m of this.relinkAll()) upserted.set(m.path, m)
    } else {
      for (const m of upserted.values()) this.relinkOne(m)
    }
    this.stats.parsed = parsed
    this.stats.reused = 0
    this.stats.ms = performance.now() - t0
    if (upserted.size || removed.length) this.scheduleSave()
    return { upserted: [...upserted.values()], removed: [...new Set(removed)].filter((p) => !upserted.has(p)) }
  }

  /** Rescan the whole folder (stat only) and re-parse what changed. */
  async refresh(): Promise<VaultChange> {
    const scan = await scanFolder(this.root)
    this.scanDiagnostics = scan.diagnostics
    const seen = new Set<string>()
    const toParse: FileJob[] = []
    const byPath = new Map<string, ScannedFile>()
    for (const f of scan.files) {
      seen.add(f.path)
      byPath.set(f.path, f)
      const old = this.files.get(f.path)
      if (!old || old.size !== f.size || old.mtimeMs !== f.mtimeMs || this.racy.delete(f.path)) toParse.push({ path: f.path, abs: f.abs, size: f.size })
    }
    const removed: string[] = []
    for (const p of [...this.files.keys()]) {
      if (!seen.has(p)) {
        if (this.files.get(p)?.meta) removed.push(p)
        this.files.delete(p)
        this.linkDiagnostics.delete(p)
      }
    }
    const upserted = new Map<string, NoteMeta>()
    const results = await this.parseMany(toParse, () => {}, undefined)
    for (const r of results) {
      this.intern(r)
      const old = this.files.get(r.path)
      this.files.set(r.path, r)
      if (r.meta && (!old?.meta || old.hash !== r.hash)) upserted.set(r.path, r.meta)
      else if (!r.meta && old?.meta) removed.push(r.path)
    }
    this.stats.parsed = results.length
    for (const m of this.relinkAll()) upserted.set(m.path, m)
    if (upserted.size || removed.length) this.scheduleSave()
    return { upserted: [...upserted.values()], removed }
  }

  private scheduleSave(delayMs = 1000): void {
    if (!this.cacheFile) return
    clearTimeout(this.saveTimer)
    this.saveTimer = setTimeout(() => void this.flush(), delayMs)
    this.saveTimer.unref()
  }

  /** Write the persisted index now (waits for a write in progress). */
  async flush(): Promise<void> {
    clearTimeout(this.saveTimer)
    this.saveTimer = undefined
    const file = this.cacheFile
    if (!file) return
    this.saving = this.saving.then(() => saveCache(file, this.root, this.entities.version, this.files.values()).catch(() => {}))
    await this.saving
  }

  async close(): Promise<void> {
    if (this.saveTimer) await this.flush()
    else await this.saving
  }
}
