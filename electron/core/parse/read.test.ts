import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { MAX_RUN_BYTES, hashBytes, readNoteFile } from './read'

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

describe('readNoteFile on what is not a note file', () => {
  it('reads size, mtime and hash of a note; skips a folder, a named pipe and a missing file with a message', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-read-'))
    try {
      writeFileSync(path.join(dir, 'n.md'), '# N\n\nAmazon S3.\n')
      const f = readNoteFile(path.join(dir, 'n.md'), 'n.md')
      expect(f).toMatchObject({ text: '# N\n\nAmazon S3.\n', size: 16, truncated: false, diagnostics: [] })
      expect(f.mtimeMs).toBe(statSync(path.join(dir, 'n.md')).mtimeMs)
      expect(f.hash).toBe(hashBytes(readFileSync(path.join(dir, 'n.md'))))
      mkdirSync(path.join(dir, 'folder.md'))
      expect(readNoteFile(path.join(dir, 'folder.md'), 'folder.md').diagnostics.map((d) => d.code)).toEqual(['not-a-file'])
      expect(readNoteFile(path.join(dir, 'gone.md'), 'gone.md').diagnostics.map((d) => [d.code, d.message])).toEqual([['read-error', 'Could not read the file (ENOENT); skipped.']])
      if (process.platform !== 'win32') {
        // nobody writes to it: a blocking open would wait forever
        execFileSync('mkfifo', [path.join(dir, 'pipe.md')])
        expect(readNoteFile(path.join(dir, 'pipe.md'), 'pipe.md').diagnostics.map((d) => d.code)).toEqual(['not-a-file'])
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('readNoteFile reads whole files', () => {
  it('gives every byte and the sha1 of an empty, a small, a pool-sized and a multi-megabyte file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-read-'))
    try {
      for (const size of [0, 1, 4095, 4096, 8193, 65536 + 7, 3 * 1024 * 1024 + 5]) {
        // printable bytes and newlines, blank lines often enough that no run is cut
        const bytes = Buffer.alloc(size)
        for (let i = 0; i < size; i++) bytes[i] = i % 97 === 96 ? 10 : i % 997 === 0 ? 10 : 32 + (i % 90)
        const file = path.join(dir, `n${size}.md`)
        writeFileSync(file, bytes)
        const f = readNoteFile(file, `n${size}.md`)
        expect(f.size).toBe(size)
        expect(f.hash).toBe(createHash('sha1').update(bytes).digest('hex'))
        if (size <= 1024 * 1024) expect(f.text).toBe(bytes.toString('utf8'))
        else expect(bytes.toString('utf8').startsWith(f.text ?? '-')).toBe(true)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
