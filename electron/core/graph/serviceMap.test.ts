import { describe, expect, it } from 'vitest'
import type { Graph, NoteMeta } from '../types'
import { serviceMap, serviceMapNeighbourhood } from './serviceMap'

const svc = (id: string, label: string) => ({ id: `service:${id}`, type: 'service' as const, label })
const graph: Graph = {
  nodes: [svc('glue', 'AWS Glue'), svc('kinesis', 'Amazon Kinesis'), svc('s3', 'Amazon S3'), svc('athena', 'Amazon Athena'), svc('glue-crawler', 'AWS Glue crawler')],
  edges: [{ id: 'p', source: 'service:glue-crawler', target: 'service:glue', type: 'part-of' }],
  diagnostics: [],
}
const lines = [
  '# Ingestion',
  'Amazon Kinesis streams records into Amazon S3 in near real time.',
  'Amazon Athena is mentioned alone here.',
  '| Service | Use |',
  '| --- | --- |',
  '| AWS Glue | batch ETL |',
  '| Amazon Kinesis | streaming |',
  'AWS Glue and Amazon Athena appear in one long section, but on different lines: no edge from that.',
]
const meta: NoteMeta = {
  path: 'a.md', title: 'A', tags: [], links: [], size: 1, mtimeMs: 1, hash: 'h',
  sections: [{ id: 'ingestion', title: 'Ingestion', depth: 1, line: 1, endLine: 8 }],
  mentions: [
    { entity: 'service:kinesis', text: 'Amazon Kinesis', line: 2, column: 1, section: 'ingestion' },
    { entity: 'service:s3', text: 'Amazon S3', line: 2, column: 40, section: 'ingestion' },
    { entity: 'service:athena', text: 'Amazon Athena', line: 3, column: 1, section: 'ingestion' },
    { entity: 'service:glue', text: 'AWS Glue', line: 6, column: 3, section: 'ingestion' },
    { entity: 'service:kinesis', text: 'Amazon Kinesis', line: 7, column: 3, section: 'ingestion' },
    { entity: 'service:glue', text: 'AWS Glue', line: 8, column: 1, section: 'ingestion' },
  ],
}

describe('serviceMap', () => {
  const edges = serviceMap(graph, [meta], () => lines)
  const find = (a: string, b: string) => edges.find((e) => [e.source, e.target].sort().join() === [`service:${a}`, `service:${b}`].sort().join())

  it('links a feature to its service from the ontology', () => {
    expect(find('glue-crawler', 'glue')).toMatchObject({ kind: 'part-of', reason: 'AWS Glue crawler is part of AWS Glue' })
  })

  it('links services named in one comparison table, with a table row as evidence', () => {
    const e = find('glue', 'kinesis')!
    expect(e.kind).toBe('compared-in')
    expect(e.reason).toContain('Ingestion')
    expect(e.evidence).toBe('Service · Use — AWS Glue · batch ETL')
  })

  it('links services named in one sentence, with that sentence as evidence', () => {
    const e = find('kinesis', 's3')!
    expect(e.kind).toBe('used-together')
    expect(e.evidence).toBe('Amazon Kinesis streams records into Amazon S3 in near real time.')
    expect(e).toMatchObject({ path: 'a.md', line: 2 })
  })

  it('does not call services compared when a table only names them in passing (its heads are formats)', () => {
    const g: Graph = { ...graph, nodes: [...graph.nodes, svc('msk', 'Amazon MSK')] }
    const formats = ['# Formats', '| Format | Notes |', '| --- | --- |', '| Parquet | read in place by Amazon Athena |', '| Avro | common on Amazon MSK topics |']
    const m: NoteMeta = {
      ...meta, path: 'f.md', sections: [{ id: 'formats', title: 'Formats', depth: 1, line: 1, endLine: 5 }],
      mentions: [
        { entity: 'service:athena', text: 'Amazon Athena', line: 4, column: 30, section: 'formats' },
        { entity: 'service:msk', text: 'Amazon MSK', line: 5, column: 24, section: 'formats' },
      ],
    }
    const links = serviceMap(g, [m], () => formats)
    expect(links.filter((e) => e.kind !== 'part-of')).toEqual([])
  })

  it('quotes for each pair a row that names one of the two, with no stray separator, cut after a word', () => {
    const g: Graph = { ...graph, nodes: [...graph.nodes, svc('ebs', 'Amazon EBS'), svc('efs', 'Amazon EFS')] }
    const long = 'shared NFS file system that many training instances mount at once, '.repeat(5)
    const table = ['# Storage', '| | Use |', '| --- | --- |', '| Amazon S3 | objects |', `| Amazon EBS | ${long}|`, '| Amazon EFS | shared files |']
    const m: NoteMeta = {
      ...meta, path: 's.md', sections: [{ id: 'storage', title: 'Storage', depth: 1, line: 1, endLine: 6 }],
      mentions: [['s3', 'Amazon S3', 4], ['ebs', 'Amazon EBS', 5], ['efs', 'Amazon EFS', 6]].map(([id, text, line]) => ({ entity: `service:${id}`, text: String(text), line: Number(line), column: 3, section: 'storage' })),
    }
    const links = serviceMap(g, [m], () => table)
    const ebsEfs = links.find((e) => [e.source, e.target].sort().join() === 'service:ebs,service:efs')!
    expect(ebsEfs.kind).toBe('compared-in')
    expect(ebsEfs.evidence.startsWith('Use — Amazon EBS · shared NFS')).toBe(true)
    expect(ebsEfs.evidence.length).toBeLessThanOrEqual(240)
    expect(ebsEfs.evidence.endsWith('…')).toBe(true)
    expect(`Use — Amazon EBS · ${long}`.startsWith(ebsEfs.evidence.slice(0, -1))).toBe(true)
    expect(`Use — Amazon EBS · ${long}`[ebsEfs.evidence.length - 1]).toMatch(/[ ,]/)
  })

  it('does not link services that only share a section', () => {
    expect(find('glue', 'athena')).toBeUndefined()
    expect(find('s3', 'athena')).toBeUndefined()
  })
})

describe('serviceMapNeighbourhood: the local graph of the services map', () => {
  // a co-mention edge the map does not draw: Athena and Glue share a section only
  const withCoMention: Graph = { ...graph, edges: [...graph.edges, { id: 'r', source: 'service:athena', target: 'service:glue', type: 'related', weight: 9 }] }
  const links = serviceMap(withCoMention, [meta], () => lines)

  it('walks the lines the map draws, not the graph\'s co-mentions', () => {
    expect(serviceMapNeighbourhood(withCoMention, links, 'service:glue', 1).nodes.sort()).toEqual(['service:glue', 'service:glue-crawler', 'service:kinesis'])
    // two links away: Kinesis's sentence partner S3 joins; Athena, linked by nothing the map draws, never does
    const two = serviceMapNeighbourhood(withCoMention, links, 'service:glue', 2).nodes
    expect(two).toContain('service:s3')
    expect(two).not.toContain('service:athena')
    expect(serviceMapNeighbourhood(withCoMention, links, 'service:athena', 3).nodes).toEqual(['service:athena'])
  })

  it('keeps the walk\'s type and weight limits', () => {
    expect(serviceMapNeighbourhood(withCoMention, links, 'service:glue', 1, { types: ['note'] }).nodes).toEqual(['service:glue'])
    expect(serviceMapNeighbourhood(withCoMention, links, 'service:glue', 1, { minWeight: 5 }).nodes).toEqual(['service:glue'])
  })
})
