import { describe, expect, it } from 'vitest'
import type { ExamInfo, Graph, GraphEdge, GraphNode } from '../types'
import { GraphBuilder } from './builder'
import { createGraphQueries } from './index'
import { centrality } from './centrality'
import { confusedPairs, coverageGaps, getMentions, neighbourhood, overlap, renamed, shortestPath } from './queries'
import { note, testLines, testNotes, testOntology } from './test-fixtures'

const GLUE = 'service:aws-glue'
const S3 = 'service:amazon-s3'
const KINESIS = 'service:amazon-kinesis'
const FIREHOSE = 'service:amazon-data-firehose'

function setup(extra = testNotes()) {
  const b = new GraphBuilder(testOntology())
  for (const n of extra) b.setNote(n)
  const lines = testLines()
  const getLines = (p: string) => lines[p]
  return { b, g: b.graph(), getLines }
}

/** Hand-made graph from an edge list, for the graph-theory tests. */
function graphOf(pairs: [string, string][], types: Record<string, GraphNode['type']> = {}): Graph {
  const ids = [...new Set(pairs.flat())]
  const nodes: GraphNode[] = ids.map((id) => ({ id, type: types[id] ?? 'service', label: id }))
  const edges: GraphEdge[] = pairs.map(([s, t]) => ({ id: `related:${s}->${t}`, source: s, target: t, type: 'related' }))
  return { nodes, edges, diagnostics: [] }
}

describe('neighbourhood', () => {
  const { g } = setup()

  it('returns the node, its neighbours and the edges among them at depth 1', () => {
    const n = neighbourhood(g, FIREHOSE, 1)
    expect(new Set(n.nodes)).toEqual(new Set([FIREHOSE, 'note:D1/ingest.md', KINESIS, S3]))
    expect(n.nodes[0]).toBe(FIREHOSE)
    expect(n.edges).toContain('mentions:note:D1/ingest.md->service:amazon-data-firehose')
    // edges between two neighbours are included too (local graph = induced subgraph)
    expect(n.edges).toContain('related:service:amazon-kinesis->service:amazon-s3')
    expect(n.edges).not.toContain('mentions:note:misc.md->service:amazon-s3')
  })

  it('grows with depth and clamps the depth to 1..3', () => {
    const d1 = neighbourhood(g, FIREHOSE, 1).nodes
    const d2 = neighbourhood(g, FIREHOSE, 2).nodes
    expect(d2.length).toBeGreaterThan(d1.length)
    expect(d2).toContain('note:misc.md')
    expect(d1).not.toContain('note:misc.md')
    expect(neighbourhood(g, FIREHOSE, 0).nodes).toEqual(d1)
    expect(neighbourhood(g, FIREHOSE, 9).nodes.length).toBe(neighbourhood(g, FIREHOSE, 3).nodes.length)
    expect(neighbourhood(g, 'service:nope', 2)).toEqual({ nodes: [], edges: [] })
  })
})

describe('neighbourhood options (the local graph walks what the canvas shows)', () => {
  const g: Graph = {
    nodes: [
      { id: 'a', type: 'service', label: 'A' },
      { id: 'b', type: 'service', label: 'B' },
      { id: 'n', type: 'note', label: 'N' },
      { id: 'c', type: 'service', label: 'C' },
    ],
    edges: [
      { id: 'ab', source: 'a', target: 'b', type: 'related', weight: 2 },
      { id: 'an', source: 'a', target: 'n', type: 'mentions', weight: 1 },
      { id: 'nc', source: 'n', target: 'c', type: 'mentions', weight: 5 },
    ],
    diagnostics: [],
  }
  it('skips light co-mention edges, light edges of any kind, and node types not shown', () => {
    expect(neighbourhood(g, 'a', 2).nodes.sort()).toEqual(['a', 'b', 'c', 'n'])
    expect(neighbourhood(g, 'a', 2, { minRelatedWeight: 4 }).nodes.sort()).toEqual(['a', 'c', 'n'])
    expect(neighbourhood(g, 'a', 2, { minRelatedWeight: 4 }).edges.sort()).toEqual(['an', 'nc'])
    expect(neighbourhood(g, 'a', 2, { minWeight: 2 }).nodes.sort()).toEqual(['a', 'b'])
    // no walking through a hidden note: C is two hops away only through it
    expect(neighbourhood(g, 'a', 2, { types: ['service'] }).nodes.sort()).toEqual(['a', 'b'])
  })
})

