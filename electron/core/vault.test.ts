// Bad input never crashes the index: each case gives a diagnostic (or one clear error) and the rest of the
// folder is still indexed. Runs in-process and through the worker pool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Vault } from './vault'
import { VaultError } from './errors'
import type { Diagnostic } from './types'

let tmp: string
let root: string
const isRoot = process.getuid?.() === 0
if (isRoot) console.log('skipped: the unreadable-file check (chmod 000 cannot stop root from reading)')

function write(rel: string, data: string | Buffer): void {
  const abs = path.join(root, rel)
  mkdirSync(path.dirname(abs), { recursive: true })
  writeFileSync(abs, data)
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-vault-'))
  root = path.join(tmp, 'notes')
  mkdirSync(root)
  write('D1_prep/good.md', '---\ndomain: D1\n---\n# Good Note\n\nSee [bad](../../outside.md) and [ok](../D2_dev/other.md).\n')
  write('D2_dev/other.md', '# Other\n\nText.\n')
  write('broken-yaml.md', '---\ntitle: [unclosed\n---\n# Still Indexed\n')
  write('binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]))
  write('latin1.md', Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from(' notes\n\nbody\n')]))
  const big = '# Huge\n\n' + 'A paragraph about Amazon S3 and AWS Glue to fill the note up.\n\n'.repeat(180_000)
  write('huge.md', big)
  write('.hidden/secret.md', '# Hidden\n')
  write('node_modules/pkg/readme.md', '# Dependency\n')
  write('folder.md/inner.md', '# Inside a folder named like a note\n')
  write('ignored.txt', 'not a note')
  // symlinks: a loop back to the root, a self-referencing link, one escaping the folder, a dangling one
  symlinkSync(root, path.join(root, 'D2_dev', 'loop'))
  symlinkSync(path.join(root, 'self.md'), path.join(root, 'self.md'))
  writeFileSync(path.join(tmp, 'outside.md'), '# Outside\n')
  symlinkSync(path.join(tmp, 'outside.md'), path.join(root, 'escape.md'))
  symlinkSync(path.join(root, 'nowhere.md'), path.join(root, 'dangling.md'))
  // a Latin-1 file name (é as the single byte 0xE9): not UTF-8, so it reads back with U+FFFD
  writeFileSync(Buffer.concat([Buffer.from(path.join(root, 'caf')), Buffer.from([0xe9]), Buffer.from('.md')]), '# Cafe\n')
  write('locked.md', '# Locked\n')
  if (!isRoot) chmodSync(path.join(root, 'locked.md'), 0o000)
})

afterAll(() => {
  try { chmodSync(path.join(root, 'locked.md'), 0o644) } catch { /* gone */ }
  rmSync(tmp, { recursive: true, force: true })
})

const codes = (d: Diagnostic[], file: string) => d.filter((x) => x.file === file).map((x) => x.code)

describe.each([
  ['in-process', { workers: 0 }],
  ['worker threads', { workers: 2, inProcessBelow: 0 }],
  ['one-shot: synchronous stats, as the CLI', { workers: 0, oneShot: true }],
])('Vault.open on a messy folder (%s)', (_name, opts) => {
  let vault: Vault
  beforeAll(async () => {
    vault = await Vault.open(root, { cacheDir: null, ...opts })
  })

  it('indexes every readable note and skips the rest', () => {
    const paths = vault.metas().map((m) => m.path)
    expect(paths).toEqual(expect.arrayContaining(['D1_prep/good.md', 'D2_dev/other.md', 'broken-yaml.md', 'latin1.md', 'huge.md', 'folder.md/inner.md']))
    expect(paths).not.toContain('binary.md')
    expect(paths.some((p) => p.startsWith('.hidden') || p.startsWith('node_modules'))).toBe(false)
    expect(paths.some((p) => p.includes('loop/'))).toBe(false)
    expect(paths).not.toContain('escape.md')
    expect(vault.stats.usedWorkers).toBe(opts.workers > 0)
  })

  it('gives each problem a diagnostic', () => {
    const d = vault.diagnostics()
    expect(codes(d, 'binary.md')).toEqual(['binary-file'])
    expect(codes(d, 'broken-yaml.md')).toEqual(['yaml-invalid'])
    expect(codes(d, 'latin1.md')).toEqual(['invalid-utf8'])
    expect(codes(d, 'huge.md')).toEqual(['file-too-large'])
    expect(codes(d, 'D1_prep/good.md')).toEqual(['link-outside'])
    expect(codes(d, 'D2_dev/loop')).toEqual(['symlink-loop'])
    expect(codes(d, 'self.md')).toEqual(['symlink-loop'])
    expect(codes(d, 'escape.md')).toEqual(['symlink-outside'])
    expect(codes(d, 'dangling.md')).toEqual(['read-error'])
    expect(codes(d, 'caf\uFFFD.md')).toEqual(['name-not-utf8'])
    for (const x of d) expect(x.message.length).toBeGreaterThan(10)
  })

  it('keeps what it can of odd notes', () => {
    expect(vault.meta('broken-yaml.md')?.title).toBe('Still Indexed')
    expect(vault.meta('latin1.md')?.title).toBe('Caf\uFFFD notes')
    expect(vault.meta('huge.md')?.title).toBe('Huge')
    expect(vault.meta('huge.md')?.size).toBeGreaterThan(10_000_000)
    expect(vault.meta('D1_prep/good.md')?.links.map((l) => l.resolved)).toEqual([undefined, 'D2_dev/other.md'])
  })

  it.skipIf(isRoot)('reports an unreadable file (chmod 000) and indexes the rest', () => {
    expect(codes(vault.diagnostics(), 'locked.md')).toEqual(['read-error'])
  })
})

describe('Vault.open errors', () => {
  it('throws one clear VaultError for a missing folder or a file', async () => {
    await expect(Vault.open(path.join(tmp, 'missing'), { cacheDir: null })).rejects.toMatchObject({ name: 'VaultError', code: 'ENOENT' })
    await expect(Vault.open(path.join(tmp, 'outside.md'), { cacheDir: null })).rejects.toBeInstanceOf(VaultError)
    await expect(Vault.open(path.join(tmp, 'outside.md'), { cacheDir: null })).rejects.toMatchObject({ code: 'ENOTDIR' })
    const err = await Vault.open(path.join(tmp, 'missing'), { cacheDir: null }).catch((e: Error) => e)
    expect((err as Error).message).not.toContain('\n')
  })

  it('gives an info diagnostic for an empty folder', async () => {
    const empty = path.join(tmp, 'empty')
    mkdirSync(empty)
    const v = await Vault.open(empty, { cacheDir: null })
    expect(v.noteCount).toBe(0)
    expect(v.diagnostics()).toEqual([expect.objectContaining({ file: '', severity: 'info', code: 'empty-folder' })])
  })
})
