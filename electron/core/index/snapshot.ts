// The warm-start snapshot: what a warm start needs — every file's index entry, the link diagnostics and the
// built graph — in one binary file beside the JSON index (`index-<hash>.snap`). Its blocks are V8's
// serialization of flat typed arrays and small objects, so loading is mostly copying memory: no JSON text to
// parse, no graph to rebuild, no links to resolve. Mentions (≈120 per note) and cards stay packed until
// something reads them (the graph builder, on first need), and so does most of the string table (84k strings at
// 10k notes): a warm start decodes only the strings of the display graph it serves. The graph block carries the
// edge counts per type, so the CLI's summary decodes no edge; a one-shot run can leave the parts it may not
// need on disk (SnapshotReadOptions.readLater). Written in blocks of a few hundred notes or a few
// ten thousand edges with a turn of the event loop between them, so writing never blocks the thread for long.
import v8 from 'node:v8'
import { crc32 } from 'node:zlib'
import { readFile } from 'node:fs/promises'
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import type { Diagnostic, DisplayInfo, EdgeMentionRef, EdgeType, Graph, GraphEdge, Mention, NoteMeta } from '../types'
import type { FileResult } from './parse-file'
import { PARSER_VERSION } from './cache'
import { cardsOf, unpackCards } from './packed-cards'
import { StringTable } from './codec'
import { EXTRACTOR_VERSION } from '../extract/version'
import { CARDS_VERSION } from '../study/cards/version'
import { decodeCards, encodeCards } from '../study/cards/codec'
import { edgeId } from '../graph/ids'
import { writeFileAtomicStream } from '../atomic-write'

/** Bump when the layout below changes: an older file is then rebuilt once, with a notice. */
export const SNAPSHOT_FORMAT = 5
const MAGIC = Buffer.from('NotesGraphSnap\n\0')
const FILES_PER_BLOCK = 500
const EDGES_PER_BLOCK = 40_000
const EDGE_TYPES: EdgeType[] = ['contains', 'mentions', 'part-of', 'related', 'links-to', 'tagged']

/** The index and graph of one folder, as a warm start takes them over. */
export interface WarmState {
  /** graphKey() of the notes the graph was built from */
  key: string
  files: Map<string, FileResult>
  linkDiagnostics: Map<string, Diagnostic[]>
  /** the graph; its `edges` are decoded on first read (a warm start that serves `display` never reads them) */
  graph: Graph
  /** what the hosts drew of that graph (graph/displayGraph.ts), when it was big enough to have one */
  display?: Graph
}

export interface SnapshotLoad {
  state?: WarmState
  /** why a snapshot that was there could not be used (a folder-level diagnostic for the user) */
  problem?: Diagnostic
}

interface Header {
  format: number
  parser: number
  extractor: number
  cards: number
  ontology: string
  root: string
  key: string
  blocks: number
  /** a display block follows the graph block */
  display: boolean
  /** edge blocks after the graph (and display) block; the file blocks follow them */
  edgeBlocks: number
}

type StoredMeta = Pick<NoteMeta, 'title' | 'domain' | 'tags'>
interface StoredFile {
  path: string
  size: number
  mtimeMs: number
  hash: string
  /** see FileResult.ctimeMs */
  ctimeMs?: number
  diagnostics: Diagnostic[]
  lineOffset?: number
  cardDiagnostics?: Diagnostic[]
  meta?: StoredMeta
  /** first mention's offset into the details' mention array, and the number of mentions */
  m?: [number, number]
  /** has cards (in the details) */
  c?: 1
}

/**
 * What a warm start does not need before the graph is served (sections, links, mentions, cards: most of the
 * file's bytes): kept as checked bytes and deserialized for the whole block on the first read of any of it.
 */
interface Details {
  kind: 'details'
  /** per file of the block: JSON of [sections, links] ('' without meta); one string deserializes as a copy */
  sl: string[]
  /** per file: JSON of the packed cards (see study/cards/codec.ts), '' without */
  c: string[]
  mentions: Int32Array
}

type Block =
  /** `edgeCounts`: the full graph's edges per type (EDGE_TYPES order), for a summary that decodes no edge */
  | { kind: 'graph'; nodes: Graph['nodes']; diagnostics: Diagnostic[]; edgeCounts: number[] }
  | { kind: 'display'; info: DisplayInfo; edges: EdgeBlock }
  | EdgeBlock
  | { kind: 'files'; files: StoredFile[] }
  /** `strings`: the string table's start, what the display graph uses; the rest follows in a strings block */
  | { kind: 'end'; strings: string[]; linkDiagnostics: [string, Diagnostic[]][] }
  | { kind: 'strings'; list: string[] }

