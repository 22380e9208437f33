// The views of the graph: which nodes and edges each one shows, and how it groups them for the packed
// layout. overview = domains and notes as the skeleton, services and concepts around the group whose
// notes mention them most; services = services only, by AWS category; notes = domains → notes → what
// each note covers; all = everything.
import type { Graph, GraphEdge, GraphNode } from '../../../electron/core/types'
import { serviceMapSize, shownOnCanvas } from './elements'
import type { PackItem } from './packLayout'

export type ViewName = 'overview' | 'services' | 'notes' | 'all'
export const VIEW_NAMES: ViewName[] = ['overview', 'services', 'notes', 'all']

export interface ViewSpec {
  /** nodes the view shows (null: all) */
  nodes: Set<string> | null
  /** edges the view shows (null: all between shown nodes) */
  edges: Set<string> | null
  items: PackItem[]
  groupOrder: string[]
  /** packing options for this view */
  pack?: { gap?: number; cell?: number; squash?: number; groupGap?: number; shelf?: boolean }
}

/**
 * The group a note belongs to: its domain, else its top folder, else one group for all. Works on notes
 * that have no domains at all (a plain folder of notes).
 */
export function noteGroup(n: GraphNode): string {
  if (n.domain) return n.domain
  const path = n.path ?? n.id.replace(/^note:/, '')
  const slash = path.indexOf('/')
  return slash > 0 ? path.slice(0, slash) : 'notes'
}

