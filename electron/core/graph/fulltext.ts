// Full-text search over the notes with MiniSearch (an inverted index: a query looks up its terms instead of
// reading every line of every note). One document per note; the text is read through the same confined
// line reader as snippets, so a note outside the folder never gets in. The index is built in the background,
// in short slices, from the first query on (a cold open pays nothing); until it is complete, search.ts
// answers with its line scan. Changed notes are re-indexed alone (MiniSearch discard + add) on the next query.
import MiniSearch, { type SearchResult } from 'minisearch'
import type { NoteMeta } from '../types'
import type { GetLines } from './snippets'
import type { TextIndex, TextMatch } from './search'

/** What the index reads: the builder's notes, a counter that moves when they change, and their lines. */
export interface FullTextSource {
  notes(): Iterable<NoteMeta>
  readonly notesVersion: number
  getLines: GetLines
}

/** Words: runs of letters and digits (markdown's `code`, **bold**, [links] and table pipes fall away). */
const WORD = /[\p{L}\p{N}]+/gu
export const tokenize = (text: string): string[] => text.match(WORD) ?? []
/** One-letter words are left out: they match nearly every note and cost index room. */
const processTerm = (term: string): string | null => (term.length < 2 ? null : term.toLowerCase())

interface Doc { id: string; text: string }

function newIndex(): MiniSearch<Doc> {
  return new MiniSearch<Doc>({ fields: ['text'], storeFields: [], tokenize, processTerm })
}

/** Every word is also a prefix ("sage" finds SageMaker). */
const EXACT_OR_PREFIX = { combineWith: 'AND' as const, prefix: true }
/**
 * When that finds too few notes: words of 5+ letters forgive one typo (two from 10). Only then, because the
 * fuzzy walk over the term tree costs more than the rest of the query on common words.
 */
const WITH_TYPOS = { ...EXACT_OR_PREFIX, fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false) }

/**
 * Above this much note text the index is not built and search keeps scanning: the index holds about twice
 * the text's size in heap (43 MB for 21 MB of real notes), which a huge vault cannot afford next to its graph.
 */
export const MAX_INDEXED_BYTES = 128 * 1024 * 1024

export class FullTextIndex implements TextIndex {
  private index = newIndex()
  /** what is in the index, per path (compared by content hash) */
  private indexed = new Map<string, NoteMeta>()
  private syncedVersion = -1
  private complete = false
  private building: Promise<void> | null = null
  private stopped = false

  constructor(private readonly src: FullTextSource, private readonly opts: { sliceMs?: number; maxBytes?: number } = {}) {}

  /** Is the index complete (so a query can use it)? Brings it up to date with changed notes first. */
  ready(): boolean {
    if (!this.complete) return false
    this.catchUp()
    return true
  }

  /** Build in slices of about `sliceMs`, yielding to other work between them; once, however often called. */
  buildInBackground(): Promise<void> {
    if (this.complete) return Promise.resolve()
    this.building ??= new Promise<void>((resolve) => {
      const todo = [...this.src.notes()]
      if (todo.reduce((n, m) => n + m.size, 0) > (this.opts.maxBytes ?? MAX_INDEXED_BYTES)) return resolve() // too big: keep scanning
      let i = 0
      const slice = () => {
        if (this.stopped) return resolve()
        const until = performance.now() + (this.opts.sliceMs ?? 12)
        while (i < todo.length && performance.now() < until) this.put(todo[i++])
        if (i < todo.length) return void setImmediate(slice)
        this.complete = true
        this.syncedVersion = -1 // notes that changed while building are caught up on the next query
        resolve()
      }
      setImmediate(slice)
    })
    return this.building
  }

  /** Build now, on this thread (the CLI, the benchmark, tests). */
  buildNow(): void {
    for (const m of this.src.notes()) this.put(m)
    this.complete = true
    this.syncedVersion = -1
    this.catchUp()
  }

  /** Stop a background build (the folder was closed). */
  stop(): void {
    this.stopped = true
  }

  get size(): number {
    return this.index.documentCount
  }

  /**
   * Notes holding every word of the query (as a prefix, or with a typo), best first: notes with the query as
   * typed on one line, then the others, each group in MiniSearch's BM25 order. One match per note, at its
   * first line with the whole query, else its line with the most of the matched words.
   */
  search(query: string, limit: number): TextMatch[] {
    const needle = query.trim().toLowerCase()
    if (needle.length < 2) return []
    let results = this.index.search(needle, EXACT_OR_PREFIX)
    if (results.length < limit) results = this.index.search(needle, WITH_TYPOS)
    const exact: TextMatch[] = []
    const loose: TextMatch[] = []
    // the phrase check reads lines, so it looks at the best-ranked notes only
    for (const r of results.slice(0, Math.max(2 * limit, 40))) {
      const m = this.locate(r, needle)
      if (m) (m.exact ? exact : loose).push(m)
      if (exact.length >= limit) break
    }
    return [...exact, ...loose].slice(0, limit)
  }

  private locate(r: SearchResult, needle: string): TextMatch | undefined {
    const meta = this.indexed.get(r.id as string)
    const lines = meta && this.src.getLines(meta.path)
    if (!meta || !lines) return undefined
    const terms = r.terms
    let best = -1
    let bestCount = 0
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i].toLowerCase()
      if (l.includes(needle)) return { meta, lines, line: i + 1, exact: true, hit: needle }
      if (bestCount === terms.length) continue
      let count = 0
      for (const t of terms) if (l.includes(t)) count++
      if (count > bestCount) { bestCount = count; best = i }
    }
    if (best < 0) return undefined
    const l = lines[best].toLowerCase()
    return { meta, lines, line: best + 1, exact: false, hit: terms.find((t) => l.includes(t)) ?? terms[0] }
  }

  /** Re-index notes whose content changed, drop notes that are gone. */
  private catchUp(): void {
    if (this.syncedVersion === this.src.notesVersion) return
    const seen = new Set<string>()
    for (const m of this.src.notes()) {
      seen.add(m.path)
      const had = this.indexed.get(m.path)
      if (had === m) continue
      if (had && had.hash === m.hash) this.indexed.set(m.path, m) // same text, new metadata (links resolved)
      else this.put(m)
    }
    for (const p of [...this.indexed.keys()]) if (!seen.has(p)) this.drop(p)
    this.syncedVersion = this.src.notesVersion
  }

  private put(meta: NoteMeta): void {
    if (this.index.has(meta.path)) this.index.discard(meta.path)
    this.indexed.set(meta.path, meta)
    const lines = this.src.getLines(meta.path)
    if (lines) this.index.add({ id: meta.path, text: lines.join('\n') })
  }

  private drop(path: string): void {
    if (this.index.has(path)) this.index.discard(path)
    this.indexed.delete(path)
  }
}
