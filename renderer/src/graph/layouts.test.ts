import { describe, expect, it } from 'vitest'
import type { Graph, GraphEdge, GraphNode } from '../../../electron/core/types'
import { concentricByDomain, homeDomains, lanePositions } from './layouts'

/** Two domains with their notes; each note mentions its own services, one service is shared. */
function twoDomains(servicesPerNote = 3): Graph {
  const nodes: GraphNode[] = [
    { id: 'domain:D1', type: 'domain', label: 'Domain 1', domain: 'D1' },
    { id: 'domain:D2', type: 'domain', label: 'Domain 2', domain: 'D2' },
  ]
  const edges: GraphEdge[] = []
  for (const d of ['D1', 'D2']) {
    for (let i = 0; i < 4; i++) {
      const note = `note:${d}/n${i}.md`
      nodes.push({ id: note, type: 'note', label: `${d} note ${i}`, domain: d, path: `${d}/n${i}.md` })
      edges.push({ id: `c-${note}`, source: `domain:${d}`, target: note, type: 'contains' })
      for (let k = 0; k < servicesPerNote; k++) {
        const svc = `service:${d}-${i}-${k}`
        nodes.push({ id: svc, type: 'service', label: `${d} service ${i}.${k}` })
        edges.push({ id: `m-${note}-${svc}`, source: note, target: svc, type: 'mentions', weight: 2 })
      }
    }
  }
  // mentioned three times from D2, once from D1: it belongs to D2
  nodes.push({ id: 'service:shared', type: 'service', label: 'Shared' })
  edges.push({ id: 'ms1', source: 'note:D1/n0.md', target: 'service:shared', type: 'mentions', weight: 1 })
  for (let i = 0; i < 3; i++) edges.push({ id: `ms2-${i}`, source: `note:D2/n${i}.md`, target: 'service:shared', type: 'mentions', weight: 1 })
  return { nodes, edges, diagnostics: [] }
}

const angle = (p: { x: number; y: number }) => Math.atan2(p.y, p.x)
const radius = (p: { x: number; y: number }) => Math.hypot(p.x, p.y)

describe('homeDomains', () => {
  it('gives a service the domain whose notes mention it most', () => {
    const home = homeDomains(twoDomains())
    expect(home.get('service:D1-0-0')).toBe('D1')
    expect(home.get('service:shared')).toBe('D2')
    expect(home.get('note:D2/n1.md')).toBe('D2')
  })
})

describe('concentricByDomain', () => {
  it('puts domains in the middle, notes next, services outside, each domain in its own sector', () => {
    const g = twoDomains()
    const pos = concentricByDomain(g)
    expect(Object.keys(pos)).toHaveLength(g.nodes.length)
    const r = (id: string) => radius(pos[id])
    expect(r('domain:D1')).toBeLessThan(r('note:D1/n0.md'))
    expect(r('note:D1/n0.md')).toBeLessThan(r('service:D1-0-0'))
    // sectors: every D1 service is nearer (in angle) to the D1 domain node than to the D2 one
    const gap = (a: number, b: number) => Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b)))
    for (const n of g.nodes.filter((x) => x.id.startsWith('service:D1'))) {
      expect(gap(angle(pos[n.id]), angle(pos['domain:D1']))).toBeLessThan(gap(angle(pos[n.id]), angle(pos['domain:D2'])))
    }
  })

  it('spreads many services over several rings instead of one', () => {
    const pos = concentricByDomain(twoDomains(40))
    const rings = new Set(Object.entries(pos).filter(([id]) => id.startsWith('service:')).map(([, p]) => Math.round(radius(p))))
    expect(rings.size).toBeGreaterThan(2)
  })
})

describe('lanePositions', () => {
  it('orders lanes domain → note → service left to right', () => {
    const pos = lanePositions(twoDomains())
    expect(pos['domain:D1'].x).toBeLessThan(pos['note:D1/n0.md'].x)
    expect(pos['note:D1/n0.md'].x).toBeLessThan(pos['service:D1-0-0'].x)
  })

  it('wraps a long lane into several sub-columns, so it is not one very tall column', () => {
    const g = twoDomains(40)
    const pos = lanePositions(g)
    const serviceXs = new Set(g.nodes.filter((n) => n.type === 'service').map((n) => pos[n.id].x))
    const serviceYs = g.nodes.filter((n) => n.type === 'service').map((n) => pos[n.id].y)
    expect(serviceXs.size).toBeGreaterThan(1)
    const notesHeight = Math.max(...g.nodes.filter((n) => n.type === 'note').map((n) => pos[n.id].y)) * 2
    expect(Math.max(...serviceYs) - Math.min(...serviceYs)).toBeLessThan(Math.max(notesHeight, 34 * 40))
  })
})