type EdgeBlock = { kind: 'edges'; types: Uint8Array; ends: Int32Array; weights: Float64Array; refCounts: Int32Array; refLines: Int32Array; refSections: Int32Array; ids: [number, string][] }

export const snapshotFileFor = (indexFile: string): string => indexFile.replace(/\.json$/, '') + '.snap'

const turn = () => new Promise<void>((r) => setImmediate(r))

/** One block: length, CRC-32 of the body (damage inside typed arrays would otherwise go unnoticed), body. */
function frame(value: unknown): Buffer {
  const body = v8.serialize(value)
  const head = Buffer.allocUnsafe(8)
  head.writeUInt32LE(body.length, 0)
  head.writeUInt32LE(crc32(body), 4)
  return Buffer.concat([head, body])
}

/** The parts of a vault and graph to store; copied by the caller at one moment so later changes do not mix in. */
export interface SnapshotInput {
  root: string
  ontology: string
  key: string
  files: FileResult[]
  linkDiagnostics: Map<string, Diagnostic[]>
  graph: Graph
  /** the display graph the hosts draw of `graph`, when it is not the graph itself */
  display?: Graph
}

/** Write the snapshot atomically, a block at a time. */
export function saveSnapshot(file: string, input: SnapshotInput): Promise<void> {
  return writeFileAtomicStream(file, snapshotBlocks(input))
}

async function* snapshotBlocks(input: SnapshotInput): AsyncGenerator<Uint8Array> {
  const t = new StringTable()
  const { graph, files } = input
  const edgeBlocks = Math.ceil(graph.edges.length / EDGES_PER_BLOCK)
  const fileBlocks = Math.ceil(files.length / FILES_PER_BLOCK)
  const header: Header = {
    format: SNAPSHOT_FORMAT, parser: PARSER_VERSION, extractor: EXTRACTOR_VERSION, cards: CARDS_VERSION,
    ontology: input.ontology, root: input.root, key: input.key, blocks: 3 + (input.display?.display ? 1 : 0) + edgeBlocks + 2 * fileBlocks,
    display: !!input.display?.display, edgeBlocks,
  }
  yield Buffer.concat([MAGIC, frame(header)])
  yield frame({ kind: 'graph', nodes: graph.nodes, diagnostics: graph.diagnostics, edgeCounts: countEdgeTypes(graph.edges) } satisfies Block)
  // what a warm start serves first: before the full edges, which it does not decode
  if (input.display?.display) yield frame({ kind: 'display', info: input.display.display, edges: encodeEdges(input.display.edges, 0, t) } satisfies Block)
  const shownStrings = t.list.length
  for (let b = 0; b < edgeBlocks; b++) {
    await turn()
    yield frame(encodeEdges(graph.edges.slice(b * EDGES_PER_BLOCK, (b + 1) * EDGES_PER_BLOCK), b * EDGES_PER_BLOCK, t))
  }
  for (let b = 0; b < fileBlocks; b++) {
    await turn()
    const [core, details] = encodeFiles(files.slice(b * FILES_PER_BLOCK, (b + 1) * FILES_PER_BLOCK), t)
    yield Buffer.concat([frame(core), frame(details)])
  }
  // a warm start reads only the display graph's strings; mentions, cards and full edges (most of them) wait
  yield frame({ kind: 'end', strings: t.list.slice(0, shownStrings), linkDiagnostics: [...input.linkDiagnostics] } satisfies Block)
  yield frame({ kind: 'strings', list: t.list.slice(shownStrings) } satisfies Block)
}

function countEdgeTypes(edges: GraphEdge[]): number[] {
  const counts = EDGE_TYPES.map(() => 0)
  for (const e of edges) {
    const type = EDGE_TYPES.indexOf(e.type)
    if (type < 0) throw new Error(`unknown edge type ${e.type}`)
    counts[type]++
  }
  return counts
}

