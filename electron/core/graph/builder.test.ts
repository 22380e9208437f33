import { describe, expect, it } from 'vitest'
import type { Graph, NoteMeta } from '../types'
import { GraphBuilder, MAX_REFS } from './builder'
import { note, randomNote, testNotes, testOntology } from './test-fixtures'
import { applyGraphDelta } from './delta'
import { mulberry32 } from '../prng'

const build = (notes: NoteMeta[]) => {
  const b = new GraphBuilder(testOntology())
  for (const n of notes) b.setNote(n)
  return b
}

/** Order-independent view of a graph, for comparing builds. */
const canonical = (g: Graph) => ({
  nodes: [...g.nodes].sort((a, b) => a.id.localeCompare(b.id)),
  edges: [...g.edges].sort((a, b) => a.id.localeCompare(b.id)),
})

const edge = (g: Graph, id: string) => g.edges.find((e) => e.id === id)
const node = (g: Graph, id: string) => g.nodes.find((n) => n.id === id)
const countBy = (items: { type: string }[]) =>
  items.reduce<Record<string, number>>((acc, x) => ((acc[x.type] = (acc[x.type] ?? 0) + 1), acc), {})

describe('GraphBuilder — full build', () => {
  const g = build(testNotes()).graph()

  it('creates one node per domain, note, mentioned entity (plus feature parents) and tag', () => {
    expect(countBy(g.nodes)).toEqual({ domain: 1, note: 3, service: 7, concept: 3, tag: 2 })
    expect(node(g, 'domain:D1')?.label).toBe('Domain 1: Data Preparation for Machine Learning (ML)')
    expect(node(g, 'note:D1/ingest.md')).toEqual({ id: 'note:D1/ingest.md', type: 'note', label: 'Ingestion', path: 'D1/ingest.md', domain: 'D1' })
    expect(node(g, 'tag:etl')?.label).toBe('#etl')
    // Never-mentioned services (Athena, EC2) are not in the graph.
    expect(node(g, 'service:amazon-athena')).toBeUndefined()
  })

  it('labels services with canonical names and counts the notes that mention them', () => {
    const glue = node(g, 'service:aws-glue')
    expect(glue).toMatchObject({ type: 'service', label: 'AWS Glue', category: 'Analytics', noteCount: 3 })
    expect(glue?.aliases).toContain('Glue')
    expect(node(g, 'service:amazon-kinesis')?.noteCount).toBe(2)
    expect(node(g, 'concept:parquet')).toMatchObject({ type: 'concept', label: 'Apache Parquet', noteCount: 1 })
  })

  it('adds the parent of a mentioned feature with a part-of edge, even when the parent itself is not mentioned', () => {
    expect(node(g, 'service:amazon-sagemaker-ai')).toMatchObject({ label: 'Amazon SageMaker AI', noteCount: 0 })
    expect(node(g, 'service:amazon-sagemaker-feature-store')?.parent).toBe('service:amazon-sagemaker-ai')
    expect(edge(g, 'part-of:service:amazon-sagemaker-feature-store->service:amazon-sagemaker-ai')).toBeDefined()
    expect(edge(g, 'part-of:service:amazon-kinesis-data-streams->service:amazon-kinesis')).toBeDefined()
  })

  it('has contains, mentions (weight + refs), links-to and tagged edges', () => {
    expect(countBy(g.edges)).toEqual({ contains: 2, mentions: 13, 'part-of': 2, related: 10, 'links-to': 2, tagged: 3 })
    expect(edge(g, 'contains:domain:D1->note:D1/ingest.md')).toBeDefined()
    expect(edge(g, 'contains:domain:D1->note:misc.md')).toBeUndefined()
    expect(edge(g, 'mentions:note:D1/ingest.md->service:amazon-s3')).toMatchObject({
      weight: 2,
      refs: [
        { line: 5, section: 'Streams' },
        { line: 11, section: 'Batch ETL' },
      ],
    })
    expect(edge(g, 'links-to:note:D1/ingest.md->note:D1/features.md')?.weight).toBe(1)
    // A link to a note that is not in the folder makes no edge.
    expect(g.edges.some((e) => e.target === 'note:D9/missing.md')).toBe(false)
    expect(edge(g, 'tagged:note:D1/features.md->tag:etl')).toBeDefined()
  })

  it('relates entities sharing a section, weighted by sections, never concept with concept', () => {
    expect(edge(g, 'related:service:amazon-kinesis->service:amazon-s3')?.weight).toBe(2)
    expect(edge(g, 'related:service:amazon-s3->service:aws-glue')?.weight).toBe(2)
    expect(edge(g, 'related:concept:parquet->service:aws-glue')?.weight).toBe(1)
    expect(edge(g, 'related:concept:one-hot-encoding->concept:overfitting')).toBeUndefined()
    // Glue (batch section) and Firehose (streams section) never share a section.
    expect(edge(g, 'related:service:amazon-data-firehose->service:aws-glue')).toBeUndefined()
    const rel = edge(g, 'related:service:amazon-kinesis->service:amazon-s3')!
    expect(rel.source < rel.target).toBe(true)
  })

  it('keeps at most MAX_REFS refs but counts every mention', () => {
    const many = Array.from({ length: 80 }, (_, i) => ['service:amazon-s3', 'S3', i + 2, 'a'] as [string, string, number, string])
    const g2 = build([note('s3.md', { sections: [['a', 'All', 1]], mentions: many })]).graph()
    const e = edge(g2, 'mentions:note:s3.md->service:amazon-s3')!
    expect(e.weight).toBe(80)
    expect(e.refs).toHaveLength(MAX_REFS)
  })

  it('survives partial note metadata (missing lists, null entries)', () => {
    const broken = { path: 'bad.md', title: 'Bad', mentions: [null, { entity: 42 }], links: [{ target: 'x' }] } as unknown as NoteMeta
    const g2 = build([broken, ...testNotes()]).graph()
    expect(node(g2, 'note:bad.md')?.label).toBe('Bad')
    expect(g2.edges.some((e) => e.source === 'note:bad.md')).toBe(false)
  })

  it('ignores mentions of ids that are not services or concepts', () => {
    const g2 = build([note('x.md', { mentions: [['bogus', 'x', 1, '']] })]).graph()
    expect(g2.nodes.map((n) => n.id)).toEqual(['note:x.md'])
    expect(g2.edges).toEqual([])
  })
})

