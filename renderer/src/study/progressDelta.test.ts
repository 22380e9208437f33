import { describe, expect, it, vi } from 'vitest'
import cytoscape, { type Core } from 'cytoscape'
import { diffGraphs } from '../../../electron/core/graph/delta'
import { CyGraphController } from '../graph/cyController'
import { edited, randomGraph } from '../graph/randomGraph.testutil'
import type { Graph } from '../../../electron/core/types'
import type { NodeProgress } from '../../../electron/core/study/study-types'
import { applyProgress, type ProgressView } from './progressOnGraph'
import { sameProgress } from './useProgressOnGraph'

function load(g: Graph) {
  const c = new CyGraphController({ onSelect: vi.fn(), onOpenNote: vi.fn() })
  const cy = cytoscape({ headless: true, styleEnabled: true })
  c.attach(cy)
  c.setGraph(g)
  return { c, cy }
}

const marks = (cy: Core) => cy.nodes().map((n) => [n.id(), n.data('progress') as unknown, n.classes().filter((k) => k.startsWith('pg-')).sort()]).sort()

describe('study progress after a graph delta', () => {
  it('applied to the delta\'s nodes only, equals progress applied to every node of the new graph', () => {
    let g = randomGraph(3, 80)
    const ids = g.nodes.map((n) => n.id)
    const progress: NodeProgress = {
      states: Object.fromEntries(ids.filter((_, i) => i % 3 === 0).map((id, i) => [id, (['learning', 'review', 'mastered'] as const)[i % 3]])),
      marks: {},
      due: ids.filter((_, i) => i % 4 === 0),
      weakest: ids.filter((_, i) => i % 5 === 0),
    }
    for (const view of [{ colour: true, filter: 'due' }, { colour: false, filter: 'none' }] as ProgressView[]) {
      const live = load(g)
      applyProgress(live.cy, progress, view)
      for (let k = 1; k <= 5; k++) {
        const next = edited(g, k)
        const count = live.cy.nodes().length
        live.c.applyDelta(diffGraphs(g, next))
        g = next
        const step = live.c.lastDelta()!
        expect(step.to).toBe(live.c.graph())
        expect(step.nodes).toContain(`tag:new${k}`)
        expect(live.cy.nodes().length).toBe(count + step.nodeCountChange)
        applyProgress(live.cy, progress, view, step.nodes)
        const fresh = load(g)
        applyProgress(fresh.cy, progress, view)
        expect(marks(live.cy)).toEqual(marks(fresh.cy))
      }
    }
  })
})

describe('an unchanged progress answer', () => {
  it('is recognised field by field (and any changed state, mark or list is not)', () => {
    const p: NodeProgress = { states: { 'service:a': 'review', 'note:n.md': 'learning' }, marks: { 'service:a': { known: true } as never }, due: ['note:n.md'], weakest: ['service:a'] }
    const copy = JSON.parse(JSON.stringify(p)) as NodeProgress
    expect(sameProgress(p, copy)).toBe(true)
    expect(sameProgress(p, { ...copy, states: { ...copy.states, 'service:a': 'mastered' } })).toBe(false)
    expect(sameProgress(p, { ...copy, states: { ...copy.states, 'concept:b': 'new' } })).toBe(false)
    expect(sameProgress(p, { ...copy, marks: {} })).toBe(false)
    expect(sameProgress(p, { ...copy, due: [] })).toBe(false)
    expect(sameProgress(p, { ...copy, weakest: ['note:n.md'] })).toBe(false)
    expect(sameProgress(null, copy)).toBe(false)
  })
})
