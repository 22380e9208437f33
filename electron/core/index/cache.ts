// The persisted index: one JSON file per notes folder with every file's parse result, keyed by
// path + size + mtime + content hash, and versioned so a parser or ontology change invalidates it.
// Next to it, the warm-start snapshot (index/snapshot.ts) holds the same entries and the built graph in binary.
import { readFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { writeFileAtomicChunks } from '../atomic-write'
import type { NoteMeta } from '../types'
import type { FileResult } from './parse-file'
import { EXTRACTOR_VERSION } from '../extract/version'
import { CARDS_VERSION } from '../study/cards/version'
import { decodeCards, encodeCards } from '../study/cards/codec'
import { cardsOf } from './packed-cards'
import { StringTable, decodeMentions, encodeMentions } from './codec'

/** Bump when NoteMeta parsing changes in a way old cache entries would not reflect (extraction: EXTRACTOR_VERSION). */
export const PARSER_VERSION = 7

type StoredMeta = Omit<NoteMeta, 'mentions' | 'path' | 'size' | 'mtimeMs' | 'hash'> & { m: number[] }
type StoredEntry = Omit<FileResult, 'meta' | 'cards'> & { meta?: StoredMeta; c?: (string | number)[] }

interface CacheFile {
  format: 2
  parser: number
  extractor: number
  /** study card extraction version (see study/cards/version.ts) */
  cards: number
  ontology: string
  root: string
  strings: string[]
  entries: StoredEntry[]
}

export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || (process.platform === 'darwin' ? path.join(os.homedir(), 'Library', 'Caches') : process.platform === 'win32' ? (process.env.LOCALAPPDATA ?? os.tmpdir()) : path.join(os.homedir(), '.cache'))
  return path.join(base, 'notes-graph')
}

export function cacheFileFor(cacheDir: string, root: string): string {
  return path.join(cacheDir, `index-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.json`)
}

/** Entries of a valid cache for this folder and ontology, or an empty map (missing, stale, corrupt). */
export async function loadCache(file: string, root: string, ontologyVersion: string): Promise<Map<string, FileResult>> {
  const out = new Map<string, FileResult>()
  let data: CacheFile
  try {
    data = JSON.parse(await readFile(file, 'utf8')) as CacheFile
  } catch {
    return out
  }
  if (!data || data.format !== 2 || data.parser !== PARSER_VERSION || data.extractor !== EXTRACTOR_VERSION || data.cards !== CARDS_VERSION || data.ontology !== ontologyVersion || data.root !== root || !Array.isArray(data.entries)) return out
  try {
    for (const e of data.entries) {
      const { meta, c, ...rest } = e
      const r: FileResult = rest
      if (meta) {
        const { m, ...fields } = meta
        r.meta = { path: e.path, ...fields, mentions: decodeMentions(m, data.strings), size: e.size, mtimeMs: e.mtimeMs, hash: e.hash }
        if (c) r.cards = decodeCards(c, data.strings, e.path)
      }
      out.set(r.path, r)
    }
  } catch {
    out.clear() // corrupt: start cold
  }
  return out
}

export async function saveCache(file: string, root: string, ontologyVersion: string, entries: Iterable<FileResult>): Promise<void> {
  await writeFileAtomicChunks(file, cacheChunks(root, ontologyVersion, entries))
}

/**
 * The index file as JSON pieces, one entry at a time (the string table, filled while encoding, comes last):
 * a 10k-note index is ~50 MB of JSON, which as one string plus its encoded copy raised peak memory by ~200 MB.
 */
function* cacheChunks(root: string, ontologyVersion: string, entries: Iterable<FileResult>): Generator<string> {
  const t = new StringTable()
  const head: Omit<CacheFile, 'strings' | 'entries'> = { format: 2, parser: PARSER_VERSION, extractor: EXTRACTOR_VERSION, cards: CARDS_VERSION, ontology: ontologyVersion, root }
  yield JSON.stringify(head).slice(0, -1) + ',"entries":['
  let first = true
  for (const r of entries) {
    const { meta } = r
    const cards = cardsOf(r)
    // field by field: a spread would read (and keep) cards that a warm start left packed
    const e: StoredEntry = { path: r.path, size: r.size, mtimeMs: r.mtimeMs, hash: r.hash, diagnostics: r.diagnostics }
    if (r.ctimeMs !== undefined) e.ctimeMs = r.ctimeMs
    if (r.lineOffset !== undefined) e.lineOffset = r.lineOffset
    if (r.cardDiagnostics) e.cardDiagnostics = r.cardDiagnostics
    if (meta) {
      const { mentions, path: _p, size: _s, mtimeMs: _m, hash: _h, ...fields } = meta
      e.meta = { ...fields, m: encodeMentions(mentions, t) }
    }
    if (cards?.length) e.c = encodeCards(cards, t)
    yield (first ? '' : ',') + JSON.stringify(e)
    first = false
  }
  yield '],"strings":' + JSON.stringify(t.list) + '}'
}

/** What a graph snapshot was built from: the notes (path + content hash), parser, extractor and ontology versions. */
export function graphKey(notes: Iterable<{ path: string; hash: string }>, ontologyVersion: string): string {
  const h = createHash('sha1').update(`${PARSER_VERSION}\0${EXTRACTOR_VERSION}\0${ontologyVersion}\n`)
  for (const n of [...notes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) h.update(`${n.path}\0${n.hash}\n`)
  return h.digest('hex')
}
