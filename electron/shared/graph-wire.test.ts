import { describe, expect, it } from 'vitest'
import type { Graph } from '../core/types'
import { fromWire, isWireGraph, toWire } from './graph-wire'

const graph: Graph = {
  nodes: [
    { id: 'note:a.md', type: 'note', label: 'A', path: 'a.md' },
    { id: 'service:aws-glue', type: 'service', label: 'AWS Glue', noteCount: 1 },
    { id: 'concept:etl', type: 'concept', label: 'ETL' },
  ],
  edges: [
    { id: 'mentions:note:a.md->service:aws-glue', source: 'note:a.md', target: 'service:aws-glue', type: 'mentions', weight: 2, refs: [{ line: 3, section: 'Intro' }, { line: 9, section: '' }] },
    // related ids put the smaller end first, whatever the order of source and target
    { id: 'related:concept:etl->service:aws-glue', source: 'service:aws-glue', target: 'concept:etl', type: 'related', weight: 1 },
    { id: 'part-of:concept:etl->service:aws-glue', source: 'concept:etl', target: 'service:aws-glue', type: 'part-of' },
    // an end that is not a listed node, and an id that is not the usual one, survive as they are
    { id: 'custom-id', source: 'note:a.md', target: 'note:gone.md', type: 'links-to', weight: 0 },
  ],
  diagnostics: [{ file: 'a.md', severity: 'warning', code: 'x', message: 'm' }],
}

describe('graph wire form', () => {
  it('round-trips a graph exactly', () => {
    const wire = toWire(graph)
    expect(isWireGraph(wire)).toBe(true)
    expect(fromWire(JSON.parse(JSON.stringify(wire)))).toStrictEqual(graph)
  })

  it('is much smaller than the plain JSON of a graph with many edges', () => {
    const nodes = Array.from({ length: 300 }, (_, i) => ({ id: `service:service-number-${i}`, type: 'service' as const, label: `S${i}` }))
    const edges = nodes.slice(1).map((n, i) => ({ id: `related:${nodes[i].id}->${n.id}`, source: nodes[i].id, target: n.id, type: 'related' as const, weight: 2 }))
    const g: Graph = { nodes, edges, diagnostics: [] }
    const plain = JSON.stringify(g).length
    const compact = JSON.stringify(toWire(g)).length
    expect(compact).toBeLessThan(plain / 2)
    expect(fromWire(JSON.parse(JSON.stringify(toWire(g))))).toStrictEqual(g)
  })

  it('sends each section title of the mention refs once, however many edges point into that section', () => {
    const nodes = Array.from({ length: 50 }, (_, i) => ({ id: `concept:c${i}`, type: 'concept' as const, label: `C${i}` }))
    const title = 'Choose the right input path for training jobs'
    const edges = nodes.map((n) => ({ id: `mentions:note:a.md->${n.id}`, source: 'note:a.md', target: n.id, type: 'mentions' as const, weight: 2, refs: [{ line: 4, section: title }, { line: 7, section: title }] }))
    const g: Graph = { nodes: [{ id: 'note:a.md', type: 'note', label: 'A', path: 'a.md' }, ...nodes], edges, diagnostics: [] }
    const text = JSON.stringify(toWire(g))
    expect(text.split(title).length - 1).toBe(1)
    expect(fromWire(JSON.parse(text))).toStrictEqual(g)
  })

  it('passes anything else through', () => {
    expect(fromWire(graph)).toBe(graph)
    expect(fromWire(null)).toBe(null)
    expect(fromWire({ edges: [] })).toStrictEqual({ edges: [] })
  })
})
