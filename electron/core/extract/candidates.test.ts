import { describe, expect, it } from 'vitest'
import { loadOntology } from '../ontology/index'
import type { Block } from './blocks'
import { findCandidates } from './candidates'
import { Matcher } from './matcher'

const matcher = new Matcher(loadOntology())

/** Every candidate of a one-block text, by start group (longest first): `text@start-end` plus flags. */
function candidates(text: string, codeSpans?: number[]): string[][] {
  const b: Block = { kind: 'paragraph', text, segments: [{ at: 0, line: 1, column: 1, value: text }], line: 1, row: -1, group: -1, anchors: undefined, codeSpans }
  return findCandidates(b, matcher).map((group) =>
    group.map((c) => `${text.slice(c.start, c.end)}@${c.start}-${c.end}→${c.entry.entity.id}${c.loose ? ' loose' : ''}${c.titled ? '' : ' untitled'}${c.code ? ' code' : ''}`),
  )
}

describe('findCandidates', () => {
  it('offers every alias that starts at a word, longest first, overlapping ones included', () => {
    const got = candidates('Use Amazon SageMaker Feature Store and SageMaker Clarify.')
    expect(got[0][0]).toBe('Amazon SageMaker Feature Store@4-34→service:amazon-sagemaker-feature-store')
    expect(got[0].map((c) => c.split('@')[0])).toEqual(['Amazon SageMaker Feature Store', 'Amazon SageMaker'])
    expect(got.flat().some((c) => c.startsWith('SageMaker Clarify@39-56→service:amazon-sagemaker-clarify'))).toBe(true)
  })

  it('finds a plural of the last word and a name at the very end of the text, without its punctuation', () => {
    expect(candidates('Two Lambdas')).toEqual([['Lambdas@4-11→service:aws-lambda']])
    expect(candidates('Store it in S3.\nThen Athena')).toEqual([['S3@12-14→service:amazon-s3'], ['Athena@21-27→service:amazon-athena']])
  })

  it('keeps letter case apart: no lowercase acronym or capitalised word, a lowercase feature name in any case', () => {
    expect(candidates('store it in s3 now')).toEqual([])
    expect(candidates('the glue dries')).toEqual([])
    expect(candidates('the Glue job')[0][0]).toMatch(/^Glue job@4-12→|^Glue@4-8→/)
    expect(candidates('run a batch transform')).toEqual([['batch transform@6-21→service:amazon-sagemaker-batch-transform untitled']])
  })

  it('skips words glued into dotted names and URLs, and inside code spans keeps only a name that is the whole span', () => {
    expect(candidates('call sagemaker.amazonaws.com or see https://aws.amazon.com/s3/ now')).toEqual([])
    // (the block text of inline code is its value, without the backticks)
    const got = candidates('Run Athena and start Athena query', [4, 10, 15, 33])
    expect(got).toEqual([['Athena@4-10→service:amazon-athena code']])
  })

  it('joins the words of one name across a hyphen, a slash or a line end, but not across other punctuation', () => {
    expect(candidates('Real-Time Inference').flat()[0]).toMatch(/^Real-Time Inference@0-19→/)
    expect(candidates('Amazon\nS3')[0][0]).toBe('Amazon\nS3@0-9→service:amazon-s3')
    expect(candidates('Amazon, S3').flat().map((c) => c.split('@')[0])).toEqual(['S3'])
  })
})
