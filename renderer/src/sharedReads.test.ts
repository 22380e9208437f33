import { describe, expect, it, vi } from 'vitest'
import type { RendererApi } from '../../electron/shared/contract'
import { sharingReads } from './sharedReads'

/** A backend double counting each method's calls; `graphChanged` listeners can be fired by the test. */
function fakeApi(overrides: Partial<Record<string, (...a: unknown[]) => Promise<unknown>>> = {}) {
  const calls: Record<string, number> = {}
  const listeners: Array<(p: unknown) => void> = []
  let viewState: Record<string, unknown> = { a: 1 }
  const impl: Record<string, (...a: unknown[]) => Promise<unknown>> = {
    getFolder: async () => ({ folder: '/notes', noteCount: 3, bundled: false }),
    getSettings: async () => ({ theme: 'system', recentFolders: [] }),
    getViewState: async () => viewState,
    setViewState: async (v) => { viewState = v as Record<string, unknown> },
    exams: async () => [{ code: 'MLA-C01' }],
    getNote: async (p) => ({ path: p }),
    openFolder: async () => null,
    ...overrides,
  }
  const api = new Proxy({} as Record<string, unknown>, {
    get: (_t, m: string) => {
      if (m === 'on') return (event: string, l: (p: unknown) => void) => { if (event === 'graphChanged') listeners.push(l); return () => undefined }
      if (m === 'pathForFile') return undefined
      return (...a: unknown[]) => { calls[m] = (calls[m] ?? 0) + 1; return (impl[m] ?? (async () => null))(...a) }
    },
  }) as unknown as RendererApi
  return { api, calls, fire: (p: unknown) => listeners.forEach((l) => l(p)) }
}

describe('shared reads', () => {
  it('asks the backend once when several panels read the exams, the folder and the view state at launch', async () => {
    const { api, calls } = fakeApi()
    const shared = sharingReads(api)
    const answers = await Promise.all([shared.exams(), shared.exams(), shared.getFolder(), shared.getViewState()])
    await shared.exams() // a panel mounted later
    await shared.getFolder()
    expect(calls).toMatchObject({ exams: 1, getFolder: 1, getViewState: 1 })
    expect(answers[0]).toEqual([{ code: 'MLA-C01' }])
  })

  it('reads the view state again after it was written, so a read-modify-write keeps the newest state', async () => {
    const { api, calls } = fakeApi()
    const shared = sharingReads(api)
    expect(await shared.getViewState()).toEqual({ a: 1 })
    await shared.setViewState({ a: 2 })
    expect(await shared.getViewState()).toEqual({ a: 2 })
    expect(calls.getViewState).toBe(2)
  })

  it('forgets everything when another folder is opened, and the folder and exams when the notes change', async () => {
    const { api, calls, fire } = fakeApi()
    const shared = sharingReads(api)
    const seen = vi.fn()
    shared.on('graphChanged', seen)
    await Promise.all([shared.getFolder(), shared.exams(), shared.getSettings()])
    fire({ version: 2 })
    expect(seen).toHaveBeenCalledWith({ version: 2 })
    await Promise.all([shared.getFolder(), shared.exams(), shared.getSettings()])
    expect(calls).toMatchObject({ getFolder: 2, exams: 2, getSettings: 1 })
    await shared.openFolder('/other')
    await shared.getSettings()
    expect(calls.getSettings).toBe(2)
  })

  it('asks again after a failed answer instead of keeping the failure', async () => {
    let n = 0
    const { api, calls } = fakeApi({ exams: async () => { if (++n === 1) throw new Error('busy'); return [] } })
    const shared = sharingReads(api)
    await expect(shared.exams()).rejects.toThrow('busy')
    await expect(shared.exams()).resolves.toEqual([])
    expect(calls.exams).toBe(2)
  })

  it('passes other calls through unshared', async () => {
    const { api, calls } = fakeApi()
    const shared = sharingReads(api)
    await Promise.all([shared.getNote('a.md'), shared.getNote('a.md')])
    expect(calls.getNote).toBe(2)
  })
})
