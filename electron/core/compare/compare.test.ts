import { describe, expect, it } from 'vitest'
import type { Graph, GraphEdge, GraphNode } from '../types'
import { loadOntology } from '../ontology/index'
import { compare, confusableEvidence, confusables, familiesOf, findTables, rankNeighbours, splitRow } from './index'
import { decisionItem } from './card'
import { quoteOf } from './confusable'
import { fixtureNotes, parseFixture } from './fixtures'
import { GraphBuilder } from '../graph/builder'

const KDS = 'service:amazon-kinesis-data-streams'
const KDF = 'service:amazon-data-firehose'
const GLUE = 'service:aws-glue'
const DATABREW = 'service:aws-glue-databrew'
const EMR = 'service:amazon-emr'
const ATHENA = 'service:amazon-athena'

describe('markdown tables', () => {
  it('splits cells at unescaped pipes outside code spans and keeps their file columns', () => {
    const row = splitRow('| a `x|y` | b \\| c |  d |', 7)
    expect(row.cells.map((c) => c.text)).toEqual(['a `x|y`', 'b \\| c', 'd'])
    expect(row.cells[0].start).toBe(3)
    expect(row.line).toBe(7)
  })

  it('finds tables (header, separator, rows) and skips fenced code', () => {
    const lines = ['```', '| a | b |', '|---|---|', '```', '', '| h1 | h2 |', '| --- | :-: |', '| x | y |', '| z | w |', '', 'after']
    const tables = findTables(lines)
    expect(tables).toHaveLength(1)
    expect(tables[0].header.line).toBe(6)
    expect(tables[0].rows.map((r) => r.line)).toEqual([8, 9])
  })
})

describe('decision card', () => {
  const { builder, getLines } = fixtureNotes()
  const ontology = builder.ontology
  const label = (id: string) => ontology.byId.get(id)?.name ?? id
  const card = (id: string, ids = [id]) => decisionItem(ontology, builder, getLines, id, { family: familiesOf(ontology, ids)[ids.indexOf(id)], label })

  it('reads a column headed by the item as "row label: cell" facts and its "Pick when" row as a cue', () => {
    const kds = card(KDS, [KDS, KDF])
    expect(kds.facts).toContainEqual(expect.objectContaining({ label: 'Latency', value: 'Real time (sub-second)' }))
    expect(kds.facts).toContainEqual(expect.objectContaining({ label: 'Retention', value: 'Up to 365 days, replay' }))
    expect(kds.chooseWhen.map((c) => c.text)).toContain('Custom consumers, ordering per key')
    // a bullet with a number under a heading that names the item is a fact too
    expect(kds.facts.some((f) => f.value.includes('1 MB/s'))).toBe(true)
    const kdf = card(KDF, [KDS, KDF])
    expect(kdf.facts).toContainEqual(expect.objectContaining({ label: 'Latency', value: 'Near real time (buffered)' }))
  })

  it('takes exam tips for the service in the answer, never for one in the condition or after "not"', () => {
    const kds = card(KDS, [KDS, KDF])
    const kdf = card(KDF, [KDS, KDF])
    expect(kds.chooseWhen).toContainEqual(expect.objectContaining({ text: 'replay and many consumers', kind: 'tip' }))
    expect(kdf.chooseWhen).toContainEqual(expect.objectContaining({ text: 'convert JSON to Parquet on the way to Amazon S3', kind: 'tip' }))
    expect(kds.chooseWhen.map((c) => c.text)).not.toContain('convert JSON to Parquet on the way to Amazon S3')
  })

  it('reads a row headed by the item as "header: cell" facts, a "Best for" column as a cue, a definition bullet as the summary', () => {
    const glue = card(GLUE, [GLUE, EMR])
    expect(glue.summary).toMatch(/^AWS Glue: serverless ETL with crawlers/)
    expect(glue.facts).toContainEqual(expect.objectContaining({ label: 'What it does', value: 'Serverless Spark ETL' }))
    expect(glue.chooseWhen.map((c) => c.text)).toContain('Scheduled, large-scale cleaning')
    const brew = card(DATABREW, [DATABREW, GLUE])
    expect(brew.summary).toBe('No-code visual recipes')
    expect(brew.chooseWhen.map((c) => c.text)).toContain('Analysts cleaning data without code')
  })

  it('answers a "Need | Choose" table with the need, and does not mistake a symptom row for the service', () => {
    expect(card(ATHENA).chooseWhen.map((c) => c.text)).toContain('SQL on files in S3 without servers')
    expect(card(KDF).facts.map((f) => f.value)).not.toContain('Check the IAM role')
  })

  it('gives a feature\'s facts to its parent, marked with the feature', () => {
    const kinesis = card('service:amazon-kinesis', ['service:amazon-kinesis', GLUE])
    expect(kinesis.facts).toContainEqual(expect.objectContaining({ label: 'Latency', value: 'Real time (sub-second)', via: 'Amazon Kinesis Data Streams' }))
    expect(kinesis.summary).toMatch(/Kinesis Data Streams/)
  })

  it('compare() puts the cards side by side with the sections where the items meet', () => {
    const r = compare(builder.graph(), builder, builder.ontology, [KDS, KDF], getLines)
    expect(r.items.map((i) => i.id)).toEqual([KDS, KDF])
    expect(r.together.map((s) => s.sectionTitle)).toEqual(expect.arrayContaining(['The streaming services', 'Exam tips']))
    expect(r.together.find((s) => s.sectionTitle === 'The streaming services')?.text).toMatch(/Kinesis Data Streams.*Firehose/)
    expect(r.notes).toEqual(['streaming.md', 'tools.md'])
  })
})

