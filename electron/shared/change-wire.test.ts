import { describe, expect, it } from 'vitest'
import type { GraphChange, GraphDelta } from '../core/types'
import { fromWireChange, isWireDelta, toWireChange } from './change-wire'
import { isWireGraph } from './graph-wire'

const delta: GraphDelta = {
  addedNodes: [{ id: 'concept:etl', type: 'concept', label: 'ETL', noteCount: 1, aliases: ['extract'] }],
  updatedNodes: [{ id: 'service:aws-glue', type: 'service', label: 'AWS Glue', noteCount: 4, category: 'Analytics' }],
  removedNodes: ['tag:old'],
  addedEdges: [
    { id: 'mentions:note:a.md->concept:etl', source: 'note:a.md', target: 'concept:etl', type: 'mentions', weight: 2, refs: [{ line: 3, section: 'Intro' }, { line: 9, section: 'Intro' }] },
    // related ids put the smaller end first
    { id: 'related:concept:etl->service:aws-glue', source: 'concept:etl', target: 'service:aws-glue', type: 'related', weight: 1 },
    // an id that is not the usual one survives as it is
    { id: 'custom', source: 'note:a.md', target: 'note:b.md', type: 'links-to', weight: 1 },
  ],
  updatedEdges: [{ id: 'mentions:note:a.md->service:aws-glue', source: 'note:a.md', target: 'service:aws-glue', type: 'mentions', weight: 5, refs: [] }],
  removedEdges: ['tagged:note:a.md->tag:old', 'related:concept:a->concept:b', 'odd-id', 'links-to:note:x->y.md->note:z.md'],
  diagnostics: [{ file: 'a.md', line: 2, severity: 'warning', code: 'link-broken', message: 'm' }],
}

const viaJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

describe('graph change wire form', () => {
  it('round-trips a delta exactly', () => {
    const change: GraphChange = { folder: '/notes', changed: ['a.md'], version: 3, delta }
    const wire = toWireChange(change)
    expect(isWireDelta(wire.delta)).toBe(true)
    expect(fromWireChange(viaJson(wire))).toStrictEqual(change)
  })

  it('round-trips a whole graph (graph-wire form) and leaves the version alone', () => {
    const graph = { nodes: delta.addedNodes, edges: [delta.addedEdges[1]], diagnostics: [] }
    const change: GraphChange = { folder: '/notes', changed: [], version: 1, graph }
    const wire = toWireChange(change)
    expect(isWireGraph(wire.graph)).toBe(true)
    expect(fromWireChange(viaJson(wire))).toStrictEqual(change)
  })

  it('sends each repeated node id and section title once', () => {
    const hub = 'service:amazon-sagemaker-ai'
    const many: GraphDelta = {
      addedNodes: [], updatedNodes: [], removedNodes: [], removedEdges: [],
      addedEdges: [],
      updatedEdges: Array.from({ length: 200 }, (_, i) => ({
        id: `related:${hub}->service:s${String(i).padStart(3, '0')}`, source: hub, target: `service:s${String(i).padStart(3, '0')}`, type: 'related' as const, weight: i,
      })),
    }
    const plain = JSON.stringify(many).length
    const compact = JSON.stringify(toWireChange({ folder: '/', changed: [], version: 1, delta: many })).length
    expect(compact).toBeLessThan(plain / 3)
    expect(fromWireChange(viaJson(toWireChange({ folder: '/', changed: [], version: 1, delta: many }))).delta).toStrictEqual(many)
  })
})
