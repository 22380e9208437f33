import { describe, expect, it, vi } from 'vitest'
import { localFilter, localWalk } from './localGraph'

describe('local graph walk', () => {
  it('walks what the canvas draws: the filter and view types, the weight floor, drawn co-mentions', () => {
    expect(localWalk({}, 'overview')).toEqual({ minRelatedWeight: 4 })
    expect(localWalk({ types: ['note', 'service'], minEdgeWeight: 3 }, 'all')).toEqual({ types: ['note', 'service'], minWeight: 3, minRelatedWeight: 4 })
    expect(localWalk({}, 'services')).toEqual({ types: ['service'], minRelatedWeight: 4, over: 'service-map' })
    expect(localWalk({ types: ['note', 'concept'] }, 'services')).toEqual({ types: [], minRelatedWeight: 4, over: 'service-map' })
  })

  it('takes its nodes from the core, and falls back to the centre alone when the query fails', async () => {
    const api = { neighbourhood: vi.fn(async () => ({ nodes: ['a', 'b'], edges: ['ab'] })) }
    expect(await localFilter(api, 'a', 2, {}, 'overview')).toEqual({ center: 'a', depth: 2, nodes: ['a', 'b'] })
    const broken = { neighbourhood: vi.fn(async () => { throw new Error('gone') }) }
    expect(await localFilter(broken, 'a', 1, {}, 'overview')).toEqual({ center: 'a', depth: 1, nodes: ['a'] })
  })
})
