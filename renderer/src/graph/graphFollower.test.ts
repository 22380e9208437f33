// The page following a progressive open: the first load's answer (version N) and the phases' deltas (N+1, …)
// interleave in every order the network and React allow, and the canvas must end with the host's last graph.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import cytoscape, { type Core } from 'cytoscape'
import type { Graph, GraphChange, GraphDelta, GraphEdge, GraphNode } from '../../../electron/core/types'
import { applyGraphDelta, diffGraphs } from '../../../electron/core/graph/delta'
import { CyGraphController } from './cyController'
import { CanvasGraph, GraphFollower } from './graphFollower'

const n = (id: string, extra: Partial<GraphNode> = {}): GraphNode => {
  const type = id.slice(0, id.indexOf(':')) as GraphNode['type']
  return { id, type, label: id.slice(id.indexOf(':') + 1), ...(type === 'note' ? { path: id.slice(5), domain: 'D1' } : {}), ...extra }
}
const e = (type: GraphEdge['type'], source: string, target: string, weight?: number): GraphEdge =>
  ({ id: `${type}:${source}->${target}`, source, target, type, ...(weight !== undefined ? { weight } : {}) })

const NOTES = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md']
const SERVICES = ['aws-glue', 'amazon-s3', 'amazon-kinesis', 'amazon-athena', 'amazon-emr', 'amazon-sagemaker']

/** The host's graphs while it indexes: version 1 has the notes and links, each later one a note's services more. */
function phases(): Graph[] {
  const notes = NOTES.map((p) => n(`note:${p}`))
  const first: Graph = {
    nodes: [n('domain:D1', { domain: 'D1' }), ...notes],
    edges: [...notes.map((x) => e('contains', 'domain:D1', x.id)), e('links-to', 'note:a.md', 'note:b.md', 1), e('links-to', 'note:c.md', 'note:d.md', 1)],
    diagnostics: [],
    partial: true,
  }
  const out = [first]
  for (let i = 0; i < SERVICES.length; i++) {
    const prev = out[out.length - 1]
    const s = `service:${SERVICES[i]}`
    const g: Graph = {
      nodes: [...prev.nodes, n(s, { category: 'Analytics', noteCount: 1 })],
      edges: [...prev.edges, e('mentions', `note:${NOTES[i]}`, s, 2), ...(i > 0 ? [e('related', `service:${SERVICES[i - 1]}`, s, 4)] : [])],
      diagnostics: [],
    }
    if (i < SERVICES.length - 1) g.partial = true
    out.push(g)
  }
  return out.map((g, i) => ({ ...g, version: i + 1 }))
}

/** The change event that takes the host from graph `v - 1` to graph `v`. */
const deltaTo = (graphs: Graph[], v: number): GraphChange => {
  const delta = diffGraphs(graphs[v - 2], graphs[v - 1])
  if (graphs[v - 1].partial) delta.partial = true
  return { folder: '/notes', changed: [], version: v, delta }
}

/** The page: a controller on a headless canvas, React state as the list of states it was given. */
function page(graphs: Graph[]) {
  const controller = new CyGraphController({ onSelect: vi.fn(), onOpenNote: vi.fn() })
  const cy = cytoscape({ headless: true, styleEnabled: true })
  controller.attach(cy)
  controller.setView('overview')
  const states: Array<Graph | null> = []
  const ends: number[] = []
  let answer: (v: number) => void = () => undefined
  const canvas = new CanvasGraph(controller, (g, end) => { if (end) ends.push(states.length); states.push(g) }, () => new Promise<Graph>((r) => { answer = (v) => r(graphs[v - 1]) }))
  return { controller, cy, canvas, follower: canvas.follower, states, ends, answer: (v: number) => answer(v), lastState: () => states[states.length - 1] }
}

const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id).sort()
const canvasNodes = (cy: Core) => cy.nodes().map((x) => x.id()).sort()

