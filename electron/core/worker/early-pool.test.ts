// A cold open starts its parse workers during the scan; an open with a saved index starts none.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Vault } from '../vault'
import { ParsePool } from './pool'

const dirs: string[] = []
const origCreate = ParsePool.create.bind(ParsePool)
afterEach(() => {
  vi.restoreAllMocks()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function folder(notes: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-early-'))
  dirs.push(dir)
  for (let i = 0; i < notes; i++) writeFileSync(path.join(dir, `n${i}.md`), `# Note ${i}\n\nUses Amazon S3 and AWS Glue.\n`)
  return dir
}

describe('parse workers of a cold open', () => {
  it('are started while the scan runs and parse every note; a second open with the saved index starts none', async () => {
    const notes = folder(6)
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'ng-early-cache-'))
    dirs.push(cacheDir)
    const create = vi.spyOn(ParsePool, 'create')
    const callers: string[] = []
    create.mockImplementation((...args) => {
      callers.push(new Error().stack ?? '')
      return origCreate(...args)
    })
    const cold = await Vault.open(notes, { cacheDir, workers: 2, inProcessBelow: 3 })
    expect(create).toHaveBeenCalledTimes(1)
    expect(callers[0]).toMatch(/addFile/) // from the scan, as it found the third note
    expect(cold.stats.usedWorkers).toBe(true)
    expect(cold.metas().map((m) => m.title).sort()).toEqual(['Note 0', 'Note 1', 'Note 2', 'Note 3', 'Note 4', 'Note 5'])
    await cold.close() // writes the index
    create.mockClear()
    const warm = await Vault.open(notes, { cacheDir, workers: 2, inProcessBelow: 3 })
    expect(warm.stats.reused).toBe(6)
    expect(create).not.toHaveBeenCalled()
    await warm.close()
  })

  it('are not started for a folder with fewer notes than are worth workers', async () => {
    const create = vi.spyOn(ParsePool, 'create')
    const v = await Vault.open(folder(2), { cacheDir: null, workers: 2, inProcessBelow: 3 })
    expect(create).not.toHaveBeenCalled()
    expect(v.metas()).toHaveLength(2)
    await v.close()
  })
})
