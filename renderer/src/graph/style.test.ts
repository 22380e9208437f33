// The stylesheet's font sizes: only a drawn label takes its size from the node's data (style.ts).
import { describe, expect, it } from 'vitest'
import cytoscape from 'cytoscape'
import { buildStyle } from './style'

describe('label font sizes', () => {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStyle('light') })
  const add = (id: string, classes: string) => cy.add({ data: { id, type: 'service', size: 20, font: 17, lf: 12.5, short: id }, classes })

  it('draws a picked label at its own size and a hovered name at the node size', () => {
    expect(add('picked', 'lbl').numericStyle('font-size')).toBe(12.5)
    expect(add('hovered', 'hover-self').numericStyle('font-size')).toBe(17)
    // hovering a labelled node keeps the size the label pick gave it
    expect(add('both', 'lbl hover-self').numericStyle('font-size')).toBe(12.5)
  })

  it('gives every unlabelled node the same font (no text to draw, one font to measure)', () => {
    const a = add('plain-a', '')
    const b = cy.add({ data: { id: 'plain-b', type: 'note', size: 30, font: 22, short: 'b' } })
    expect(a.style('label')).toBe('')
    expect(a.numericStyle('font-size')).toBe(b.numericStyle('font-size'))
  })
})
