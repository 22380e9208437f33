import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cacheFileFor, loadCache, saveCache } from './cache'
import type { FileResult } from './parse-file'
import { EXTRACTOR_VERSION } from '../extract/index'

const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-cache-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const entry: FileResult = {
  path: 'a.md', size: 10, mtimeMs: 5, hash: 'abc', lineOffset: 0, diagnostics: [],
  meta: {
    path: 'a.md', title: 'A', tags: ['x'], sections: [{ id: 'a', title: 'A', depth: 1, line: 1, endLine: 3 }], links: [],
    mentions: [{ entity: 'service:amazon-s3', text: 'S3', line: 2, column: 1, section: 'a' }], size: 10, mtimeMs: 5, hash: 'abc',
  },
}

describe('persisted index file', () => {
  const file = cacheFileFor(dir, '/notes')

  it('round-trips entries for the same folder and ontology version', async () => {
    await saveCache(file, '/notes', 'v1', [entry, { path: 'bin.md', size: 3, mtimeMs: 1, hash: 'h', diagnostics: [] }])
    const back = await loadCache(file, '/notes', 'v1')
    expect(back.get('a.md')).toEqual(entry)
    expect(back.get('bin.md')?.meta).toBeUndefined()
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(false)
  })

  it('is ignored once the extractor has changed', async () => {
    await saveCache(file, '/notes', 'v1', [entry])
    const data = JSON.parse(readFileSync(file, 'utf8')) as { extractor: number }
    expect(data.extractor).toBe(EXTRACTOR_VERSION)
    writeFileSync(file, JSON.stringify({ ...data, extractor: EXTRACTOR_VERSION - 1 }))
    expect((await loadCache(file, '/notes', 'v1')).size).toBe(0)
    await saveCache(file, '/notes', 'v1', [entry])
  })

  it('is ignored after an ontology change, for another folder, or when corrupt', async () => {
    expect((await loadCache(file, '/notes', 'v2')).size).toBe(0)
    expect((await loadCache(file, '/other', 'v1')).size).toBe(0)
    writeFileSync(file, '{"format":2,')
    expect((await loadCache(file, '/notes', 'v1')).size).toBe(0)
  })
})
