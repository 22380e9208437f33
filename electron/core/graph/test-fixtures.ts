// Small hand-made ontology and notes for the graph tests (not used at runtime).
import type { Mention, NoteLink, NoteMeta, Section } from '../types'
import type { Ontology, OntologyEntity } from '../ontology/types'

const svc = (id: string, name: string, category: string, aliases: string[], extra: Partial<OntologyEntity> = {}): OntologyEntity => ({
  id: `service:${id}`,
  type: 'service',
  name,
  category,
  aliases,
  ...extra,
})
const concept = (id: string, name: string, category: string, aliases: string[] = []): OntologyEntity => ({
  id: `concept:${id}`,
  type: 'concept',
  name,
  category,
  aliases,
})

export function testOntology(): Ontology {
  const entities: OntologyEntity[] = [
    svc('aws-glue', 'AWS Glue', 'Analytics', ['Glue']),
    svc('aws-glue-databrew', 'AWS Glue DataBrew', 'Analytics', ['DataBrew', 'Glue DataBrew'], { parent: 'service:aws-glue', feature: true }),
    svc('amazon-kinesis', 'Amazon Kinesis', 'Analytics', ['Kinesis']),
    svc('amazon-kinesis-data-streams', 'Amazon Kinesis Data Streams', 'Analytics', ['Kinesis Data Streams', 'KDS'], {
      parent: 'service:amazon-kinesis',
      feature: true,
    }),
    svc('amazon-data-firehose', 'Amazon Data Firehose', 'Analytics', ['Firehose', 'KDF', 'Amazon Kinesis Data Firehose'], {
      formerNames: ['Amazon Kinesis Data Firehose'],
    }),
    svc('amazon-athena', 'Amazon Athena', 'Analytics', ['Athena']),
    svc('amazon-emr', 'Amazon EMR', 'Analytics', ['EMR', 'Elastic MapReduce']),
    svc('amazon-opensearch-service', 'Amazon OpenSearch Service', 'Analytics', ['OpenSearch'], {
      formerNames: ['Amazon Elasticsearch Service'],
    }),
    svc('amazon-sagemaker-ai', 'Amazon SageMaker AI', 'Machine Learning', ['SageMaker', 'Amazon SageMaker'], {
      formerNames: ['Amazon SageMaker'],
    }),
    svc('amazon-sagemaker-feature-store', 'Amazon SageMaker Feature Store', 'Machine Learning', ['Feature Store'], {
      parent: 'service:amazon-sagemaker-ai',
      feature: true,
    }),
    svc('amazon-s3', 'Amazon S3', 'Storage', ['S3', 'Amazon Simple Storage Service']),
    svc('amazon-ec2', 'Amazon EC2', 'Compute', ['EC2']),
    concept('parquet', 'Apache Parquet', 'Data formats', ['Parquet']),
    concept('overfitting', 'Overfitting', 'Model quality', ['overfit']),
    concept('one-hot-encoding', 'One-hot encoding', 'Feature engineering', ['one-hot']),
  ]
  return { entities, byId: new Map(entities.map((e) => [e.id, e])) }
}

/** [entity id, text, line, section id] */
export type M = [string, string, number, string]

export interface NoteSpec {
  title?: string
  domain?: string
  tags?: string[]
  /** [id, title, line] — endLine is filled in */
  sections?: [string, string, number][]
  mentions?: M[]
  links?: string[]
}

export function note(path: string, spec: NoteSpec = {}): NoteMeta {
  const sections: Section[] = (spec.sections ?? []).map(([id, title, line], i, all) => ({
    id,
    title,
    depth: 2,
    line,
    endLine: i + 1 < all.length ? all[i + 1][2] - 1 : 1000,
  }))
  const mentions: Mention[] = (spec.mentions ?? []).map(([entity, text, line, section]) => ({ entity, text, line, column: 1, section }))
  const links: NoteLink[] = (spec.links ?? []).map((t) => ({ target: t, kind: 'markdown', line: 1, resolved: t }))
  return {
    path,
    title: spec.title ?? path.replace(/\.md$/, ''),
    domain: spec.domain,
    tags: spec.tags ?? [],
    sections,
    links,
    mentions,
    size: 100,
    mtimeMs: 0,
    hash: path,
  }
}

const GLUE = 'service:aws-glue'
const KINESIS = 'service:amazon-kinesis'
const KDS = 'service:amazon-kinesis-data-streams'
const FIREHOSE = 'service:amazon-data-firehose'
const S3 = 'service:amazon-s3'
const FS = 'service:amazon-sagemaker-feature-store'
const PARQUET = 'concept:parquet'
const OVERFIT = 'concept:overfitting'
const ONEHOT = 'concept:one-hot-encoding'

