import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { MAX_RUN_BYTES, readNoteFile } from './read'

function readText(text: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-read-'))
  try {
    writeFileSync(path.join(dir, 'n.md'), text)
    return readNoteFile(path.join(dir, 'n.md'), 'n.md')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('readNoteFile limits', () => {
  it('cuts a note inside a paragraph too long to parse quickly, at a line end, and says where', () => {
    const head = '# Log\n\nIntro.\n\n'
    const run = 'Amazon S3 line of a never-ending paragraph\n'.repeat(Math.ceil((MAX_RUN_BYTES * 1.5) / 43))
    const f = readText(head + run + '\n# After\n')
    expect(f.truncated).toBe(true)
    expect(f.text?.endsWith('paragraph\n')).toBe(true)
    expect(f.text?.length).toBeLessThanOrEqual(head.length + MAX_RUN_BYTES)
    expect(f.text?.length).toBeGreaterThan(head.length + MAX_RUN_BYTES - 100)
    expect(f.diagnostics.map((d) => d.code)).toEqual(['paragraph-too-long'])
    expect(f.diagnostics[0].line).toBe((f.text ?? '').split('\n').length - 1)
  })

  it('keeps a long note whose paragraphs are separated by blank lines', () => {
    const text = '# Notes\n\n' + 'A paragraph about AWS Glue and Amazon Athena.\n\n'.repeat(Math.ceil((MAX_RUN_BYTES * 2) / 47))
    const f = readText(text)
    expect(f.truncated).toBe(false)
    expect(f.text).toBe(text)
    expect(f.diagnostics).toEqual([])
  })
})