/** The canvas and the shell's state hold `g`, once the canvas has added what its first frame left out. */
async function expectShows(p: ReturnType<typeof page>, g: Graph): Promise<void> {
  await vi.waitFor(() => expect(p.controller.isLoading()).toBe(false), { timeout: 5000 })
  expect(ids(p.controller.graph().nodes)).toEqual(ids(g.nodes))
  expect(ids(p.controller.graph().edges)).toEqual(ids(g.edges))
  expect(canvasNodes(p.cy)).toEqual(ids(g.nodes))
  expect(p.controller.graph().partial).toBe(g.partial)
  const state = p.lastState()!
  expect(ids(state.nodes)).toEqual(ids(g.nodes))
  expect(ids(state.edges)).toEqual(ids(g.edges))
}

describe('CanvasGraph: the first load racing the phases', () => {
  it('deltas that come before and after the first load\'s answer all reach the canvas', async () => {
    const graphs = phases()
    const p = page(graphs)
    p.follower.take(deltaTo(graphs, 3)) // before the answer (version 2) is in: kept
    p.canvas.show(graphs[1])
    p.follower.loaded(graphs[1])
    for (let v = 4; v <= graphs.length; v++) p.follower.take(deltaTo(graphs, v))
    await expectShows(p, graphs[graphs.length - 1])
    // the shell is told once, with the graph that ends the partial ones (it renders that one at once)
    expect(p.ends).toEqual([p.states.length - 1])
  })

  it('a render of an older state after a delta does not take the canvas back (the delta after it applies to the newest graph)', async () => {
    const graphs = phases()
    const p = page(graphs)
    p.canvas.show(graphs[0])
    p.follower.loaded(graphs[0])
    p.canvas.rendered(graphs[0])
    p.follower.take(deltaTo(graphs, 2))
    p.follower.take(deltaTo(graphs, 3))
    // React renders (and runs its effects for) states the follower has since moved past
    p.canvas.rendered(p.states[0])
    p.canvas.rendered(p.states[1])
    for (let v = 4; v <= graphs.length; v++) p.follower.take(deltaTo(graphs, v))
    p.canvas.rendered(p.states[2])
    await expectShows(p, graphs[graphs.length - 1])
    p.canvas.rendered(p.lastState())
    await expectShows(p, graphs[graphs.length - 1])
  })

  it('a missed phase: the whole graph fetched goes to the canvas before the deltas that waited for it', async () => {
    const graphs = phases()
    const p = page(graphs)
    p.canvas.show(graphs[0])
    p.follower.loaded(graphs[0])
    // the event stream connected after version 2 went out
    p.follower.take(deltaTo(graphs, 3))
    p.follower.take(deltaTo(graphs, 4))
    p.answer(3)
    await Promise.resolve()
    await Promise.resolve()
    for (let v = 5; v <= graphs.length; v++) p.follower.take(deltaTo(graphs, v))
    expect(p.follower.resyncs).toBe(1)
    await expectShows(p, graphs[graphs.length - 1])
  })

  it('a whole graph fetched outside the stream (catching up), then the next delta applies to it', async () => {
    const graphs = phases()
    const p = page(graphs)
    p.canvas.show(graphs[0])
    p.follower.loaded(graphs[0])
    p.follower.whole(graphs[graphs.length - 2]) // getGraph while indexing: the stream's deltas up to it were missed
    p.follower.whole(graphs[1]) // an older answer that came late: ignored
    p.follower.take(deltaTo(graphs, graphs.length))
    expect(p.follower.resyncs).toBe(0)
    await expectShows(p, graphs[graphs.length - 1])
  })
})