function encodeEdges(edges: GraphEdge[], first: number, t: StringTable): EdgeBlock {
  const n = edges.length
  const types = new Uint8Array(n)
  const ends = new Int32Array(2 * n)
  const weights = new Float64Array(n)
  const refCounts = new Int32Array(n)
  let refs = 0
  for (const e of edges) refs += e.refs?.length ?? 0
  const refLines = new Int32Array(refs)
  const refSections = new Int32Array(refs)
  const ids: [number, string][] = []
  let k = 0
  for (let i = 0; i < n; i++) {
    const e = edges[i]
    const type = EDGE_TYPES.indexOf(e.type)
    if (type < 0) throw new Error(`unknown edge type ${e.type}`)
    types[i] = type
    ends[2 * i] = t.add(e.source)
    ends[2 * i + 1] = t.add(e.target)
    weights[i] = e.weight ?? NaN
    if (e.id !== edgeId(e.type, e.source, e.target)) ids.push([first + i, e.id])
    if (!e.refs) { refCounts[i] = -1; continue }
    refCounts[i] = e.refs.length
    for (const r of e.refs) {
      refLines[k] = r.line
      refSections[k++] = t.add(r.section)
    }
  }
  return { kind: 'edges', types, ends, weights, refCounts, refLines, refSections, ids }
}

function encodeFiles(list: FileResult[], t: StringTable): [Block, Details] {
  let total = 0
  for (const r of list) total += r.meta ? r.meta.mentions.length : 0
  const mentions = new Int32Array(5 * total)
  const sl: string[] = []
  const c: string[] = []
  let k = 0
  const files = list.map((r): StoredFile => {
    const s: StoredFile = { path: r.path, size: r.size, mtimeMs: r.mtimeMs, hash: r.hash, diagnostics: r.diagnostics }
    if (r.ctimeMs !== undefined) s.ctimeMs = r.ctimeMs
    if (r.lineOffset !== undefined) s.lineOffset = r.lineOffset
    if (r.cardDiagnostics) s.cardDiagnostics = r.cardDiagnostics
    const cards = cardsOf(r)
    c.push(cards?.length ? JSON.stringify(encodeCards(cards, t)) : '')
    if (cards?.length) s.c = 1
    if (r.meta) {
      const { path: _p, size: _s, mtimeMs: _m, hash: _h, mentions: list, sections, links, ...meta } = r.meta
      s.meta = meta
      sl.push(JSON.stringify([sections, links]))
      s.m = [k / 5, list.length]
      for (const m of list) {
        mentions[k++] = t.add(m.entity)
        mentions[k++] = t.add(m.text)
        mentions[k++] = m.line
        mentions[k++] = m.column
        mentions[k++] = t.add(m.section)
      }
    } else sl.push('')
    return s
  })
  return [{ kind: 'files', files }, { kind: 'details', sl, c, mentions }]
}

const problem = (code: string, message: string): Diagnostic => ({ file: '', severity: 'info', code, message })
const OLD = problem('snapshot-old', 'The saved index was made by another version of Notes Graph; the folder was indexed again.')
const CORRUPT = problem('snapshot-corrupt', 'The saved index of this folder was damaged and could not be read; the folder was indexed again.')

/** How a warm start reads the parts it does not need before serving (the full edges, the notes' details, most strings). */
export interface SnapshotReadOptions {
  /** check their checksums on first decode instead of at load (they are in memory) */
  checkLater?: boolean
  /**
   * leave them on disk: read (and checked) on first decode from the file, which stays open until then. For a
   * one-shot run that may never need them (the CLI's summary: 3 of a 5,000-note file's 52 MB)
   */
  readLater?: boolean
}

/** A snapshot's bytes: the whole file in memory, or (readLater) the open file, read where needed. */
interface Source {
  size: number
  read(at: number, len: number): Buffer
  /** the later reads still to come; the file is closed after the last */
  pending: number
  close(): void
}

function memorySource(buf: Buffer): Source {
  return { size: buf.length, read: (at, len) => buf.subarray(at, at + len), pending: 0, close: () => {} }
}

function fileSource(file: string): Source {
  const fd = openSync(file, 'r')
  let open = true
  try {
    const size = fstatSync(fd).size
    return {
      size,
      read(at, len) {
        const out = Buffer.allocUnsafe(len)
        for (let got = 0; got < len;) {
          const n = readSync(fd, out, got, len - got, at + got)
          if (n === 0) throw new Error('truncated')
          got += n
        }
        return out
      },
      pending: 0,
      close() {
        if (open) closeSync(fd)
        open = false
      },
    }
  } catch (e) {
    closeSync(fd)
    throw e
  }
}

/** A part read (and checked) on its first decode. */
type LaterBody = () => Buffer

/**
 * The snapshot of this folder, when there is a usable one. A missing file is no problem (first start); a file
 * from another format or parser version, or a damaged one, comes back as `problem` and is rebuilt by the caller.
 */
