import { describe, expect, it } from 'vitest'
import type { Graph } from '../../../electron/core/types'
import { applyGraphDelta, diffGraphs } from '../../../electron/core/graph/delta'
import { degrees, nodeElements } from './elements'
import { CanvasNodeData } from './nodeData'
import { edited, randomGraph } from './randomGraph.testutil'

const defsOf = (g: Graph, hubs: boolean) => new Map(nodeElements(g, degrees(g), { hubs }).map((d) => [d.data.id as string, d]))

describe('node data kept up to date by deltas', () => {
  it('equals the node elements of a fresh load, for a graph just made', () => {
    const g = randomGraph(7, 300)
    const data = CanvasNodeData.of(g)
    for (const [id, def] of defsOf(g, true)) expect(data.def(id, true)).toEqual(def)
  })

  it('after each of a run of deltas, equals a full recompute, and names every node whose data changed', () => {
    for (const size of [40, 300]) {
      let g = randomGraph(size, size)
      const data = CanvasNodeData.of(g)
      for (let k = 1; k <= 12; k++) {
        const next = edited(g, k * 31 + size)
        const delta = diffGraphs(g, next)
        expect(applyGraphDelta(g, delta).nodes.length).toBe(next.nodes.length)
        const before = defsOf(g, true)
        const changed = data.apply(delta)
        const after = defsOf(next, true)
        for (const [id, def] of after) {
          expect(data.def(id, true)).toEqual(def)
          // a node left out of `changed` kept its data
          if (changed && !changed.has(id) && before.has(id)) expect(before.get(id)).toEqual(def)
        }
        g = next
      }
    }
  })

  it('counts a co-mention only at the canvas threshold, and follows its weight across it', () => {
    const g: Graph = {
      nodes: [{ id: 'service:a', type: 'service', label: 'A' }, { id: 'service:b', type: 'service', label: 'B' }],
      edges: [{ id: 'r', source: 'service:a', target: 'service:b', type: 'related', weight: 2 }],
      diagnostics: [],
    }
    const data = CanvasNodeData.of(g)
    expect(data.degree('service:a')).toBe(0)
    const strong = { ...g, edges: [{ ...g.edges[0], weight: 5 }] }
    data.apply(diffGraphs(g, strong))
    expect(data.degree('service:a')).toBe(1)
    data.apply(diffGraphs(strong, g))
    expect(data.degree('service:b')).toBe(0)
  })
})
