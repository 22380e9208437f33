import { afterEach, describe, expect, it, vi } from 'vitest'
import type { NoteDoc } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'
import type { ParseRequest } from './markdown.worker'

const kept: string[] = []
vi.mock('./markdownLoader', () => ({
  loadMarkdown: () => Promise.resolve({
    isReady: (_md: string, path: string) => kept.includes(path),
    keepParsed: (_md: string, path: string) => { kept.push(path) },
    renderedNote: () => null,
  }),
}))

/** a stand-in for the markdown worker: records what it is sent, answers when told */
class FakeWorker {
  static last: FakeWorker | null = null
  sent: ParseRequest[] = []
  onmessage: ((e: { data: unknown }) => void) | null = null
  onerror: (() => void) | null = null
  constructor() { FakeWorker.last = this }
  postMessage(m: ParseRequest) { this.sent.push(m) }
  answerAll() {
    for (const m of this.sent) if (m.kind === 'parse') this.onmessage?.({ data: { id: m.id, tree: { type: 'root', children: [] } } })
  }
  terminate() {}
}

afterEach(() => { vi.unstubAllGlobals(); vi.resetModules(); kept.length = 0 })

const doc = (path: string) => ({ path, markdown: `# ${path}`, links: [] }) as unknown as NoteDoc

describe('a note opened from the graph', () => {
  it('is handed to the panel once the worker has parsed it, its parse put ahead of the others', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    const { noteForDisplay, warmNotes } = await import('./noteCache')
    const api = { getNote: async (p: string) => doc(p), getNotes: () => new Promise(() => undefined) } as unknown as RendererApi
    warmNotes(api, ['a.md']) // starts the worker
    const worker = FakeWorker.last!
    let handed = false
    const shown = noteForDisplay(api, 'clicked.md').then((d) => { handed = true; return d })
    await vi.waitFor(() => expect(worker.sent).toHaveLength(1))
    expect(worker.sent[0]).toMatchObject({ kind: 'parse', urgent: true })
    await new Promise((r) => setTimeout(r, 10))
    expect(handed).toBe(false) // not before its tree is kept: the panel would parse it on the page
    worker.answerAll()
    expect((await shown).path).toBe('clicked.md')
    expect(kept).toEqual(['clicked.md'])
    // opened again: parsed already, nothing sent
    await noteForDisplay(api, 'clicked.md')
    expect(worker.sent).toHaveLength(1)
  })

  it('is handed over anyway when the worker is slow (a huge note parsed there ahead of it)', async () => {
    vi.stubGlobal('Worker', FakeWorker)
    const { noteForDisplay, CLICK_WAITS_FOR_WORKER_MS } = await import('./noteCache')
    const api = { getNote: async (p: string) => doc(p) } as unknown as RendererApi
    const started = performance.now()
    expect((await noteForDisplay(api, 'clicked.md')).path).toBe('clicked.md')
    const waited = performance.now() - started
    expect(waited).toBeGreaterThanOrEqual(CLICK_WAITS_FOR_WORKER_MS - 20)
    expect(waited).toBeLessThan(CLICK_WAITS_FOR_WORKER_MS + 1000)
    expect(kept).toEqual([]) // never answered: the panel parses it on the page
  })

  it('is handed over at once where no worker can run (the panel parses it)', async () => {
    vi.stubGlobal('Worker', undefined)
    const { noteForDisplay } = await import('./noteCache')
    const api = { getNote: async (p: string) => doc(p) } as unknown as RendererApi
    expect((await noteForDisplay(api, 'x.md')).path).toBe('x.md')
    expect(kept).toEqual([])
  })
})
