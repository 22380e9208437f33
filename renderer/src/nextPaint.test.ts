import { afterEach, describe, expect, it, vi } from 'vitest'
import { framedSince, nextPaint } from './nextPaint'

afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals() })

describe('nextPaint', () => {
  it('waits for the next frame and the task after it (the frame has been painted then)', async () => {
    vi.useFakeTimers()
    const frames: Array<() => void> = []
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb))
    let done = false
    void nextPaint(1000).then(() => { done = true })
    await vi.advanceTimersByTimeAsync(10)
    expect(done).toBe(false) // no frame yet
    frames.shift()!()
    expect(done).toBe(false) // the frame's callback runs before its paint
    await vi.advanceTimersByTimeAsync(1)
    expect(done).toBe(true)
  })

  it('does not wait forever in a tab that paints no frames (hidden)', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestAnimationFrame', () => 0)
    let done = false
    void nextPaint(100).then(() => { done = true })
    await vi.advanceTimersByTimeAsync(99)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(2)
    expect(done).toBe(true)
  })
})

describe('framedSince', () => {
  it('says yes once a frame has laid the element out (its resize observer reported), not before', () => {
    const observers: Array<() => void> = []
    vi.stubGlobal('ResizeObserver', class {
      constructor(private readonly cb: () => void) {}
      observe() { observers.push(this.cb) }
      disconnect() { /* one report is enough */ }
    })
    const framed = framedSince(document.createElement('div'))
    expect(framed()).toBe(false)
    observers[0]()
    expect(framed()).toBe(true)
  })

  it('says no without an element or a ResizeObserver (the caller waits for a painted frame)', () => {
    expect(framedSince(null)()).toBe(false)
    vi.stubGlobal('ResizeObserver', undefined)
    expect(framedSince(document.createElement('div'))()).toBe(false)
  })
})
