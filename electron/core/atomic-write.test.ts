import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// rename fails with the queued error codes first (as Windows does while another process holds the file)
const failures: string[] = []
let renameCalls = 0
const failNext = () => {
  renameCalls++
  const code = failures.shift()
  if (!code) return undefined
  return Object.assign(new Error(`${code}: rename`), { code })
}
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  return { ...real, rename: async (a: string, b: string) => { const e = failNext(); if (e) throw e; return real.rename(a, b) } }
})
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>()
  return { ...real, renameSync: (a: string, b: string) => { const e = failNext(); if (e) throw e; return real.renameSync(a, b) } }
})

const { writeFileAtomic, writeFileAtomicSync, writeFileAtomicChunks } = await import('./atomic-write')

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ng-atomic-'))
  failures.length = 0
  renameCalls = 0
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const file = () => path.join(dir, 'settings.json')
const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'))

describe('atomic writes retry a rename blocked for a moment', () => {
  it('writes the file when rename fails twice with EPERM and then succeeds', async () => {
    writeFileSync(file(), 'old')
    failures.push('EPERM', 'EPERM')
    await writeFileAtomic(file(), 'new')
    expect(readFileSync(file(), 'utf8')).toBe('new')
    expect(renameCalls).toBe(3)
    expect(leftovers()).toEqual([])
  })

  it('retries EACCES and EBUSY too, in the synchronous and chunked forms', async () => {
    failures.push('EACCES', 'EBUSY')
    writeFileAtomicSync(file(), 'sync')
    expect(readFileSync(file(), 'utf8')).toBe('sync')
    failures.push('EBUSY')
    await writeFileAtomicChunks(file(), ['a', 'b'])
    expect(readFileSync(file(), 'utf8')).toBe('ab')
    expect(renameCalls).toBe(5)
  })

  it('gives up after the backoff with the error, keeping the old file and no temp file', async () => {
    writeFileSync(file(), 'old')
    failures.push(...Array(20).fill('EBUSY'))
    const t0 = Date.now()
    await expect(writeFileAtomic(file(), 'new')).rejects.toMatchObject({ code: 'EBUSY' })
    expect(Date.now() - t0).toBeGreaterThanOrEqual(500) // it waited before giving up
    expect(renameCalls).toBe(8)
    expect(readFileSync(file(), 'utf8')).toBe('old')
    expect(leftovers()).toEqual([])
  })

  it('does not retry errors that cannot clear (a full disk, another device)', async () => {
    failures.push('ENOSPC')
    await expect(writeFileAtomic(file(), 'x')).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(renameCalls).toBe(1)
    expect(leftovers()).toEqual([])
  })
})
