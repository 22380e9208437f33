import { describe, expect, it } from 'vitest'
import { decodeFilter, decodeHash, encodeFilter, encodeHash, hasViewParams } from './hashState'

describe('URL hash view state', () => {
  it('reads the compare link from the issue', () => {
    const s = decodeHash('#?compare=service:aws-glue,service:amazon-kinesis')
    expect(s.compare).toEqual(['service:aws-glue', 'service:amazon-kinesis'])
  })

  it('round-trips every field', () => {
    const state = {
      select: 'note:D1_data/1.1 data formats.md',
      compare: ['service:aws-glue', 'service:amazon-data-firehose'],
      depth: 2,
      exams: ['MLA-C01', 'DEA-C01'],
      layout: 'lanes' as const,
      size: 'betweenness' as const,
      filter: {
        types: ['service' as const, 'concept' as const],
        domains: ['D1'],
        categories: ['Security, Identity, and Compliance'],
        examScope: 'MLA-C01',
        minEdgeWeight: 3,
        hideOrphans: true,
      },
    }
    const hash = encodeHash(state)
    expect(hash.startsWith('#?select=note:D1_data/1.1%20data%20formats.md&compare=service:aws-glue,')).toBe(true)
    expect(decodeHash(hash)).toEqual(state)
  })

  it('keeps commas inside values apart from separators', () => {
    const f = { categories: ['Security, Identity, and Compliance', 'Analytics'] }
    expect(encodeFilter(f)).toBe('cat:Security%2C%20Identity%2C%20and%20Compliance,Analytics')
    expect(decodeFilter(encodeFilter(f))).toEqual(f)
  })

  it('drops bad values instead of throwing', () => {
    const s = decodeHash('#?depth=9&layout=spiral&size=x&compare=%E0%A4%A&exam=&filter=type:planet;minw:abc&select=')
    expect(s).toEqual({})
    expect(hasViewParams('#?depth=9')).toBe(false)
    expect(hasViewParams('#/some/route')).toBe(false)
    expect(hasViewParams('#?depth=1')).toBe(true)
  })

  it('limits compare to four ids and removes duplicates', () => {
    const s = decodeHash('#?compare=a,b,a,c,d,e')
    expect(s.compare).toEqual(['a', 'b', 'c', 'd'])
  })

  it('writes nothing for an empty view', () => {
    expect(encodeHash({})).toBe('')
    expect(encodeHash({ filter: { minEdgeWeight: 1, types: [] } })).toBe('')
  })
})
