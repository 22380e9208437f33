import { describe, expect, it } from 'vitest'
import type { RendererApi, ViewState } from '../../electron/shared/contract'
import { updateViewState } from './viewStateWrites'

/** A host whose reads and writes answer after a delay, so overlapping read-modify-writes would interleave. */
function slowHost(initial: ViewState, failReads = false) {
  let state = initial
  const later = <T>(v: () => T) => new Promise<T>((resolve, reject) => setTimeout(() => { try { resolve(v()) } catch (e) { reject(e) } }, 5))
  const api = {
    getViewState: () => later(() => { if (failReads) throw new Error('host gone'); return state }),
    setViewState: (next: ViewState) => later(() => { state = next }),
  } as unknown as RendererApi
  return { api, state: () => state }
}

describe('view state writes', () => {
  it('two features changing their keys at once both keep them', async () => {
    const host = slowHost({ explore: { hash: '#?view=services' } })
    await Promise.all([
      updateViewState(host.api, (all) => ({ ...all, labels: { density: 4 } })),
      updateViewState(host.api, (all) => ({ ...all, reader: { width: 480 } })),
    ])
    expect(host.state()).toEqual({ explore: { hash: '#?view=services' }, labels: { density: 4 }, reader: { width: 480 } })
  })

  it('a failed read writes nothing (the other keys are not dropped), and the next change still goes through', async () => {
    const failing = slowHost({ explore: { hash: '#?view=notes' } }, true)
    await expect(updateViewState(failing.api, (all) => ({ ...all, labels: { density: 1 } }))).rejects.toThrow('host gone')
    expect(failing.state()).toEqual({ explore: { hash: '#?view=notes' } })
  })
})