export async function loadSnapshot(file: string, root: string, ontology: string, opts: SnapshotReadOptions = {}): Promise<SnapshotLoad> {
  let src: Source
  try {
    src = opts.readLater ? fileSource(file) : memorySource(await readFile(file))
  } catch {
    return {}
  }
  let keepOpen = false
  try {
    if (src.size < MAGIC.length + 8 || !src.read(0, MAGIC.length).equals(MAGIC)) return { problem: CORRUPT }
    let at = MAGIC.length
    /** the next block's place, length and checksum */
    const frameAt = () => {
      if (at + 8 > src.size) throw new Error('truncated')
      const head = src.read(at, 8)
      const len = head.readUInt32LE(0)
      if (at + 8 + len > src.size) throw new Error('truncated')
      const start = at + 8
      at += 8 + len
      return { start, len, crc: head.readUInt32LE(4) }
    }
    /** the next block's body, checked */
    const body = (): Buffer => {
      const { start, len, crc } = frameAt()
      const b = src.read(start, len)
      if (crc32(b) !== crc) throw new Error('checksum')
      return b
    }
    /** the next block's body when a warm start does not read it before serving: as opts say (see SnapshotReadOptions) */
    const later = (): Buffer | LaterBody => {
      const { start, len, crc } = frameAt()
      if (opts.readLater) {
        src.pending++
        let b: Buffer | undefined
        let tried = false
        return () => {
          if (tried) { if (b) return b; throw new SnapshotDamagedError() }
          tried = true
          try {
            b = src.read(start, len)
          } catch {
            throw new SnapshotDamagedError()
          } finally {
            if (--src.pending === 0) src.close()
          }
          if (crc32(b) !== crc) { b = undefined; throw new SnapshotDamagedError() }
          return b
        }
      }
      const b = src.read(start, len)
      if (opts.checkLater) uncheckedCrc.set(b, crc)
      else if (crc32(b) !== crc) throw new Error('checksum')
      return b
    }
    const next = (): unknown => v8.deserialize(body())
    const h = next() as Header
    if (typeof h !== 'object' || h === null || typeof h.format !== 'number') return { problem: CORRUPT }
    if (h.format !== SNAPSHOT_FORMAT || h.parser !== PARSER_VERSION || h.extractor !== EXTRACTOR_VERSION || h.cards !== CARDS_VERSION || h.ontology !== ontology) return { problem: OLD }
    if (h.root !== root) return {} // another folder's file under a colliding name: not ours to judge
    const edgeBlocks = typeof h.edgeBlocks === 'number' ? h.edgeBlocks : -1
    if (edgeBlocks < 0 || h.blocks < 2 + edgeBlocks) throw new Error('bad header')
    const head = next() as Block
    const display = h.display ? (next() as Block) : undefined
    // the full graph's edges stay bytes until something reads them: views into the file's buffer, which is let
    // go once every view is (copying 95 MB out of it cost more than keeping it), or left on disk (readLater)
    const edges: (Buffer | LaterBody)[] = []
    // (checked at load only when they are what a warm start serves: no display graph, and not readLater)
    for (let i = 0; i < edgeBlocks; i++) edges.push(h.display || opts.readLater ? later() : body())
    // blocks after the header: graph, display, edges, then files each followed by its details (kept as bytes), end
    const rest: Block[] = []
    const details: (Buffer | LaterBody)[] = []
    let lateStrings: Buffer | LaterBody | undefined
    for (let i = 1 + (display ? 1 : 0) + edgeBlocks; i < h.blocks; i++) {
      const b = next() as Block
      rest.push(b)
      if (b?.kind === 'files') { details.push(later()); i++ }
      if (b?.kind === 'end') { lateStrings = later(); i++ }
    }
    if (at !== src.size || !lateStrings) throw new Error('trailing bytes')
    const state = decode(h.key, head, display, edges, rest, details, lateStrings)
    keepOpen = src.pending > 0
    return { state }
  } catch {
    return { problem: CORRUPT }
  } finally {
    if (!keepOpen) src.close()
  }
}

/**
 * Thrown on the first read of a part of a warm-start snapshot that turns out damaged (loaded with `checkLater`):
 * the caller drops the snapshot and indexes the folder again (backend.ts).
 */
export class SnapshotDamagedError extends Error {
  constructor() {
    super('The saved index is damaged.')
  }
}

/**
 * Checksums of the blocks a warm start does not read before it serves (the full edges, the notes' details, most
 * strings: 95% of a 10k-note file), checked on their first decode instead: checking 100 MB cost ≈ 0.2 s there.
 */
