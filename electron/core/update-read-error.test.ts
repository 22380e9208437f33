// A note whose read fails once (another program holds it while writing: a sharing violation on Windows, EBUSY,
// a network drive) must be read again on its next change event, even though its size and mtime already match
// what the failed read recorded: otherwise it stays out of the graph until the next launch.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openTestBackend, writeNote } from './test-vault'
import type { Backend } from './backend'

const failOnce = vi.hoisted(() => new Set<string>())
vi.mock('./parse/read', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./parse/read')>()
  return {
    ...actual,
    readNoteFile: (abs: string, rel: string) => {
      if (!failOnce.delete(rel)) return actual.readNoteFile(abs, rel)
      const st = statSync(abs)
      return { size: st.size, mtimeMs: st.mtimeMs, hash: '', truncated: false, diagnostics: [{ file: rel, severity: 'error', code: 'read-error', message: 'Could not read the file (EBUSY); skipped.' }] }
    },
  }
})

let tmp: string
let notes: string
let backend: Backend | undefined

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-readerr-'))
  notes = path.join(tmp, 'notes')
  writeNote(notes, 'D1/a.md', '# A\n')
})
afterEach(async () => {
  await backend?.close()
  backend = undefined
  rmSync(tmp, { recursive: true, force: true })
})

describe('a note that could not be read', () => {
  it('is read again on its next event, although its size and mtime did not change since', async () => {
    backend = await openTestBackend(tmp, notes)
    const has = () => backend!.getGraph().nodes.some((n) => n.id === 'note:D1/held.md')
    writeNote(notes, 'D1/held.md', '# Held\n\nAWS Glue.\n')
    const aMinuteAgo = Date.now() / 1000 - 60 // written a while ago (a copy that keeps its time, a slow sync)
    utimesSync(path.join(notes, 'D1/held.md'), aMinuteAgo, aMinuteAgo)
    failOnce.add('D1/held.md')
    await backend.update(['D1/held.md']) // the writer still holds it
    expect(has()).toBe(false)
    await backend.update(['D1/held.md']) // its next event: the file is as it was, now readable
    expect(has()).toBe(true)
  })
})
