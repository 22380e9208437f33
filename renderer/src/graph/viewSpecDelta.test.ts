import { describe, expect, it } from 'vitest'
import type { Graph } from '../../../electron/core/types'
import { diffGraphs } from '../../../electron/core/graph/delta'
import { viewSpec, type ViewName, type ViewSpec } from './views'
import { specAfterDelta } from './viewSpecDelta'
import { edited, randomGraph } from './randomGraph.testutil'

const sets = (s: ViewSpec) => ({ nodes: s.nodes && [...s.nodes].sort(), edges: s.edges && [...s.edges].sort() })
const full = (view: ViewName, g: Graph) => viewSpec(view, g, new Map())

describe('a view carried across deltas', () => {
  for (const view of ['overview', 'services', 'all'] as const) {
    it(`${view}: has the node and edge sets of a spec made anew, names what entered or left, and makes items on demand`, () => {
      let g = randomGraph(11, 200)
      let spec = full(view, g)
      for (let k = 1; k <= 10; k++) {
        const next = edited(g, k * 17)
        const before = sets(spec)
        const carried = specAfterDelta(view, spec, diffGraphs(g, next), () => full(view, next))
        expect(carried).not.toBeNull()
        const fresh = full(view, next)
        expect(sets(carried!.spec)).toEqual(sets(fresh))
        // every element present before and after whose membership changed is named
        const ids = new Set([...next.nodes, ...next.edges].map((x) => x.id))
        for (const key of ['nodes', 'edges'] as const) {
          const a = new Set(before[key] ?? [])
          const b = new Set(sets(fresh)[key] ?? [])
          for (const id of ids) if (before[key] && a.has(id) !== b.has(id)) expect(carried!.flipped.has(id)).toBe(true)
        }
        expect(carried!.spec.items).toEqual(fresh.items)
        spec = carried!.spec
        g = next
      }
    })
  }

  it('leaves the notes view (grouped by what each note covers most) to a full spec', () => {
    const g = randomGraph(3, 60)
    expect(specAfterDelta('notes', full('notes', g), diffGraphs(g, edited(g, 5)), () => full('notes', g))).toBeNull()
  })
})
