// The display graph kept up to date per change must be the one computed from scratch, and its deltas must
// turn the page's copy into it.
import { describe, expect, it, vi } from 'vitest'
import type { Graph, GraphEdge, NoteMeta } from '../types'
import { GraphBuilder } from './builder'
import { applyGraphDelta } from './delta'
import { displayGraph } from './displayGraph'
import { LiveDisplay } from './liveDisplay'
import { randomNote, testOntology } from './test-fixtures'
import { mulberry32 } from '../prng'

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const canonical = (g: Graph) => ({ nodes: [...g.nodes].sort(byId), edges: [...g.edges].sort(byId), display: g.display, diagnostics: g.diagnostics })

function vault(seed: number, count: number) {
  const rnd = mulberry32(seed)
  const paths = Array.from({ length: count }, (_, i) => `n${i}.md`)
  const live = new Map<string, NoteMeta>(paths.map((p) => [p, randomNote(rnd, p, paths)]))
  const b = new GraphBuilder(testOntology())
  for (const m of live.values()) b.setNote(m)
  /** one random edit, removal or re-add */
  const step = () => {
    const p = paths[Math.floor(rnd() * paths.length)]
    if (rnd() < 0.3 && live.has(p)) { b.removeNote(p); live.delete(p) }
    else { const m = randomNote(rnd, p, paths); b.setNote(m); live.set(p, m) }
  }
  return { b, step }
}

describe('LiveDisplay', () => {
  const opts = { aboveEdges: 200, perNode: { 'links-to': 1, mentions: 1, related: 2 } }

  it('equals the display graph computed from scratch after every change, and its deltas rebuild it in order', () => {
    const { b, step } = vault(3, 150)
    const live = new LiveDisplay(b, opts)
    let page = live.graph()
    expect(page.display).toBeDefined()
    expect(canonical(page)).toEqual(canonical(displayGraph(b.graph(), opts)))
    live.takeDelta()
    for (let i = 0; i < 250; i++) {
      step()
      if (i % 2) continue // sometimes two changes between looks
      const shown = live.graph()
      expect(canonical(shown)).toEqual(canonical(displayGraph(b.graph(), opts)))
      page = applyGraphDelta(page, live.takeDelta())
      expect(page.nodes).toEqual(shown.nodes)
      expect(page.edges).toEqual(shown.edges)
    }
  })

  it('draws edges without their refs and reuses the graph object until a change', () => {
    const { b, step } = vault(4, 100)
    const live = new LiveDisplay(b, opts)
    const g = live.graph()
    expect(g.edges.some((e: GraphEdge) => e.refs)).toBe(false)
    expect(live.graph()).toBe(g)
    step()
    step()
    // a change never makes the full graph's edge array (a 456k-element copy at 10k notes)
    const full = vi.spyOn(b, 'graph')
    expect(live.graph()).not.toBe(g)
    live.takeDelta()
    expect(full).not.toHaveBeenCalled()
  })

  it('starts from a stored display graph (a warm start) and stays equal to the fresh one', () => {
    const { b, step } = vault(5, 150)
    const stored = displayGraph(b.graph(), opts)
    const live = new LiveDisplay(b, opts)
    expect(live.seed(stored)).toBe(true)
    expect(live.graph().edges).toBe(stored.edges)
    for (let i = 0; i < 60; i++) {
      step()
      expect(canonical(live.graph())).toEqual(canonical(displayGraph(b.graph(), opts)))
    }
    // another graph's or other options' display graph is refused
    expect(live.seed(displayGraph(b.graph(), { ...opts, perNode: { mentions: 2 } }))).toBe(false)
  })

  it('is the full graph while the graph is small, and the display graph once it grows past the threshold', () => {
    const { b, step } = vault(6, 20)
    const live = new LiveDisplay(b, { ...opts, aboveEdges: 400 })
    expect(live.graph()).toBe(b.graph())
    let grown = 0
    for (let i = 0; i < 400 && b.graph().edges.length <= 400; i++) { step(); grown++ }
    // the vault of 20 notes may not reach it: add notes until it does
    const rnd = mulberry32(9)
    for (let i = 0; b.graph().edges.length <= 400; i++) b.setNote(randomNote(rnd, `extra${i}.md`, []))
    expect(grown).toBeGreaterThan(0)
    expect(canonical(live.graph())).toEqual(canonical(displayGraph(b.graph(), { ...opts, aboveEdges: 400 })))
  })
})
