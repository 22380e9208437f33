// The cold build's shortcuts against the plain build: GraphBuilder.summaryParts (what the command line's summary
// reads) and edges made as notes arrive (opts.edgesAsNotesArrive, deferEdgeIndex) give the same graph.
import { describe, expect, it } from 'vitest'
import type { EdgeType, Graph, GraphNode } from '../types'
import { GraphBuilder } from './builder'
import { randomNote, testNotes, testOntology } from './test-fixtures'
import { mulberry32 } from '../prng'

const byId = (a: GraphNode, b: GraphNode) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const tally = (g: Graph) => {
  const m = new Map<EdgeType, number>()
  for (const e of g.edges) m.set(e.type, (m.get(e.type) ?? 0) + 1)
  return m
}
const sortedEntries = (m: Map<EdgeType, number>) => [...m].sort((a, b) => a[0].localeCompare(b[0]))

/** summaryParts of a fresh builder with the same notes: nothing materialized before it is read */
function expectSameAsGraph(b: GraphBuilder, fresh: GraphBuilder) {
  const parts = fresh.summaryParts()
  const g = b.graph()
  expect([...parts.nodes].sort(byId)).toEqual([...g.nodes].sort(byId))
  expect(sortedEntries(parts.edgeCounts)).toEqual(sortedEntries(tally(g)))
}

describe('GraphBuilder.summaryParts', () => {
  it('gives the nodes and edge counts by type of the graph, for the fixture notes', () => {
    const build = () => { const b = new GraphBuilder(testOntology()); for (const n of testNotes()) b.setNote(n); return b }
    expectSameAsGraph(build(), build())
    expect(build().summaryParts().edgeCounts.get('related')).toBeGreaterThan(0)
  })

  it('stays equal to the graph over random notes, replacements and removals', () => {
    const rnd = mulberry32(7)
    const paths = Array.from({ length: 60 }, (_, i) => `D${1 + (i % 3)}/n${i}.md`)
    const b = new GraphBuilder(testOntology())
    for (let step = 0; step < 200; step++) {
      const p = paths[Math.floor(rnd() * paths.length)]
      if (rnd() < 0.2) b.removeNote(p)
      else b.setNote(randomNote(rnd, p, paths))
      if (step % 50 === 49) {
        // the same notes into a builder that was never materialized
        const fresh = new GraphBuilder(testOntology())
        for (const m of b.notes()) fresh.setNote(m)
        expectSameAsGraph(b, fresh)
        // and on the incrementally materialized builder itself
        const parts = b.summaryParts()
        expect(sortedEntries(parts.edgeCounts)).toEqual(sortedEntries(tally(b.graph())))
      }
    }
  })
})

describe('GraphBuilder first build with edgesAsNotesArrive', () => {
  const rnd = mulberry32(11)
  const paths = Array.from({ length: 80 }, (_, i) => `D${1 + (i % 3)}/n${i}.md`)
  const notes = [...testNotes(), ...paths.map((p) => randomNote(rnd, p, paths))]
  // a few notes set again before the first graph (as links resolved again after the parse are)
  const again = notes.slice(5, 15).map((m) => ({ ...m, links: [] }))
  const build = (opts: ConstructorParameters<typeof GraphBuilder>[1]) => {
    const b = new GraphBuilder(testOntology(), opts)
    for (const m of notes) b.setNote(m)
    for (const m of again) b.setNote(m)
    return b
  }

  it('gives the same graph when nothing is set twice (related edges made as notes arrive, too)', () => {
    const once = (opts: ConstructorParameters<typeof GraphBuilder>[1]) => {
      const b = new GraphBuilder(testOntology(), opts)
      for (const m of notes) b.setNote(m)
      return b.graph()
    }
    const plain = once({})
    const early = once({ edgesAsNotesArrive: true })
    expect(early.edges).toEqual(plain.edges)
    expect(early.nodes).toEqual(plain.nodes)
    expect(early.edges.filter((e) => e.type === 'related').length).toBeGreaterThan(20)
  })

  it('gives the same nodes and edges, in the same order, as the plain first build', () => {
    const plain = build({}).graph()
    const early = build({ edgesAsNotesArrive: true, deferEdgeIndex: true })
    const g = early.graph()
    expect(g.nodes).toEqual(plain.nodes)
    expect(g.edges).toEqual(plain.edges)
    expect(g.edges.length).toBeGreaterThan(100)
    // the deferred index still finds every edge, and later edits patch the same graph
    early.indexEdges()
    for (const e of plain.edges.slice(0, 50)) expect(early.edgeById(e.id)).toEqual(e)
    const other = build({})
    other.graph()
    for (const b of [early, other]) { b.removeNote(notes[20].path); b.setNote({ ...notes[21], tags: ['new-tag'] }) }
    expect(early.graph().edges).toEqual(other.graph().edges)
    expect(early.graph().nodes).toEqual(other.graph().nodes)
  })
})
