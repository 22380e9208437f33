import { describe, expect, it } from 'vitest'
import type { Graph } from '../../../electron/core/types'
import { toGraphJson } from './graphJson'
import { matchParts } from './matchText'

const graph: Graph = {
  nodes: [
    { id: 'note:a.md', type: 'note', label: 'A', path: 'a.md', domain: 'D1' },
    { id: 'note:b.md', type: 'note', label: 'B', path: 'b.md', domain: 'D1' },
    { id: 'note:c.md', type: 'note', label: 'C', path: 'c.md' },
    { id: 'note:d.md', type: 'note', label: 'D', path: 'd.md' },
    { id: 'service:kinesis', type: 'service', label: 'Amazon Kinesis', category: 'Analytics', aliases: ['KDS'] },
    { id: 'service:firehose', type: 'service', label: 'Amazon Data Firehose', category: 'Analytics' },
    { id: 'service:s3', type: 'service', label: 'Amazon S3', category: 'Storage' },
  ],
  edges: [
    { id: 'e1', source: 'note:a.md', target: 'service:kinesis', type: 'mentions', weight: 3, refs: [{ line: 1, section: '' }] },
    { id: 'e2', source: 'note:b.md', target: 'service:kinesis', type: 'mentions' },
    { id: 'e3', source: 'note:a.md', target: 'service:firehose', type: 'mentions' },
    { id: 'e4', source: 'note:b.md', target: 'service:firehose', type: 'mentions' },
    { id: 'e5', source: 'note:a.md', target: 'service:s3', type: 'mentions' },
    { id: 'e6', source: 'note:b.md', target: 'service:s3', type: 'mentions' },
    { id: 'e7', source: 'note:d.md', target: 'service:kinesis', type: 'mentions' },
    { id: 'e8', source: 'note:d.md', target: 'service:firehose', type: 'mentions' },
    { id: 'e9', source: 'note:c.md', target: 'service:firehose', type: 'mentions' },
  ],
  diagnostics: [{ file: 'c.md', severity: 'warning', code: 'yaml-invalid', message: 'bad yaml' }],
}

describe('graph JSON export', () => {
  it('keeps the CLI shape and drops view-only fields', () => {
    const json = toGraphJson(graph)
    expect(json.nodes[0]).toEqual({ id: 'note:a.md', type: 'note', label: 'A', path: 'a.md', domain: 'D1' })
    expect(json.nodes.find((n) => n.id === 'service:kinesis')).toEqual({ id: 'service:kinesis', type: 'service', label: 'Amazon Kinesis', category: 'Analytics' })
    expect(json.edges[0]).toEqual({ source: 'note:a.md', target: 'service:kinesis', type: 'mentions', weight: 3 })
    expect(json.edges[1]).toEqual({ source: 'note:b.md', target: 'service:kinesis', type: 'mentions' })
    expect(json.diagnostics).toHaveLength(1)
  })
})

describe('search match marking', () => {
  it('marks a substring match', () => {
    expect(matchParts('Amazon Data Firehose', 'fire')).toEqual([
      { text: 'Amazon Data ', match: false },
      { text: 'Fire', match: true },
      { text: 'hose', match: false },
    ])
  })

  it('marks word initials for an abbreviation', () => {
    const parts = matchParts('Amazon Data Firehose', 'adf')
    expect(parts.filter((p) => p.match).map((p) => p.text).join('')).toBe('ADF')
    expect(parts.map((p) => p.text).join('')).toBe('Amazon Data Firehose')
  })

  it('does not scatter marks over letters inside words', () => {
    expect(matchParts('missing values', 'glue')).toEqual([{ text: 'missing values', match: false }])
  })

  it('leaves an alias hit unmarked when the label does not contain it', () => {
    expect(matchParts('Amazon Data Firehose', 'KDF!')).toEqual([{ text: 'Amazon Data Firehose', match: false }])
  })
})

