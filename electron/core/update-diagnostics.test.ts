// A file added while the app runs that is not a note (binary, a link out of the folder) changes no note, only the
// diagnostics: they must reach the page then, not with the next unrelated edit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { followChanges, openTestBackend, writeNote } from './test-vault'
import type { Backend } from './backend'

let tmp: string
let notes: string
let backend: Backend | undefined

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-diags-'))
  notes = path.join(tmp, 'notes')
  writeNote(notes, 'D1/a.md', '# A\n\nAWS Glue.\n')
})
afterEach(async () => {
  await backend?.close()
  backend = undefined
  rmSync(tmp, { recursive: true, force: true })
})

describe('diagnostics of files added while the app runs', () => {
  it('a binary file and a link out of the folder are reported at once', async () => {
    backend = await openTestBackend(tmp, notes)
    const page = followChanges(backend)
    const codes = () => page.held().diagnostics.map((d) => `${d.file} ${d.code}`).sort()
    expect(codes()).toEqual([])
    writeFileSync(path.join(notes, 'D1/bin.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))
    await backend.update(['D1/bin.md'])
    expect(codes()).toEqual(['D1/bin.md binary-file'])
    const outside = path.join(tmp, 'outside.md')
    writeFileSync(outside, '# Outside\n')
    symlinkSync(outside, path.join(notes, 'D1/out.md'))
    await backend.update(['D1/out.md'])
    expect(codes()).toEqual(['D1/bin.md binary-file', 'D1/out.md symlink-outside'])
    // removed again: the warning goes too
    rmSync(path.join(notes, 'D1/bin.md'))
    await backend.update(['D1/bin.md'])
    expect(codes()).toEqual(['D1/out.md symlink-outside'])
  })
})
