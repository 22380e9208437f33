import { describe, expect, it } from 'vitest'
import type { EdgeType, Graph, GraphEdge, GraphNode } from '../types'
import { DISPLAY_ABOVE_EDGES, displayGraph, displayGraphCache, displayThreshold, STRUCTURAL } from './displayGraph'
import { edgeId } from './ids'
import { mulberry32 } from '../prng'

/** A vault-like graph: domains contain notes, notes link and mention entities (weights vary), entities co-occur. */
function bigGraph(notes = 120, entities = 30, seed = 7): Graph {
  const rnd = mulberry32(seed)
  const nodes: GraphNode[] = []
  const edges: GraphEdge[] = []
  const edge = (type: EdgeType, source: string, target: string, weight?: number) => {
    const e: GraphEdge = { id: edgeId(type, source, target), source, target, type }
    if (weight !== undefined) e.weight = weight
    if (type === 'mentions') e.refs = [{ line: 3, section: 'intro' }]
    edges.push(e)
  }
  for (const d of ['D1', 'D2']) nodes.push({ id: `domain:${d}`, type: 'domain', label: d, domain: d })
  for (let j = 0; j < entities; j++) nodes.push({ id: `service:s${j}`, type: 'service', label: `S${j}` })
  nodes.push({ id: 'service:s0-feature', type: 'service', label: 'S0 feature', parent: 'service:s0' })
  edge('part-of', 'service:s0-feature', 'service:s0', 1)
  for (const t of ['exam', 'lab']) nodes.push({ id: `tag:${t}`, type: 'tag', label: t })
  for (let i = 0; i < notes; i++) {
    const id = `note:n${i}.md`
    nodes.push({ id, type: 'note', label: `Note ${i}`, path: `n${i}.md`, domain: i % 2 ? 'D1' : 'D2' })
    edge('contains', `domain:${i % 2 ? 'D1' : 'D2'}`, id, 1)
    if (i > 0) edge('links-to', id, `note:n${i - 1}.md`, 1)
    edge('tagged', id, 'tag:exam', 1)
    if (i % 3 === 0) edge('tagged', id, 'tag:lab', 1)
    const seen = new Set<number>()
    for (let k = 0; k < 10; k++) {
      const j = Math.floor(rnd() * entities)
      if (seen.has(j)) continue
      seen.add(j)
      edge('mentions', id, `service:s${j}`, 1 + Math.floor(rnd() * 9))
    }
  }
  for (let a = 0; a < entities; a++) for (let b = a + 1; b < entities; b++) if (rnd() < 0.5) edge('related', `service:s${a}`, `service:s${b}`, 1 + Math.floor(rnd() * 20))
  return { nodes, edges, diagnostics: [] }
}

const count = (edges: GraphEdge[], type: EdgeType) => edges.filter((e) => e.type === type).length

describe('displayGraph', () => {
  const full = bigGraph()
  const perNode = { 'links-to': 1, mentions: 2, related: 2, tagged: 1 }
  const shown = displayGraph(full, { aboveEdges: 100, perNode })

  it('leaves a graph at or under the threshold as it is', () => {
    expect(displayGraph(full, { aboveEdges: full.edges.length })).toBe(full)
    expect(displayGraph(full, { aboveEdges: full.edges.length }).display).toBeUndefined()
  })

  it('keeps every node', () => {
    expect(shown.nodes.map((n) => n.id)).toEqual(full.nodes.map((n) => n.id))
  })

  it('keeps every structural edge', () => {
    for (const t of STRUCTURAL) expect(count(shown.edges, t)).toBe(count(full.edges, t))
    expect(count(full.edges, 'part-of')).toBeGreaterThan(0)
  })

  it('keeps far fewer edges, none that are not in the full graph', () => {
    expect(shown.edges.length).toBeLessThan(full.edges.length / 2)
    const ids = new Set(full.edges.map((e) => e.id))
    for (const e of shown.edges) expect(ids.has(e.id)).toBe(true)
  })

  it('keeps for each node its strongest edges of each kind, up to the cap', () => {
    const keptIds = new Set(shown.edges.map((e) => e.id))
    for (const type of ['links-to', 'mentions', 'related', 'tagged'] as const) {
      const cap = perNode[type]
      for (const n of full.nodes) {
        const mine = full.edges.filter((e) => e.type === type && (e.source === n.id || e.target === n.id))
        if (mine.length === 0) continue
        const best = [...mine].sort((a, b) => (b.weight ?? 1) - (a.weight ?? 1) || (a.id < b.id ? -1 : 1)).slice(0, cap)
        for (const e of best) expect(keptIds.has(e.id)).toBe(true)
      }
    }
  })

  it('keeps no more co-mention edges than the caps allow', () => {
    // each kept edge was chosen by at least one of its ends, and each end chooses at most its cap
    for (const type of ['links-to', 'mentions', 'related', 'tagged'] as const) {
      const ends = new Set(full.edges.filter((e) => e.type === type).flatMap((e) => [e.source, e.target]))
      expect(count(shown.edges, type)).toBeLessThanOrEqual(ends.size * perNode[type])
    }
    // a kind without a cap is left out entirely
    const noTags = displayGraph(full, { aboveEdges: 100, perNode: { mentions: 1 } })
    expect(count(noTags.edges, 'tagged')).toBe(0)
    expect(count(noTags.edges, 'related')).toBe(0)
  })

  it('counts what it left out, per kind, and the full total', () => {
    expect(shown.display?.totalEdges).toBe(full.edges.length)
    for (const type of ['mentions', 'related', 'tagged', 'links-to', 'contains'] as const) {
      expect(shown.display?.omitted[type] ?? 0).toBe(count(full.edges, type) - count(shown.edges, type))
    }
    const left = Object.values(shown.display!.omitted).reduce((a, b) => a + (b ?? 0), 0)
    expect(shown.edges.length + left).toBe(full.edges.length)
  })

  it('drops where-in-the-note refs from the drawn edges and leaves the full graph untouched', () => {
    expect(shown.edges.some((e) => e.refs)).toBe(false)
    expect(full.edges.filter((e) => e.type === 'mentions').every((e) => e.refs)).toBe(true)
  })

  it('chooses the same edges every time', () => {
    const again = displayGraph(bigGraph(), { aboveEdges: 100, perNode })
    expect(again.edges.map((e) => e.id)).toEqual(shown.edges.map((e) => e.id))
  })

  it('is computed once per graph object', () => {
    const cached = displayGraphCache({ aboveEdges: 100 })
    expect(cached(full)).toBe(cached(full))
    expect(cached(bigGraph())).not.toBe(cached(full))
  })

  it('takes a lower threshold from the environment, and ignores one that is not a count', () => {
    expect(displayThreshold({ NOTES_GRAPH_DISPLAY_ABOVE_EDGES: '500' })).toBe(500)
    expect(displayThreshold({ NOTES_GRAPH_DISPLAY_ABOVE_EDGES: 'lots' })).toBe(DISPLAY_ABOVE_EDGES)
    expect(displayThreshold({ NOTES_GRAPH_DISPLAY_ABOVE_EDGES: '' })).toBe(DISPLAY_ABOVE_EDGES)
    expect(displayThreshold({})).toBe(DISPLAY_ABOVE_EDGES)
  })
})
