import { describe, expect, it, vi } from 'vitest'
import cytoscape from 'cytoscape'
import type { Graph } from '../../../electron/core/types'
import { neighbourhood } from '../../../electron/core/graph/adjacency'
import { CyGraphController } from './cyController'

const graph = (extra: Partial<Graph> = {}): Graph => ({
  nodes: [
    { id: 'domain:D1', type: 'domain', label: 'Domain 1', domain: 'D1' },
    { id: 'note:a.md', type: 'note', label: 'A', path: 'a.md', domain: 'D1' },
    { id: 'note:b.md', type: 'note', label: 'B', path: 'b.md', domain: 'D1' },
    { id: 'service:aws-glue', type: 'service', label: 'AWS Glue', category: 'Analytics' },
    { id: 'service:amazon-s3', type: 'service', label: 'Amazon S3', category: 'Storage' },
  ],
  edges: [
    { id: 'c1', source: 'domain:D1', target: 'note:a.md', type: 'contains' },
    { id: 'c2', source: 'domain:D1', target: 'note:b.md', type: 'contains' },
    { id: 'm1', source: 'note:a.md', target: 'service:aws-glue', type: 'mentions', weight: 3 },
    { id: 'm2', source: 'note:b.md', target: 'service:amazon-s3', type: 'mentions', weight: 1 },
    { id: 'r1', source: 'service:aws-glue', target: 'service:amazon-s3', type: 'related', weight: 1 },
  ],
  diagnostics: [],
  ...extra,
})

const positions = {
  'domain:D1': { x: 0, y: 0 }, 'note:a.md': { x: 100, y: 0 }, 'note:b.md': { x: -100, y: 0 },
  'service:aws-glue': { x: 200, y: 50 }, 'service:amazon-s3': { x: -200, y: 50 },
}

function setup() {
  const events = { onSelect: vi.fn(), onOpenNote: vi.fn() }
  const c = new CyGraphController(events)
  const cy = cytoscape({ headless: true, styleEnabled: true })
  c.attach(cy)
  c.setCachedPositions(positions)
  c.setGraph(graph())
  return { c, cy, events }
}