describe('shortestPath', () => {
  it('finds a shortest chain of node ids', () => {
    const { g } = setup()
    expect(shortestPath(g, FIREHOSE, 'note:D1/features.md')).toEqual([FIREHOSE, 'note:D1/ingest.md', 'note:D1/features.md'])
    expect(shortestPath(g, GLUE, GLUE)).toEqual([GLUE])
  })

  it('never passes through tags, and through domains only when nothing else connects', () => {
    const { g } = setup([
      note('a.md', { domain: 'D2', tags: ['t'] }),
      note('b.md', { domain: 'D2', tags: ['t'] }),
      note('c.md', { tags: ['t'] }),
    ])
    expect(shortestPath(g, 'note:a.md', 'note:b.md')).toEqual(['note:a.md', 'domain:D2', 'note:b.md'])
    expect(shortestPath(g, 'note:a.md', 'note:c.md')).toBeUndefined()
  })
})

describe('overlap (compare)', () => {
  const { b, g, getLines } = setup()

  it('lists notes and sections mentioning all compared services, with snippets', () => {
    const r = overlap(g, b, [GLUE, S3], getLines)
    expect(r.notes).toEqual(['D1/ingest.md', 'misc.md'])
    expect(r.sections.map((s) => [s.path, s.sectionTitle, s.line])).toEqual([
      ['D1/ingest.md', 'Batch ETL', 11],
      ['misc.md', 'Top', 2],
    ])
    expect(r.sections[0].text).toBe('Glue crawls S3 and fills the catalog. Convert to Parquet with a job.')
    expect(r.sections[0].noteTitle).toBe('Ingestion')
  })

  it('gives shared neighbours, neighbours unique to each, and the paths between them', () => {
    const r = overlap(g, b, [GLUE, S3], getLines)
    expect(new Set(r.sharedNeighbours)).toEqual(new Set(['note:D1/ingest.md', 'note:misc.md', KINESIS, 'concept:parquet']))
    expect(new Set(r.unique[GLUE])).toEqual(new Set(['note:D1/features.md', 'service:amazon-sagemaker-feature-store']))
    expect(r.unique[S3]).toEqual([FIREHOSE])
    expect(r.paths).toEqual([[GLUE, S3]])
  })

  it('handles three services, and tags narrowing the notes', () => {
    const r3 = overlap(g, b, [GLUE, S3, KINESIS], getLines)
    expect(r3.notes).toEqual(['D1/ingest.md', 'misc.md'])
    expect(r3.sections.map((s) => s.path)).toEqual(['misc.md']) // only misc has all three in one section
    expect(r3.paths).toHaveLength(3)
    const tagged = overlap(g, b, [GLUE, 'tag:streaming'], getLines)
    expect(tagged.notes).toEqual(['D1/ingest.md'])
    expect(overlap(g, b, [GLUE, 'service:amazon-athena'], getLines).notes).toEqual([])
  })
})

describe('overlap ranks neighbours by specificity', () => {
  // a and b share a hub (linked to every node) and twenty specific neighbours of differing strength
  const pairs: [string, string][] = []
  const weights: Record<string, number> = {}
  for (let i = 0; i < 20; i++) {
    pairs.push(['a', `s${i}`], ['b', `s${i}`])
    weights[`a|s${i}`] = i + 1
    weights[`b|s${i}`] = 20
  }
  for (let i = 0; i < 40; i++) pairs.push(['hub', `x${i}`])
  pairs.push(['hub', 'a'], ['hub', 'b'])
  for (let i = 0; i < 20; i++) pairs.push(['hub', `s${i}`])
  const g = graphOf(pairs)
  for (const e of g.edges) e.weight = weights[`${e.source}|${e.target}`] ?? 1
  const src = { note: () => undefined, notes: () => [], notesMentioning: () => new Set<string>() }
  it('keeps at most 12, strongest common ground first, never the hub', () => {
    const r = overlap(g, src, ['a', 'b'], () => undefined)
    expect(r.sharedNeighbours).toHaveLength(12)
    expect(r.sharedNeighbours).not.toContain('hub')
    expect(r.sharedNeighbours.slice(0, 3)).toEqual(['s19', 's18', 's17'])
  })
})

