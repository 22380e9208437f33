// A compact JSON form of the graph for the web host's HTTP and SSE answers. As plain objects the bundled
// notes' graph is ≈2.6 MB of JSON, mostly edge ids and endpoint ids repeated on 12k edges; launch waits for
// the server to write it and the page to parse it. Here an edge is a short array that points at its end
// nodes by index and leaves out its id when the id is the usual one, and its mention refs are flat numbers that
// point into one list of section titles (the same titles were repeated on every edge of a section: 80% of the
// bundled notes' answer). Lossless: fromWire(toWire(g)) equals g.
import type { EdgeMentionRef, EdgeType, Graph, GraphEdge } from '../core/types'
import { edgeId } from '../core/graph/ids'

/** refs as [line, index in `sections`, line, index, …] */
type WireRefs = number[]
/** [type index, source, target, weight or null, refs (or 0)?, id?] — ends are node indices when the node is listed */
type WireEdge = [number, number | string, number | string, number | null, (WireRefs | 0)?, string?]

export interface WireGraph extends Omit<Graph, 'edges'> {
  /** marks the compact form (2: refs point into `sections`) */
  wire: 2
  edgeTypes: EdgeType[]
  sections: string[]
  edges: WireEdge[]
}

export function isWireGraph(x: unknown): x is WireGraph {
  const w = x as { wire?: unknown; edges?: unknown; sections?: unknown } | null
  return typeof w === 'object' && w !== null && w.wire === 2 && Array.isArray(w.edges) && Array.isArray(w.sections)
}

export function toWire(g: Graph): WireGraph {
  const index = new Map<string, number>()
  g.nodes.forEach((n, i) => index.set(n.id, i))
  const edgeTypes: EdgeType[] = []
  const typeIndex = new Map<EdgeType, number>()
  const sections: string[] = []
  const sectionIndex = new Map<string, number>()
  const flat = (refs: EdgeMentionRef[]): WireRefs => {
    const out: WireRefs = []
    for (const r of refs) {
      let i = sectionIndex.get(r.section)
      if (i === undefined) { i = sections.push(r.section) - 1; sectionIndex.set(r.section, i) }
      out.push(r.line, i)
    }
    return out
  }
  const edges = g.edges.map((e): WireEdge => {
    let t = typeIndex.get(e.type)
    if (t === undefined) { t = edgeTypes.push(e.type) - 1; typeIndex.set(e.type, t) }
    const w: WireEdge = [t, index.get(e.source) ?? e.source, index.get(e.target) ?? e.target, e.weight ?? null]
    const customId = e.id !== edgeId(e.type, e.source, e.target)
    if (e.refs || customId) w.push(e.refs ? flat(e.refs) : 0)
    if (customId) w.push(e.id)
    return w
  })
  return { ...g, wire: 2, edgeTypes, sections, edges }
}

/**
 * The graph back as plain objects; anything that is not the compact form passes through unchanged.
 * Runs once per page load on the launch's path (in the entry, while the app chunks compile): plain indexed
 * loops, no array destructuring (an iterator per edge in code that runs only once, uncompiled).
 */
export function fromWire<T>(x: T): T | Graph {
  if (!isWireGraph(x)) return x
  const { wire: _wire, edgeTypes, sections, edges, ...rest } = x
  const ids = rest.nodes.map((n) => n.id)
  const prefixes = edgeTypes.map((t) => `${t}:`)
  const out: GraphEdge[] = new Array(edges.length)
  for (let k = 0; k < edges.length; k++) {
    const w = edges[k]
    const t = w[0]
    const s = w[1]
    const d = w[2]
    const type = edgeTypes[t]
    const source = typeof s === 'number' ? ids[s] ?? '' : s
    const target = typeof d === 'number' ? ids[d] ?? '' : d
    // edgeId(type, source, target), its concatenation inlined for the common types
    const id = w.length > 5 ? (w[5] as string) : type === 'related' ? edgeId(type, source, target) : prefixes[t] + source + '->' + target
    const e: GraphEdge = { id, source, target, type }
    const weight = w[3]
    if (weight !== null) e.weight = weight
    const refs = w[4]
    if (refs) {
      const list: EdgeMentionRef[] = []
      for (let i = 0; i + 1 < refs.length; i += 2) list.push({ line: refs[i], section: sections[refs[i + 1]] ?? '' })
      e.refs = list
    }
    out[k] = e
  }
  return { ...rest, edges: out }
}
