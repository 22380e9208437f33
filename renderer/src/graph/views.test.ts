import { describe, expect, it } from 'vitest'
import type { Graph } from '../../../electron/core/types'
import { homes, noteGroup, viewSpec } from './views'

const graph: Graph = {
  nodes: [
    { id: 'domain:D1', type: 'domain', label: 'Domain 1', domain: 'D1' },
    { id: 'note:a.md', type: 'note', label: 'A', path: 'a.md', domain: 'D1' },
    { id: 'note:x/b.md', type: 'note', label: 'B', path: 'x/b.md' },
    { id: 'service:glue', type: 'service', label: 'AWS Glue', category: 'Analytics' },
    { id: 'concept:etl', type: 'concept', label: 'ETL' },
    { id: 'tag:t', type: 'tag', label: 't' },
  ],
  edges: [
    { id: 'c', source: 'domain:D1', target: 'note:a.md', type: 'contains' },
    { id: 'm1', source: 'note:a.md', target: 'service:glue', type: 'mentions', weight: 1 },
    { id: 'm2', source: 'note:x/b.md', target: 'service:glue', type: 'mentions', weight: 3 },
    { id: 'm3', source: 'note:a.md', target: 'concept:etl', type: 'mentions', weight: 2 },
    { id: 't', source: 'note:a.md', target: 'tag:t', type: 'tagged' },
  ],
  diagnostics: [],
}

describe('views', () => {
  it('groups notes by domain, else by top folder, and entities with the notes that mention them most', () => {
    expect(noteGroup(graph.nodes[1])).toBe('D1')
    expect(noteGroup(graph.nodes[2])).toBe('x')
    const h = homes(graph)
    expect(h.group.get('service:glue')).toBe('x')
    expect(h.note.get('service:glue')).toBe('note:x/b.md')
    expect(h.group.get('concept:etl')).toBe('D1')
  })

  it('overview keeps every note, service and concept, leaves tags out, and draws only skeleton edges', () => {
    const spec = viewSpec('overview', graph, new Map())
    expect([...spec.nodes!].sort()).toEqual(['concept:etl', 'domain:D1', 'note:a.md', 'note:x/b.md', 'service:glue'])
    expect([...spec.edges!]).toEqual(['c'])
  })

  it('services shows services only; all shows everything', () => {
    expect([...viewSpec('services', graph, new Map()).nodes!]).toEqual(['service:glue'])
    expect(viewSpec('all', graph, new Map()).nodes).toBeNull()
  })

  it('notes links each note to what it covers most', () => {
    const spec = viewSpec('notes', graph, new Map())
    expect(spec.edges!.has('m2')).toBe(true)
    expect(spec.edges!.has('m1')).toBe(false)
  })
})
