import { afterEach, describe, expect, it, vi } from 'vitest'
import type { NoteDoc } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'
import { clearNoteCache, warmNotes } from './noteCache'

vi.mock('./markdownLoader', () => ({ loadMarkdown: () => Promise.resolve({ renderedNote: () => null }) }))

afterEach(() => { clearNoteCache(); vi.useRealTimers() })

const doc = (path: string, size: number) => ({ path, markdown: 'x'.repeat(size), links: [] }) as unknown as NoteDoc

describe('warmNotes', () => {
  it('fetches the likely notes and parses the biggest first (a big note parsed on the click is the slow click)', async () => {
    vi.useFakeTimers()
    const sizes: Record<string, number> = { 'a.md': 100, 'b.md': 9000, 'c.md': 500, 'd.md': 12000 }
    const getNote = vi.fn(async (p: string) => doc(p, sizes[p]))
    const rendered: string[] = []
    const cancel = warmNotes({ getNote } as unknown as RendererApi, Object.keys(sizes), {
      renderAfterMs: 50,
      render: async (d) => { rendered.push(d.path) },
    })
    await vi.advanceTimersByTimeAsync(20)
    expect(getNote).toHaveBeenCalledTimes(4)
    expect(rendered).toEqual([]) // not before renderAfterMs
    await vi.advanceTimersByTimeAsync(2000)
    expect(rendered).toEqual(['d.md', 'b.md', 'c.md', 'a.md'])
    cancel()
  })

  it('waits for notes still on their way, and stops when cancelled', async () => {
    vi.useFakeTimers()
    let release: () => void = () => undefined
    const slow = new Promise<void>((r) => { release = r })
    const getNote = vi.fn(async (p: string) => { if (p === 'late.md') await slow; return doc(p, 10) })
    const rendered: string[] = []
    const cancel = warmNotes({ getNote } as unknown as RendererApi, ['early.md', 'late.md'], { renderAfterMs: 0, render: async (d) => { rendered.push(d.path) } })
    await vi.advanceTimersByTimeAsync(500)
    expect(rendered).toEqual(['early.md'])
    release()
    await vi.advanceTimersByTimeAsync(500)
    expect(rendered).toEqual(['early.md', 'late.md'])
    cancel()
    const stopped: string[] = []
    const cancel2 = warmNotes({ getNote } as unknown as RendererApi, ['x.md'], { renderAfterMs: 10, render: async (d) => { stopped.push(d.path) } })
    cancel2()
    await vi.advanceTimersByTimeAsync(500)
    expect(stopped).toEqual([])
  })
})
