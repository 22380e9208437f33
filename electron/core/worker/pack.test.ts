import { describe, expect, it } from 'vitest'
import { packResults, unpackResults } from './pack'
import type { FileResult } from '../index/parse-file'

const note = (path: string, mentions: unknown[]): FileResult => ({
  path, size: 10, mtimeMs: 1, hash: 'h', diagnostics: [],
  meta: { path, title: path, tags: ['t'], sections: [], links: [], mentions: mentions as never, size: 10, mtimeMs: 1, hash: 'h' },
})

describe('packResults / unpackResults', () => {
  it('gives back results equal to the ones packed, key order included, with one copy of each repeated string', () => {
    const m = (entity: string, line: number, section = 's1') => ({ entity, text: entity.slice(8), line, column: 3, section })
    const before = [
      note('a.md', [m('service:amazon-s3', 1), m('concept:recall', 2), m('service:amazon-s3', 5, '')]),
      { path: 'skipped.bin', size: 3, mtimeMs: 1, hash: 'x', diagnostics: [{ file: 'skipped.bin', severity: 'warning', code: 'binary-file', message: 'm' }] } as FileResult,
      note('b.md', []),
      note('c.md', [m('service:amazon-s3', 7)]),
    ]
    const expected = JSON.stringify(before)
    const packed = packResults(structuredClone(before))
    expect(packed.strings.filter((s) => s === 'service:amazon-s3')).toHaveLength(1)
    const after = unpackResults(structuredClone(packed))
    expect(JSON.stringify(after)).toBe(expected)
    expect(after[0].meta!.mentions[0].entity).toBe(after[3].meta!.mentions[0].entity)
  })

  it('leaves in place the mentions it cannot carry exactly (extra keys, other key order, non-integer lines)', () => {
    const odd = [
      note('x.md', [{ entity: 'service:amazon-s3', text: 'S3', line: 1.5, column: 1, section: '' }]),
      note('y.md', [{ text: 'S3', entity: 'service:amazon-s3', line: 1, column: 1, section: '' }]),
      note('z.md', [{ entity: 'service:amazon-s3', text: 'S3', line: 1, column: 1, section: '', extra: true }]),
    ]
    const expected = JSON.stringify(odd)
    const packed = packResults(structuredClone(odd))
    expect([...packed.counts]).toEqual([-1, -1, -1])
    expect(JSON.stringify(unpackResults(packed))).toBe(expected)
  })
})
