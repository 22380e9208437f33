// The hosts' backend: answers before the index is complete (graph, folder, settings), holds queries until it is,
// and fails like createBackend when another host holds the settings folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openAtOnce, type HostBackend } from './open-at-once'
import { generateVault } from '../../bench/generate'
import type { GraphChange, IndexProgress } from './types'
import { applyGraphDelta } from './graph/delta'

const content = path.resolve(import.meta.dirname, '../../content')
let tmp: string
let notes: string

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-at-once-'))
  notes = generateVault(path.join(tmp, 'vault'), 60, 3).dir
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('openAtOnce', { timeout: 240_000 }, () => {
  let host: HostBackend
  afterAll(async () => { await host?.close() })

  it('serves the first phase, then queries once the index is complete', async () => {
    const progress: IndexProgress[] = []
    host = await openAtOnce({ folder: notes, bundledFolder: content, cacheDir: null, settingsDir: path.join(tmp, 'state'), workers: 2, progressiveFrom: 10, batchMs: 50 })
    host.onProgress((p) => progress.push(p))
    const changes: GraphChange[] = []
    host.onChange((c) => changes.push(c))
    const first = await host.getGraph()
    expect(first.partial).toBe(true)
    expect(first.nodes.filter((n) => n.type === 'note')).toHaveLength(60)
    expect((await host.getFolder()).noteCount).toBe(60)
    expect(await host.getSettings()).toMatchObject({ theme: expect.any(String) })
    // a query waits for the whole index: by then the graph is complete
    const hits = await host.search('glue', 5)
    expect(hits.length).toBeGreaterThan(0)
    expect((await host.getGraph()).partial).toBeUndefined()
    expect(await host.getIndexProgress()).toBeNull()
    expect(progress.at(-1)?.phase).toBe('ready')
    // the phases after the first graph travel as deltas, each from the version before it, and end at the host's graph
    const after = changes.filter((c) => c.version > (first.version ?? 0))
    expect(after.length).toBeGreaterThan(0)
    expect(after.every((c, i) => c.graph === undefined && c.delta !== undefined && c.version === (first.version ?? 0) + i + 1)).toBe(true)
    const followed = after.reduce((g, c) => applyGraphDelta(g, c.delta!), first)
    const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id).sort()
    const final = await host.getGraph()
    expect(ids(followed.nodes)).toEqual(ids(final.nodes))
    expect(ids(followed.edges)).toEqual(ids(final.edges))
    expect(followed.partial).toBeUndefined()
  })

  it('rejects when another host holds the settings folder', async () => {
    await expect(openAtOnce({ folder: notes, bundledFolder: content, cacheDir: null, settingsDir: path.join(tmp, 'state'), lockWaitMs: 0 }))
      .rejects.toThrow(/another|in use|running|lock/i)
  })
})
