import { describe, expect, it, vi } from 'vitest'
import cytoscape, { type Core } from 'cytoscape'
import type { Graph, GraphEdge, GraphNode } from '../../../electron/core/types'
import { diffGraphs } from '../../../electron/core/graph/delta'
import { CyGraphController } from './cyController'
import { GraphFollower } from './graphFollower'
import { forgetPlaces } from './applyDelta'
import { edited, randomGraph } from './randomGraph.testutil'

const n = (id: string, extra: Partial<GraphNode> = {}): GraphNode => {
  const type = id.slice(0, id.indexOf(':')) as GraphNode['type']
  return { id, type, label: id.slice(id.indexOf(':') + 1), ...(type === 'note' ? { path: id.slice(5), domain: 'D1' } : {}), ...extra }
}
const e = (type: GraphEdge['type'], source: string, target: string, weight?: number): GraphEdge =>
  ({ id: `${type}:${source}->${target}`, source, target, type, ...(weight !== undefined ? { weight } : {}) })

/** A small notes graph: a domain with four notes, five services, a few strong co-mentions. */
function base(): Graph {
  const notes = ['a.md', 'b.md', 'c.md', 'd.md'].map((p) => n(`note:${p}`))
  const services = ['aws-glue', 'amazon-s3', 'amazon-kinesis', 'amazon-athena', 'amazon-emr'].map((s) => n(`service:${s}`, { category: 'Analytics', noteCount: 1 }))
  return {
    nodes: [n('domain:D1', { domain: 'D1' }), ...notes, ...services, n('tag:etl')],
    edges: [
      ...notes.map((x) => e('contains', 'domain:D1', x.id)),
      e('mentions', 'note:a.md', 'service:aws-glue', 3), e('mentions', 'note:a.md', 'service:amazon-s3', 1),
      e('mentions', 'note:b.md', 'service:amazon-kinesis', 2), e('mentions', 'note:c.md', 'service:amazon-athena', 1),
      e('mentions', 'note:d.md', 'service:amazon-emr', 1), e('links-to', 'note:a.md', 'note:b.md', 1),
      e('related', 'service:amazon-s3', 'service:aws-glue', 5), e('tagged', 'note:a.md', 'tag:etl'),
    ],
    diagnostics: [],
  }
}

function load(g: Graph, positions = {}) {
  const c = new CyGraphController({ onSelect: vi.fn(), onOpenNote: vi.fn() })
  const cy = cytoscape({ headless: true, styleEnabled: true })
  c.attach(cy)
  c.setCachedPositions(positions)
  c.setGraph(g)
  c.setView('overview')
  return { c, cy }
}

/** The canvas's elements without positions: ids, data and the classes views and filters set. */
function elements(cy: Core) {
  return cy.elements().map((el) => ({
    id: el.id(),
    data: Object.fromEntries(Object.entries(el.data() as Record<string, unknown>).filter(([k, v]) => k !== 'lf' && v !== undefined)),
    classes: el.classes().filter((k) => k !== 'lbl').sort(),
  })).sort((a, b) => (a.id < b.id ? -1 : 1))
}

const positionsOf = (cy: Core) => Object.fromEntries(cy.nodes().map((x) => [x.id(), { ...x.position() }]))

