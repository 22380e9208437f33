import { afterEach, describe, expect, it, vi } from 'vitest'
import type { NoteDoc } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'
import { clearNoteCache, getNoteCached, peekNote, warmNotes } from './noteCache'

vi.mock('./markdownLoader', () => ({ loadMarkdown: () => Promise.resolve({ renderedNote: () => null }) }))

afterEach(() => { clearNoteCache() })

const doc = (path: string) => ({ path, markdown: `# ${path}`, links: [] }) as unknown as NoteDoc

/** an api whose getNotes answers when `answer` is called */
function batchApi() {
  let answer: () => void = () => undefined
  const getNotes = vi.fn((paths: string[]) => new Promise<NoteDoc[]>((resolve) => { answer = () => resolve(paths.filter((p) => p !== 'gone.md').map(doc)) }))
  const getNote = vi.fn(async (p: string) => doc(p))
  return { api: { getNotes, getNote } as unknown as RendererApi, getNotes, getNote, answer: () => answer() }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('warmNotes', () => {
  it('asks for the likely notes in one request and makes them ready in that order, most likely first', async () => {
    const { api, getNotes, getNote, answer } = batchApi()
    const rendered: string[] = []
    warmNotes(api, ['a.md', 'b.md', 'gone.md', 'c.md', 'd.md'], { limit: 4, render: async (d) => { rendered.push(d.path) } })
    expect(getNotes).toHaveBeenCalledTimes(1)
    expect(getNotes).toHaveBeenCalledWith(['a.md', 'b.md', 'gone.md', 'c.md'])
    answer()
    await settle()
    // no worker here: each is rendered on the page, in the order asked (a note that could not be read left out)
    expect(rendered).toEqual(['a.md', 'b.md', 'c.md'])
    // a click on one of them needs no request of its own, and its panel shows it in its first render
    expect(peekNote('b.md')?.path).toBe('b.md')
    expect((await getNoteCached(api, 'c.md')).path).toBe('c.md')
    expect(getNote).not.toHaveBeenCalled()
  })

  it('keeps a huge note but does not parse it ahead (it would hold the worker for seconds)', async () => {
    const { WARM_MAX_CHARS } = await import('./noteCache')
    const huge = { path: 'huge.md', markdown: 'x'.repeat(WARM_MAX_CHARS + 1), links: [] } as unknown as NoteDoc
    const api = { getNotes: async () => [huge, doc('a.md')] } as unknown as RendererApi
    const rendered: string[] = []
    warmNotes(api, ['huge.md', 'a.md'], { render: async (d) => { rendered.push(d.path) } })
    await settle()
    expect(rendered).toEqual(['a.md'])
    expect(peekNote('huge.md')).toBe(huge)
  })

  it('stops when cancelled, and keeps nothing asked for before the notes changed on disk', async () => {
    const first = batchApi()
    const rendered: string[] = []
    const cancel = warmNotes(first.api, ['a.md'], { render: async (d) => { rendered.push(d.path) } })
    cancel()
    first.answer()
    await settle()
    expect(rendered).toEqual([])
    expect(peekNote('a.md')).toBeUndefined()

    const second = batchApi()
    warmNotes(second.api, ['a.md'], { render: async (d) => { rendered.push(d.path) } })
    clearNoteCache() // graphChanged: the note may have changed since it was asked for
    second.answer()
    await settle()
    expect(rendered).toEqual([])
    expect(peekNote('a.md')).toBeUndefined()
  })

  it('leaves a note alone whose own fetch is on its way (a click came first), and warms the click’s copy once it is there', async () => {
    const { api, getNote, answer } = batchApi()
    let arrive: () => void = () => undefined
    getNote.mockImplementationOnce((p: string) => new Promise((resolve) => { arrive = () => resolve(doc(p)) }))
    const clicked = getNoteCached(api, 'a.md')
    const rendered: NoteDoc[] = []
    warmNotes(api, ['a.md', 'b.md'], { render: async (d) => { rendered.push(d) } })
    answer()
    await settle()
    expect(rendered.map((d) => d.path)).toEqual(['b.md'])
    arrive()
    const own = await clicked
    warmNotes(api, ['a.md'], { render: async (d) => { rendered.push(d) } })
    answer()
    await settle()
    expect(rendered[1]).toBe(own) // the very note the panel shows, so its parse is the one the panel finds
  })
})
