import { describe, expect, it } from 'vitest'
import cytoscape from 'cytoscape'
import { markLongEdges } from './longEdges'

describe('long service-map edges', () => {
  it('marks the map edges that cross the picture, not the short ones nor other edges', () => {
    const cy = cytoscape({
      headless: true,
      layout: { name: 'preset' },
      elements: [
        { data: { id: 'a' }, position: { x: 0, y: 0 } },
        { data: { id: 'b' }, position: { x: 50, y: 0 } },
        { data: { id: 'c' }, position: { x: 1000, y: 600 } },
        { data: { id: 'd' }, position: { x: 1000, y: 0 } },
        { data: { id: 'sm:0', source: 'a', target: 'b' } },
        { data: { id: 'sm:1', source: 'a', target: 'c' } },
        { data: { id: 'r', source: 'b', target: 'c' } },
      ],
    })
    expect(markLongEdges(cy)).toBe(1)
    expect(cy.getElementById('sm:1').hasClass('long')).toBe(true)
    expect(cy.getElementById('sm:0').hasClass('long')).toBe(false)
    expect(cy.getElementById('r').hasClass('long')).toBe(false)
    // moved closer: no longer long
    cy.getElementById('c').position({ x: 20, y: 10 })
    expect(markLongEdges(cy)).toBe(0)
    expect(cy.getElementById('sm:1').hasClass('long')).toBe(false)
  })
})
