import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ParsePool, resolveWorkerUrl } from './pool'
import type { FileResult } from '../index/parse-file'

describe('ParsePool', () => {
  it('finds its worker entry and parses batches in worker threads', async () => {
    expect(resolveWorkerUrl()?.pathname).toMatch(/parse-worker\.ts$/)
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-pool-'))
    const jobs = Array.from({ length: 5 }, (_, i) => {
      writeFileSync(path.join(dir, `n${i}.md`), `# Note ${i}\n\nUses Amazon S3.\n`)
      return { path: `n${i}.md`, abs: path.join(dir, `n${i}.md`) }
    })
    const pool = ParsePool.create(2)!
    const got: FileResult[] = []
    try {
      await pool.run(jobs, (rs) => got.push(...rs), 2)
    } finally {
      await pool.close()
      rmSync(dir, { recursive: true, force: true })
    }
    expect(got.map((r) => r.meta?.title).sort()).toEqual(['Note 0', 'Note 1', 'Note 2', 'Note 3', 'Note 4'])
  })

  it('rejects instead of hanging when a worker cannot start, so callers can parse in-process', async () => {
    const pool = ParsePool.create(1, pathToFileURL(path.join(os.tmpdir(), 'no-such-worker.js')))!
    await expect(pool.run([{ path: 'a.md', abs: '/nonexistent/a.md' }], () => {})).rejects.toThrow()
    await pool.close()
  })
})
