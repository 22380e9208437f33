// The persisted index: one JSON file per notes folder with every file's parse result, keyed by
// path + size + mtime + content hash, and versioned so a parser or ontology change invalidates it.
import { readFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { writeFileAtomic } from '../atomic-write'
import type { FileResult } from './parse-file'

/** Bump when NoteMeta extraction changes in a way old cache entries would not reflect. */
export const PARSER_VERSION = 4

interface CacheFile {
  format: 1
  parser: number
  ontology: string
  root: string
  entries: FileResult[]
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
  if (!data || data.format !== 1 || data.parser !== PARSER_VERSION || data.ontology !== ontologyVersion || data.root !== root || !Array.isArray(data.entries)) return out
  for (const e of data.entries) if (e && typeof e.path === 'string') out.set(e.path, e)
  return out
}

export async function saveCache(file: string, root: string, ontologyVersion: string, entries: Iterable<FileResult>): Promise<void> {
  const data: CacheFile = { format: 1, parser: PARSER_VERSION, ontology: ontologyVersion, root, entries: [...entries] }
  await writeFileAtomic(file, JSON.stringify(data))
}
