// The binary warm-start snapshot: exact round trip of the graph and the index entries; a damaged or old file
// is refused with a message (the callers rebuild).
import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import { crc32 } from 'node:zlib'
import { GraphBuilder } from '../graph/builder'
import { testNotes, testOntology } from '../graph/test-fixtures'
import type { FileResult } from './parse-file'
import { SNAPSHOT_FORMAT, SnapshotDamagedError, loadSnapshot, packedEdgeCounts, saveSnapshot, storedDisplay, type SnapshotInput } from './snapshot'
import { cardsOf } from './packed-cards'
import { displayGraph } from '../graph/displayGraph'

const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-snap-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function input(): SnapshotInput {
  const notes = testNotes()
  const b = new GraphBuilder(testOntology())
  for (const m of notes) b.setNote(m)
  const graph = b.graph()
  // an edge whose id is not the usual one, weights and refs as they are
  graph.edges.push({ id: 'custom-id', source: 'note:a.md', target: 'note:b.md', type: 'links-to', weight: 2.5 })
  graph.edges.push({ id: 'links-to:note:a.md->note:a.md', source: 'note:a.md', target: 'note:a.md', type: 'links-to', refs: [] })
  graph.diagnostics = [{ file: 'a.md', line: 3, severity: 'warning', code: 'yaml-invalid', message: 'Bad YAML.' }]
  const files: FileResult[] = notes.map((meta, i) => ({
    path: meta.path, size: meta.size, mtimeMs: meta.mtimeMs, hash: meta.hash, meta, lineOffset: i % 2, diagnostics: [],
    ...(i % 2 ? {} : { ctimeMs: 1_690_000_000_123.25 + i }), // the ctime that vouches for the hash (index/verify.ts), when recorded
    cards: i === 0 ? [{ id: 'c1', kind: 'tip', front: 'When streaming, think?', back: 'Kinesis', note: meta.path, section: 'intro', line: 4, entities: ['service:amazon-kinesis'] }] : undefined,
  }))
  files.push({ path: 'bin.md', size: 3, mtimeMs: 1, hash: 'h', diagnostics: [{ file: 'bin.md', severity: 'warning', code: 'binary-file', message: 'Binary.' }] })
  for (const f of files) if (!f.cards) delete f.cards
  return { root: '/notes', ontology: 'v1', key: 'k1', files, linkDiagnostics: new Map([['a.md', [{ file: 'a.md', line: 2, severity: 'warning', code: 'link-broken', message: 'No such note.' }]]]), graph }
}

