// Search as the app sees it: through the backend, on real files, with the full-text index built in the
// background after the first query, kept up to date by updates, and confined to the opened folder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createBackend, type Backend } from './backend'
import { writeNote } from './test-vault'

let tmp: string
let notes: string
let backend: Backend | undefined

const write = (rel: string, text: string) => writeNote(notes, rel, text)
const textHits = (q: string) => backend!.search(q, 30).filter((h) => h.kind === 'text')

/** Wait until the background index answers: only it forgives typos, so a misspelt query finds a note. */
async function indexReady(): Promise<void> {
  for (let i = 0; i < 500 && !textHits('throughputt').length; i++) await new Promise((r) => setTimeout(r, 10))
  expect(textHits('throughputt').length).toBeGreaterThan(0)
}

beforeEach(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-search-'))
  notes = path.join(tmp, 'notes')
  write('D1/streams.md', '# Streams\n\nShards set the throughput of a stream.\n\n## Retention\n\nRecords stay for a day by default.\n')
  write('D2/training.md', '# Training\n\nSpot training saves cost with checkpoints.\n')
  writeFileSync(path.join(tmp, 'secret.md'), '# Secret\n\nThe launch codes are zebracorn.\n')
  backend = await createBackend({ folder: notes, bundledFolder: notes, cacheDir: null, settingsDir: path.join(tmp, 'settings'), workers: 0 })
  textHits('warm up') // the first query starts the background build
  await indexReady()
})

afterEach(async () => {
  await backend?.close()
  backend = undefined
  rmSync(tmp, { recursive: true, force: true })
})

describe('search through the backend', () => {
  it('finds a phrase, a prefix and a misspelling with the line and its section', () => {
    expect(textHits('stay for a day')).toMatchObject([{ id: 'note:D1/streams.md', snippet: { line: 7, sectionTitle: 'Retention' } }])
    expect(textHits('checkp')).toMatchObject([{ id: 'note:D2/training.md', snippet: { line: 3 } }])
    expect(textHits('checkpoinst')[0]?.snippet?.text).toContain('checkpoints')
  })

  it('finds the new text of an edited note and not the old', async () => {
    write('D2/training.md', '# Training\n\nManaged warm pools keep instances between jobs.\n')
    await backend!.update(['D2/training.md'])
    expect(textHits('checkpoints')).toEqual([])
    expect(textHits('warm pools')).toMatchObject([{ id: 'note:D2/training.md', snippet: { line: 3 } }])
  })

  it('drops a deleted note and finds an added one', async () => {
    rmSync(path.join(notes, 'D1/streams.md'))
    write('D3/new.md', '# New\n\nShadow tests compare variants.\n')
    await backend!.update(['D1/streams.md', 'D3/new.md'])
    expect(textHits('shards')).toEqual([])
    expect(textHits('shadow')).toMatchObject([{ id: 'note:D3/new.md' }])
  })

  it('never shows a file outside the folder reached through a symlink made while it is open', async () => {
    symlinkSync(path.join(tmp, 'secret.md'), path.join(notes, 'D1/leak.md'))
    await backend!.update(['D1/leak.md'])
    expect(textHits('zebracorn')).toEqual([])
    expect(textHits('launch codes')).toEqual([])
    expect(backend!.search('secret', 30).map((h) => h.id)).not.toContain('note:D1/leak.md')
  })
})
