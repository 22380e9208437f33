import { describe, expect, it } from 'vitest'
import type { Graph, GraphChange, GraphDelta, NoteMeta } from '../types'
import { GraphBuilder } from './builder'
import { applyGraphDelta, composeDeltas, diffGraphs, emptyDelta, isEmptyDelta } from './delta'
import { ChangePublisher } from './publish'
import { note, testNotes, testOntology } from './test-fixtures'

const snapshotOf = (g: Graph): Graph => JSON.parse(JSON.stringify({ nodes: g.nodes, edges: g.edges, diagnostics: g.diagnostics })) as Graph
const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort()

/** A builder over the test notes, its graph before `change`, and its graph after. */
function around(change: (b: GraphBuilder) => void) {
  const b = new GraphBuilder(testOntology())
  for (const n of testNotes()) b.setNote(n)
  b.takeDelta()
  const before = snapshotOf(b.graph())
  change(b)
  const after = b.graph()
  return { b, before, after }
}

const misc = (spec: Parameters<typeof note>[1]): NoteMeta => note('misc.md', { title: 'Misc', sections: [['top', 'Top', 1]], ...spec })

describe('diffGraphs', () => {
  it('finds an edit of a note: a new mention, its related edges and the count on the service', () => {
    const { before, after } = around((b) => b.setNote(misc({ mentions: [
      ['service:aws-glue', 'Glue', 2, 'top'], ['service:amazon-kinesis', 'Kinesis', 2, 'top'], ['service:amazon-s3', 'S3', 3, 'top'],
      ['concept:parquet', 'Parquet', 4, 'top'],
    ] })))
    const d = diffGraphs(before, after)
    expect(ids(d.addedEdges)).toEqual(expect.arrayContaining(['mentions:note:misc.md->concept:parquet']))
    expect(d.addedEdges.every((e) => e.source === 'note:misc.md' || e.type === 'related')).toBe(true)
    expect(ids(d.updatedNodes)).toEqual(['concept:parquet'])
    expect(d.updatedNodes[0].noteCount).toBe(2)
    expect(d.addedNodes).toEqual([])
    expect(d.removedNodes).toEqual([])
    expect(applyGraphDelta(before, d)).toEqual(snapshotOf(after))
  })

  it('finds an added note (node, domain edge, links both ways) and a removed one', () => {
    const added = around((b) => b.setNote(note('D1/new.md', { title: 'New', domain: 'D1', links: ['D1/ingest.md'], tags: ['fresh'] })))
    const d = diffGraphs(added.before, added.after)
    expect(ids(d.addedNodes)).toEqual(['note:D1/new.md', 'tag:fresh'])
    expect(ids(d.addedEdges)).toEqual(['contains:domain:D1->note:D1/new.md', 'links-to:note:D1/new.md->note:D1/ingest.md', 'tagged:note:D1/new.md->tag:fresh'])
    expect(applyGraphDelta(added.before, d)).toEqual(snapshotOf(added.after))

    const removed = around((b) => b.removeNote('D1/features.md'))
    const r = diffGraphs(removed.before, removed.after)
    expect(r.removedNodes).toEqual(expect.arrayContaining(['note:D1/features.md', 'concept:one-hot-encoding', 'service:amazon-sagemaker-feature-store']))
    expect(r.removedEdges).toEqual(expect.arrayContaining(['links-to:note:D1/ingest.md->note:D1/features.md', 'contains:domain:D1->note:D1/features.md']))
    expect(r.addedNodes).toEqual([])
    expect(applyGraphDelta(removed.before, r)).toEqual(snapshotOf(removed.after))
  })

  it('finds a rename (new title) as one updated node', () => {
    const { before, after } = around((b) => b.setNote(misc({ title: 'Miscellany', mentions: testNotes()[2].mentions.map((m) => [m.entity, m.text, m.line, m.section]) })))
    const d = diffGraphs(before, after)
    expect(d.updatedNodes).toEqual([{ id: 'note:misc.md', type: 'note', label: 'Miscellany', path: 'misc.md' }])
    expect(d.addedNodes.length + d.removedNodes.length + d.addedEdges.length + d.removedEdges.length + d.updatedEdges.length).toBe(0)
  })

  it('agrees with the builder’s own delta', () => {
    const { b, before, after } = around((x) => {
      x.removeNote('D1/features.md')
      x.setNote(note('D2/other.md', { domain: 'D2', mentions: [['service:aws-glue', 'Glue', 1, ''], ['service:amazon-s3', 'S3', 1, '']] }))
    })
    const own = b.takeDelta()
    const diff = diffGraphs(before, after)
    for (const k of ['addedNodes', 'updatedNodes', 'addedEdges', 'updatedEdges'] as const) expect(ids(diff[k]), k).toEqual(ids(own[k]))
    expect([...diff.removedNodes].sort()).toEqual([...own.removedNodes].sort())
    expect([...diff.removedEdges].sort()).toEqual([...own.removedEdges].sort())
    expect(applyGraphDelta(before, own)).toEqual(snapshotOf(after))
  })

  it('sees nothing between equal graphs, diagnostics included; changed diagnostics travel whole', () => {
    const { before } = around(() => undefined)
    expect(isEmptyDelta(diffGraphs(before, snapshotOf(before)))).toBe(true)
    const diagnostics = [{ file: 'a.md', severity: 'warning' as const, code: 'link-broken', message: 'm' }]
    const d = diffGraphs(before, { ...before, diagnostics })
    expect(d.diagnostics).toEqual(diagnostics)
    expect(isEmptyDelta(d)).toBe(false)
  })
})

