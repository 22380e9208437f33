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

describe('what a plain node costs the renderer', () => {
  const sheet = buildStyle('light')
  const cy = cytoscape({ headless: true, styleEnabled: true, style: sheet })
  const node = (id: string, classes = '', type = 'concept') => cy.add({ data: { id, type, size: 20, font: 12, lf: 11, lt: `Name of ${id}`, short: id }, classes })

  it('gives a node whose label is not picked no text to measure, and no border to bound', () => {
    const plain = node('plain')
    expect(plain.style('label')).toBe('')
    expect(plain.numericStyle('border-width')).toBe(0)
    // the drawn look is still there: its kind's colour and shape at its size
    expect(plain.style('shape')).toBe('diamond')
    expect(plain.numericStyle('width')).toBe(20)
  })

  it('keeps the label look on a picked label and on a hovered name', () => {
    for (const n of [node('picked', 'lbl'), node('hovered', 'hover-self')]) {
      expect(n.style('label')).not.toBe('')
      expect(n.style('text-valign')).toBe('bottom')
      expect(n.numericStyle('text-outline-width')).toBe(2)
    }
    expect(node('above', 'lbl lbl-above').style('text-valign')).toBe('top')
  })

  it('sets only size, colour, shape and drawing order on a plain node (each property costs style time per element)', () => {
    const props = new Set<string>()
    for (const rule of sheet as Array<{ selector: string; style: Record<string, unknown> }>) {
      if (/^node(\[type = "\w+"\])?$/.test(rule.selector)) for (const k of Object.keys(rule.style)) props.add(k)
    }
    expect([...props].sort()).toEqual(['background-color', 'height', 'shape', 'width', 'z-index'])
  })

  it('keeps the double border of a pinned node', () => {
    const pinned = node('pin', 'pinned', 'note')
    expect(pinned.style('border-style')).toBe('double')
    expect(pinned.numericStyle('border-width')).toBe(3)
  })
})