const edits: Array<[string, (g: Graph) => Graph]> = [
  ['an edit (a new mention, a stronger co-mention)', (g) => ({ ...g, edges: [...g.edges.map((x) => (x.type === 'related' ? { ...x, weight: 7 } : x)), e('mentions', 'note:c.md', 'service:aws-glue', 2)] })],
  ['an added note with a new service and a new tag', (g) => ({
    ...g,
    nodes: [...g.nodes, n('note:e.md'), n('service:amazon-redshift', { category: 'Analytics' }), n('tag:new')],
    edges: [...g.edges, e('contains', 'domain:D1', 'note:e.md'), e('mentions', 'note:e.md', 'service:amazon-redshift', 1), e('mentions', 'note:e.md', 'service:aws-glue', 4), e('tagged', 'note:e.md', 'tag:new')],
  })],
  ['a removed note', (g) => ({
    ...g,
    nodes: g.nodes.filter((x) => x.id !== 'note:d.md' && x.id !== 'service:amazon-emr'),
    edges: g.edges.filter((x) => x.source !== 'note:d.md' && x.target !== 'note:d.md'),
  })],
  ['a renamed note and a co-mention that falls below the canvas threshold', (g) => ({
    ...g,
    nodes: g.nodes.map((x) => (x.id === 'note:b.md' ? { ...x, label: 'B, renamed at length so the short label changes too' } : x)),
    edges: g.edges.map((x) => (x.type === 'related' ? { ...x, weight: 2 } : x)),
  })],
]

describe('applying a delta on the canvas', () => {
  for (const [name, change] of edits) {
    it(`gives the elements a fresh load of the new graph gives: ${name}`, () => {
      const before = base()
      const after = change(base())
      const live = load(before)
      const kept = positionsOf(live.cy)
      const next = live.c.applyDelta(diffGraphs(before, after))
      expect(next).toEqual(after)
      expect(live.c.graph()).toBe(next)
      const fresh = load(after)
      expect(elements(live.cy)).toEqual(elements(fresh.cy))
      // nothing that was there moved
      for (const [id, p] of Object.entries(kept)) if (live.cy.getElementById(id).nonempty()) expect(live.cy.getElementById(id).position(), id).toEqual(p)
    })
  }

  it('stays equal to a fresh load over a run of deltas (each compared with the data the last one left)', () => {
    let g = base()
    const live = load(g)
    for (const [, change] of edits) {
      const next = change(g)
      live.c.applyDelta(diffGraphs(g, next))
      g = next
      expect(elements(live.cy)).toEqual(elements(load(g).cy))
    }
  })

  it('places an added node next to its neighbours, on a spot of its own', () => {
    const before = base()
    const live = load(before)
    const after: Graph = { ...before, nodes: [...before.nodes, n('service:amazon-redshift')], edges: [...before.edges, e('mentions', 'note:a.md', 'service:amazon-redshift', 1)] }
    live.c.applyDelta(diffGraphs(before, after))
    const p = live.cy.getElementById('service:amazon-redshift').position()
    const a = live.cy.getElementById('note:a.md').position()
    expect(Math.hypot(p.x - a.x, p.y - a.y)).toBeLessThan(150)
    const others = live.cy.nodes().filter((x) => x.id() !== 'service:amazon-redshift')
    for (const o of others.toArray() as cytoscape.NodeSingular[]) expect(Math.hypot(o.position('x') - p.x, o.position('y') - p.y), o.id()).toBeGreaterThan(10)
  })

  it('places added nodes on the spots a fresh read of every position gives, over a run of deltas and moves', () => {
    let g = randomGraph(7, 120)
    const kept = load(g)
    const fresh = load(g, positionsOf(kept.cy))
    expect(positionsOf(fresh.cy)).toEqual(positionsOf(kept.cy))
    for (let k = 1; k <= 12; k++) {
      const next = edited(g, k)
      // between edits: a layout moved everything, or one node was dragged onto the spot the last new node took
      if (k % 3 === 0) for (const cy of [kept.cy, fresh.cy]) cy.nodes().positions((x) => { const p = (x as cytoscape.NodeSingular).position(); return { x: p.x * 0.8 + 37, y: p.y * 0.8 - 21 } })
      if (k % 3 === 1) {
        const last = kept.cy.getElementById(`tag:new${k - 1}`)
        const to = last.nonempty() ? { ...last.position() } : { x: 5, y: 5 }
        for (const cy of [kept.cy, fresh.cy]) (cy.nodes().not(`[id = "tag:new${k - 1}"]`).first() as cytoscape.NodeSingular).position(to)
      }
      forgetPlaces(fresh.cy)
      kept.c.applyDelta(diffGraphs(g, next))
      fresh.c.applyDelta(diffGraphs(g, next))
      g = next
      expect(positionsOf(kept.cy)).toEqual(positionsOf(fresh.cy))
    }
  })

  it('keeps the filter\'s counts across deltas: the same filter set again walks nothing and counts what a fresh load counts', () => {
    for (const filter of [{ types: ['note', 'service', 'tag'] as GraphNode['type'][], minEdgeWeight: 3 }, {}]) {
      let g = randomGraph(11, 100)
      const live = load(g)
      live.c.setFilter(filter)
      for (let k = 1; k <= 6; k++) {
        const next = edited(g, k)
        live.c.applyDelta(diffGraphs(g, next))
        g = next
        const walks = vi.spyOn(live.cy, 'nodes')
        const kept = live.c.setFilter(filter)
        expect(walks).not.toHaveBeenCalled()
        walks.mockRestore()
        const fresh = load(g)
        expect(kept).toEqual(fresh.c.setFilter(filter))
        // (a hidden edge may keep a stale `vh`, the out-of-view mark: hidden either way)
        const shown = (cy: Core) => elements(cy).map((x) => ({ ...x, classes: x.classes.includes('hidden') ? x.classes.filter((c) => c !== 'vh') : x.classes }))
        expect(shown(live.cy)).toEqual(shown(fresh.cy))
      }
    }
  })

  it('keeps the selection and drops it when its node goes', () => {
    const before = base()
    const live = load(before)
    live.c.select('note:b.md')
    const renamed = { ...before, nodes: before.nodes.map((x) => (x.id === 'note:b.md' ? { ...x, label: 'B2' } : x)) }
    live.c.applyDelta(diffGraphs(before, renamed))
    expect(live.c.selected()).toBe('note:b.md')
    expect(live.c.node('note:b.md')?.label).toBe('B2')
    const gone = { ...renamed, nodes: renamed.nodes.filter((x) => x.id !== 'note:b.md'), edges: renamed.edges.filter((x) => x.source !== 'note:b.md' && x.target !== 'note:b.md') }
    live.c.applyDelta(diffGraphs(renamed, gone))
    expect(live.c.selected()).toBeNull()
  })
})