/** Hand-made graph: related edges with weights. */
function graphOf(pairs: [string, string, number?][]): Graph {
  const ids = [...new Set(pairs.flatMap(([a, b]) => [a, b]))]
  const nodes: GraphNode[] = ids.map((id) => ({ id, type: id.startsWith('note:') ? 'note' : 'service', label: id }))
  const edges: GraphEdge[] = pairs.map(([s, t, w]) => ({ id: `related:${s}->${t}`, source: s, target: t, type: 'related', weight: w ?? 1 }))
  return { nodes, edges, diagnostics: [] }
}

describe('neighbour ranking', () => {
  // hub touches everything; x is specific to a and b; ua only to a; ub only to b; zz barely touches b
  const g = graphOf([
    ['a', 'hub'], ['b', 'hub'], ['c', 'hub'], ['d', 'hub'], ['e', 'hub'], ['f', 'hub'],
    ['a', 'x'], ['b', 'x'], ['a', 'ua'], ['b', 'ub'], ['a', 'zz'], ['b', 'zz'],
    ['c', 'd'], ['e', 'f'], ['c', 'e'],
  ])
  // strengths from the notes: one section per pair, the same line for the strong ones
  const strength: Record<string, Record<string, number>> = {
    a: { hub: 1, x: 2, ua: 2, zz: 3 },
    b: { hub: 1, x: 2, ub: 2, zz: 0.1 },
  }
  const notes = new Map<string, { path: string; mentions: { entity: string; line: number; section: string; text: string; column: number }[] }>()
  let line = 1
  for (const [item, links] of Object.entries(strength)) {
    for (const [other, w] of Object.entries(links)) {
      // w ≥ 1: w lines naming both; < 1: one big section of many names
      const path = `${item}-${other}.md`
      const mentions = []
      if (w >= 1) for (let i = 0; i < w; i++, line++) mentions.push({ entity: item, line, section: 's', text: item, column: 1 }, { entity: other, line, section: 's', text: other, column: 5 })
      else {
        mentions.push({ entity: item, line: line++, section: 's', text: item, column: 1 }, { entity: other, line: line++, section: 's', text: other, column: 1 })
        for (let i = 0; i < 200; i++) mentions.push({ entity: `filler${i}`, line: line++, section: 's', text: 'f', column: 1 })
      }
      notes.set(path, { path, mentions })
    }
  }
  const src = {
    note: (p: string) => notes.get(p) as never,
    notesMentioning: (e: string) => new Set([...notes.values()].filter((n) => n.mentions.some((m) => m.entity === e)).map((n) => n.path)),
  }

  it('ranks a specific shared neighbour above a hub, and drops a hub linked to every entity', () => {
    const r = rankNeighbours(g, src, ['a', 'b'])
    const shared = r.shared.map((n) => n.id)
    expect(shared[0]).toBe('x')
    const hubIndex = shared.indexOf('hub')
    if (hubIndex >= 0) expect(hubIndex).toBeGreaterThan(0)
  })

  it('gives a neighbour one side barely touches to the other side alone', () => {
    const r = rankNeighbours(g, src, ['a', 'b'])
    expect(r.shared.map((n) => n.id)).not.toContain('zz')
    expect(r.unique.a.map((n) => n.id)).toEqual(expect.arrayContaining(['ua', 'zz']))
    expect(r.unique.b.map((n) => n.id)).toEqual(['ub'])
  })

  it('keeps at most `max` per list', () => {
    const many = graphOf(Array.from({ length: 30 }, (_, i) => ['a', `n${i}`] as [string, string]))
    const srcMany = { note: () => undefined, notesMentioning: () => new Set<string>() }
    expect(rankNeighbours(many, srcMany, ['a', 'b'], [], undefined, 12).unique.a.length).toBeLessThanOrEqual(12)
  })
})