describe('getMentions', () => {
  it('gives a snippet per mentioning line and the best note+section', () => {
    const { b, getLines } = setup()
    const m = getMentions(b, GLUE, getLines)
    expect(m.mentions.map((s) => [s.path, s.line])).toEqual([
      ['D1/features.md', 4],
      ['D1/ingest.md', 11],
      ['D1/ingest.md', 13],
      ['misc.md', 2],
    ])
    expect(m.best).toEqual({ path: 'D1/ingest.md', section: 'batch', line: 11 })
    expect(m.mentions[2]).toMatchObject({ sectionTitle: 'Batch ETL', text: 'AWS Glue jobs are serverless Spark.' })
    expect(getMentions(b, 'service:amazon-athena', getLines)).toEqual({ entity: 'service:amazon-athena', best: undefined, mentions: [] })
  })

  it('breaks ties by the earliest note and line', () => {
    const { b, getLines } = setup()
    expect(getMentions(b, KINESIS, getLines).best).toEqual({ path: 'D1/ingest.md', section: 'streams', line: 4 })
  })
})

describe('getMentions of a service with features', () => {
  const DATABREW = 'service:aws-glue-databrew'
  const notes = [
    note('a.md', {
      sections: [['intro', 'Intro', 1], ['glue-toolkit', 'The AWS Glue toolkit', 10], ['other', 'Other', 20]],
      mentions: [
        [GLUE, 'AWS Glue', 2, 'intro'],
        [GLUE, 'Glue', 3, 'intro'],
        [GLUE, 'AWS Glue', 10, 'glue-toolkit'],
        [DATABREW, 'Glue DataBrew', 12, 'glue-toolkit'],
      ],
    }),
    note('b.md', { sections: [['x', 'X', 1]], mentions: [[DATABREW, 'DataBrew', 2, 'x']] }),
  ]
  it('lists feature mentions with the service and prefers the section whose heading names it', () => {
    const b = new GraphBuilder(testOntology())
    for (const n of notes) b.setNote(n)
    const q = createGraphQueries(b, () => undefined)
    const m = q.getMentions(GLUE)
    expect(m.mentions.map((s) => [s.path, s.line])).toEqual([['a.md', 2], ['a.md', 3], ['a.md', 10], ['a.md', 12], ['b.md', 2]])
    // two plain mentions in the intro lose to a heading that names the service plus a feature mention
    expect(m.best).toEqual({ path: 'a.md', section: 'glue-toolkit', line: 10 })
    // a feature's own mentions stay its own
    expect(q.getMentions(DATABREW).mentions.map((s) => s.path)).toEqual(['a.md', 'b.md'])
  })
})

describe('coverageGaps', () => {
  it('lists in-scope services no note covers; a feature mention covers its parent', () => {
    const { g } = setup()
    const exam: ExamInfo = {
      code: 'X',
      name: 'X',
      domains: [],
      inScope: [GLUE, 'service:amazon-athena', 'service:amazon-sagemaker-ai', 'service:aws-glue-databrew'],
      unknownInScope: [],
    }
    expect(coverageGaps(g, exam)).toEqual(['service:amazon-athena', 'service:aws-glue-databrew'])
    expect(coverageGaps(g, undefined)).toEqual([])
  })
})

