// The first load of a graph that fits one task (cyController.launch): the view named before it is the
// first one placed and drawn, the edges it hides come after the first frame already hidden, nothing moves.
import { describe, expect, it, vi } from 'vitest'
import cytoscape from 'cytoscape'
import type { Graph } from '../../../electron/core/types'
import { CyGraphController } from './cyController'

const graph: Graph = {
  nodes: [
    { id: 'domain:D1', type: 'domain', label: 'Domain 1', domain: 'D1' },
    { id: 'note:a.md', type: 'note', label: 'A', path: 'a.md', domain: 'D1' },
    { id: 'note:b.md', type: 'note', label: 'B', path: 'b.md', domain: 'D1' },
    { id: 'service:aws-glue', type: 'service', label: 'AWS Glue', category: 'Analytics' },
    { id: 'service:amazon-s3', type: 'service', label: 'Amazon S3', category: 'Storage' },
    { id: 'tag:etl', type: 'tag', label: 'etl' },
  ],
  edges: [
    { id: 'c1', source: 'domain:D1', target: 'note:a.md', type: 'contains' },
    { id: 'c2', source: 'domain:D1', target: 'note:b.md', type: 'contains' },
    { id: 'm1', source: 'note:a.md', target: 'service:aws-glue', type: 'mentions', weight: 3 },
    { id: 'm2', source: 'note:b.md', target: 'service:amazon-s3', type: 'mentions', weight: 1 },
    { id: 't1', source: 'note:a.md', target: 'tag:etl', type: 'tagged' },
  ],
  diagnostics: [],
}

function start(view: 'overview' | 'services') {
  const c = new CyGraphController({ onSelect: vi.fn(), onOpenNote: vi.fn() })
  const cy = cytoscape({ headless: true, styleEnabled: true })
  c.attach(cy)
  c.setView(view)
  c.setGraph(graph)
  return { c, cy }
}

const where = (cy: cytoscape.Core) => cy.nodes().map((n) => `${n.id()}@${n.position('x').toFixed(1)},${n.position('y').toFixed(1)}`).join(' ')

describe('first load', () => {
  it('adds the overview with only its drawn edges first, the hidden ones after, already hidden, nothing moving', async () => {
    const { c, cy } = start('overview')
    // drawn at once: the skeleton (contains); the mentions and the tag edge wait for the first frame
    expect(cy.edges().map((e) => e.id()).sort()).toEqual(['c1', 'c2'])
    expect(cy.getElementById('tag:etl').hasClass('hidden')).toBe(true)
    expect(c.isLoading()).toBe(true)
    const placed = where(cy)
    await vi.waitFor(() => expect(c.isLoading()).toBe(false))
    expect(cy.edges().map((e) => e.id()).sort()).toEqual(['c1', 'c2', 'm1', 'm2', 't1'])
    // the view leaves the mentions out (back while hovered): 'vh'; the tag is hidden, so is its edge
    expect(cy.getElementById('m1').hasClass('vh')).toBe(true)
    expect(cy.getElementById('t1').hasClass('hidden')).toBe(true)
    expect(cy.edges('.vh, .hidden').length).toBe(3)
    expect(where(cy)).toBe(placed)
    // counts are the view's
    expect(c.setFilter({})).toEqual({ nodes: 5, edges: 2 })
  })

  it('places and shows the view named before the graph arrives (the hash\'s), not the overview first', async () => {
    const { c, cy } = start('services')
    expect(cy.nodes().filter((n) => !n.hasClass('hidden')).map((n) => n.id()).sort()).toEqual(['service:amazon-s3', 'service:aws-glue'])
    expect(cy.getElementById('service:aws-glue').hasClass('bare')).toBe(true)
    const placed = where(cy)
    await vi.waitFor(() => expect(c.isLoading()).toBe(false))
    expect(where(cy)).toBe(placed)
    expect(cy.edges().filter((e) => !e.hasClass('hidden') && !e.hasClass('vh'))).toHaveLength(0)
    // the overview, when chosen, has its own placement (every node placed, no animation)
    c.setView('overview')
    expect(cy.nodes().filter((n) => !n.hasClass('hidden')).length).toBe(5)
  })
})