describe('composeDeltas', () => {
  /** a seeded pseudo-random sequence (the same cases every run) */
  const rng = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  type Item = { id: string; v: number }
  /** a valid random change of `g`: removes, updates and adds (some of them ids that were removed before) */
  function randomDelta(g: Graph, rand: () => number, step: number): GraphDelta {
    const d = emptyDelta()
    const pick = <T extends Item>(xs: T[], added: T[], updated: T[], removed: string[], kind: string) => {
      for (const x of xs) {
        const r = rand()
        if (r < 0.15) removed.push(x.id)
        else if (r < 0.35) updated.push({ ...x, v: step * 100 + Math.floor(rand() * 100) })
      }
      const n = Math.floor(rand() * 4)
      // new ids, and ids of this kind that may have been removed earlier (an element that comes back)
      for (let i = 0; i < n; i++) {
        const id = `${kind}${Math.floor(rand() * 40)}`
        if (!xs.some((x) => x.id === id) && !added.some((x) => x.id === id)) added.push({ id, v: step } as T)
      }
    }
    pick(g.nodes as unknown as Item[], d.addedNodes as unknown as Item[], d.updatedNodes as unknown as Item[], d.removedNodes, 'n')
    pick(g.edges as unknown as Item[], d.addedEdges as unknown as Item[], d.updatedEdges as unknown as Item[], d.removedEdges, 'e')
    if (rand() < 0.3) d.diagnostics = [{ severity: 'warning', message: `step ${step}`, file: 'a.md' } as Graph['diagnostics'][number]]
    if (rand() < 0.7) d.partial = true
    return d
  }

  it('makes the graph that applying the deltas one by one makes: elements, their order, diagnostics, partial', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = rng(seed)
      const base: Graph = {
        nodes: Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, v: 0 })) as unknown as Graph['nodes'],
        edges: Array.from({ length: 15 }, (_, i) => ({ id: `e${i}`, v: 0 })) as unknown as Graph['edges'],
        diagnostics: [],
      }
      let stepwise = base
      let composed: GraphDelta | null = null
      for (let step = 1; step <= 1 + (seed % 6); step++) {
        const d = randomDelta(stepwise, rand, step)
        stepwise = applyGraphDelta(stepwise, d)
        composed = composed ? composeDeltas(composed, d) : d
      }
      const once = applyGraphDelta(base, composed!)
      expect(once.nodes, `seed ${seed}`).toEqual(stepwise.nodes)
      expect(once.edges, `seed ${seed}`).toEqual(stepwise.edges)
      expect(once.diagnostics).toEqual(stepwise.diagnostics)
      expect(once.partial).toBe(stepwise.partial)
    }
  })

  it('drops an element added and removed again, and keeps a removed one that came back as removed and added', () => {
    const g: Graph = { nodes: [{ id: 'a' }, { id: 'b' }] as Graph['nodes'], edges: [], diagnostics: [] }
    const d = composeDeltas(
      { ...emptyDelta(), addedNodes: [{ id: 'c' }] as Graph['nodes'], removedNodes: ['a'] },
      { ...emptyDelta(), removedNodes: ['c'], addedNodes: [{ id: 'a', label: 'back' }] as Graph['nodes'] },
    )
    expect(d.addedNodes.map((n) => n.id)).toEqual(['a'])
    expect(d.removedNodes).toEqual(['a'])
    expect(applyGraphDelta(g, d).nodes).toEqual([{ id: 'b' }, { id: 'a', label: 'back' }])
  })
})

describe('ChangePublisher', () => {
  const setup = () => {
    const b = new GraphBuilder(testOntology())
    for (const n of testNotes()) b.setNote(n)
    const sent: GraphChange[] = []
    const p = new ChangePublisher((c) => sent.push(c))
    const src: { builder: GraphBuilder; deltaBase?: Graph } = { builder: b }
    return { b, sent, p, src }
  }

  it('sends the whole graph on open, then numbered deltas from the graph sent before', () => {
    const { b, sent, p, src } = setup()
    p.publish({ folder: '/n', changed: [], graph: b.graph(), full: true }, src)
    expect(sent[0]).toMatchObject({ version: 1, graph: b.graph() })
    const before = snapshotOf(b.graph())
    b.setNote(note('D1/new.md', { domain: 'D1' }))
    p.publish({ folder: '/n', changed: ['D1/new.md'], graph: b.graph() }, src)
    expect(sent[1].version).toBe(2)
    expect(sent[1].graph).toBeUndefined()
    expect(applyGraphDelta(before, sent[1].delta!)).toEqual(snapshotOf(b.graph()))
    expect(p.versioned(b.graph(), '/n', src).version).toBe(2)
  })

  it('turns a graph the builder did not track into a delta too (diffGraphs)', () => {
    const { b, sent, p } = setup()
    const first = b.graph()
    expect(p.versioned(first, '/n').version).toBe(0) // handed out by getGraph: nothing sent
    const joined: Graph = { ...first, nodes: [...first.nodes, { id: 'service:amazon-athena', type: 'service', label: 'Amazon Athena' }] }
    p.publish({ folder: '/n', changed: [], graph: joined })
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ version: 1, delta: { addedNodes: [{ id: 'service:amazon-athena' }], removedNodes: [], updatedNodes: [] } })
    expect(sent[0].graph).toBeUndefined()
  })

  it('publishes a pending change before getGraph answers, so its version names what it holds', () => {
    const { b, sent, p, src } = setup()
    p.publish({ folder: '/n', changed: [], graph: b.graph(), full: true }, src)
    b.removeNote('misc.md')
    const g = p.versioned(b.graph(), '/n', src)
    expect(g.version).toBe(2)
    expect(sent[1].delta?.removedNodes).toContain('note:misc.md')
  })
})
