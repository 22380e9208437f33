import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ParseReply, ParseRequest } from './markdown.worker'

vi.mock('./markdownParse', () => ({ parseForTransfer: (markdown: string) => ({ type: 'root', children: [{ type: 'text', value: markdown }] }) }))

afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); vi.resetModules() })

describe('the markdown worker', () => {
  it('parses a click’s note, or one a click hurried, ahead of the notes asked for ahead of time', async () => {
    vi.useFakeTimers()
    const replies: ParseReply[] = []
    const scope: { onmessage: ((e: { data: ParseRequest }) => void) | null; postMessage(m: ParseReply): void } = { onmessage: null, postMessage: (m) => replies.push(m) }
    vi.stubGlobal('self', scope)
    await import('./markdown.worker')
    const send = (m: ParseRequest) => scope.onmessage!({ data: m })
    for (const id of [1, 2, 3]) send({ kind: 'parse', id, markdown: `note ${id}`, wikilinks: [] })
    send({ kind: 'hurry', id: 3 })
    send({ kind: 'parse', id: 4, markdown: 'clicked', wikilinks: [], urgent: true })
    expect(replies).toEqual([]) // one note per task, none in the message's own task
    await vi.advanceTimersByTimeAsync(0)
    expect(replies.map((r) => r.id)).toEqual([4])
    // a request that comes while the queue is worked goes in before the rest
    send({ kind: 'parse', id: 5, markdown: 'clicked next', wikilinks: [], urgent: true })
    await vi.runAllTimersAsync()
    expect(replies.map((r) => r.id)).toEqual([4, 5, 3, 1, 2])
    expect(replies[0].tree).toEqual({ type: 'root', children: [{ type: 'text', value: 'clicked' }] })
  })
})
