import { describe, expect, it, vi } from 'vitest'
import { coreHandlers } from './core-handlers'
import type { Backend } from '../core/backend'

vi.mock('electron')

describe('coreHandlers', () => {
  it('hands every core method to the backend, so new contract methods need no code in main', async () => {
    const backend = { studyStats: vi.fn(() => ({ due: 3 })), gradeCard: vi.fn(async () => ({ due: 2 })) } as unknown as Backend
    const h = coreHandlers(backend)
    expect(h.studyStats()).toEqual({ due: 3 })
    expect(await h.gradeCard('c1', 'good')).toEqual({ due: 2 })
    expect(backend.gradeCard).toHaveBeenCalledWith('c1', 'good')
    expect(Object.keys(h)).not.toContain('openExternal')
  })
})
