// The engine run on the bundled notes: what a student sees when the app opens must be a rich,
// connected picture, not a handful of nodes.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../electron/core/backend'
import type { Graph } from '../../electron/core/types'

const contentDir = path.resolve(import.meta.dirname, '../../content')
let backend: Backend
let graph: Graph
let scratch: string

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'content-graph-'))
  backend = await createBackend({ folder: contentDir, bundledFolder: contentDir, cacheDir: null, settingsDir: scratch, workers: 0 })
  graph = backend.getGraph()
})
afterAll(async () => {
  await backend?.close()
  rmSync(scratch, { recursive: true, force: true })
})

const ofType = (t: string) => graph.nodes.filter((n) => n.type === t)

describe('the bundled notes as a graph', () => {
  it('finds at least 120 services/features and 100 concepts', () => {
    const mentioned = new Set(graph.edges.filter((e) => e.type === 'mentions').map((e) => e.target))
    expect([...mentioned].filter((id) => id.startsWith('service:')).length).toBeGreaterThanOrEqual(120)
    expect([...mentioned].filter((id) => id.startsWith('concept:')).length).toBeGreaterThanOrEqual(100)
  })

  it('has every note mention at least 5 services or concepts', () => {
    const perNote = new Map<string, number>()
    for (const e of graph.edges) if (e.type === 'mentions') perNote.set(e.source, (perNote.get(e.source) ?? 0) + 1)
    const thin = ofType('note').filter((n) => (perNote.get(n.id) ?? 0) < 5).map((n) => n.path)
    expect(thin).toEqual([])
    expect(ofType('note').length).toBe(31)
  })

  it('puts the notes under their four exam domains', () => {
    expect(ofType('domain').map((d) => d.id).sort()).toEqual(['domain:D1', 'domain:D2', 'domain:D3', 'domain:D4'])
    const contains = graph.edges.filter((e) => e.type === 'contains')
    expect(contains.length).toBe(29) // 29 topic notes; extras and README have no domain
  })

  it('connects every domain to every other through shared services', () => {
    const domainOfNote = new Map(graph.edges.filter((e) => e.type === 'contains').map((e) => [e.target, e.source]))
    const servicesOf = new Map<string, Set<string>>()
    for (const e of graph.edges) {
      if (e.type !== 'mentions' || !e.target.startsWith('service:')) continue
      const d = domainOfNote.get(e.source)
      if (!d) continue
      if (!servicesOf.has(d)) servicesOf.set(d, new Set())
      servicesOf.get(d)!.add(e.target)
    }
    const domains = [...servicesOf.keys()].sort()
    expect(domains).toHaveLength(4)
    for (const a of domains) {
      for (const b of domains) {
        if (a >= b) continue
        const shared = [...servicesOf.get(a)!].filter((s) => servicesOf.get(b)!.has(s))
        expect(shared.length, `${a} and ${b} share services`).toBeGreaterThanOrEqual(3)
      }
    }
  })

  it('reports no diagnostics on our own notes', () => {
    expect(graph.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
  })

  it('ties AWS Glue to Amazon Kinesis in at least one note (the comparison students ask for)', () => {
    const overlap = backend.overlap(['service:aws-glue', 'service:amazon-kinesis-data-streams'])
    expect(overlap.notes.length).toBeGreaterThan(0)
    expect(overlap.sections.length).toBeGreaterThan(0)
  })
})