describe('renamed', () => {
  it('reports former names, but not a former name that is the start of the current one', () => {
    const { b } = setup([
      ...testNotes(),
      note('old.md', {
        mentions: [
          ['service:amazon-opensearch-service', "Amazon Elasticsearch Service's", 3, ''],
          ['service:amazon-sagemaker-ai', 'Amazon SageMaker', 4, ''],
          [FIREHOSE, 'Firehose', 5, ''],
        ],
      }),
    ])
    expect(renamed(b, testOntology())).toEqual([
      { path: 'D1/ingest.md', line: 5, oldName: 'Kinesis Data Firehose', currentName: 'Amazon Data Firehose', entity: FIREHOSE },
      {
        path: 'old.md',
        line: 3,
        oldName: "Amazon Elasticsearch Service's",
        currentName: 'Amazon OpenSearch Service',
        entity: 'service:amazon-opensearch-service',
      },
    ])
  })
})

describe('centrality', () => {
  it('computes degree and betweenness normalized to the top node', () => {
    const c = centrality(graphOf([['a', 'b'], ['b', 'c'], ['c', 'd'], ['b', 'e']]))
    expect(c.degree).toEqual({ a: 1, b: 3, c: 2, d: 1, e: 1 })
    // b lies on 5 of the shortest paths (a-c, a-d, a-e, c-e, d-e), c on 3 (a-d, b-d, d-e)
    expect(c.betweenness.b).toBe(1)
    expect(c.betweenness.c).toBeCloseTo(3 / 5)
    expect(c.betweenness.a).toBe(0)
  })

  it('splits betweenness between equal shortest paths', () => {
    const c = centrality(graphOf([['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd']]))
    expect(c.betweenness).toEqual({ a: 1, b: 1, c: 1, d: 1 })
  })

  it('sampling keeps the ranking of a clear hub', () => {
    const pairs: [string, string][] = []
    for (let i = 0; i < 200; i++) pairs.push(['hub', `n${i}`], [`n${i}`, `m${i}`])
    const sampled = centrality(graphOf(pairs), { exactUpTo: 50, workBudget: 20_000 })
    expect(sampled.betweenness.hub).toBe(1)
    expect(sampled.betweenness.n5).toBeLessThan(0.1)
    expect(sampled.betweenness.m5).toBe(0)
  })
})

describe('confusedPairs', () => {
  it('suggests same-category services with the most neighbour overlap', () => {
    const { g } = setup()
    const pairs = confusedPairs(g, 10)
    // Firehose {ingest, Kinesis, S3} vs Kinesis {ingest, misc, S3, Glue, KDS}: 2/5, one section together
    expect(pairs[0]).toEqual({ a: FIREHOSE, b: KINESIS, category: 'Analytics', jaccard: 0.4, shared: 2, together: 1 })
    expect(pairs[1]).toMatchObject({ a: KINESIS, b: GLUE, jaccard: 0.375, shared: 3, together: 1 })
    // Firehose vs Glue overlap more (3/7) but are never discussed in the same section: ranked after
    expect(pairs[2]).toMatchObject({ a: FIREHOSE, b: GLUE, jaccard: 0.429, shared: 3, together: 0 })
    // S3 is Storage: never paired with Analytics services. A feature is never paired with its parent.
    expect(pairs.some((p) => p.a === S3 || p.b === S3)).toBe(false)
    expect(pairs.some((p) => p.a === KINESIS && p.b === 'service:amazon-kinesis-data-streams')).toBe(false)
  })
})

describe('createGraphQueries', () => {
  it('answers the Api calls over a live builder and follows its changes', () => {
    const { b, getLines } = setup()
    const q = createGraphQueries(b, getLines)
    expect(q.renamed()).toHaveLength(1)
    expect(q.coverageGaps('MLA-C01')).toContain('service:amazon-athena')
    expect(q.coverageGaps('MLA-C01')).not.toContain(GLUE)
    b.setNote(note('D1/ingest.md', { title: 'Ingestion', mentions: [[FIREHOSE, 'Firehose', 5, '']] }))
    expect(q.renamed()).toEqual([])
    expect(q.neighbourhood(FIREHOSE, 1).nodes).toContain('note:D1/ingest.md')
    expect(q.overlap([GLUE, S3]).notes).toEqual(['misc.md'])
    expect(q.search('glue', 5)[0].id).toBe(GLUE)
    expect(Object.keys(q.centrality().degree)).toHaveLength(b.graph().nodes.length)
  })
})
