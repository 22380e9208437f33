import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render } from '@testing-library/react'
import type { NodeProgress } from '../../../electron/core/study/study-types'
import type { NodeMark } from '../../../electron/core/study/types'
import type { RendererApi } from '../../../electron/shared/contract'
import { NodeMarkButtons } from './NodeMarkButtons'
import { studyStore } from './studyStore'

afterEach(() => { cleanup(); studyStore.set({ progress: null }) })

const ID = 'service:aws-glue'

/** A backend keeping marks in memory and answering with the new progress, like the core does. */
function fakeApi() {
  const marks: Record<string, NodeMark> = {}
  const markNode = vi.fn(async (id: string, mark: NodeMark | null) => {
    if (mark) marks[id] = mark
    else delete marks[id]
    return { states: {}, marks: { ...marks }, due: [], weakest: [] } as unknown as NodeProgress
  })
  return { api: { markNode } as unknown as RendererApi, markNode }
}

const pressed = (b: HTMLElement) => b.getAttribute('aria-pressed')

describe('NodeMarkButtons', () => {
  it('marks the node, shows the mark pressed, and clicking the active one clears it', async () => {
    const { api, markNode } = fakeApi()
    const version = studyStore.get().version
    const { getByRole } = render(<NodeMarkButtons api={api} nodeId={ID} />)
    const learned = getByRole('button', { name: 'Mark learned' })
    const review = getByRole('button', { name: 'Needs review' })
    expect([pressed(learned), pressed(review)]).toEqual(['false', 'false'])

    await act(async () => { fireEvent.click(learned) })
    expect(markNode).toHaveBeenLastCalledWith(ID, 'learned')
    expect([pressed(learned), pressed(review)]).toEqual(['true', 'false'])
    expect(studyStore.get().version).toBeGreaterThan(version)

    await act(async () => { fireEvent.click(review) })
    expect(markNode).toHaveBeenLastCalledWith(ID, 'needs-review')
    expect([pressed(learned), pressed(review)]).toEqual(['false', 'true'])

    await act(async () => { fireEvent.click(review) })
    expect(markNode).toHaveBeenLastCalledWith(ID, null)
    expect([pressed(learned), pressed(review)]).toEqual(['false', 'false'])
  })

  it('shows the backend error instead of failing silently', async () => {
    const api = { markNode: vi.fn(async () => { throw new Error('progress file is locked') }) } as unknown as RendererApi
    const { getByRole, findByRole } = render(<NodeMarkButtons api={api} nodeId={ID} />)
    await act(async () => { fireEvent.click(getByRole('button', { name: 'Mark learned' })) })
    expect((await findByRole('alert')).textContent).toBe('progress file is locked')
  })

  it('offers nothing for nodes without progress (domains, tags)', () => {
    const { api } = fakeApi()
    const { queryByRole } = render(<NodeMarkButtons api={api} nodeId="domain:D1" />)
    expect(queryByRole('button')).toBeNull()
  })
})
