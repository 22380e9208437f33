// The folder watcher as the backend uses it: one batch per change of a note, and a symlink leading out of the
// folder never reaching the graph or search.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { watchFolder, type FolderWatcher } from './watch'
import { createBackend, type Backend } from './backend'
import type { GraphChange } from './types'

let tmp: string
let notes: string
let watcher: FolderWatcher | undefined
let backend: Backend | undefined

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-watch-'))
  notes = path.join(tmp, 'notes')
  mkdirSync(path.join(notes, 'D1'), { recursive: true })
  writeFileSync(path.join(notes, 'D1/a.md'), '# A\n')
  writeFileSync(path.join(tmp, 'secret.md'), '# Secret\n\nzebracorn\n')
})
afterEach(async () => {
  watcher?.close()
  watcher = undefined
  await backend?.close()
  backend = undefined
  rmSync(tmp, { recursive: true, force: true })
})

/** Batches as they come; `next()` waits for the next one not yet taken. */
function collector() {
  const batches: string[][] = []
  let taken = 0
  const waiters: (() => void)[] = []
  return {
    push(paths: string[]) { batches.push(paths); waiters.splice(0).forEach((w) => w()) },
    async next(): Promise<string[]> {
      while (batches.length <= taken) await new Promise<void>((r) => waiters.push(r))
      return batches[taken++]
    },
  }
}

describe('watchFolder', () => {
  it('reports create, edit, rename and delete of a note as one batch each', async () => {
    const c = collector()
    watcher = watchFolder(notes, (p) => c.push(p), { debounceMs: 150 })
    const at = (rel: string) => path.join(notes, rel)

    writeFileSync(at('D1/new.md'), '# New\n')
    expect(await c.next()).toEqual(['D1/new.md'])
    appendFileSync(at('D1/new.md'), 'More.\n')
    expect(await c.next()).toEqual(['D1/new.md'])
    renameSync(at('D1/new.md'), at('D1/renamed.md'))
    expect((await c.next()).sort()).toEqual(['D1/new.md', 'D1/renamed.md'])
    rmSync(at('D1/renamed.md'))
    expect(await c.next()).toEqual(['D1/renamed.md'])
    // nothing else was pending: the next batch is this sentinel's
    writeFileSync(at('D1/sentinel.md'), '# S\n')
    expect(await c.next()).toEqual(['D1/sentinel.md'])
  })

  it('leaves out dot-folders and node_modules', async () => {
    const c = collector()
    watcher = watchFolder(notes, (p) => c.push(p), { debounceMs: 150 })
    mkdirSync(path.join(notes, '.obsidian'))
    writeFileSync(path.join(notes, '.obsidian/x.md'), 'x')
    writeFileSync(path.join(notes, 'D1/seen.md'), '# Seen\n')
    expect(await c.next()).toEqual(['D1/seen.md'])
  })
})

describe('the debounce', () => {
  /** watchFolder over a stand-in for fs.watch whose events the test sends, on fake timers */
  function fakeEvents(opts: { debounceMs: number; maxWaitMs: number }) {
    vi.useFakeTimers()
    let emit: (event: string, file: string) => void = () => {}
    const fake = { on: () => fake, close: () => undefined } as unknown as fs.FSWatcher
    const spy = vi.spyOn(fs, 'watch').mockImplementation(((_root: string, _o: unknown, cb: (e: string, f: string) => void) => { emit = cb; return fake }) as unknown as typeof fs.watch)
    const batches: string[][] = []
    watcher = watchFolder(notes, (p) => { batches.push(p) }, opts)
    return { batches, emit: (f: string) => emit('change', f), done: () => { spy.mockRestore(); vi.useRealTimers() } }
  }

  it('a note saved while the folder never goes quiet still goes out, within the longest wait', () => {
    const w = fakeEvents({ debounceMs: 100, maxWaitMs: 500 })
    try {
      // another program touches a file every 50 ms for 2 s; a note is saved 120 ms in
      for (let t = 0; t < 2000; t += 50) {
        w.emit('D1/busy.md')
        if (t === 100) w.emit('D1/saved.md')
        vi.advanceTimersByTime(50)
      }
      expect(w.batches[0]).toEqual(['D1/busy.md', 'D1/saved.md']) // at 500 ms, not after the 2 s
      expect(w.batches.length).toBe(4)
    } finally { w.done() }
  })

  it('a burst still goes out as one batch once the folder is quiet', () => {
    const w = fakeEvents({ debounceMs: 100, maxWaitMs: 500 })
    try {
      for (const f of ['D1/n.md', 'D1/n.md.tmp', 'D1/n.md']) { w.emit(f); vi.advanceTimersByTime(30) }
      expect(w.batches).toEqual([])
      vi.advanceTimersByTime(100)
      expect(w.batches).toEqual([['D1/n.md', 'D1/n.md.tmp']])
    } finally { w.done() }
  })
})

