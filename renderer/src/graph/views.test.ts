import { describe, expect, it } from 'vitest'
import type { Graph } from '../../../electron/core/types'
import { captionedDomains, homes, noteGroup, overviewCaptions, serviceFamilies, serviceFootprint, shortDomainName, viewSpec } from './views'

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

  it('notes view: numbered notes in their order, 1.2 before 1.10', () => {
    const numbered: Graph = {
      nodes: ['1.10_opt', '1.2_src', '1.1_sec'].map((n) => ({ id: `note:D1/${n}.md`, type: 'note' as const, label: n, path: `D1/${n}.md`, domain: 'D1' })),
      edges: [],
      diagnostics: [],
    }
    expect(viewSpec('notes', numbered, new Map()).groupOrder).toEqual(['D1|note:D1/1.1_sec.md', 'D1|note:D1/1.2_src.md', 'D1|note:D1/1.10_opt.md'])
  })

  it('notes links each note to what it covers most', () => {
    const spec = viewSpec('notes', graph, new Map())
    expect(spec.edges!.has('m2')).toBe(true)
    expect(spec.edges!.has('m1')).toBe(false)
  })

  it('services map: a service with several features gets a group of its own, its features named without it', () => {
    const feature = (name: string) => ({ id: `service:${name}`, type: 'service' as const, label: `Amazon SageMaker ${name}`, category: 'Machine Learning', parent: 'service:sm' })
    const services = [
      { id: 'service:sm', type: 'service' as const, label: 'Amazon SageMaker AI', category: 'Machine Learning' },
      feature('Model Monitor'), feature('Clarify'), feature('Feature Store'), feature('training jobs'),
      { id: 'service:glue', type: 'service' as const, label: 'AWS Glue', category: 'Analytics' },
      { id: 'service:catalog', type: 'service' as const, label: 'AWS Glue Data Catalog', category: 'Analytics', parent: 'service:glue' },
    ]
    const { group, label } = serviceFamilies(services)
    expect(group.get('service:sm')).toBe('SageMaker AI')
    expect(group.get('service:Clarify')).toBe('SageMaker AI')
    expect(label.get('service:Model Monitor')).toBe('Model Monitor')
    expect(label.get('service:training jobs')).toBe('Training jobs')
    // one feature is no family: it stays in its category, under its full name
    expect(group.get('service:catalog')).toBe('Analytics')
    expect(label.get('service:catalog')).toBe('Glue Data Catalog')
  })

  it('services map: room for each name beside its service', () => {
    const f = serviceFootprint(12, 6)
    expect(f.anchor).toBe('left')
    expect(f.width).toBeGreaterThan(12 + 6 * 15)
    expect(f.height).toBeGreaterThanOrEqual(15)
  })

  it('overview captions: each group named by its domain title (else its folder), over its nodes', () => {
    const spec = viewSpec('overview', graph, new Map())
    const at: Record<string, { x: number; y: number }> = {
      'domain:D1': { x: 0, y: 0 }, 'note:a.md': { x: 40, y: 10 }, 'concept:etl': { x: 20, y: -30 },
      'note:x/b.md': { x: 500, y: 0 }, 'service:glue': { x: 540, y: 20 },
    }
    const captions = overviewCaptions(spec, graph, (id) => at[id])
    const d1 = captions.find((c) => c.id === 'D1')!
    expect(d1.text).toBe('Domain 1')
    expect(d1.y1).toBeLessThan(-30)
    expect(d1.x1).toBeLessThan(0)
    expect(d1.x2).toBeGreaterThan(40)
    expect(captions.find((c) => c.id === 'x')!.text).toBe('x')
    // one group alone needs no caption
    expect(overviewCaptions(spec, graph, (id) => (id.startsWith('note:x') || id === 'service:glue' ? undefined : at[id]))).toEqual([])
  })

  it('a domain whose title is its group\'s caption is named short on its node; a folder\'s caption names no node', () => {
    const spec = viewSpec('overview', graph, new Map())
    expect(captionedDomains(spec, graph)).toEqual(new Map([['D1', 'domain:D1']]))
    const at = (id: string) => ({ x: id.includes('x/') ? 500 : 0, y: 0 })
    const captions = overviewCaptions(spec, graph, at)
    expect(captions.find((c) => c.id === 'D1')!.node).toBe('domain:D1')
    expect(captions.find((c) => c.id === 'x')!.node).toBeUndefined()
    // one group: no captions, so no domain is named short
    expect(captionedDomains({ ...spec, items: spec.items.filter((i) => i.group === 'D1') }, graph).size).toBe(0)
    expect(shortDomainName('Domain 1: Data Preparation for Machine Learning (ML)')).toBe('Domain 1')
    // a title without a short head before a colon stays whole
    expect(shortDomainName('Data preparation')).toBe('Data preparation')
    expect(shortDomainName('A very long heading that runs on and on: then more')).toBe('A very long heading that runs on and on: then more')
  })
})
