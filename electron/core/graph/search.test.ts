import { describe, expect, it } from 'vitest'
import { loadOntology } from '../ontology'
import { GraphBuilder } from './builder'
import { normalize, rankNodes, scoreName, search } from './search'
import { note, testLines, testNotes, testOntology } from './test-fixtures'

function source(notes = testNotes(), ontology = testOntology()) {
  const b = new GraphBuilder(ontology)
  for (const n of notes) b.setNote(n)
  const lines = testLines()
  return { graph: b.graph(), notes: [...b.notes()], getLines: (p: string) => lines[p] }
}

const withGlueFamily = () => [
  ...testNotes(),
  note('glue-jobs.md', { title: 'Glue jobs and crawlers', tags: ['glue'], mentions: [['service:aws-glue-databrew', 'DataBrew', 2, '']] }),
]

describe('search — nodes', () => {
  it('finds Amazon Data Firehose by its abbreviation KDF', () => {
    const hits = search(source(), 'KDF', 5)
    expect(hits[0]).toMatchObject({ kind: 'node', id: 'service:amazon-data-firehose', label: 'Amazon Data Firehose' })
  })

  it('finds Amazon Data Firehose from the old name written loosely ("Kinesis Firehose")', () => {
    const hits = search(source(), 'Kinesis Firehose', 5)
    expect(hits[0].id).toBe('service:amazon-data-firehose')
    expect(hits.filter((h) => h.kind === 'node').map((h) => h.id)).not.toContain('service:amazon-kinesis')
  })

  it('ranks AWS Glue above the #glue tag, Glue DataBrew and notes about Glue', () => {
    const hits = search(source(withGlueFamily()), 'glue', 10).filter((h) => h.kind === 'node')
    expect(hits.map((h) => h.id).slice(0, 4)).toEqual(['service:aws-glue', 'tag:glue', 'service:aws-glue-databrew', 'note:glue-jobs.md'])
  })

  it('tolerates missing letters (subsequence match)', () => {
    const hits = search(source(), 'firhose', 5)
    expect(hits[0].id).toBe('service:amazon-data-firehose')
    expect(search(source(), 'zzzz', 5)).toEqual([])
    expect(search(source(), '   ', 5)).toEqual([])
  })

  it('finds the real ontology entries for KDF, Kinesis Firehose and Glue', () => {
    const ontology = loadOntology()
    const mentions = (ids: string[]) => ids.map((entity, i) => ({ entity, text: entity, line: i + 1, column: 1, section: '' }))
    const ids = ['service:amazon-data-firehose', 'service:amazon-kinesis', 'service:amazon-kinesis-data-streams', 'service:aws-glue', 'service:aws-glue-databrew', 'service:aws-glue-data-catalog']
    for (const id of ids) expect(ontology.byId.has(id), id).toBe(true)
    const b = new GraphBuilder(ontology)
    b.setNote({ ...note('n.md'), mentions: mentions(ids) })
    const src = { graph: b.graph(), notes: [...b.notes()], getLines: () => undefined }
    expect(search(src, 'KDF', 3)[0].id).toBe('service:amazon-data-firehose')
    expect(search(src, 'Kinesis Firehose', 3)[0].id).toBe('service:amazon-data-firehose')
    expect(search(src, 'glue', 3)[0].id).toBe('service:aws-glue')
  })
})

describe('scoreName', () => {
  it('orders exact > without vendor prefix > prefix > word starts > acronym > substring > subsequence', () => {
    const scores = [
      scoreName('aws glue', 'AWS Glue'),
      scoreName('glue', 'AWS Glue'),
      scoreName('glue', 'AWS Glue DataBrew'),
      scoreName('kin fire', 'Amazon Kinesis Data Firehose'),
      scoreName('kdf', 'Kinesis Data Firehose'),
      scoreName('brew', 'AWS Glue DataBrew'),
      scoreName('gdbrw', 'AWS Glue DataBrew'),
    ]
    for (let i = 1; i < scores.length; i++) expect(scores[i], `rank ${i}`).toBeLessThan(scores[i - 1])
    expect(scores.at(-1)).toBeGreaterThan(0)
  })
})

describe('search — full text', () => {
  it('returns text hits with a snippet and its section after the node hits', () => {
    const hits = search(source(), 'real time', 6)
    const text = hits.filter((h) => h.kind === 'text')
    expect(text).toHaveLength(1)
    expect(text[0]).toMatchObject({ id: 'note:D1/ingest.md', label: 'Ingestion' })
    expect(text[0].snippet).toMatchObject({ path: 'D1/ingest.md', line: 5, sectionTitle: 'Streams' })
    expect(text[0].snippet?.text).toContain('near real time')
  })

  it('keeps room for text hits when many nodes match', () => {
    const hits = search(source(), 's', 3)
    expect(hits).toHaveLength(3)
    // 3 nodes and 3 notes' text match "glue": a third of the slots go to text
    const many = search(source(withGlueFamily()), 'glue', 3)
    expect(many.map((h) => h.kind)).toEqual(['node', 'node', 'text'])
    expect(many[0].id).toBe('service:aws-glue')
    // fewer node hits than slots: text fills the rest
    expect(search(source(), 'glue', 3).map((h) => h.kind)).toEqual(['node', 'text', 'text'])
  })
})

describe('search — ranking', () => {
  it('puts every name and alias match before every full-text hit', () => {
    for (const q of ['glue', 'kinesis', 'real time', 's3', 'KDF']) {
      const kinds = search(source(withGlueFamily()), q, 12).map((h) => h.kind)
      const firstText = kinds.indexOf('text')
      if (firstText >= 0) expect(kinds.slice(firstText)).not.toContain('node')
    }
  })

  it('ranks nodes the same way alone as inside search (the renderer uses rankNodes for Enter)', () => {
    const src = source(withGlueFamily())
    const nodeIds = search(src, 'glue', 30).filter((h) => h.kind === 'node').map((h) => h.id)
    expect(rankNodes(src.graph.nodes, normalize('glue')).map((h) => h.id).slice(0, nodeIds.length)).toEqual(nodeIds)
  })
})

