// A big graph's display graph through the backend: kept up to date per edit (not recomputed), sent as deltas
// that bring the page's copy to it, stored in the warm-start snapshot and served from there.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Backend } from './backend'
import { writeNote, openTestBackend, followChanges } from './test-vault'
import { displayGraph } from './graph/displayGraph'
import type { Graph } from './types'

let tmp: string
let notes: string
const open: Backend[] = []
const ABOVE = 30

const SERVICES = ['AWS Glue', 'Amazon S3', 'Amazon Kinesis', 'Amazon SageMaker', 'Amazon Athena', 'Amazon EMR', 'AWS Lambda', 'Amazon Redshift']
const noteText = (i: number, extra = '') =>
  `# Note ${i}\n\n## Part one\n\n${SERVICES[i % 8]} with ${SERVICES[(i + 3) % 8]} and ${SERVICES[(i * 5) % 8]}.\n\n` +
  `## Part two\n\n${SERVICES[(i + 1) % 8]} feeds ${SERVICES[(i + 2) % 8]}. See [next](n${(i + 1) % 12}.md).\n${extra}`
const write = (i: number, extra = '') => writeNote(notes, `D1_prep/n${i}.md`, noteText(i, extra))
const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1)
const content = (g: Graph) => ({ nodes: [...g.nodes].sort(byId), edges: [...g.edges].sort(byId), diagnostics: g.diagnostics, display: g.display })

async function backendOn(extra: Parameters<typeof openTestBackend>[2] = {}, settings = 'settings'): Promise<Backend> {
  const b = await openTestBackend(tmp, notes, { displayAboveEdges: ABOVE, ...extra }, settings)
  open.push(b)
  return b
}

/** What the display graph should be: computed from scratch from a full graph of the same notes. */
async function fromScratch(): Promise<Graph> {
  const b = await openTestBackend(tmp, notes, { displayAboveEdges: Infinity, cacheDir: null }, `settings-full-${Math.random()}`)
  try {
    return displayGraph(b.getGraph(), { aboveEdges: ABOVE })
  } finally {
    await b.close()
  }
}

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-display-'))
  notes = path.join(tmp, 'notes')
  for (let i = 0; i < 12; i++) write(i)
})

afterEach(async () => {
  for (const b of open.splice(0)) await b.close()
  rmSync(tmp, { recursive: true, force: true })
})

describe('backend display graph', () => {
  it('edits, additions and removals go out as display deltas that bring the page to the display graph computed from scratch', async () => {
    const b = await backendOn()
    expect(b.getGraph().display).toBeDefined()
    const f = followChanges(b)
    write(3, '\nAmazon Athena queries Amazon S3 here, and Amazon Athena again.\n')
    await b.update(['D1_prep/n3.md'])
    write(12)
    await b.update(['D1_prep/n12.md'])
    rmSync(path.join(notes, 'D1_prep/n5.md'))
    await b.update(['D1_prep/n5.md'])
    expect(f.changes.every((c) => c.delta && !c.graph)).toBe(true)
    expect(f.changes.every((c) => c.delta!.display)).toBe(true)
    expect(content(f.held())).toEqual(content(b.getGraph()))
    expect(content(b.getGraph())).toEqual(content(await fromScratch()))
  })

  it('a warm start serves the stored display graph, and edits after it go out as deltas', async () => {
    let b = await backendOn()
    const cold = b.getGraph()
    await b.close()
    open.length = 0
    b = await backendOn()
    expect(b.vault.stats.parsed).toBe(0)
    const warm = b.getGraph()
    expect(content(warm)).toEqual(content(cold))
    const f = followChanges(b)
    write(7, '\nAWS Lambda and AWS Glue and AWS Lambda.\n')
    await b.update(['D1_prep/n7.md'])
    expect(f.changes).toHaveLength(1)
    expect(f.changes[0].delta).toBeDefined()
    expect(content(f.held())).toEqual(content(b.getGraph()))
    expect(content(b.getGraph())).toEqual(content(await fromScratch()))
  })
})
