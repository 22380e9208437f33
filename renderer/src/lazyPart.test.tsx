import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { lazyPart, useLazyPart, useLazyPartOnceWanted, type LazyPart } from './lazyPart'

afterEach(cleanup)

const Panel = () => <p>panel</p>

function Host({ part, want, once }: { part: LazyPart<typeof Panel>; want: boolean; once?: boolean }) {
  return once ? <OnceHost part={part} want={want} /> : <PlainHost part={part} want={want} />
}
function PlainHost({ part, want }: { part: LazyPart<typeof Panel>; want: boolean }) {
  const P = useLazyPart(part, want)
  return P ? <P /> : <p>nothing</p>
}
function OnceHost({ part, want }: { part: LazyPart<typeof Panel>; want: boolean }) {
  const P = useLazyPartOnceWanted(part, want)
  return P ? <P /> : <p>nothing</p>
}

describe('lazyPart', () => {
  it('imports once, and gives the value synchronously after the load', async () => {
    const importer = vi.fn(async () => 42)
    const part = lazyPart(importer)
    expect(part.get()).toBeUndefined()
    await Promise.all([part.load(), part.load()])
    expect(part.get()).toBe(42)
    await part.load()
    expect(importer).toHaveBeenCalledTimes(1)
  })

  it('tries a failed import again on the next load', async () => {
    const importer = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce('ok')
    const part = lazyPart(importer as () => Promise<string>)
    await expect(part.load()).rejects.toThrow('offline')
    await expect(part.load()).resolves.toBe('ok')
    expect(part.get()).toBe('ok')
  })

  it('a panel asks for its code when wanted and shows once it is there', async () => {
    const part = lazyPart(async () => Panel)
    render(<Host part={part} want={true} />)
    expect(await screen.findByText('panel')).toBeTruthy()
  })

  it('a panel not wanted is not loaded, but shows when a prefetch loads it', async () => {
    const importer = vi.fn(async () => Panel)
    const part = lazyPart(importer)
    render(<Host part={part} want={false} />)
    expect(screen.getByText('nothing')).toBeTruthy()
    expect(importer).not.toHaveBeenCalled()
    await act(() => part.load())
    expect(screen.getByText('panel')).toBeTruthy()
  })

  it('a panel mounted once wanted is not mounted by a prefetch, and stays once it was wanted', async () => {
    const part = lazyPart(async () => Panel)
    const { rerender } = render(<Host part={part} want={false} once />)
    await act(() => part.load())
    expect(screen.getByText('nothing')).toBeTruthy()
    rerender(<Host part={part} want={true} once />)
    expect(screen.getByText('panel')).toBeTruthy()
    rerender(<Host part={part} want={false} once />)
    expect(screen.getByText('panel')).toBeTruthy()
  })
})
