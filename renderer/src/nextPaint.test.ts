import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextPaint } from './nextPaint'

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