describe('GraphBuilder — incremental', () => {
  it('gives the same graph as a fresh build after any sequence of set/remove', () => {
    const [ingest, features, misc] = testNotes()
    const features2 = note('D1/features.md', {
      title: 'Features v2',
      domain: 'D2',
      tags: ['ml'],
      sections: [['s', 'Store', 1]],
      mentions: [
        ['service:amazon-sagemaker-ai', 'SageMaker', 2, 's'],
        ['service:aws-glue', 'Glue', 2, 's'],
      ],
      links: ['misc.md'],
    })
    // graph() after every step, so each step goes through the incremental path
    const b = new GraphBuilder(testOntology())
    const steps = [
      () => b.setNote(misc),
      () => b.setNote(features),
      () => b.setNote(ingest),
      () => b.removeNote('misc.md'),
      () => b.setNote(features2),
      () => b.setNote(misc),
      () => b.removeNote('D1/ingest.md'),
      () => b.setNote(ingest),
    ]
    for (const step of steps) {
      step()
      b.graph()
    }
    expect(canonical(b.graph())).toEqual(canonical(build([ingest, features2, misc]).graph()))

    b.removeNote('D1/features.md')
    expect(canonical(b.graph())).toEqual(canonical(build([ingest, misc]).graph()))
    expect(node(b.graph(), 'service:amazon-sagemaker-ai')).toBeUndefined()
    expect(node(b.graph(), 'tag:ml')).toBeUndefined()
  })

  it('adds links-to edges when the target note appears and drops them when it goes', () => {
    const [ingest, features] = testNotes()
    const b = build([ingest])
    const linkId = 'links-to:note:D1/ingest.md->note:D1/features.md'
    expect(edge(b.graph(), linkId)).toBeUndefined()
    b.setNote(features)
    expect(edge(b.graph(), linkId)).toBeDefined()
    b.removeNote('D1/features.md')
    expect(edge(b.graph(), linkId)).toBeUndefined()
  })

  it('empties completely when every note is removed', () => {
    const b = build(testNotes())
    b.clear()
    expect(b.graph().nodes).toEqual([])
    expect(b.graph().edges).toEqual([])
  })

  it('reuses unchanged node and edge objects and caches the graph until a change', () => {
    const notes = testNotes()
    const b = build(notes)
    const before = b.graph()
    expect(b.graph()).toBe(before)
    const misc2 = note('misc.md', { title: 'Misc 2', sections: [['top', 'Top', 1]], mentions: [['service:amazon-s3', 'S3', 3, 'top']] })
    b.setNote(misc2)
    const after = b.graph()
    expect(after).not.toBe(before)
    expect(node(after, 'note:D1/features.md')).toBe(node(before, 'note:D1/features.md'))
    const fsEdge = 'mentions:note:D1/features.md->service:amazon-sagemaker-feature-store'
    expect(edge(after, fsEdge)).toBe(edge(before, fsEdge))
    expect(node(after, 'note:misc.md')?.label).toBe('Misc 2')
    expect(node(after, 'service:aws-glue')?.noteCount).toBe(2)
  })

  it('setting an identical note changes nothing', () => {
    const notes = testNotes()
    const b = build(notes)
    const g = b.graph()
    const v = b.version
    b.takeDelta()
    b.setNote({ ...notes[0] })
    expect(b.graph()).toBe(g)
    expect(b.version).toBe(v)
    expect(b.takeDelta()).toEqual({ addedNodes: [], updatedNodes: [], removedNodes: [], addedEdges: [], updatedEdges: [], removedEdges: [] })
  })

  it('reports the net delta since the last takeDelta', () => {
    const notes = testNotes()
    const b = build(notes)
    b.takeDelta()
    b.removeNote('misc.md')
    const d = b.takeDelta()
    expect(d.removedNodes).toEqual(['note:misc.md'])
    expect(d.addedNodes).toEqual([])
    expect(d.updatedNodes.map((n) => n.id).sort()).toEqual(['service:amazon-kinesis', 'service:amazon-s3', 'service:aws-glue'])
    expect(d.removedEdges).toContain('mentions:note:misc.md->service:aws-glue')
    expect(d.removedEdges).toContain('related:service:amazon-kinesis->service:aws-glue')
    // kinesis–s3 lost one of its two sections: updated, not removed
    expect(d.updatedEdges.find((e) => e.id === 'related:service:amazon-kinesis->service:amazon-s3')?.weight).toBe(1)
    // Removing and re-adding nets out to nothing.
    b.setNote(notes[2])
    b.removeNote('misc.md')
    b.setNote(notes[2])
    const d2 = b.takeDelta()
    expect(d2.addedNodes.map((n) => n.id)).toEqual(['note:misc.md'])
  })

  it('a first build in one go gives the same graph as note-by-note updates', () => {
    const notes = testNotes()
    const oneByOne = new GraphBuilder(testOntology())
    for (const n of notes) {
      oneByOne.setNote(n)
      oneByOne.graph()
    }
    const bulk = new GraphBuilder(testOntology())
    bulk.setNotes(notes)
    expect(canonical(bulk.graph())).toEqual(canonical(oneByOne.graph()))
    const first = bulk.takeDelta()
    expect(first.addedNodes).toHaveLength(bulk.graph().nodes.length)
    expect(first.addedEdges).toHaveLength(bulk.graph().edges.length)

    // several changes before the next graph() on a non-empty builder: the incremental path, once
    bulk.removeNote('misc.md')
    bulk.setNote(note('new.md', { tags: ['etl'], mentions: [['service:amazon-athena', 'Athena', 1, '']] }))
    const want = build([notes[0], notes[1], note('new.md', { tags: ['etl'], mentions: [['service:amazon-athena', 'Athena', 1, '']] })])
    expect(canonical(bulk.graph())).toEqual(canonical(want.graph()))
    const d = bulk.takeDelta()
    expect(d.addedNodes.map((n) => n.id).sort()).toEqual(['note:new.md', 'service:amazon-athena'])
    expect(d.removedNodes).toEqual(['note:misc.md'])
  })
})

