// A file added while the app runs that is not a note (binary, a link out of the folder) changes no note, only the
// diagnostics: they must reach the page then, not with the next unrelated edit.
import { describe, expect, it } from 'vitest'
import { rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { eachTestFolder, followChanges, writeNote } from './test-vault'

const folder = eachTestFolder('ng-diags-')

describe('diagnostics of files added while the app runs', () => {
  it('a binary file and a link out of the folder are reported at once', async () => {
    const notes = folder.notes()
    writeNote(notes, 'D1/a.md', '# A\n\nAWS Glue.\n')
    const backend = await folder.open()
    const page = followChanges(backend)
    const codes = () => page.held().diagnostics.map((d) => `${d.file} ${d.code}`).sort()
    expect(codes()).toEqual([])
    writeFileSync(path.join(notes, 'D1/bin.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))
    await backend.update(['D1/bin.md'])
    expect(codes()).toEqual(['D1/bin.md binary-file'])
    const outside = path.join(folder.tmp(), 'outside.md')
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