const uncheckedCrc = new WeakMap<Buffer, number>()

function unpack(body: Buffer | LaterBody): unknown {
  const b = typeof body === 'function' ? body() : body
  const crc = uncheckedCrc.get(b)
  if (crc !== undefined) {
    if (crc32(b) !== crc) throw new SnapshotDamagedError()
    uncheckedCrc.delete(b)
  }
  try {
    return v8.deserialize(b)
  } catch {
    throw new SnapshotDamagedError()
  }
}

function decode(key: string, head: Block, display: Block | undefined, edgeBodies: (Buffer | LaterBody)[], blocks: Block[], detailBodies: (Buffer | LaterBody)[], lateStrings: Buffer | LaterBody): WarmState {
  const end = blocks[blocks.length - 1]
  if (end?.kind !== 'end' || head?.kind !== 'graph' || !Array.isArray(end.strings) || !Array.isArray(head.nodes)) throw new Error('bad layout')
  const counts = head.edgeCounts
  if (!Array.isArray(counts) || counts.length !== EDGE_TYPES.length || !counts.every((n) => Number.isInteger(n) && n >= 0)) throw new Error('bad layout')
  // the whole string table, on the first read of anything beyond the display graph
  let all: string[] | undefined
  let late: Buffer | LaterBody | undefined = lateStrings
  const strings = (): string[] => {
    if (!all) {
      const more = unpack(late!) as Block
      if (more?.kind !== 'strings' || !Array.isArray(more.list)) throw new SnapshotDamagedError()
      all = end.strings.concat(more.list)
      late = undefined
    }
    return all
  }
  if (display && (display.kind !== 'display' || display.edges?.kind !== 'edges' || typeof display.info !== 'object')) throw new Error('bad layout')
  const files = new Map<string, FileResult>()
  let d = 0
  for (const b of blocks) {
    if (b.kind !== 'files') continue
    if (!Array.isArray(b.files)) throw new Error('bad layout')
    let body: Buffer | LaterBody | undefined = detailBodies[d++]
    let details: Details | undefined
    const get = (): Details => {
      if (!details) {
        details = unpack(body!) as Details
        body = undefined
        if (details?.kind !== 'details' || !Array.isArray(details.sl) || !Array.isArray(details.c)) throw new SnapshotDamagedError()
      }
      return details
    }
    b.files.forEach((f, i) => files.set(f.path, decodeFile(f, i, get, strings)))
  }
  const graph = { nodes: head.nodes, diagnostics: head.diagnostics } as Graph
  lazy(graph, 'edges', () => {
    const edges: GraphEdge[] = []
    try {
      for (const body of edgeBodies) decodeEdges(unpack(body) as EdgeBlock, strings(), edges)
    } catch {
      throw new SnapshotDamagedError()
    }
    return edges
  })
  edgeCountsOf.set(graph, new Map(EDGE_TYPES.map((t, i) => [t, counts[i]])))
  const state: WarmState = { key, files, linkDiagnostics: new Map(end.linkDiagnostics), graph }
  if (display) {
    state.display = { nodes: head.nodes, edges: decodeEdges(display.edges, end.strings, []), diagnostics: head.diagnostics, display: display.info }
    displayOf.set(graph, state.display)
  }
  return state
}

const displayOf = new WeakMap<Graph, Graph>()
const edgeCountsOf = new WeakMap<Graph, Map<EdgeType, number>>()

/** The display graph stored with a graph loaded from a snapshot (see WarmState.display). */
export const storedDisplay = (graph: Graph): Graph | undefined => displayOf.get(graph)

/**
 * The number of edges of each type of a graph loaded from a snapshot, as stored with it, while its edges are
 * still packed (a summary then decodes none of them); undefined once they were read or replaced (count those).
 */
export function packedEdgeCounts(graph: Graph): Map<EdgeType, number> | undefined {
  const stillPacked = Object.getOwnPropertyDescriptor(graph, 'edges')?.get !== undefined
  return stillPacked ? edgeCountsOf.get(graph) : undefined
}

