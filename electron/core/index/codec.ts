// Compact JSON forms for the persisted index: mentions and graph edges dominate its size (≈120 mentions per
// note), so they are stored as flat integer arrays over one string table instead of objects with keys.
import type { EdgeType, Graph, GraphEdge, Mention } from '../types'
import { edgeId } from '../graph/ids'

export class StringTable {
  readonly list: string[] = []
  private index = new Map<string, number>()
  constructor(list?: string[]) {
    if (list) for (const s of list) this.add(s)
  }
  add(s: string): number {
    let i = this.index.get(s)
    if (i === undefined) {
      i = this.list.length
      this.list.push(s)
      this.index.set(s, i)
    }
    return i
  }
}

/** Mentions → [entity, text, line, column, section] × n, strings as table indexes. */
export function encodeMentions(mentions: Mention[], t: StringTable): number[] {
  const out = new Array<number>(mentions.length * 5)
  let k = 0
  for (const m of mentions) {
    out[k++] = t.add(m.entity)
    out[k++] = t.add(m.text)
    out[k++] = m.line
    out[k++] = m.column
    out[k++] = t.add(m.section)
  }
  return out
}

export function decodeMentions(flat: number[], strings: string[]): Mention[] {
  const out: Mention[] = new Array(flat.length / 5)
  for (let i = 0, k = 0; k < flat.length; i++, k += 5) {
    out[i] = { entity: strings[flat[k]], text: strings[flat[k + 1]], line: flat[k + 2], column: flat[k + 3], section: strings[flat[k + 4]] }
  }
  return out
}

const EDGE_TYPES: EdgeType[] = ['contains', 'mentions', 'part-of', 'related', 'links-to', 'tagged']

export interface CompactGraph {
  nodes: Graph['nodes']
  strings: string[]
  /** per edge: type, source, target, weight + 1 (0 = none), number of refs, then (line, section) per ref */
  edges: number[]
  diagnostics: Graph['diagnostics']
}

export function encodeGraph(g: Graph): CompactGraph {
  const t = new StringTable()
  const edges: number[] = []
  for (const e of g.edges) {
    edges.push(EDGE_TYPES.indexOf(e.type), t.add(e.source), t.add(e.target), e.weight === undefined ? 0 : e.weight + 1, e.refs ? e.refs.length : -1)
    if (e.refs) for (const r of e.refs) edges.push(r.line, t.add(r.section))
  }
  return { nodes: g.nodes, strings: t.list, edges, diagnostics: g.diagnostics }
}

/** encodeGraph as JSON text in pieces (a few thousand edges each), so the whole edge array never exists at once. */
export function* encodeGraphChunks(g: Graph, perChunk = 4096): Generator<string> {
  const t = new StringTable()
  yield `{"nodes":${JSON.stringify(g.nodes)},"edges":[`
  let buf: number[] = []
  let first = true
  for (let i = 0; i < g.edges.length; i++) {
    const e = g.edges[i]
    buf.push(EDGE_TYPES.indexOf(e.type), t.add(e.source), t.add(e.target), e.weight === undefined ? 0 : e.weight + 1, e.refs ? e.refs.length : -1)
    if (e.refs) for (const r of e.refs) buf.push(r.line, t.add(r.section))
    if ((i + 1) % perChunk === 0 || i === g.edges.length - 1) {
      yield (first ? '' : ',') + buf.join(',')
      first = false
      buf = []
    }
  }
  yield `],"strings":${JSON.stringify(t.list)},"diagnostics":${JSON.stringify(g.diagnostics)}}`
}

export function decodeGraph(c: CompactGraph): Graph {
  const s = c.strings
  const f = c.edges
  const edges: GraphEdge[] = []
  for (let k = 0; k < f.length; ) {
    const type = EDGE_TYPES[f[k]]
    const source = s[f[k + 1]]
    const target = s[f[k + 2]]
    const w = f[k + 3]
    const nrefs = f[k + 4]
    k += 5
    const e: GraphEdge = { id: edgeId(type, source, target), source, target, type }
    if (w > 0) e.weight = w - 1
    if (nrefs >= 0) {
      e.refs = new Array(nrefs)
      for (let i = 0; i < nrefs; i++, k += 2) e.refs[i] = { line: f[k], section: s[f[k + 1]] }
    }
    edges.push(e)
  }
  return { nodes: c.nodes, edges, diagnostics: c.diagnostics }
}
