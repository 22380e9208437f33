// The compact JSON form of a graph change for the web host's event stream (graph-wire.ts does the same for
// a whole graph). A delta's edges repeat the same few node ids and section titles (one note's mentions and
// the related pairs among its services): each string is sent once in a table and edges point at it by index;
// an edge's id is left out when it is the usual one; a mention's refs become flat [line, title index] pairs.
// Lossless: fromWireChange(toWireChange(c)) equals c.
import type { EdgeMentionRef, EdgeType, GraphChange, GraphDelta, GraphEdge } from '../core/types'
import { edgeId } from '../core/graph/ids'
import { fromWire, toWire, type WireGraph } from './graph-wire'

/** [type index, source, target, weight or null, refs as [line, title, line, title, …] (or 0)?, id?] — strings by index */
type WireDeltaEdge = [number, number, number, number | null, (number[] | 0)?, string?]
/** [type index, source, target] for the usual id, else the id itself */
type WireRemovedEdge = [number, number, number] | string

export interface WireDelta extends Omit<GraphDelta, 'addedEdges' | 'updatedEdges' | 'removedEdges'> {
  /** marks the compact form */
  wire: 'delta'
  strings: string[]
  edgeTypes: EdgeType[]
  addedEdges: WireDeltaEdge[]
  updatedEdges: WireDeltaEdge[]
  removedEdges: WireRemovedEdge[]
}

export interface WireChange extends Omit<GraphChange, 'graph' | 'delta'> {
  graph?: WireGraph
  delta?: WireDelta
}

export function isWireDelta(x: unknown): x is WireDelta {
  return typeof x === 'object' && x !== null && (x as { wire?: unknown }).wire === 'delta' && Array.isArray((x as { strings?: unknown }).strings)
}

export function toWireDelta(d: GraphDelta): WireDelta {
  const strings: string[] = []
  const stringIndex = new Map<string, number>()
  const str = (s: string): number => {
    let i = stringIndex.get(s)
    if (i === undefined) { i = strings.push(s) - 1; stringIndex.set(s, i) }
    return i
  }
  const edgeTypes: EdgeType[] = []
  const type = (t: EdgeType): number => {
    const i = edgeTypes.indexOf(t)
    return i >= 0 ? i : edgeTypes.push(t) - 1
  }
  const edge = (e: GraphEdge): WireDeltaEdge => {
    const w: WireDeltaEdge = [type(e.type), str(e.source), str(e.target), e.weight ?? null]
    const customId = e.id !== edgeId(e.type, e.source, e.target)
    if (e.refs || customId) w.push(e.refs ? e.refs.flatMap((r) => [r.line, str(r.section)]) : 0)
    if (customId) w.push(e.id)
    return w
  }
  const removed = (id: string): WireRemovedEdge => {
    // `${type}:${source}->${target}`: split it back and check, ids that do not fit go as they are
    const colon = id.indexOf(':')
    const arrow = id.indexOf('->', colon)
    if (colon < 0 || arrow < 0) return id
    const t = id.slice(0, colon) as EdgeType
    const s = id.slice(colon + 1, arrow)
    const d2 = id.slice(arrow + 2)
    if (id.indexOf('->', arrow + 2) >= 0 || edgeId(t, s, d2) !== id) return id
    return [type(t), str(s), str(d2)]
  }
  const { addedEdges, updatedEdges, removedEdges, ...rest } = d
  return { ...rest, wire: 'delta', strings, edgeTypes, addedEdges: addedEdges.map(edge), updatedEdges: updatedEdges.map(edge), removedEdges: removedEdges.map(removed) }
}

export function fromWireDelta(w: WireDelta): GraphDelta {
  const { wire: _wire, strings, edgeTypes, addedEdges, updatedEdges, removedEdges, ...rest } = w
  const edge = ([t, s, d, weight, refs, id]: WireDeltaEdge): GraphEdge => {
    const type = edgeTypes[t]
    const source = strings[s]
    const target = strings[d]
    const e: GraphEdge = { id: id ?? edgeId(type, source, target), source, target, type }
    if (weight !== null) e.weight = weight
    if (refs) {
      const list: EdgeMentionRef[] = []
      for (let i = 0; i + 1 < refs.length; i += 2) list.push({ line: refs[i], section: strings[refs[i + 1]] })
      e.refs = list
    }
    return e
  }
  const removed = (r: WireRemovedEdge): string => (typeof r === 'string' ? r : edgeId(edgeTypes[r[0]], strings[r[1]], strings[r[2]]))
  return { ...rest, addedEdges: addedEdges.map(edge), updatedEdges: updatedEdges.map(edge), removedEdges: removedEdges.map(removed) }
}

/** A change as the event stream sends it: the graph or the delta in compact form. */
export function toWireChange(c: GraphChange): WireChange {
  const { graph, delta, ...rest } = c
  const out: WireChange = { ...rest }
  if (graph) out.graph = toWire(graph)
  if (delta) out.delta = toWireDelta(delta)
  return out
}

/** The change back as plain objects; parts not in compact form pass through unchanged. */
export function fromWireChange(w: WireChange | GraphChange): GraphChange {
  const { graph, delta, ...rest } = w
  const out: GraphChange = { ...rest }
  if (graph) out.graph = fromWire(graph) as GraphChange['graph']
  if (delta) out.delta = isWireDelta(delta) ? fromWireDelta(delta) : (delta as GraphDelta)
  return out
}