describe('the polling fallback (fs.watch failed)', () => {
  it('rescans everything, and waits longer between rescans when one is slow', async () => {
    const calls: { at: number; paths: string[] }[] = []
    // a folder fs.watch cannot watch: polling from the start; each "rescan" takes 40 ms
    watcher = watchFolder(path.join(tmp, 'missing'), (paths) => {
      calls.push({ at: performance.now(), paths })
      return new Promise((r) => setTimeout(r, 40))
    }, { pollMs: 10 })
    while (calls.length < 2) await new Promise((r) => setTimeout(r, 20))
    expect(calls[0].paths).toEqual([]) // [] = rescan all
    // at least 20 × 40 ms after the first rescan ended, not 10 ms
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(800)
  })
})

describe('watching through the backend', () => {
  it('ignores a symlink to a file outside the folder, made while the folder is open', async () => {
    backend = await createBackend({ folder: notes, bundledFolder: notes, cacheDir: null, settingsDir: path.join(tmp, 'settings'), workers: 0, watch: true })
    const changes: GraphChange[] = []
    const seen = new Promise<void>((resolve) => backend!.onChange((ch) => { changes.push(ch); if (ch.changed.includes('D1/after.md')) resolve() }))
    symlinkSync(path.join(tmp, 'secret.md'), path.join(notes, 'D1/leak.md'))
    writeFileSync(path.join(notes, 'D1/after.md'), '# After\n')
    await seen
    expect(changes.flatMap((ch) => ch.changed)).not.toContain('D1/leak.md')
    const ids = backend.getGraph().nodes.map((n) => n.id)
    expect(ids).toContain('note:D1/after.md')
    expect(ids).not.toContain('note:D1/leak.md')
    expect(backend.search('zebracorn', 10)).toEqual([])
    expect(backend.getGraph().diagnostics.some((d) => d.code === 'symlink-outside' && d.file === 'D1/leak.md')).toBe(true)
  })
})

describe('notes written while the folder is being opened', () => {
  const until = async (cond: () => boolean) => { await vi.waitFor(() => expect(cond()).toBe(true), { timeout: 5000, interval: 20 }) }
  const hasNote = (b: Backend, rel: string) => b.getGraph().nodes.some((n) => n.id === `note:${rel}`)

  it('a note saved after the folder was listed, before its watcher started, reaches the graph', async () => {
    let written = false
    backend = await createBackend({
      folder: notes, bundledFolder: notes, cacheDir: null, settingsDir: path.join(tmp, 'settings'), workers: 0, watch: true,
      // the folder has been listed and parsed; the graph is being built
      onProgress: (p) => { if (p.phase === 'graph' && !written) { written = true; writeFileSync(path.join(notes, 'D1/during-open.md'), '# During open\n') } },
    })
    expect(written).toBe(true)
    await until(() => hasNote(backend!, 'D1/during-open.md'))
  })

  it('…and in an open that serves the graph while it parses (progressive)', async () => {
    for (let i = 0; i < 6; i++) writeFileSync(path.join(notes, `D1/n${i}.md`), `# N${i}\n\nAWS Glue.\n`)
    let written = false
    backend = await createBackend({
      folder: notes, bundledFolder: notes, cacheDir: null, settingsDir: path.join(tmp, 'settings'), workers: 0, watch: true,
      progressiveFrom: 2, batchMs: 10,
      onProgress: (p) => { if (p.phase === 'parse' && !written) { written = true; writeFileSync(path.join(notes, 'D1/during-parse.md'), '# During parse\n') } },
    })
    await backend.whenIndexed()
    expect(written).toBe(true)
    await until(() => hasNote(backend!, 'D1/during-parse.md'))
  })

  it('…and so does one saved while another folder is opened in its place', async () => {
    const other = path.join(tmp, 'other')
    mkdirSync(path.join(other, 'D2'), { recursive: true })
    writeFileSync(path.join(other, 'D2/b.md'), '# B\n')
    let armed = false
    backend = await createBackend({
      folder: notes, bundledFolder: notes, cacheDir: null, settingsDir: path.join(tmp, 'settings'), workers: 0, watch: true,
      onProgress: (p) => { if (armed && p.phase === 'graph') { armed = false; writeFileSync(path.join(other, 'D2/during-open.md'), '# During open\n') } },
    })
    armed = true
    await backend.openFolder(other)
    expect(armed).toBe(false)
    await until(() => hasNote(backend!, 'D2/during-open.md'))
  })
})