describe('warm-start snapshot', () => {
  const file = path.join(dir, 'index-x.snap')

  it('round-trips the graph, every index entry and the link diagnostics exactly', async () => {
    const src = input()
    // many edges: several edge blocks
    for (let i = 0; i < 45_000; i++) src.graph.edges.push({ id: `related:service:a${i}->service:b${i}`, source: `service:a${i}`, target: `service:b${i}`, type: 'related', weight: i })
    await saveSnapshot(file, src)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    const { state, problem } = await loadSnapshot(file, '/notes', 'v1')
    expect(problem).toBeUndefined()
    expect(state!.key).toBe('k1')
    expect(state!.graph).toEqual(src.graph)
    expect(state!.graph.edges.map((e) => e.id)).toEqual(src.graph.edges.map((e) => e.id))
    expect(state!.linkDiagnostics).toEqual(src.linkDiagnostics)
    expect([...state!.files.keys()]).toEqual(src.files.map((f) => f.path))
    for (const f of src.files) expect(state!.files.get(f.path)).toEqual(f) // mentions and cards decoded on first read
    expect(state!.files.get('bin.md')?.meta).toBeUndefined()
  })

  it('round-trips the display graph, and leaves the full edges undecoded until something reads them', async () => {
    const src = input()
    for (let i = 0; i < 500; i++) src.graph.edges.push({ id: `related:service:a${i}->service:b${i}`, source: `service:a${i}`, target: `service:b${i}`, type: 'related', weight: i })
    const shown = displayGraph(src.graph, { aboveEdges: 100 })
    expect(shown).not.toBe(src.graph)
    await saveSnapshot(file, { ...src, display: shown })
    const { state } = await loadSnapshot(file, '/notes', 'v1')
    expect(Object.getOwnPropertyDescriptor(state!.graph, 'edges')?.get).toBeDefined() // not decoded yet
    const first = state!.files.get(src.files[0].path)!
    expect(Object.getOwnPropertyDescriptor(first.meta!, 'mentions')?.get).toBeDefined() // nor the notes' details
    expect(state!.display).toEqual(shown)
    expect(storedDisplay(state!.graph)).toBe(state!.display)
    expect(state!.graph).toEqual(src.graph)
    expect(Object.getOwnPropertyDescriptor(state!.graph, 'edges')?.value).toHaveLength(src.graph.edges.length) // now a plain property
    // without one, none comes back
    await saveSnapshot(file, src)
    expect((await loadSnapshot(file, '/notes', 'v1')).state!.display).toBeUndefined()
  })

  it('gives the full graph\'s edge counts by type without decoding an edge, until the edges are read', async () => {
    const src = input()
    for (let i = 0; i < 45_000; i++) src.graph.edges.push({ id: `related:service:a${i}->service:b${i}`, source: `service:a${i}`, target: `service:b${i}`, type: 'related' })
    await saveSnapshot(file, src)
    const { state } = await loadSnapshot(file, '/notes', 'v1')
    const want = new Map<string, number>()
    for (const e of src.graph.edges) want.set(e.type, (want.get(e.type) ?? 0) + 1)
    const counts = packedEdgeCounts(state!.graph)!
    expect(new Map([...counts].filter(([, n]) => n > 0))).toEqual(want)
    expect(Object.getOwnPropertyDescriptor(state!.graph, 'edges')?.get).toBeDefined() // still packed
    // once read, the edges themselves count (they may change from then on)
    expect(state!.graph.edges).toHaveLength(src.graph.edges.length)
    expect(packedEdgeCounts(state!.graph)).toBeUndefined()
    expect(packedEdgeCounts(src.graph)).toBeUndefined() // not from a snapshot
  })

  it("keeps each note's parts packed until read, then behaves like plain properties (copies, assignment, cards for writers)", async () => {
    const src = input()
    await saveSnapshot(file, src)
    const { state } = await loadSnapshot(file, '/notes', 'v1')
    const [a, b] = [src.files[0], src.files[1]]
    const la = state!.files.get(a.path)!
    const lb = state!.files.get(b.path)!
    expect({ ...la.meta }).toEqual(a.meta) // a copy decodes every part
    expect(Object.keys(la.meta!).sort()).toEqual(Object.keys(a.meta!).sort())
    lb.meta!.mentions = [] // assigned before any read: replaces the packed one
    expect(lb.meta!.mentions).toEqual([])
    expect(lb.meta!.sections).toEqual(b.meta!.sections)
    expect(cardsOf(la)).toEqual(a.cards) // decoded for a writer…
    expect(Object.getOwnPropertyDescriptor(la, 'cards')?.get).toBeDefined() // …and not kept
    expect(la.cards).toEqual(a.cards)
  })

  it('is refused with a message when damaged, and rebuilt by the caller', async () => {
    await saveSnapshot(file, input())
    const good = readFileSync(file)
    const cases: [string, Buffer][] = [
      ['truncated', good.subarray(0, Math.floor(good.length * 0.7))],
      ['garbage', Buffer.from('not a snapshot at all')],
      ['flipped bytes', Buffer.concat([good.subarray(0, 40), Buffer.alloc(64, 0xff), good.subarray(104)])],
      ['one byte changed near the end (inside a typed array)', Buffer.concat([good.subarray(0, good.length - 300), Buffer.from([good[good.length - 300] ^ 1]), good.subarray(good.length - 299)])],
      ['empty', Buffer.alloc(0)],
    ]
    for (const [name, bytes] of cases) {
      writeFileSync(file, bytes)
      // (damage in a part readLater leaves on disk is found on its first read: see below)
      for (const opts of name.includes('near the end') ? [{}] : [{}, { readLater: true }]) {
        const r = await loadSnapshot(file, '/notes', 'v1', opts)
        expect(r.state, name).toBeUndefined()
        expect(r.problem, name).toMatchObject({ file: '', code: 'snapshot-corrupt', message: expect.stringMatching(/damaged.*indexed again/) })
      }
    }
  })

  it('with checkLater, a damaged part read only after serving loads, and throws on its first read', async () => {
    const src = input()
    await saveSnapshot(file, src)
    const good = readFileSync(file)
    // the last byte of the body of the first details block (the block after the first files block)
    let at = 16
    let kind = ''
    while (kind !== 'details') {
      const len = good.readUInt32LE(at)
      kind = (v8.deserialize(good.subarray(at + 8, at + 8 + len)) as { kind: string }).kind
      if (kind === 'details') good[at + 8 + len - 1] ^= 1
      at += 8 + len
    }
    writeFileSync(file, good)
    expect((await loadSnapshot(file, '/notes', 'v1')).problem).toMatchObject({ code: 'snapshot-corrupt' })
    const { state } = await loadSnapshot(file, '/notes', 'v1', { checkLater: true })
    const meta = state!.files.get(src.files[0].path)!.meta!
    expect(meta.title).toBe(src.files[0].meta!.title)
    expect(() => meta.mentions).toThrow(SnapshotDamagedError)
  })

  it('with readLater, loads the same from the parts it reads now, and a damaged part left on disk throws on its first read', async () => {
    const src = input()
    for (let i = 0; i < 45_000; i++) src.graph.edges.push({ id: `related:service:a${i}->service:b${i}`, source: `service:a${i}`, target: `service:b${i}`, type: 'related', weight: i })
    await saveSnapshot(file, src)
    const whole = await loadSnapshot(file, '/notes', 'v1', { readLater: true })
    expect(whole.problem).toBeUndefined()
    expect(whole.state!.graph).toEqual(src.graph)
    for (const f of src.files) expect(whole.state!.files.get(f.path)).toEqual(f)
    // the last byte of the first edge block and of the first details block
    const bytes = readFileSync(file)
    let at = 16
    const hit = new Set<string>()
    while (at < bytes.length) {
      const len = bytes.readUInt32LE(at)
      const kind = (v8.deserialize(bytes.subarray(at + 8, at + 8 + len)) as { kind?: string }).kind ?? 'header'
      if ((kind === 'edges' || kind === 'details') && !hit.has(kind)) { bytes[at + 8 + len - 1] ^= 1; hit.add(kind) }
      at += 8 + len
    }
    expect([...hit].sort()).toEqual(['details', 'edges'])
    writeFileSync(file, bytes)
    const { state, problem } = await loadSnapshot(file, '/notes', 'v1', { readLater: true })
    expect(problem).toBeUndefined() // not read yet
    expect(state!.graph.nodes).toEqual(src.graph.nodes)
    expect(packedEdgeCounts(state!.graph)?.get('related')).toBeGreaterThanOrEqual(45_000)
    const meta = state!.files.get(src.files[0].path)!.meta!
    expect(meta.title).toBe(src.files[0].meta!.title)
    expect(() => meta.mentions).toThrow(SnapshotDamagedError)
    expect(() => state!.graph.edges).toThrow(SnapshotDamagedError)
    // read whole at load, the same file is refused
    expect((await loadSnapshot(file, '/notes', 'v1')).problem).toMatchObject({ code: 'snapshot-corrupt' })
  })

  it('is refused with a message when made by another version or for another ontology', async () => {
    await saveSnapshot(file, input())
    expect((await loadSnapshot(file, '/notes', 'v2')).problem).toMatchObject({ code: 'snapshot-old', message: expect.stringMatching(/another version.*indexed again/) })
    // an older layout: same magic, another format number in the header
    const good = readFileSync(file)
    const magic = good.subarray(0, 16)
    const len = good.readUInt32LE(16)
    const header = v8.deserialize(good.subarray(24, 24 + len)) as { format: number }
    const body = v8.serialize({ ...header, format: SNAPSHOT_FORMAT - 1 })
    const head = Buffer.alloc(8)
    head.writeUInt32LE(body.length, 0)
    head.writeUInt32LE(crc32(body), 4)
    writeFileSync(file, Buffer.concat([magic, head, body, good.subarray(24 + len)]))
    expect(await loadSnapshot(file, '/notes', 'v1')).toEqual({ problem: expect.objectContaining({ code: 'snapshot-old' }) })
  })

  it('a missing file is no problem (first start); another folder\'s file is not used', async () => {
    expect(await loadSnapshot(path.join(dir, 'none.snap'), '/notes', 'v1')).toEqual({})
    await saveSnapshot(file, input())
    expect(await loadSnapshot(file, '/elsewhere', 'v1')).toEqual({})
  })
})

describe('cards left packed by a warm start', () => {
  it('are written out again without being kept on the entry', async () => {
    const file = path.join(dir, 'index-cards.snap')
    const src = input()
    await saveSnapshot(file, src)
    const { state } = await loadSnapshot(file, '/notes', 'v1')
    const entry = state!.files.get(src.files[0].path)!
    expect(cardsOf(entry)).toEqual(src.files[0].cards)
    expect(Object.getOwnPropertyDescriptor(entry, 'cards')?.get).toBeDefined() // still packed
    // written again from the loaded state: the same cards come back
    await saveSnapshot(file, { ...src, files: [...state!.files.values()] })
    const again = await loadSnapshot(file, '/notes', 'v1')
    expect(again.state!.files.get(src.files[0].path)!.cards).toEqual(src.files[0].cards)
    expect(entry.cards).toEqual(src.files[0].cards) // read normally, it is kept
    expect(Object.getOwnPropertyDescriptor(entry, 'cards')?.get).toBeUndefined()
  })
})
