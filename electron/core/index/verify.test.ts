// The content check of a warm start: an edit that kept size and mtime is always found; a one-shot run (the CLI)
// reads only the notes whose ctime is not the one recorded before their last read.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Vault } from '../vault'
import * as verify from './verify'
import { RACY_MS, contentStamp } from './verify'

vi.mock('./verify', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./verify')>()
  return { ...actual, findChangedContent: vi.fn(actual.findChangedContent) }
})

let tmp: string
let root: string
let cacheDir: string
const MTIME = 1_700_000_000

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-verify-'))
  root = path.join(tmp, 'notes')
  cacheDir = path.join(tmp, 'cache')
  mkdirSync(root)
  for (const n of ['a', 'b', 'c']) {
    writeFileSync(path.join(root, `${n}.md`), `# Note ${n}\n\nAmazon S3 and AWS Glue.\n`)
    utimesSync(path.join(root, `${n}.md`), MTIME, MTIME) // whole seconds: an mtime that can be put back exactly
  }
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
afterEach(() => vi.restoreAllMocks())

/** Open the folder as if `later` ms had passed since its files were written (their ctimes are then not racy). */
async function openLater(later: number): Promise<Vault> {
  const now = Date.now.bind(Date)
  const spy = vi.spyOn(Date, 'now').mockImplementation(() => now() + later)
  try {
    return await Vault.open(root, { cacheDir, workers: 0 })
  } finally {
    spy.mockRestore()
  }
}

/** the notes the last verifyContent read */
const readPaths = () => (vi.mocked(verify.findChangedContent).mock.lastCall?.[0] ?? []).map((f) => f.path).sort()

describe('contentStamp', () => {
  it('records a ctime only when it is older than the moment it was seen by more than the racy margin', () => {
    const seenAt = 1_700_000_000_000
    expect(contentStamp(seenAt - RACY_MS - 1, seenAt)).toBe(seenAt - RACY_MS - 1)
    expect(contentStamp(seenAt - RACY_MS, seenAt)).toBeUndefined() // a second write in the same tick could keep it
    expect(contentStamp(seenAt + 5, seenAt)).toBeUndefined() // in the future: a clock to distrust
    expect(contentStamp(undefined, seenAt)).toBeUndefined()
  })
})

describe('verifyContent', () => {
  it('with trustCtime reads only notes whose ctime changed, and still finds an edit that kept size and mtime', async () => {
    const cold = await openLater(60_000) // the files were written "a minute ago": their ctimes are recorded
    expect(cold.entry('a.md')?.ctimeMs).toBe(statSync(path.join(root, 'a.md')).ctimeMs)
    await cold.close()
    await cold.flush()

    const warm = await openLater(60_000)
    expect(warm.stats.reused).toBe(3)
    expect(await warm.verifyContent({ trustCtime: true })).toEqual([])
    expect(readPaths()).toEqual([]) // nothing read: every ctime is the recorded one
    // without trust (the app's background check), every note is read
    expect(await warm.verifyContent()).toEqual([])
    expect(readPaths()).toEqual(['a.md', 'b.md', 'c.md'])
    await warm.close()

    // same size, mtime put back: only the ctime tells
    const b = path.join(root, 'b.md')
    const { size } = statSync(b)
    writeFileSync(b, '# Note B\n\nAmazon S3 and AWS Glue.\n') // was '# Note b'
    utimesSync(b, MTIME, MTIME)
    expect(statSync(b).size).toBe(size)
    const after = await openLater(60_000)
    expect(after.stats.reused).toBe(3) // size and mtime match: taken from the index
    expect(await after.verifyContent({ trustCtime: true })).toEqual(['b.md'])
    expect(readPaths()).toEqual(['b.md'])
    await after.update(['b.md'])
    expect(after.meta('b.md')?.title).toBe('Note B')
    await after.close()
  })

  it('reads a note whose ctime was too recent to record when it was indexed', async () => {
    const c = path.join(root, 'c.md')
    writeFileSync(c, '# Note c\n\nAmazon S3 and AWS Glue!\n')
    utimesSync(c, MTIME + 1, MTIME + 1)
    const fresh = await Vault.open(root, { cacheDir, workers: 0 }) // now: c.md was written just before
    expect(fresh.entry('c.md')?.ctimeMs).toBeUndefined()
    await fresh.close()
    await fresh.flush()
    const warm = await Vault.open(root, { cacheDir, workers: 0 })
    expect(await warm.verifyContent({ trustCtime: true })).toEqual([])
    expect(readPaths()).toContain('c.md')
    await warm.close()
  })
})
