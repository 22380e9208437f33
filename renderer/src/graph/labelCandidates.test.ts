import { describe, expect, it } from 'vitest'
import cytoscape, { type NodeSingular } from 'cytoscape'
import { importanceOrder, topCandidates } from './labelCandidates'

describe('label candidates of a big graph', () => {
  it('takes the most important nodes in view (priority first), skips hidden and off-screen ones, and counts all in view', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true })
    // 400 nodes on a 20 × 20 grid inside an 800 × 800 view, and 50 far outside it
    const nodes = Array.from({ length: 450 }, (_, i) => ({
      data: { id: `n${i}`, short: `node ${i}`, size: 10 },
      position: i < 400 ? { x: (i % 20) * 40, y: Math.floor(i / 20) * 40 } : { x: 5000 + i, y: 5000 },
      classes: i % 10 === 3 ? 'hidden' : '',
    }))
    cy.add(nodes)
    const score = new Map(nodes.map((n, i) => [n.data.id, i === 449 ? 1e9 : 1000 - i]))
    const order = importanceOrder(score)
    expect(order.slice(0, 3)).toEqual(['n449', 'n0', 'n1'])
    const label = (n: NodeSingular) => ({ text: String(n.data('short')), size: 10 })
    const top = topCandidates(cy, order, new Set(['n399']), score, { w: 800, h: 800, zoom: 1, limit: 30 }, label)
    expect(top.candidates).toHaveLength(30)
    expect(top.candidates[0].id).toBe('n399') // priority first
    const rest = top.candidates.slice(1).map((c) => c.id)
    // then by importance, hidden (n3, n13, …) and off-screen (n449) ones left out
    const expected = order.filter((id) => { const i = Number(id.slice(1)); return i < 400 && i % 10 !== 3 && id !== 'n399' }).slice(0, 29)
    expect(rest).toEqual(expected)
    expect(top.inView).toBe(360)
  })
})