describe('GraphFollower: a change missed with none after it', () => {
  it('the stream says the host is further on: the page fetches the graph (no later delta would show the gap)', async () => {
    const graphs = phases()
    const p = page(graphs)
    p.canvas.show(graphs[0])
    p.follower.loaded(graphs[0])
    // versions 2 and 3 went out before this page's stream connected; nothing else changes after
    p.follower.hostAt(3)
    expect(p.follower.resyncs).toBe(1)
    p.answer(3)
    await expectShows(p, graphs[2])
  })

  it('the stream connects before the load is answered: the page compares once it has its graph', async () => {
    const graphs = phases()
    const p = page(graphs)
    p.follower.hostAt(2)
    expect(p.follower.resyncs).toBe(0)
    p.canvas.show(graphs[0])
    p.follower.loaded(graphs[0]) // answered before version 2 went out
    expect(p.follower.resyncs).toBe(1)
    p.answer(2)
    await expectShows(p, graphs[1])
  })

  it('no fetch when the page holds the host\'s version (or a newer one: the stream connected earlier)', async () => {
    const graphs = phases()
    const p = page(graphs)
    p.follower.hostAt(1)
    p.canvas.show(graphs[1])
    p.follower.loaded(graphs[1])
    p.follower.hostAt(2)
    p.follower.hostAt(1)
    p.follower.take(deltaTo(graphs, 3))
    p.follower.hostAt(3)
    expect(p.follower.resyncs).toBe(0)
    await expectShows(p, graphs[2])
  })

  it('a fetch that fails is tried again while the page is behind', async () => {
    vi.useFakeTimers()
    try {
      const graphs = phases()
      let calls = 0
      const shown: Graph[] = []
      const follower = new GraphFollower({
        full: (g) => shown.push(g),
        delta: () => undefined,
        fetch: () => (++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(graphs[2])),
      }, 1000)
      follower.loaded(graphs[0])
      follower.hostAt(3)
      await vi.advanceTimersByTimeAsync(0)
      expect(calls).toBe(1)
      expect(shown).toEqual([])
      await vi.advanceTimersByTimeAsync(1000)
      expect(calls).toBe(2)
      expect(shown).toEqual([graphs[2]])
      await vi.advanceTimersByTimeAsync(5000)
      expect(calls).toBe(2) // caught up: no more fetches
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('GraphFollower: a reload racing a change', () => {
  it('a load answered before a delta the page applied meanwhile is fetched again, not kept without it', async () => {
    const graphs = phases()
    const p = page(graphs)
    p.canvas.show(graphs[0])
    p.follower.loaded(graphs[0])
    // the page loads its graph again (a folder opened, reload): its answer is version 1, but version 2 came first
    p.canvas.show(null)
    p.follower.take(deltaTo(graphs, 2))
    p.canvas.show(graphs[0])
    p.follower.loaded(graphs[0])
    expect(p.follower.resyncs).toBe(1)
    p.answer(2)
    await expectShows(p, graphs[1])
  })
})

describe('GraphFollower: a delta that does not apply', () => {
  it('fetches the whole graph instead of staying at a version it does not show', async () => {
    const graphs = phases()
    const shown: Graph[] = []
    let fetched = 0
    const follower = new GraphFollower({
      full: (g) => shown.push(g),
      delta: () => { throw new Error('Can not create edge with nonexistant source') },
      fetch: () => { fetched++; return Promise.resolve(graphs[1]) },
    })
    follower.loaded(graphs[0])
    follower.take(deltaTo(graphs, 2))
    await vi.waitFor(() => expect(shown).toEqual([graphs[1]]))
    expect(fetched).toBe(1)
  })
})

describe('CanvasGraph: pacing an indexing folder\'s phases', () => {
  /** a sink that records what reaches the canvas; a clock and frames the test moves by hand */
  function paced() {
    const applied: GraphDelta[] = []
    let held: Graph = { nodes: [], edges: [], diagnostics: [] }
    const sink = {
      setGraph: (g: Graph) => { held = g },
      applyDelta: (d: GraphDelta) => { applied.push(d); clock += 100; held = applyGraphDelta(held, d); return held }, // each costs 100 ms
    }
    let clock = 0
    const frames: Array<() => void> = []
    const states: Array<Graph | null> = []
    const canvas = new CanvasGraph(sink, (g) => states.push(g), () => Promise.reject(new Error('no fetch')), {
      now: () => clock, afterFrame: (cb) => frames.push(cb), costFactor: 4,
    })
    return { canvas, applied, states, frames, shown: () => held, tick: (ms: number) => { clock += ms }, drawFrame: () => frames.splice(0).forEach((f) => f()) }
  }

  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })

  /** the first graph loaded and the first phase taken */
  function started(graphs: Graph[]) {
    const p = paced()
    p.canvas.show(graphs[0])
    p.canvas.follower.loaded(graphs[0])
    p.canvas.follower.take(deltaTo(graphs, 2))
    return p
  }

  it('applies the first phase at once, merges the ones that come before four times its cost, and the last at once', () => {
    const graphs = phases()
    const p = started(graphs)
    expect(p.applied).toHaveLength(1) // at once
    p.tick(50)
    p.drawFrame() // applied and drawn in 150 ms: the next phase no sooner than 600 ms after
    p.canvas.follower.take(deltaTo(graphs, 3))
    p.canvas.follower.take(deltaTo(graphs, 4))
    expect(p.applied).toHaveLength(1) // both held
    vi.advanceTimersByTime(599)
    expect(p.applied).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(p.applied).toHaveLength(2) // the two as one delta
    expect(ids(p.shown().nodes)).toEqual(ids(graphs[3].nodes))
    p.drawFrame()
    p.canvas.follower.take(deltaTo(graphs, 5)) // held again
    expect(p.applied).toHaveLength(2)
    for (let v = 6; v <= graphs.length; v++) p.canvas.follower.take(deltaTo(graphs, v)) // the last completes the graph
    expect(p.applied).toHaveLength(3)
    const last = graphs[graphs.length - 1]
    expect(ids(p.shown().nodes)).toEqual(ids(last.nodes))
    expect(ids(p.shown().edges)).toEqual(ids(last.edges))
    expect(p.shown().partial).toBeUndefined()
    expect(p.states[p.states.length - 1]).toBe(p.shown())
    vi.advanceTimersByTime(10_000)
    expect(p.applied).toHaveLength(3) // nothing left to apply
  })

  it('a whole graph drops the phases held for later (it has them already)', () => {
    const graphs = phases()
    const p = started(graphs)
    p.drawFrame()
    p.canvas.follower.take(deltaTo(graphs, 3)) // held
    p.canvas.follower.whole(graphs[4])
    vi.advanceTimersByTime(10_000)
    expect(p.applied).toHaveLength(1)
    expect(ids(p.shown().nodes)).toEqual(ids(graphs[4].nodes))
  })
})

describe('CanvasGraph: the phase that completes the graph', () => {
  const positions = (cy: Core) => Object.fromEntries(cy.nodes().map((x) => [x.id(), x.position()]))
  const graphs = phases()
  const last = graphs[graphs.length - 1]

  /** a page that has drawn the first graph and the first phase */
  function afterFirstPhase() {
    const p = page(graphs)
    p.canvas.show(graphs[0])
    p.follower.loaded(graphs[0])
    p.follower.take(deltaTo(graphs, 2))
    return p
  }
  /** the other phases, up to the complete graph; then where a one-shot open of that graph puts each node */
  async function completeAndOneShot(p: ReturnType<typeof page>) {
    for (let v = 3; v <= graphs.length; v++) p.follower.take(deltaTo(graphs, v))
    await expectShows(p, last)
    const oneShot = page([last])
    oneShot.canvas.show(last)
    await expectShows(oneShot, last)
    return positions(oneShot.cy)
  }

  it('places the complete graph as a one-shot open does (services do not stay where they joined)', async () => {
    const p = afterFirstPhase()
    const joined = { ...p.cy.getElementById(`service:${SERVICES[0]}`).position() }
    const oneShot = await completeAndOneShot(p)
    expect(positions(p.cy)).toEqual(oneShot)
    expect(p.cy.getElementById(`service:${SERVICES[0]}`).position()).not.toEqual(joined)
  })

  it('places it all the same when the user has zoomed, but leaves the view where they put it', async () => {
    const p = afterFirstPhase()
    p.cy.viewport({ zoom: 2.5, pan: { x: 40, y: -30 } })
    p.cy.emit('scrollzoom')
    const oneShot = await completeAndOneShot(p)
    expect(positions(p.cy)).toEqual(oneShot)
    expect(p.cy.zoom()).toBe(2.5)
    expect(p.cy.pan()).toEqual({ x: 40, y: -30 })
  })
})
