import { describe, expect, it } from 'vitest'
import { StringTable, decodeGraph, decodeMentions, encodeGraph, encodeGraphChunks, encodeMentions } from './codec'
import type { Graph, Mention } from '../types'

describe('persisted index codec', () => {
  it('round-trips mentions through the string table', () => {
    const mentions: Mention[] = [
      { entity: 'service:aws-glue', text: 'Glue', line: 3, column: 7, section: 'intro' },
      { entity: 'service:aws-glue', text: 'AWS Glue', line: 9, column: 1, section: '' },
    ]
    const t = new StringTable()
    const flat = encodeMentions(mentions, t)
    expect(flat).toHaveLength(10)
    expect(t.list.filter((s) => s === 'service:aws-glue')).toHaveLength(1)
    expect(decodeMentions(flat, JSON.parse(JSON.stringify(t.list)))).toEqual(mentions)
  })

  it('round-trips a graph, edge ids included', () => {
    const g: Graph = {
      nodes: [
        { id: 'note:a.md', type: 'note', label: 'A', path: 'a.md', domain: 'D1' },
        { id: 'service:aws-glue', type: 'service', label: 'AWS Glue', category: 'Analytics', aliases: ['Glue'], noteCount: 1 },
        { id: 'service:amazon-s3', type: 'service', label: 'Amazon S3', noteCount: 1 },
      ],
      edges: [
        { id: 'mentions:note:a.md->service:aws-glue', source: 'note:a.md', target: 'service:aws-glue', type: 'mentions', weight: 2, refs: [{ line: 3, section: 'Intro' }, { line: 5, section: '' }] },
        { id: 'related:service:amazon-s3->service:aws-glue', source: 'service:amazon-s3', target: 'service:aws-glue', type: 'related', weight: 1 },
        { id: 'links-to:note:a.md->note:a.md', source: 'note:a.md', target: 'note:a.md', type: 'links-to', refs: [] },
      ],
      diagnostics: [{ file: 'a.md', line: 2, severity: 'warning', code: 'yaml-invalid', message: 'Bad YAML here.' }],
    }
    expect(decodeGraph(JSON.parse(JSON.stringify(encodeGraph(g))))).toEqual(g)
    // the streamed form (used to write snapshots) is the same JSON, whatever the piece size
    for (const per of [1, 2, 4096]) expect(JSON.parse([...encodeGraphChunks(g, per)].join(''))).toEqual(JSON.parse(JSON.stringify(encodeGraph(g))))
    expect(decodeGraph(JSON.parse([...encodeGraphChunks({ nodes: [], edges: [], diagnostics: [] })].join('')))).toEqual({ nodes: [], edges: [], diagnostics: [] })
  })
})