describe('GraphBuilder — first build with the edge index deferred (the command line)', () => {
  it('gives the same graph, in the same order, and the same graph again after edits that look edges up', () => {
    const rnd = mulberry32(5)
    // "->" in paths makes edge ids ambiguous to split: those edges are indexed at once
    const paths = Array.from({ length: 60 }, (_, i) => (i % 7 === 0 ? `a->note:b${i}.md` : `n${i}.md`))
    const notes = paths.map((p) => randomNote(rnd, p, paths))
    const plain = new GraphBuilder(testOntology())
    const deferred = new GraphBuilder(testOntology(), { deferEdgeIndex: true })
    plain.setNotes(notes)
    deferred.setNotes(notes)
    expect(deferred.graph()).toEqual(plain.graph())
    expect(deferred.edgeCount).toBe(plain.graph().edges.length)
    const some = plain.graph().edges[Math.floor(plain.graph().edges.length / 2)]
    expect(deferred.edgeById(some.id)).toEqual(some)
    for (let k = 0; k < 40; k++) {
      const p = paths[Math.floor(rnd() * paths.length)]
      if (rnd() < 0.3) {
        plain.removeNote(p)
        deferred.removeNote(p)
      } else {
        const n = randomNote(rnd, p, paths)
        plain.setNote(n)
        deferred.setNote(n)
      }
      expect(deferred.graph()).toEqual(plain.graph())
    }
  })
})

