// The history hook in a real (jsdom) session history: keys, mouse side buttons and popstate lead back.
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ReaderEntry } from './readerHistory'
import { useReaderHistory } from './useReaderHistory'

afterEach(cleanup)

const A: ReaderEntry = { node: 'note:a.md', path: 'a.md' }
const B: ReaderEntry = { node: 'note:b.md', path: 'b.md', section: 'two' }

function setup() {
  const restore = vi.fn()
  const hook = renderHook(({ place }) => useReaderHistory(place, restore), { initialProps: { place: { node: null } as ReaderEntry } })
  hook.rerender({ place: A })
  act(() => hook.result.current.onScroll('a.md', 420))
  hook.rerender({ place: B })
  return { restore, hook }
}

describe('useReaderHistory', () => {
  it('goes back on Alt+Left with the scroll offset, and forward on Alt+Right', async () => {
    const { restore, hook } = setup()
    expect(hook.result.current.canBack).toBe(true)
    act(() => { window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', altKey: true })) })
    await waitFor(() => expect(restore).toHaveBeenLastCalledWith(expect.objectContaining({ ...A, scroll: 420 })))
    hook.rerender({ place: A })
    await waitFor(() => expect(hook.result.current.canForward).toBe(true))
    act(() => { window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', altKey: true })) })
    await waitFor(() => expect(restore).toHaveBeenLastCalledWith(expect.objectContaining(B)))
  })

  it('goes back on the mouse back button', async () => {
    const { restore } = setup()
    const up = new MouseEvent('mouseup', { button: 3, cancelable: true })
    act(() => { window.dispatchEvent(up) })
    expect(up.defaultPrevented).toBe(true) // the browser must not leave the app on its own
    await waitFor(() => expect(restore).toHaveBeenLastCalledWith(expect.objectContaining(A)))
  })

  it('leaves Alt+Left to a text field', async () => {
    const { restore } = setup()
    const input = document.createElement('input')
    document.body.append(input)
    act(() => { input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', altKey: true, bubbles: true })) })
    await new Promise((r) => setTimeout(r, 50))
    expect(restore).not.toHaveBeenCalled()
    input.remove()
  })
})