/** Three notes: ingestion (Glue, Kinesis, Firehose, S3, Parquet), features (Feature Store, concepts), an untitled one. */
export function testNotes(): NoteMeta[] {
  return [
    note('D1/ingest.md', {
      title: 'Ingestion',
      domain: 'D1',
      tags: ['streaming', 'etl'],
      sections: [
        ['streams', 'Streams', 3],
        ['batch', 'Batch ETL', 10],
      ],
      mentions: [
        [KINESIS, 'Kinesis', 4, 'streams'],
        [FIREHOSE, 'Kinesis Data Firehose', 5, 'streams'],
        [S3, 'S3', 5, 'streams'],
        [GLUE, 'Glue', 11, 'batch'],
        [S3, 'S3', 11, 'batch'],
        [PARQUET, 'Parquet', 12, 'batch'],
        [GLUE, 'AWS Glue', 13, 'batch'],
      ],
      links: ['D1/features.md', 'D9/missing.md'],
    }),
    note('D1/features.md', {
      title: 'Features',
      domain: 'D1',
      tags: ['etl'],
      sections: [
        ['store', 'Feature Store', 2],
        ['enc', 'Encoding', 8],
      ],
      mentions: [
        [FS, 'Feature Store', 3, 'store'],
        [GLUE, 'Glue', 4, 'store'],
        [ONEHOT, 'one-hot', 9, 'enc'],
        [OVERFIT, 'overfitting', 9, 'enc'],
        [KDS, 'Kinesis Data Streams', 10, 'enc'],
      ],
      links: ['D1/ingest.md'],
    }),
    note('misc.md', {
      title: 'Misc',
      sections: [['top', 'Top', 1]],
      mentions: [
        [GLUE, 'Glue', 2, 'top'],
        [KINESIS, 'Kinesis', 2, 'top'],
        [S3, 'S3', 3, 'top'],
      ],
    }),
  ]
}

/** Lines for the notes above, keyed by path: enough text around each mention line for snippets. */
export function testLines(): Record<string, string[]> {
  const lines = (entries: Record<number, string>, n = 14) =>
    Array.from({ length: n }, (_, i) => entries[i + 1] ?? '')
  return {
    'D1/ingest.md': lines({
      1: '# Ingestion',
      3: '## Streams',
      4: 'Use **Kinesis** for real-time streams.',
      5: 'Kinesis Data Firehose delivers records to S3 in near real time. It buffers by size or time.',
      10: '## Batch ETL',
      11: '- Glue crawls S3 and fills the catalog.',
      12: 'Convert to Parquet with [a job](https://example.com/job).',
      13: 'AWS Glue jobs are serverless Spark.',
    }),
    'D1/features.md': lines({
      2: '## Feature Store',
      3: 'The Feature Store keeps features online and offline. Glue can feed it.',
      4: 'Glue can feed it too.',
      8: '## Encoding',
      9: 'One-hot encoding of wide categories invites overfitting.',
      10: 'Streams from Kinesis Data Streams can be encoded on the fly.',
    }),
    'misc.md': lines({ 1: '## Top', 2: 'Glue and Kinesis in one line.', 3: 'S3 holds it all.' }, 3),
  }
}

/**
 * A random note over the test ontology (seeded): a few sections mentioning random entities (weights vary),
 * tags, a domain and links to other notes of `paths`. For the tests that compare incremental and fresh builds.
 */
export function randomNote(rnd: () => number, path: string, paths: string[]): NoteMeta {
  const ids = testOntology().entities.map((e) => e.id)
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]
  const sections: [string, string, number][] = []
  const mentions: M[] = []
  const n = 1 + Math.floor(rnd() * 3)
  for (let s = 0; s < n; s++) {
    const line = 1 + s * 20
    sections.push([`s${s}`, `Section ${s}`, line])
    const count = Math.floor(rnd() * 6)
    for (let m = 0; m < count; m++) mentions.push([pick(ids), 'x', line + 1 + m, `s${s}`])
  }
  const tags = ['etl', 'lab', 'exam'].filter(() => rnd() < 0.3)
  const links = paths.filter((p) => p !== path && rnd() < 3 / Math.max(1, paths.length))
  const domain = rnd() < 0.8 ? pick(['D1', 'D2', 'D3']) : undefined
  return note(path, { title: `T${Math.floor(rnd() * 1000)}`, domain, tags, sections, mentions, links })
}
