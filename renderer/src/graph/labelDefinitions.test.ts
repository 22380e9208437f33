// A big first load picks its labels from the node definitions before adding them (labels.ts pickDefinitions):
// the same labels as the pick on the canvas would choose, so nodes arrive labelled and are styled once.
import { describe, expect, it, vi } from 'vitest'
import cytoscape, { type ElementDefinition } from 'cytoscape'
import type { Graph, NodeType } from '../../../electron/core/types'
import { newGraphState } from './graphState'
import { Labels } from './labels'

function setup() {
  const types: NodeType[] = ['note', 'service', 'concept']
  const n = 900
  const graph: Graph = {
    nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, type: types[i % 3], label: `${types[i % 3]} ${i}`, domain: 'D1' })),
    edges: Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i}`, source: `n${i % 40}`, target: `n${i + 1}`, type: 'mentions' as const, weight: 1 })),
    diagnostics: [],
  }
  const state = newGraphState()
  state.big = true
  state.current = graph
  const cy = cytoscape({ headless: true, styleEnabled: true })
  vi.spyOn(cy, 'width').mockReturnValue(1000)
  vi.spyOn(cy, 'height').mockReturnValue(700)
  cy.zoom(0.5)
  cy.pan({ x: 40, y: 30 })
  state.core = cy
  // 30 × 30 nodes 60 model units apart (30 px on screen), every 7th hidden by a filter
  const defs: ElementDefinition[] = graph.nodes.map((node, i) => ({
    group: 'nodes',
    data: { id: node.id, label: node.label, type: node.type, size: 10 + (i % 5) },
    position: { x: (i % 30) * 60, y: Math.floor(i / 30) * 60 },
    classes: i % 7 === 0 ? 'hidden' : '',
  }))
  const labels = new Labels(state)
  labels.attach(cy)
  return { cy, defs, labels }
}

describe('labels of a big first load', () => {
  it('come with the node definitions, and are the ones the pick on the canvas chooses', () => {
    const { cy, defs, labels } = setup()
    labels.pickDefinitions(defs, { zoom: cy.zoom(), pan: cy.pan(), w: cy.width(), h: cy.height() })
    const labelled = defs.filter((d) => String(d.classes).split(' ').includes('lbl'))
    expect(labelled.length).toBeGreaterThan(10)
    expect(labels.count()).toBe(labelled.length)
    for (const d of labelled) {
      expect(String(d.classes)).not.toContain('hidden')
      expect(d.data.lt).toBe(d.data.label)
      // the font in model units that makes 11 px or more on screen at zoom 0.5
      expect(Number(d.data.lf)).toBeGreaterThanOrEqual(22)
    }
    cy.add(defs)
    const before = cy.nodes('.lbl').map((n) => n.id()).sort()
    labels.update()
    expect(cy.nodes('.lbl').map((n) => n.id()).sort()).toEqual(before)
    expect(before).toEqual(labelled.map((d) => d.data.id as string).sort())
  })
})
