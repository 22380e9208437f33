import { describe, expect, it } from 'vitest'
import { loadOntology } from '../ontology/index'
import { parseNote } from '../parse/note'
import { bareUrlSpans } from './bare-urls'
import { createExtractor } from './index'

const extractor = createExtractor(loadOntology())
const mentions = (md: string) =>
  parseNote({ path: 'note.md', text: md, size: md.length, mtimeMs: 0, hash: '' }, extractor).meta.mentions
    .filter((m) => m.entity.startsWith('service:'))
    .map((m) => `${m.entity}@${m.line}:${m.column}`)
const spans = (text: string) => bareUrlSpans(text).map(([s, e]) => text.slice(s, e))

describe('bare URLs and e-mail addresses', () => {
  it('finds web addresses and e-mail addresses as GFM reads them, without their trailing punctuation', () => {
    expect(spans('See https://aws.amazon.com/kinesis/, then www.example.com/glue.')).toEqual(['https://aws.amazon.com/kinesis/', 'www.example.com/glue'])
    expect(spans('(docs at https://example.com/a_(b))')).toEqual(['https://example.com/a_(b)'])
    expect(spans('Write to ml-team@glue.example.com.')).toEqual(['ml-team@glue.example.com'])
    expect(spans('No address here: @kfp.dsl.pipeline, foo://bar, awww.thing')).toEqual([])
  })

  it('never counts a name inside an address as a mention, and places the names around it on their own columns', () => {
    const md = 'Amazon Kinesis docs: https://docs.aws.amazon.com/sagemaker/latest/ and AWS Glue.\nSee www.amazon-athena.example.org or mail emr@amazon-redshift.example.com, then Amazon S3.'
    expect(mentions(md)).toEqual([
      'service:amazon-kinesis@1:1',
      'service:aws-glue@1:72',
      'service:amazon-s3@2:81',
    ])
  })
})
