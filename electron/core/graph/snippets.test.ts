import { describe, expect, it } from 'vitest'
import { plainText, snippetAt } from './snippets'

describe('plainText', () => {
  it('drops markdown syntax but keeps the words', () => {
    expect(plainText('## Using **AWS Glue** with [Athena](https://x.y/z) and `boto3`')).toBe('Using AWS Glue with Athena and boto3')
    expect(plainText('- [x] See [[Kinesis notes|Kinesis]] and [[S3]]')).toBe('See Kinesis and S3')
    expect(plainText('> *Note*: snake_case_names stay')).toBe('Note: snake_case_names stay')
    expect(plainText('| Glue | ETL |')).toBe('Glue · ETL')
    expect(plainText('|---|:---:|')).toBe('')
  })
})

describe('snippetAt', () => {
  const lines = [
    '## Streaming',
    '',
    'Kinesis Data Streams keeps records for 24 hours by default. Consumers read shards. Firehose delivers to S3 without code. Retention can be raised to a year.',
    '- S3',
    'is the usual sink.',
  ]

  it('returns the sentence around the hit, plus the next one when it is short', () => {
    expect(snippetAt(lines, 3, 'Firehose')).toBe('Firehose delivers to S3 without code. Retention can be raised to a year.')
    expect(snippetAt(lines, 3, 'Kinesis Data Streams')).toBe('Kinesis Data Streams keeps records for 24 hours by default. Consumers read shards.')
  })

  it('extends a heading or short list item with the lines that follow', () => {
    expect(snippetAt(lines, 1, 'Streaming')).toMatch(/^Streaming — Kinesis Data Streams keeps records/)
    expect(snippetAt(lines, 4, 'S3')).toBe('S3 — is the usual sink.')
  })

  it('clips very long lines around the hit and survives bad line numbers', () => {
    const long = ['word '.repeat(200) + 'SageMaker ' + 'word '.repeat(200)]
    const s = snippetAt(long, 1, 'SageMaker')
    expect(s.length).toBeLessThanOrEqual(282)
    expect(s).toContain('SageMaker')
    expect(s.startsWith('…')).toBe(true)
    expect(snippetAt(lines, 99, 'x')).toBe('')
    expect(snippetAt(lines, 0, 'x')).toBe('')
  })
})