/** For each service/concept/tag: the note that mentions it most, and that note's group. */
export function homes(graph: Graph): { note: Map<string, string>; group: Map<string, string> } {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]))
  const best = new Map<string, { note: string; w: number }>()
  const groupVotes = new Map<string, Map<string, number>>()
  for (const e of graph.edges) {
    if (e.type !== 'mentions' && e.type !== 'tagged') continue
    const s = byId.get(e.source)
    const t = byId.get(e.target)
    if (!s || !t) continue
    const [note, other] = s.type === 'note' ? [s, t] : t.type === 'note' ? [t, s] : [undefined, undefined]
    if (!note || !other || other.type === 'note' || other.type === 'domain') continue
    const w = e.weight ?? 1
    const b = best.get(other.id)
    if (!b || w > b.w || (w === b.w && note.id < b.note)) best.set(other.id, { note: note.id, w })
    const g = noteGroup(note)
    const votes = groupVotes.get(other.id) ?? new Map<string, number>()
    votes.set(g, (votes.get(g) ?? 0) + w)
    groupVotes.set(other.id, votes)
  }
  const group = new Map<string, string>()
  for (const n of graph.nodes) if (n.type === 'note' || n.type === 'domain') group.set(n.id, n.type === 'note' ? noteGroup(n) : n.domain ?? n.id)
  for (const [id, votes] of groupVotes) {
    let top = ''
    let w = -1
    for (const [g, v] of [...votes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (v > w) { top = g; w = v }
    group.set(id, top)
  }
  // a feature with no notes of its own sits with its parent service
  for (const e of graph.edges) if (e.type === 'part-of' && !group.has(e.source) && group.has(e.target)) group.set(e.source, group.get(e.target)!)
  return { note: new Map([...best].map(([id, b]) => [id, b.note])), group }
}

/** Importance for labels and placement: connections on the canvas, domains and notes first among equals. */
export function importance(graph: Graph): Map<string, number> {
  const score = new Map<string, number>()
  for (const e of graph.edges) {
    if (!shownOnCanvas(e)) continue
    const w = e.type === 'related' ? 0.25 : 1
    score.set(e.source, (score.get(e.source) ?? 0) + w)
    score.set(e.target, (score.get(e.target) ?? 0) + w)
  }
  const boost: Record<GraphNode['type'], number> = { domain: 1e6, note: 1.2, service: 1.5, concept: 1, tag: 0.5 }
  const out = new Map<string, number>()
  for (const n of graph.nodes) out.set(n.id, (score.get(n.id) ?? 0) * boost[n.type] + (n.type === 'domain' ? 1e6 : 0))
  return out
}

const TYPE_RANK: Record<GraphNode['type'], number> = { domain: 0, note: 1, service: 2, concept: 3, tag: 4 }

/** Model font of the services map's labels (they scale with zoom there, and the layout keeps room for them). */
export const SERVICE_LABEL_FONT = 15

export function viewSpec(view: ViewName, graph: Graph, sizes: Map<string, number>, measure: (text: string) => number = (t) => t.length * 0.6): ViewSpec {
  const imp = importance(graph)
  const h = homes(graph)
  const size = (id: string) => sizes.get(id) ?? 16
  // rank within a group: type first (skeleton in the middle), then importance
  const maxImp = Math.max(1, ...[...imp.values()].filter((v) => v < 1e6))
  const rank = (n: GraphNode) => TYPE_RANK[n.type] * 10 + (1 - Math.min(1, (imp.get(n.id) ?? 0) / maxImp)) * 9
  const groupsOrder = (ids: string[]) => [...new Set(ids)].sort()
  if (view === 'services') {
    const nodes = graph.nodes.filter((n) => n.type === 'service')
    const items = nodes.map((n) => {
      const bare = n.label.replace(/^(Amazon|AWS)\s+/, '')
      const text = bare.length > 24 ? `${bare.slice(0, 23)}…` : bare
      const s = serviceMapSize(size(n.id))
      // + the label's outline and the label rule's padding (fixed on screen: ≈ 8 px, room for it down to zoom ½)
      const footprint = { width: Math.max(s, measure(text) * SERVICE_LABEL_FONT + 14), height: s + SERVICE_LABEL_FONT * 1.3 + 8 }
      return { id: n.id, size: s, group: n.category ?? 'Other', rank: 1 - (imp.get(n.id) ?? 0) / maxImp, footprint }
    })
    // footprints are wide and short: fill rows less eagerly, keep little room between them
    return { nodes: new Set(nodes.map((n) => n.id)), edges: new Set(), items, groupOrder: [], pack: { gap: 4, shelf: true, groupGap: 48 } }
  }
  if (view === 'notes') {
    // a group per note: the note, then what it covers (the entities it mentions most), under its domain's group
    const nodes = graph.nodes.filter((n) => n.type !== 'tag')
    const domainOf = new Map<string, string>()
    for (const n of nodes) if (n.type === 'note') domainOf.set(n.id, noteGroup(n))
    const items: PackItem[] = []
    const edges = new Set<string>()
    const shown = new Set<string>()
    for (const n of nodes) {
      const note = n.type === 'note' ? n.id : h.note.get(n.id)
      if (n.type === 'domain') items.push({ id: n.id, size: size(n.id), group: `${n.domain ?? n.id}`, rank: -1 })
      else if (note) items.push({ id: n.id, size: size(n.id), group: `${domainOf.get(note)}|${note}`, rank: n.type === 'note' ? -1 : rank(n) })
      else continue
      shown.add(n.id)
    }
    for (const e of graph.edges) {
      if (e.type === 'contains' || e.type === 'part-of') edges.add(e.id)
      else if (e.type === 'mentions' && (h.note.get(e.target) === e.source || h.note.get(e.source) === e.target)) edges.add(e.id)
    }
    // domain first, then its notes in path order
    const order = groupsOrder(items.map((i) => i.group))
    return { nodes: shown, edges, items, groupOrder: order }
  }
  const withTags = view === 'all'
  const nodes = graph.nodes.filter((n) => withTags || n.type !== 'tag')
  const items = nodes.map((n) => ({ id: n.id, size: size(n.id), group: h.group.get(n.id) ?? 'other', rank: rank(n) }))
  const domains = new Set(nodes.filter((n) => n.type === 'domain').map((n) => n.id)) // a set: 10k-node graphs
  const skeleton = (e: GraphEdge) => e.type === 'contains' || e.type === 'part-of' || e.type === 'links-to'
  return {
    nodes: withTags ? null : new Set(nodes.map((n) => n.id)),
    edges: withTags ? null : new Set(graph.edges.filter(skeleton).map((e) => e.id)),
    items,
    groupOrder: groupsOrder(items.filter((i) => domains.has(i.id)).map((i) => i.group)),
  }
}
