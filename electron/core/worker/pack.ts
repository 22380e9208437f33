// A worker's batch of results as it crosses to the main thread. Mentions are most of a result (≈140 per note,
// three strings each, ≈70% of its structured clone): they travel as one string table per batch and an Int32Array
// instead of object graphs, so the main thread neither deserializes nor interns a fresh copy of every repeated
// entity id and section id, and the message is a fraction of the size. Everything else goes as it is.
import type { Mention } from '../types'
import type { FileResult } from '../index/parse-file'

export interface PackedBatch {
  /** the results, with the mentions of packed ones taken out (an empty array) */
  results: FileResult[]
  /** strings the columns point to, each once */
  strings: string[]
  /** per packed mention, in order: entity, text, section (indexes into strings), line, column */
  cols: Int32Array
  /** per result: how many of its mentions are in cols; -1 when its mentions were left in place */
  counts: Int32Array
}

const FIELDS = 5
/** a mention's keys in the order the extractor writes them (and the persisted index and --json show them) */
const KEYS = ['entity', 'text', 'line', 'column', 'section']
const isInt = (x: unknown): x is number => typeof x === 'number' && (x | 0) === x

/** Pack in place (the worker drops the results after posting them); transfer cols.buffer and counts.buffer. */
export function packResults(results: FileResult[]): PackedBatch {
  const index = new Map<string, number>()
  const strings: string[] = []
  const idOf = (s: string): number => {
    let i = index.get(s)
    if (i === undefined) {
      i = strings.length
      strings.push(s)
      index.set(s, i)
    }
    return i
  }
  let total = 0
  for (const r of results) total += r.meta?.mentions.length ?? 0
  const cols = new Int32Array(total * FIELDS)
  const counts = new Int32Array(results.length)
  let k = 0
  results.forEach((r, i) => {
    const ms = r.meta?.mentions
    if (!ms || !ms.every(packable)) {
      counts[i] = -1
      return
    }
    for (const m of ms) {
      cols[k++] = idOf(m.entity)
      cols[k++] = idOf(m.text)
      cols[k++] = idOf(m.section)
      cols[k++] = m.line
      cols[k++] = m.column
    }
    counts[i] = ms.length
    r.meta!.mentions = []
  })
  return { results, strings, cols: k === cols.length ? cols : cols.slice(0, k), counts }
}

/** Exactly what a mention object holds, so unpacking gives an equal object (same keys, same key order). */
function packable(m: Mention): boolean {
  if (typeof m.entity !== 'string' || typeof m.text !== 'string' || typeof m.section !== 'string' || !isInt(m.line) || !isInt(m.column)) return false
  let i = 0
  for (const key in m) if (key !== KEYS[i++]) return false
  return i === KEYS.length
}

/** The results with their mentions back; `share` gives each distinct string its one shared copy (see Vault.intern). */
export function unpackResults(b: PackedBatch, share: (s: string) => string = (s) => s): FileResult[] {
  const strings = b.strings.map(share)
  const { cols, counts } = b
  let k = 0
  b.results.forEach((r, i) => {
    const n = counts[i]
    if (n < 0 || !r.meta) return
    const ms = new Array<Mention>(n)
    for (let j = 0; j < n; j++, k += FIELDS) {
      ms[j] = { entity: strings[cols[k]], text: strings[cols[k + 1]], line: cols[k + 3], column: cols[k + 4], section: strings[cols[k + 2]] }
    }
    r.meta.mentions = ms
  })
  return b.results
}
