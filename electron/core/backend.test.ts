import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createBackend, type Backend } from './backend'
import { writeNote, openTestBackend } from './test-vault'
import type { GraphChange } from './types'

let tmp: string
let notes: string
let backend: Backend | undefined

const write = (rel: string, text: string) => writeNote(notes, rel, text)
const ids = (b: Backend) => b.getGraph().nodes.map((n) => n.id)
const open = (extra: Partial<Parameters<typeof createBackend>[0]> = {}) => openTestBackend(tmp, notes, extra)

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-backend-'))
  notes = path.join(tmp, 'notes')
  write('D1_prep/a.md', '---\ntags: [alpha]\n---\n# Note A\n\nLinks to [B](../D2_dev/b.md).\n\n## Part\n\nMore.\n')
  write('D2_dev/b.md', '# Note B\n\n#beta text\n')
  writeFileSync(path.join(tmp, 'secret.md'), '# Secret\n')
})

afterEach(async () => {
  await backend?.close()
  backend = undefined
  rmSync(tmp, { recursive: true, force: true })
})

describe('backend', () => {
  it('builds the graph of a folder', async () => {
    backend = await open()
    expect(backend.getFolder()).toMatchObject({ noteCount: 2, bundled: true })
    expect(ids(backend)).toEqual(expect.arrayContaining(['note:D1_prep/a.md', 'note:D2_dev/b.md', 'domain:D1', 'domain:D2', 'tag:alpha', 'tag:beta']))
    const edges = backend.getGraph().edges.map((e) => `${e.type} ${e.source} ${e.target}`)
    expect(edges).toContain('links-to note:D1_prep/a.md note:D2_dev/b.md')
    expect(edges).toContain('contains domain:D1 note:D1_prep/a.md')
  })

  it('returns a note with markdown, sections and the frontmatter offset', async () => {
    backend = await open()
    const doc = backend.getNote('D1_prep/a.md')
    expect(doc.title).toBe('Note A')
    expect(doc.lineOffset).toBe(3)
    expect(doc.markdown.startsWith('# Note A')).toBe(true)
    expect(doc.sections.map((s) => [s.id, s.line])).toEqual([['note-a', 4], ['part', 8]])
    // file line = markdown line + lineOffset
    expect(doc.markdown.split('\n')[doc.sections[1].line - doc.lineOffset - 1]).toBe('## Part')
    expect(doc.links[0].resolved).toBe('D2_dev/b.md')
    // the reader gets mentions per entity (getMentions), not inside every note
    expect('mentions' in doc).toBe(false)
  })

  it('confines getNote to the opened folder', async () => {
    backend = await open()
    const b = backend
    for (const bad of ['../secret.md', path.join(tmp, 'secret.md'), '/etc/passwd', 'D1_prep/../../secret.md', 'C:\\x.md', 'D1_prep\\a.md', '', 'nope.md', 'D1_prep/a.txt']) {
      expect(() => b.getNote(bad), bad).toThrow()
    }
    // a note swapped for a symlink that leads outside after indexing
    unlinkSync(path.join(notes, 'D2_dev/b.md'))
    symlinkSync(path.join(tmp, 'secret.md'), path.join(notes, 'D2_dev/b.md'))
    expect(() => b.getNote('D2_dev/b.md')).toThrow(/outside/)
  })

  it('gives the reader a batch of notes in the order asked, leaving out the ones it may not or cannot read', async () => {
    backend = await open()
    const docs = backend.getNotes(['D2_dev/b.md', '../secret.md', 'nope.md', 'D1_prep/a.md'])
    expect(docs.map((d) => d.path)).toEqual(['D2_dev/b.md', 'D1_prep/a.md'])
    expect(docs[1]).toEqual(backend.getNote('D1_prep/a.md'))
    expect(JSON.stringify(docs)).not.toContain('Secret')
  })

  it('re-parses nothing on a second open (persisted index) and shows the same graph', async () => {
    const sorted = (b: Backend) => {
      const g = b.getGraph()
      const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1)
      return JSON.stringify({ nodes: [...g.nodes].sort(byId), edges: [...g.edges].sort(byId), diagnostics: g.diagnostics })
    }
    backend = await open()
    expect(backend.vault.stats.parsed).toBe(2)
    const cold = sorted(backend)
    await backend.close()
    backend = await open()
    expect(backend.vault.stats).toMatchObject({ parsed: 0, reused: 2 })
    expect(sorted(backend)).toBe(cold) // served from the graph snapshot
    expect(backend.neighbourhood('note:D1_prep/a.md', 1).nodes).toContain('note:D2_dev/b.md') // builder caught up
    await backend.whenReady()
    expect(sorted(backend)).toBe(cold)
    // touched but same content, and a new note: served from the snapshot, then parsed (the size/mtime key changed)
    utimesSync(path.join(notes, 'D2_dev/b.md'), new Date(), new Date(Date.now() + 5000))
    write('D1_prep/c.md', '# Note C\n')
    await backend.close()
    backend = await open()
    expect(backend.vault.stats).toMatchObject({ parsed: 0, reused: 1 })
    await backend.whenReady()
    expect(backend.vault.stats).toMatchObject({ parsed: 2 })
    expect(ids(backend)).toContain('note:D1_prep/c.md')
    expect(readdirSync(path.join(tmp, 'cache')).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('warm start: the graph comes from the binary snapshot; a damaged snapshot is rebuilt with a message', async () => {
    const sorted = (b: Backend) => {
      const g = b.getGraph()
      const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1)
      return JSON.stringify({ nodes: [...g.nodes].sort(byId), edges: [...g.edges].sort(byId) })
    }
    backend = await open()
    const cold = sorted(backend)
    await backend.close()
    const snap = readdirSync(path.join(tmp, 'cache')).find((f) => f.endsWith('.snap'))
    expect(snap).toBeDefined()
    backend = await open()
    expect(backend.vault.stats).toMatchObject({ parsed: 0, reused: 2 })
    expect(sorted(backend)).toBe(cold)
    expect(backend.getGraph().diagnostics.map((d) => d.code)).not.toContain('snapshot-corrupt')
    await backend.close()

    writeFileSync(path.join(tmp, 'cache', snap!), 'NotesGraphSnap\n\0 but cut short')
    backend = await open()
    expect(sorted(backend)).toBe(cold)
    expect(backend.getGraph().diagnostics).toContainEqual(expect.objectContaining({ file: '', code: 'snapshot-corrupt', message: expect.stringMatching(/damaged/) }))
    await backend.close()
    backend = await open() // rewritten on close: no message the next time
    expect(backend.getGraph().diagnostics.map((d) => d.code)).not.toContain('snapshot-corrupt')
    expect(sorted(backend)).toBe(cold)
  })

  it('warm start catches a note edited while closed with its size and mtime kept (content hash)', async () => {
    const b = path.join(notes, 'D2_dev/b.md')
    utimesSync(b, 1_700_000_000, 1_700_000_000) // whole seconds: restored exactly below
    backend = await open()
    await backend.close()
    write('D2_dev/b.md', '# Note B\n\n#zeta text\n') // same size as '#beta text'
    utimesSync(b, 1_700_000_000, 1_700_000_000)
    backend = await open()
    await backend.whenReady()
    const tags = ids(backend).filter((id) => id.startsWith('tag:'))
    expect(tags).toContain('tag:zeta')
    expect(tags).not.toContain('tag:beta')
  })

  it('updates one changed, added or deleted note incrementally', async () => {
    backend = await open()
    const changes: GraphChange[] = []
    backend.onChange((c) => changes.push(c))

    write('D2_dev/b.md', '# Note B renamed\n\n#gamma\n')
    let c = await backend.update(['D2_dev/b.md'])
    expect(backend.vault.stats.parsed).toBe(1)
    expect(c?.changed).toEqual(['D2_dev/b.md'])
    expect(backend.getGraph().nodes.find((n) => n.id === 'note:D2_dev/b.md')?.label).toBe('Note B renamed')
    expect(ids(backend)).toContain('tag:gamma')
    expect(ids(backend)).not.toContain('tag:beta')

    write('D3_new/c.md', '# Note C\n\nBack to [[a]].\n')
    c = await backend.update(['D3_new/c.md'])
    expect(c?.changed).toContain('D3_new/c.md')
    expect(ids(backend)).toEqual(expect.arrayContaining(['note:D3_new/c.md', 'domain:D3']))
    expect(backend.getGraph().edges.some((e) => e.type === 'links-to' && e.source === 'note:D3_new/c.md' && e.target === 'note:D1_prep/a.md')).toBe(true)

    rmSync(path.join(notes, 'D2_dev/b.md'))
    c = await backend.update(['D2_dev/b.md'])
    expect(c?.changed).toContain('D2_dev/b.md')
    expect(ids(backend)).not.toContain('note:D2_dev/b.md')
    expect(backend.getGraph().edges.some((e) => e.target === 'note:D2_dev/b.md')).toBe(false)
    expect(backend.getGraph().diagnostics.map((d) => d.code)).toContain('link-broken')
    expect(changes).toHaveLength(3)
    expect(backend.getFolder().noteCount).toBe(2)
  })

  it('notices file changes through the watcher', async () => {
    backend = await open({ watch: true })
    const seen = new Promise<GraphChange>((resolve) => backend!.onChange(resolve))
    write('D2_dev/new.md', '# Fresh\n')
    const change = await seen
    expect(change.changed).toContain('D2_dev/new.md')
    expect(ids(backend)).toContain('note:D2_dev/new.md')
  })

  it('keeps the current folder when opening a missing one fails', async () => {
    backend = await open()
    await expect(backend.openFolder(path.join(tmp, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' })
    // the APIs take full paths only: a relative one would resolve against the host's working directory
    await expect(backend.openFolder('notes')).rejects.toMatchObject({ code: 'EINVAL', message: 'Open a folder by its full path.' })
    expect(backend.getFolder().noteCount).toBe(2)
    const other = path.join(tmp, 'other')
    mkdirSync(other)
    writeFileSync(path.join(other, 'x.md'), '# X\n')
    expect(await backend.openFolder(other)).toMatchObject({ noteCount: 1, bundled: false })
    expect(backend.getSettings().lastFolder).toBe(other)
    expect(backend.getSettings().recentFolders[0]).toBe(other)
  })

  it('stores settings and per-folder view state in JSON files', async () => {
    backend = await open()
    expect(backend.getSettings()).toEqual({ theme: 'system', recentFolders: [] })
    backend.setSettings({ theme: 'dark' })
    backend.setViewState({ filters: ['service'] })
    await backend.close()
    backend = await open()
    expect(backend.getSettings().theme).toBe('dark')
    expect(backend.getViewState()).toEqual({ filters: ['service'] })
    await backend.close()
    writeFileSync(path.join(tmp, 'settings', 'settings.json'), '{not json')
    backend = await open()
    expect(backend.getSettings().theme).toBe('system')
  })

  it('keeps a corrupt settings file aside, says so without paths, and never writes over it', async () => {
    const dir = path.join(tmp, 'settings')
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'settings.json'), '{"theme": "dark", "recentFolders": ["/my/notes"')
    backend = await open()
    expect(backend.getSettings()).toEqual({ theme: 'system', recentFolders: [] })
    const backups = readdirSync(dir).filter((f) => f.startsWith('settings.json.corrupt-'))
    expect(backups).toHaveLength(1)
    const notices = backend.getNotices()
    expect(notices).toEqual([`Your settings file could not be read; it was kept as ${backups[0]} and defaults are used.`])
    expect(notices.join(' ')).not.toContain(tmp)
    backend.setSettings({ theme: 'light' })
    expect(readFileSync(path.join(dir, backups[0]), 'utf8')).toContain('/my/notes') // the user's data is still there
  })

  it('keeps a corrupt view state aside and reports it', async () => {
    backend = await open()
    backend.setViewState({ filters: ['service'] })
    const viewDir = path.join(tmp, 'settings', 'view-state')
    const [file] = readdirSync(viewDir)
    writeFileSync(path.join(viewDir, file), '{"filters": ["serv') // truncated
    expect(backend.getViewState()).toEqual({})
    expect(readdirSync(viewDir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1)
    expect(backend.getNotices()).toEqual([expect.stringMatching(/^Your saved view file could not be read; it was kept as .*\.corrupt-.* and defaults are used\.$/)])
    backend.addNotice('Your study progress file could not be read.')
    backend.addNotice('Your study progress file could not be read.')
    expect(backend.getNotices()).toHaveLength(2)
  })

  it('refuses a second backend on the same settings folder while the first is open', async () => {
    backend = await open()
    await expect(open({ lockWaitMs: 200 })).rejects.toThrow(/Another Notes Graph \(this process\) is using the state folder/)
    backend.setSettings({ theme: 'dark' })
    await backend.close()
    backend = await open({ lockWaitMs: 200 })
    expect(backend.getSettings().theme).toBe('dark')
  })
})
