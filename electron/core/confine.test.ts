// Confinement while the folder is open: a symbolic link made after the first scan that leads out of the folder
// is judged by the scanner's rule, so the outside file never reaches search, mentions, notes or the index cache.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createBackend, type Backend } from './backend'
import { confineSync, isInside } from './confine'

const SECRET = 'ZEBRAPASSWORD'
let tmp: string
let notes: string
let outside: string
let backend: Backend | undefined

const open = () =>
  createBackend({ folder: notes, bundledFolder: notes, cacheDir: path.join(tmp, 'cache'), settingsDir: path.join(tmp, 'settings'), workers: 0 })

/** Every byte the index cache holds, as text (to look for the secret in it). */
function cacheText(): string {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else out.push(readFileSync(full).toString('latin1'))
    }
  }
  walk(path.join(tmp, 'cache'))
  return out.join('\n')
}

/** Everything a user could reach about a word or an entity through the API. */
async function reachable(b: Backend): Promise<string> {
  await b.whenReady()
  const { nodes, edges } = b.getGraph() // diagnostics may name a refused link, never its content
  return JSON.stringify([nodes, edges, b.search(SECRET, 50), b.search('Glue', 50), b.search('root', 50), b.getMentions('service:aws-glue')])
}

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-confine-'))
  notes = path.join(tmp, 'notes')
  outside = path.join(tmp, 'outside')
  mkdirSync(notes)
  mkdirSync(outside)
  writeFileSync(path.join(notes, 'inside.md'), '# Inside\n\nAWS Glue runs the jobs.\n')
  writeFileSync(path.join(notes, 'plain.md'), '# Plain\n\nA note that will be swapped for a link.\n')
  writeFileSync(path.join(outside, 'passwd.md'), `# Leaked\n\nAWS Glue ${SECRET} root:x:0:0\n`)
})

afterEach(async () => {
  await backend?.close()
  backend = undefined
  rmSync(tmp, { recursive: true, force: true })
})

describe('confinement of notes', () => {
  it('isInside and confineSync follow links and compare whole path segments', () => {
    expect(isInside('/a/b', '/a/b/c.md')).toBe(true)
    expect(isInside('/a/b', '/a/bc/d.md')).toBe(false)
    expect(isInside('/a/b', '/a/b/../c.md')).toBe(false)
    symlinkSync(path.join(outside, 'passwd.md'), path.join(notes, 'x.md'))
    expect(confineSync(notes, path.join(notes, 'x.md'))).toEqual({ status: 'outside' })
    expect(confineSync(notes, path.join(notes, 'inside.md'))).toMatchObject({ status: 'inside' })
    expect(confineSync(notes, path.join(notes, 'gone.md'))).toMatchObject({ status: 'missing', code: 'ENOENT' })
  })

  it('a link to an outside file made while the folder is open never reaches search, mentions, notes or the cache', async () => {
    backend = await open()
    expect(await reachable(backend)).toContain('inside.md')
    // made after the first scan: a file link, a folder link, and a note replaced by a link
    symlinkSync(path.join(outside, 'passwd.md'), path.join(notes, 'leak.md'))
    symlinkSync(outside, path.join(notes, 'linked'))
    unlinkSync(path.join(notes, 'plain.md'))
    symlinkSync(path.join(outside, 'passwd.md'), path.join(notes, 'plain.md'))
    // what the watcher reports for them (the folder both as itself and as the file inside it)
    await backend.update(['leak.md', 'linked', 'linked/passwd.md', 'plain.md'])

    const seen = await reachable(backend)
    expect(seen).toContain('inside.md')
    expect(seen).not.toContain(SECRET)
    expect(seen).not.toContain('leak.md')
    expect(seen).not.toContain('linked/')
    expect(seen).not.toContain('plain.md')
    expect(() => backend!.getNote('leak.md')).toThrow(/No such note/)
    expect(() => backend!.getNote('plain.md')).toThrow(/No such note/)
    const warned = backend.getGraph().diagnostics.filter((d) => d.code === 'symlink-outside').map((d) => d.file)
    expect(warned).toEqual(expect.arrayContaining(['leak.md', 'plain.md']))

    await backend.close()
    backend = undefined
    expect(cacheText()).toContain('inside.md')
    expect(cacheText()).not.toContain(SECRET)
    expect(cacheText()).not.toMatch(/"path":"(leak|plain|linked\/passwd)\.md"/) // no entry; a warning may name it

    // and a warm start from that cache is as clean
    backend = await open()
    const warm = await reachable(backend)
    expect(warm).not.toContain(SECRET)
    expect(warm).toContain('inside.md')
  })

  it('a link inside the folder made while it is open is indexed, and its warning goes when it is fixed', async () => {
    backend = await open()
    symlinkSync(path.join(outside, 'passwd.md'), path.join(notes, 'later.md'))
    await backend.update(['later.md'])
    expect(JSON.stringify(backend.getGraph().nodes)).not.toContain('later.md')
    unlinkSync(path.join(notes, 'later.md'))
    symlinkSync(path.join(notes, 'inside.md'), path.join(notes, 'later.md'))
    await backend.update(['later.md'])
    await backend.whenReady()
    expect(backend.getGraph().nodes.map((n) => n.id)).toContain('note:later.md')
    expect(backend.getGraph().diagnostics.some((d) => d.file === 'later.md' && d.code === 'symlink-outside')).toBe(false)
  })
})