/** One block's edges appended to `edges`. */
function decodeEdges(b: EdgeBlock, s: string[], edges: GraphEdge[]): GraphEdge[] {
  if (b?.kind !== 'edges') throw new Error('bad layout')
  const str = (i: number): string => {
    const v = s[i]
    if (v === undefined) throw new Error('bad string index')
    return v
  }
  let k = 0
  for (let i = 0; i < b.types.length; i++) {
    const type = EDGE_TYPES[b.types[i]]
    const source = str(b.ends[2 * i])
    const target = str(b.ends[2 * i + 1])
    const e: GraphEdge = { id: edgeId(type, source, target), source, target, type }
    const w = b.weights[i]
    if (w === w) e.weight = w // not NaN
    const n = b.refCounts[i]
    if (n >= 0) {
      const refs = new Array<EdgeMentionRef>(n)
      for (let j = 0; j < n; j++, k++) refs[j] = { line: b.refLines[k], section: str(b.refSections[k]) }
      e.refs = refs
    }
    edges.push(e)
  }
  const first = edges.length - b.types.length
  for (const [i, id] of b.ids) {
    if (i < first || i >= edges.length) throw new Error('bad edge id index')
    edges[i].id = id
  }
  return edges
}

/**
 * Where a note's parts are while they stay packed in its block's details. Reached through a non-enumerable key
 * of the note (and of its file result, for cards), so the accessors below are the same functions for every note:
 * no closures per note, and the 10k notes share their object shapes (a warm start allocated ≈ 20 objects per
 * note before, all surviving into the old generation).
 */
interface Packed {
  details: () => Details
  /** the file's place in its block */
  at: number
  /** first mention in the block's mention array, and how many */
  first: number
  count: number
  /** the whole string table (read on first need) */
  strings: () => string[]
  path: string
  parts?: [NoteMeta['sections'], NoteMeta['links']]
}

const PACKED = Symbol('packed parts')
const packedOf = (o: object): Packed => (o as { [PACKED]: Packed })[PACKED]
const partsOf = (p: Packed) => (p.parts ??= JSON.parse(p.details().sl[p.at]) as [NoteMeta['sections'], NoteMeta['links']])

function mentionsOf(p: Packed): Mention[] {
  const mentions = p.details().mentions
  const { first, count } = p
  const strings = p.strings()
  if (first < 0 || 5 * (first + count) > mentions.length) throw new SnapshotDamagedError()
  const out = new Array<Mention>(count)
  for (let i = 0, k = 5 * first; i < count; i++, k += 5) {
    out[i] = { entity: strings[mentions[k]], text: strings[mentions[k + 1]], line: mentions[k + 2], column: mentions[k + 3], section: strings[mentions[k + 4]] }
  }
  return out
}

const cardsOfPacked = (p: Packed) => decodeCards(JSON.parse(p.details().c[p.at]) as (string | number)[], p.strings(), p.path)

/** A property decoded on first read (then a plain one); assigning first replaces it. One descriptor for all notes. */
function packedProperty<T>(key: string, decode: (p: Packed) => T): PropertyDescriptor {
  const settle = (obj: object, value: T) => Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true })
  return {
    enumerable: true,
    configurable: true,
    get(this: object) { const v = decode(packedOf(this)); settle(this, v); return v },
    set(this: object, v: T) { settle(this, v) },
  }
}

const META_PARTS: PropertyDescriptorMap = {
  sections: packedProperty('sections', (p) => partsOf(p)[0]),
  links: packedProperty('links', (p) => partsOf(p)[1]),
  mentions: packedProperty('mentions', mentionsOf),
}
const CARDS: PropertyDescriptorMap = {
  cards: packedProperty('cards', cardsOfPacked),
  // cardsOf (packed-cards.ts): decode for a writer without keeping them on the file
  [unpackCards]: { value: (r: FileResult) => cardsOfPacked(packedOf(r)) },
}

function decodeFile(f: StoredFile, at: number, details: () => Details, strings: () => string[]): FileResult {
  const { meta, m, c, ...rest } = f
  const r: FileResult = rest
  if (meta && m) {
    const full = { path: f.path, ...meta, size: f.size, mtimeMs: f.mtimeMs, hash: f.hash } as NoteMeta
    const p: Packed = { details, at, first: m[0], count: m[1], strings, path: f.path }
    Object.defineProperty(full, PACKED, { value: p })
    Object.defineProperties(full, META_PARTS)
    r.meta = full
    if (c) {
      Object.defineProperty(r, PACKED, { value: p })
      Object.defineProperties(r, CARDS)
    }
  }
  return r
}

/** `obj[key]` computed on first read (then a plain property); assigning first replaces it. */
function lazy<T extends object, K extends keyof T>(obj: T, key: K, make: () => T[K]): void {
  const settle = (value: T[K]) => Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true })
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get: () => { const v = make(); settle(v); return v },
    set: (v: T[K]) => { settle(v) },
  })
}