describe('GraphFollower', () => {
  const delta = diffGraphs(base(), base())
  const setup = () => {
    const seen: string[] = []
    let answer: (g: Graph) => void = () => undefined
    const f = new GraphFollower({
      full: (g) => seen.push(`full@${g.version}`),
      delta: (c) => seen.push(`delta@${c.version}`),
      fetch: () => new Promise<Graph>((r) => { answer = r }),
    })
    return { f, seen, answer: (v: number) => answer({ ...base(), version: v }) }
  }

  it('applies consecutive deltas, ignores old ones, and keeps early ones until the graph is loaded', () => {
    const { f, seen } = setup()
    f.take({ folder: '/', changed: [], version: 4, delta })
    f.loaded({ ...base(), version: 3 })
    f.take({ folder: '/', changed: [], version: 4, delta })
    f.take({ folder: '/', changed: [], version: 5, delta })
    expect(seen).toEqual(['delta@4', 'delta@5'])
  })

  it('fetches the whole graph when a version is missing, then replays what came after it', async () => {
    const { f, seen, answer } = setup()
    f.loaded({ ...base(), version: 1 })
    f.take({ folder: '/', changed: [], version: 3, delta }) // 2 was missed
    f.take({ folder: '/', changed: [], version: 4, delta })
    f.take({ folder: '/', changed: [], version: 5, delta })
    expect(seen).toEqual([])
    answer(4)
    await Promise.resolve()
    expect(seen).toEqual(['full@4', 'delta@5'])
    expect(f.resyncs).toBe(1)
  })
})
