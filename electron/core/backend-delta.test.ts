// The backend's change events as the renderer follows them: the whole graph on open, then deltas that turn the
// graph it holds into the host's, numbered so a gap shows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Backend } from './backend'
import { writeNote, openTestBackend, followChanges } from './test-vault'
import type { Graph } from './types'

let tmp: string
let notes: string
let backend: Backend | undefined

const write = (rel: string, text: string) => writeNote(notes, rel, text)
const open = () => openTestBackend(tmp, notes)
/** order-free content of a graph */
const content = (g: Graph) => {
  const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1)
  return { nodes: [...g.nodes].sort(byId), edges: [...g.edges].sort(byId), diagnostics: g.diagnostics }
}

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-delta-'))
  notes = path.join(tmp, 'notes')
  write('D1_prep/a.md', '# Note A\n\nAWS Glue and Amazon S3 here.\n\nLinks to [B](../D2_dev/b.md).\n')
  write('D2_dev/b.md', '# Note B\n\n#beta text about Amazon Kinesis\n')
})

afterEach(async () => {
  await backend?.close()
  backend = undefined
  rmSync(tmp, { recursive: true, force: true })
})

describe('backend change events', () => {
  it('send deltas for edits, additions and removals that bring the page’s graph to the host’s', async () => {
    backend = await open()
    const f = followChanges(backend)
    write('D1_prep/a.md', '# Note A renamed\n\nAWS Glue, Amazon S3 and Amazon SageMaker here.\n')
    await backend.update(['D1_prep/a.md'])
    write('D3_x/c.md', '# C\n\nSee [[a]] and Amazon Kinesis.\n')
    await backend.update(['D3_x/c.md'])
    rmSync(path.join(notes, 'D2_dev/b.md'))
    await backend.update(['D2_dev/b.md'])
    expect(f.changes.map((c) => [c.version, !!c.graph, !!c.delta])).toEqual([[1, false, true], [2, false, true], [3, false, true]])
    expect(f.changes[0].delta?.updatedNodes.map((n) => n.id)).toContain('note:D1_prep/a.md')
    expect(content(f.held())).toEqual(content(backend.getGraph()))
    expect(backend.getGraph().version).toBe(3)
  })

  it('after a warm start (graph snapshot) too, and the whole graph on reload', async () => {
    backend = await open()
    await backend.close()
    backend = await open()
    expect(backend.vault.stats.parsed).toBe(0)
    const f = followChanges(backend)
    write('D2_dev/b.md', '# Note B\n\nNow about AWS Glue.\n')
    await backend.update(['D2_dev/b.md'])
    expect(f.changes[0].delta).toBeDefined()
    expect(content(f.held())).toEqual(content(backend.getGraph()))
    await backend.reload()
    expect(f.changes.at(-1)?.graph).toBeDefined()
    expect(f.changes.at(-1)?.version).toBe(2)
  })
})
