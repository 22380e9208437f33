// Small notes for the compare tests, parsed with the real parser and extractor (bundled ontology), so the
// tests see mentions exactly as the app does. Not used at runtime.
import { createExtractor } from '../extract/index'
import { loadOntology } from '../ontology/index'
import { parseNote } from '../parse/note'
import { GraphBuilder } from '../graph/builder'
import type { NoteMeta } from '../types'

export const STREAMING = `# Streaming ingestion

Intro line that names nothing.

## The streaming services

| | Amazon Kinesis Data Streams | Amazon Data Firehose |
|---|---|---|
| Latency | Real time (sub-second) | Near real time (buffered) |
| Retention | Up to 365 days, replay | None: delivered, not stored |
| Destinations | Your consumers | Amazon S3, Amazon Redshift, Amazon OpenSearch Service |
| Pick when | Custom consumers, ordering per key | Load streaming data into S3 with least effort |

### Kinesis Data Streams essentials
- A stream is made of shards; each shard takes about 1 MB/s of writes.
- Consumers: AWS Lambda or the Kinesis Client Library.

## Exam tips
- When a question says "replay and many consumers", think Kinesis Data Streams.
- When a question says "convert JSON to Parquet on the way to Amazon S3", think Amazon Data Firehose, not Kinesis Data Streams.
- Amazon MSK vs Amazon Managed Service for Apache Flink: Kafka APIs against stateful stream processing.
`

export const TOOLS = `# Cleaning tools

## Tools for cleaning and transforming

| Tool | What it does | Best for |
|---|---|---|
| AWS Glue DataBrew | No-code visual recipes | Analysts cleaning data without code |
| AWS Glue (ETL jobs) | Serverless Spark ETL | Scheduled, large-scale cleaning |
| Amazon EMR | Managed Spark/Hadoop | Huge datasets and custom frameworks |
| Firehose delivery failures | Check the IAM role | Troubleshooting |

- **AWS Glue**: serverless ETL with crawlers that fill the AWS Glue Data Catalog.

| Need | Choose |
|---|---|
| SQL on files in S3 without servers | Amazon Athena |

## Overview
Amazon S3, AWS Lambda, Amazon Athena, AWS Glue, Amazon EMR, Amazon Redshift and Amazon Kinesis Data Streams all appear here.
`

export function parseFixture(path: string, text: string): NoteMeta {
  const extractor = createExtractor(loadOntology())
  const meta = parseNote({ path, text, size: text.length, mtimeMs: 0, hash: path }, extractor).meta
  return meta
}

export function fixtureNotes(): { builder: GraphBuilder; lines: Record<string, string[]>; getLines: (p: string) => string[] | undefined } {
  const texts: Record<string, string> = { 'streaming.md': STREAMING, 'tools.md': TOOLS }
  const builder = new GraphBuilder(loadOntology())
  const lines: Record<string, string[]> = {}
  for (const [p, t] of Object.entries(texts)) {
    builder.setNote(parseFixture(p, t))
    lines[p] = t.split('\n')
  }
  return { builder, lines, getLines: (p) => lines[p] }
}