describe('GraphBuilder — patched in place', () => {
  it('after a long random run of edits, removals and re-adds: the same graph as a fresh build, in the order the deltas give', () => {
    const rnd = mulberry32(11)
    const paths = Array.from({ length: 300 }, (_, i) => `n${i}.md`)
    const live = new Map(paths.map((p) => [p, randomNote(rnd, p, paths)]))
    const b = build([...live.values()])
    let page = b.graph() // what a page holds: the first graph, then each delta applied to it
    b.takeDelta()
    const removed: string[] = []
    for (let step = 0; step < 400; step++) {
      const r = rnd()
      const p = paths[Math.floor(rnd() * paths.length)]
      if (r < 0.45 && live.has(p)) { b.removeNote(p); live.delete(p); removed.push(p) }
      else if (r < 0.6 && removed.length) { const q = removed.pop()!; const m = randomNote(rnd, q, paths); b.setNote(m); live.set(q, m) }
      else { const m = randomNote(rnd, p, paths); b.setNote(m); live.set(p, m) }
      if (step % 3 === 0) {
        const before = b.graph()
        page = applyGraphDelta(page, b.takeDelta())
        expect(b.graph()).toBe(before)
        expect(page.nodes).toEqual(before.nodes)
        expect(page.edges).toEqual(before.edges)
      }
    }
    expect(removed.length).toBeGreaterThan(50) // enough edges went for the arrays to be compacted on the way
    expect(canonical(b.graph())).toEqual(canonical(build([...live.values()]).graph()))
    page = applyGraphDelta(page, b.takeDelta())
    expect(page.edges).toEqual(b.graph().edges)
  })

  it('hands out graphs that later changes leave as they were', () => {
    const b = build(testNotes())
    const g = b.graph()
    const edges = [...g.edges]
    const nodes = [...g.nodes]
    b.removeNote('misc.md')
    b.setNote(note('new.md', { mentions: [['service:amazon-athena', 'Athena', 1, '']] }))
    expect(b.graph()).not.toBe(g)
    expect(g.edges).toEqual(edges)
    expect(g.nodes).toEqual(nodes)
  })

  it('finds the edges of one kind at a node as a scan of the graph would', () => {
    const rnd = mulberry32(5)
    const paths = Array.from({ length: 60 }, (_, i) => `n${i}.md`)
    const b = build(paths.map((p) => randomNote(rnd, p, paths)))
    const g = b.graph()
    const ids = (es: { id: string }[]) => es.map((e) => e.id).sort()
    for (const n of g.nodes) {
      for (const type of ['mentions', 'related', 'links-to', 'tagged'] as const) {
        expect(ids(b.edgesAt(n.id, type)), `${type} at ${n.id}`).toEqual(ids(g.edges.filter((e) => e.type === type && (e.source === n.id || e.target === n.id))))
      }
    }
  })
})
