import { describe, expect, it } from 'vitest'
import cytoscape from 'cytoscape'
import { cytoscapeShowsLabel } from './selectionOverlay'

function core() {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: [
      { selector: 'node', style: { label: '', 'font-size': 10, 'min-zoomed-font-size': 9 } },
      { selector: 'node.lbl', style: { label: 'data(name)', 'min-zoomed-font-size': 6 } },
      { selector: 'node.faded', style: { 'text-opacity': 0 } },
    ],
    elements: [{ data: { id: 'a', name: 'Amazon S3' } }],
  })
}

describe('cytoscapeShowsLabel (the selection overlay draws a label only where Cytoscape does not)', () => {
  it('is false for a node without a label, so the overlay names the selection', () => {
    expect(cytoscapeShowsLabel(core().getElementById('a'), 1)).toBe(false)
  })

  it('is true for a labelled node whose font is readable at this zoom, so no second label is drawn', () => {
    const n = core().getElementById('a').addClass('lbl')
    expect(cytoscapeShowsLabel(n, 1)).toBe(true)
    // 10 px × 0.5 = 5 px: below the 6 px floor, Cytoscape drops it and the overlay names the node
    expect(cytoscapeShowsLabel(n, 0.5)).toBe(false)
  })

  it('is false while the label is faded out', () => {
    const n = core().getElementById('a').addClass('lbl faded')
    expect(cytoscapeShowsLabel(n, 1)).toBe(false)
  })
})
