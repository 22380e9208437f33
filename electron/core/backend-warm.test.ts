// A warm start when notes changed while the app was closed: the snapshot's graph is served at once (nothing
// parsed, no graph builder built), then one update brings the changed notes in and goes out as a delta, which
// leaves the page and the host with the graph a cold index of the folder gives.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import v8 from 'node:v8'
import os from 'node:os'
import path from 'node:path'
import type { Backend } from './backend'
import { writeNote, openTestBackend, followChanges } from './test-vault'
import { displayGraph } from './graph/displayGraph'
import type { Graph } from './types'

let tmp: string
let notes: string
const open: Backend[] = []

const SERVICES = ['AWS Glue', 'Amazon S3', 'Amazon Kinesis', 'Amazon SageMaker', 'Amazon Athena', 'Amazon EMR', 'AWS Lambda', 'Amazon Redshift']
const noteText = (i: number, extra = '') =>
  `---\ntags: [t${i % 3}]\n---\n# Note ${i}\n\n## Part one\n\n${SERVICES[i % 8]} with ${SERVICES[(i + 3) % 8]} and ${SERVICES[(i * 5) % 8]}.\n\n` +
  `## Part two\n\n${SERVICES[(i + 1) % 8]} feeds ${SERVICES[(i + 2) % 8]}. See [next](n${(i + 1) % 12}.md).\n${extra}`
const write = (i: number, extra = '') => writeNote(notes, `D1_prep/n${i}.md`, noteText(i, extra))
const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1)
const content = (g: Graph) => ({ nodes: [...g.nodes].sort(byId), edges: [...g.edges].sort(byId), diagnostics: g.diagnostics, display: g.display })

async function backendOn(extra: Parameters<typeof openTestBackend>[2] = {}): Promise<Backend> {
  const b = await openTestBackend(tmp, notes, extra)
  open.push(b)
  return b
}

/** The graph a cold index of the folder as it is now gives (no persisted index), as the host would serve it. */
async function cold(displayAboveEdges?: number): Promise<Graph> {
  const b = await openTestBackend(tmp, notes, { displayAboveEdges: Infinity, cacheDir: null }, `settings-cold-${Math.random()}`)
  try {
    const g = b.getGraph()
    return displayAboveEdges === undefined ? g : displayGraph(g, { aboveEdges: displayAboveEdges })
  } finally {
    await b.close()
  }
}

/** Flip a byte in the middle of the first snapshot block of this kind (its checksum then fails). */
function damage(kind: string): string {
  const file = path.join(tmp, 'cache', readdirSync(path.join(tmp, 'cache')).find((f) => f.endsWith('.snap'))!)
  const buf = readFileSync(file)
  for (let at = 16; at < buf.length;) {
    const len = buf.readUInt32LE(at)
    if ((v8.deserialize(buf.subarray(at + 8, at + 8 + len)) as { kind?: string }).kind === kind) {
      buf[at + 8 + Math.floor(len / 2)] ^= 0xff
      writeFileSync(file, buf)
      return file
    }
    at += 8 + len
  }
  throw new Error(`no ${kind} block`)
}

async function closeAll(): Promise<void> {
  for (const b of open.splice(0)) await b.close()
}

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-warm-'))
  notes = path.join(tmp, 'notes')
  for (let i = 0; i < 12; i++) write(i)
})

afterEach(async () => {
  await closeAll()
  rmSync(tmp, { recursive: true, force: true })
})

describe('warm start with notes changed while closed', () => {
  for (const above of [undefined, 30]) {
    it(`serves the snapshot's graph at once, then one delta brings it to a cold index's graph${above ? ' (display graph)' : ''}`, async () => {
      const first = await backendOn({ displayAboveEdges: above })
      const before = content(first.getGraph())
      await closeAll()
      // while closed: one note edited, one added, one removed, one touched without a change
      write(3, '\nAmazon Athena queries Amazon S3 here, and Amazon Athena again. #late\n')
      write(12)
      rmSync(path.join(notes, 'D1_prep/n5.md'))
      utimesSync(path.join(notes, 'D1_prep/n7.md'), new Date(), new Date(Date.now() + 5000))

      const b = await backendOn({ displayAboveEdges: above })
      expect(b.vault.stats.parsed).toBe(0)
      expect(b.vault.stats.reused).toBe(9)
      const f = followChanges(b)
      expect(content(f.held())).toEqual(before) // the snapshot's graph, served before anything is parsed
      await b.whenReady()
      expect(f.changes).toHaveLength(1)
      expect(f.changes[0].delta).toBeDefined()
      // n4 links to the removed n5: its link is broken now
      expect(f.changes[0].changed.sort()).toEqual(['D1_prep/n12.md', 'D1_prep/n3.md', 'D1_prep/n4.md', 'D1_prep/n5.md'])
      const want = content(await cold(above))
      expect(content(b.getGraph())).toEqual(want)
      expect(content(f.held())).toEqual(want)
      expect(b.getGraph().nodes.map((n) => n.id)).toContain('tag:late')
      // queries see the changed notes too
      expect(b.neighbourhood('note:D1_prep/n12.md', 1).nodes).toContain('note:D1_prep/n12.md')
    })
  }

  it('the caught-up graph is stored: the next warm start has nothing to catch up', async () => {
    await backendOn()
    await closeAll()
    write(4, '\nAWS Lambda and AWS Glue.\n')
    let b = await backendOn()
    await b.whenReady()
    const caught = content(b.getGraph())
    await closeAll()
    b = await backendOn()
    const f = followChanges(b)
    expect(b.vault.stats).toMatchObject({ parsed: 0, reused: 12 })
    expect(content(b.getGraph())).toEqual(caught)
    await b.whenReady()
    expect(f.changes).toHaveLength(0)
  })

  it('a damaged part of the snapshot read only after serving: the folder is indexed again, with a notice', async () => {
    const first = await backendOn()
    const want = content(first.getGraph())
    await closeAll()
    const file = damage('details')
    const b = await backendOn()
    expect(content(b.getGraph())).toEqual(want) // served: the damage is in a part only the builder reads
    expect(() => b.neighbourhood('note:D1_prep/n1.md', 1)).toThrow(/damaged/)
    await expect.poll(() => { try { return b.neighbourhood('note:D1_prep/n1.md', 1).nodes.length } catch { return 0 } }, { timeout: 10_000 }).toBeGreaterThan(0)
    expect(b.getNotices().some((n) => /damaged/.test(n))).toBe(true)
    expect(content(b.getGraph())).toEqual(content(await cold()))
    await closeAll()
    expect(existsSync(file)).toBe(true) // written again
    const again = await backendOn()
    expect(again.vault.stats.parsed).toBe(0)
    expect(content(again.getGraph())).toEqual(want)
  })

  it('starts on its own once the graph has been served', async () => {
    await backendOn()
    await closeAll()
    write(4, '\nAWS Lambda and AWS Glue.\n')
    const b = await backendOn()
    const f = followChanges(b) // getGraph: the update follows shortly, without whenReady
    await expect.poll(() => f.changes.length, { timeout: 5000 }).toBe(1)
    expect(content(f.held())).toEqual(content(await cold()))
  })
})