describe('CyGraphController', () => {
  it('places a first graph from remembered positions and leaves weak co-mention edges off the canvas', () => {
    const { cy } = setup()
    expect(cy.nodes()).toHaveLength(5)
    expect(cy.getElementById('r1').empty()).toBe(true)
    expect(cy.getElementById('service:aws-glue').position()).toEqual({ x: 200, y: 50 })
  })

  it('updates in place by id: keeps positions and element identity, places new nodes next to neighbours', () => {
    const { c, cy } = setup()
    const glue = cy.getElementById('service:aws-glue')
    glue.position({ x: 321, y: 123 })
    const g = graph()
    g.nodes[3] = { ...g.nodes[3], label: 'AWS Glue (renamed)' }
    g.nodes.push({ id: 'service:amazon-athena', type: 'service', label: 'Amazon Athena' })
    g.edges.push({ id: 'm3', source: 'note:a.md', target: 'service:amazon-athena', type: 'mentions' })
    g.edges = g.edges.filter((e) => e.id !== 'm2')
    c.setGraph(g)
    expect(cy.getElementById('service:aws-glue')).toBe(glue)
    expect(glue.data('label')).toBe('AWS Glue (renamed)')
    expect(glue.position()).toEqual({ x: 321, y: 123 })
    expect(cy.getElementById('m2').empty()).toBe(true)
    const athena = cy.getElementById('service:amazon-athena').position()
    expect(Math.hypot(athena.x - 100, athena.y - 0)).toBeLessThan(60)
  })

  it('selects, reports the selection, and clears it', () => {
    const { c, cy, events } = setup()
    c.select('service:aws-glue')
    expect(events.onSelect).toHaveBeenLastCalledWith('service:aws-glue')
    expect(c.selected()).toBe('service:aws-glue')
    expect(cy.$(':selected').map((n) => n.id())).toEqual(['service:aws-glue'])
    c.select('service:unknown')
    expect(events.onSelect).toHaveBeenLastCalledWith(null)
    expect(cy.$(':selected')).toHaveLength(0)
  })

  it('filters by type, edge weight and local depth, returning visible counts', () => {
    const { c } = setup()
    expect(c.setFilter({})).toEqual({ nodes: 5, edges: 4 })
    expect(c.setFilter({ types: ['note', 'service'] })).toEqual({ nodes: 4, edges: 2 })
    expect(c.setFilter({ minEdgeWeight: 2 })).toEqual({ nodes: 5, edges: 1 })
    // the local graph shows the core's neighbourhood, within what the other filters let through
    const local = (depth: number, opts = {}) => ({ center: 'service:aws-glue', depth, nodes: neighbourhood(graph(), 'service:aws-glue', depth, { minRelatedWeight: 4, ...opts }).nodes })
    expect(c.setFilter({ local: local(1) }).nodes).toBe(2)
    expect(c.setFilter({ local: local(2) }).nodes).toBe(3)
    expect(c.setFilter({ local: local(2), types: ['service', 'note'] }).nodes).toBe(2)
  })

  it('services view: a feature\'s part-of line to its own service is left to the group\'s caption, but drawn in a local graph', () => {
    const { c, cy } = setup()
    const g = graph()
    const features = ['glacier', 'tables', 'express', 'vectors'].map((f) => ({ id: `service:amazon-s3-${f}`, type: 'service' as const, label: `Amazon S3 ${f}`, category: 'Storage', parent: 'service:amazon-s3' }))
    g.nodes.push(...features)
    c.setGraph(g)
    c.setServiceEdges([
      ...features.map((f) => ({ source: f.id, target: 'service:amazon-s3', reason: 'part of', evidence: '', kind: 'part-of' })),
      { source: 'service:aws-glue', target: 'service:amazon-s3', reason: 'used together', evidence: 'Glue reads S3', kind: 'used-together' },
    ])
    c.setView('services')
    const drawn = () => cy.edges('[type = "map"]').filter((e) => !e.hasClass('hidden') && !e.hasClass('vh')).map((e) => `${e.data('kind')} ${e.data('source')}`).sort()
    expect(drawn()).toEqual(['used-together service:aws-glue'])
    // the services view's local graph walks the map's links (the core's neighbourhood over the service map)
    const around = [...features.map((f) => f.id), 'service:aws-glue']
    c.setFilter({ local: { center: 'service:amazon-s3', depth: 1, nodes: around } })
    expect(drawn()).toEqual([...features.map((f) => `part-of ${f.id}`), 'used-together service:aws-glue'].sort())
    // back to the whole map: the caption speaks for them again
    c.setFilter({})
    expect(drawn()).toEqual(['used-together service:aws-glue'])
  })

  it('tells the counts it last filtered to (the filter panel reads them), none once the canvas holds other elements', () => {
    const { c, cy } = setup()
    c.setFilter({ types: ['note', 'service'] })
    expect(c.shownCounts()).toEqual({ nodes: 4, edges: 2 })
    cy.add({ data: { id: 'note:new.md' } })
    expect(c.shownCounts()).toBeNull()
  })

  it('keeps highlight groups separate and clears one without touching another', () => {
    const { c, cy } = setup()
    c.highlight('compare', ['service:aws-glue', 'service:amazon-s3'])
    c.highlight('exam', ['service:amazon-s3'])
    c.highlight('compare', null)
    expect(cy.getElementById('service:aws-glue').hasClass('hl-any')).toBe(false)
    expect(cy.getElementById('service:amazon-s3').hasClass('g-exam')).toBe(true)
    expect(cy.getElementById('service:amazon-s3').hasClass('g-compare')).toBe(false)
  })

  it('a highlight set again with the same ids (a panel after each graph change) walks no element', () => {
    const { c, cy } = setup()
    c.highlight('exam', ['service:amazon-s3', 'service:aws-glue'])
    c.highlight('compare', null)
    const walks = vi.spyOn(cy, 'nodes')
    c.highlight('exam', ['service:aws-glue', 'service:amazon-s3'])
    c.highlight('compare', null)
    c.highlight('compare', [])
    expect(walks).not.toHaveBeenCalled()
    c.highlight('exam', ['service:aws-glue'])
    expect(walks).toHaveBeenCalled()
    expect(cy.getElementById('service:amazon-s3').hasClass('g-exam')).toBe(false)
    expect(cy.getElementById('service:aws-glue').hasClass('g-exam')).toBe(true)
  })

  it('keeps pinned nodes in place when a layout runs, and moves them again once unpinned', () => {
    const { c, cy } = setup()
    c.pin('service:aws-glue', true)
    expect(cy.getElementById('service:aws-glue').hasClass('pinned')).toBe(true)
    c.runLayout('lanes')
    expect(cy.getElementById('service:aws-glue').position()).toEqual({ x: 200, y: 50 })
    expect(cy.getElementById('note:a.md').position()).not.toEqual({ x: 100, y: 0 })
    expect(c.pinned()).toEqual(['service:aws-glue'])
    c.pin('service:aws-glue', false)
    c.runLayout('lanes')
    expect(cy.getElementById('service:aws-glue').position()).not.toEqual({ x: 200, y: 50 })
    expect(c.pinned()).toEqual([])
  })

  it('passes note requests to the shell', () => {
    const { c, events } = setup()
    c.openNote('a.md', 'intro', 3)
    expect(events.onOpenNote).toHaveBeenCalledWith('a.md', 'intro', 3)
  })
})