describe('confusable groups', () => {
  const { builder, getLines } = fixtureNotes()
  // notes() is an iterator: a fresh one per call
  const make = () => ({ ontology: builder.ontology, notes: builder.notes(), getLines, noteCount: (id: string) => builder.notesMentioning(id).size, noteTitle: (p: string) => p })

  it('groups the heads of a comparison table (columns or rows), not the names in its cells', () => {
    const raw = confusableEvidence(make())
    const sets = raw.map((g) => [...g.members].sort().join(' '))
    expect(sets).toContain([KDF, KDS].sort().join(' '))
    expect(sets).toContain([DATABREW, GLUE, EMR].sort().join(' '))
    // S3, Redshift and OpenSearch sit in cells: never a group
    expect(raw.some((g) => g.members.includes('service:amazon-s3'))).toBe(false)
  })

  it('groups the answers of a "Need | Service" table (names in a later column, one per row)', () => {
    const text = '# AI services\n\n| Need | Service |\n|---|---|\n| Sentiment and entities in text | Amazon Comprehend |\n| Faces and labels in images | Amazon Rekognition |\n| Forms from scanned documents | Amazon Textract |\n'
    const b = new GraphBuilder(loadOntology())
    b.setNote(parseFixture('ai.md', text))
    const lines = text.split('\n')
    const raw = confusableEvidence({ ontology: b.ontology, notes: b.notes(), getLines: () => lines, noteCount: () => 1 })
    const sets = raw.filter((g) => g.evidence[0].kind === 'table').map((g) => [...g.members].sort().join(' '))
    expect(sets).toContain(['service:amazon-comprehend', 'service:amazon-rekognition', 'service:amazon-textract'].sort().join(' '))
  })

  it('groups "X vs Y" lines and "think X, not Y" tips; an overview listing names is no evidence', () => {
    const raw = confusableEvidence(make())
    const vs = raw.filter((g) => g.evidence[0].kind === 'vs').map((g) => [...g.members].sort().join(' '))
    expect(vs).toContain(['service:amazon-managed-streaming-for-apache-kafka', 'service:amazon-managed-service-for-apache-flink'].sort().join(' '))
    expect(vs).toContain([KDF, KDS].sort().join(' '))
    expect(raw.some((g) => g.members.includes(ATHENA) && g.members.includes('service:aws-lambda'))).toBe(false)
  })

  it('builds name families from the ontology: features plus services that carried the name', () => {
    const full = confusableEvidence({ ...make(), noteCount: () => 1 })
    const kinesis = full.find((g) => g.evidence[0].kind === 'family' && g.evidence[0].text === 'Amazon Kinesis family')
    expect(kinesis?.members).toEqual(expect.arrayContaining([KDS, KDF, 'service:amazon-managed-service-for-apache-flink']))
  })

  it('"often confused" pairs come from the groups, best backed first, never a service and its own feature', () => {
    const { pairs } = confusables(make())
    expect(pairs[0]).toMatchObject({ a: KDF, b: KDS })
    expect(pairs.some((p) => (p.a === DATABREW && p.b === GLUE) || (p.a === GLUE && p.b === DATABREW))).toBe(false)
    for (const p of pairs) expect(p.reason).not.toBe('')
  })
})

describe('families of compared items', () => {
  it('keeps a compared feature out of its compared parent\'s family', () => {
    const ontology = loadOntology()
    const [kinesis, kds] = familiesOf(ontology, ['service:amazon-kinesis', KDS])
    expect(kinesis.has(KDS)).toBe(false)
    expect(kinesis.has('service:amazon-kinesis-video-streams')).toBe(true)
    expect(kds.has('service:amazon-kinesis-client-library')).toBe(true)
  })
})

describe('often confused: the quote', () => {
  it('quotes plain text, the sentence that draws the contrast, cut at a word', () => {
    expect(quoteOf('- **Audit trail**: for who changed a resource think AWS CloudTrail, not AWS Config.')).toBe('Audit trail: for who changed a resource think AWS CloudTrail, not AWS Config.')
    expect(quoteOf('Streams keeps records for replay. Pick [Firehose](x.md) rather than Streams when nobody reads them twice. More words here.')).toBe('Pick Firehose rather than Streams when nobody reads them twice.')
    const long = `For API history think AWS CloudTrail, not AWS Config, ${'and then a long tail of words '.repeat(8)}end`
    const q = quoteOf(long)
    expect(q.length).toBeLessThanOrEqual(140)
    expect(q.endsWith('…')).toBe(true)
    expect(long.startsWith(q.slice(0, -1))).toBe(true)
    expect(long[q.length - 1]).toBe(' ')
  })
})
