// The views of the graph: which nodes and edges each one shows, and how it groups them for the packed
// layout. overview = domains and notes as the skeleton, services and concepts around the group whose
// notes mention them most; services = services only, by AWS category; notes = domains → notes → what
// each note covers; all = everything.
import type { Graph, GraphEdge, GraphNode } from '../../../electron/core/types'
import { serviceMapSize, shownOnCanvas } from './elements'
import { serviceMapLabel } from './serviceLabel'
import type { PackItem } from './packLayout'
import { byPath } from '../../../electron/core/numeric-order'

export type ViewName = 'overview' | 'services' | 'notes' | 'all'
export const VIEW_NAMES: ViewName[] = ['overview', 'services', 'notes', 'all']

export interface ViewSpec {
  /** nodes the view shows (null: all) */
  nodes: Set<string> | null
  /** edges the view shows (null: all between shown nodes) */
  edges: Set<string> | null
  items: PackItem[]
  groupOrder: string[]
  /** edges the view leaves out that its local graph draws (where a group caption stands for them) */
  localEdges?: Set<string>
  /** the label each node carries in this view, where it differs from the default (the services map's names) */
  labels?: Map<string, string>
  /** packing options for this view */
  pack?: { gap?: number; cell?: number; squash?: number; groupGap?: number; shelf?: boolean; columns?: boolean }
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

/** one map per graph: the view's placement and the label rule both ask for it on every new graph */
const importanceOf = new WeakMap<Graph, ReadonlyMap<string, number>>()

/** Importance for labels and placement: connections on the canvas, domains and notes first among equals. */
export function importance(graph: Graph): ReadonlyMap<string, number> {
  let known = importanceOf.get(graph)
  if (!known) importanceOf.set(graph, (known = computeImportance(graph)))
  return known
}

function computeImportance(graph: Graph): Map<string, number> {
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
export const SERVICE_LABEL_FONT = 18
/** Gap between a service and its label on the services map (model units; text-margin-x in style.ts). */
export const SERVICE_LABEL_GAP = 3
/** Free space between two footprints on the services map (model units). */
const SERVICE_GAP = 2

/**
 * Room for a service and its name beside it (the label right of the node, vertically centred): the label's
 * box as Cytoscape measures it (the text, one font size high, and its 2-unit outline and 2-unit margin of
 * error each side) and a little room for the label rule's padding.
 */
export function serviceFootprint(size: number, textWidth: number): { width: number; height: number; anchor: 'left' } {
  const box = 2 * (2 + 2)
  const pad = 4
  return { width: size + SERVICE_LABEL_GAP + textWidth * SERVICE_LABEL_FONT + box + pad, height: Math.max(size, SERVICE_LABEL_FONT + box + pad), anchor: 'left' }
}

/** A service with at least this many features on the map gets a group of its own, named after it. */
export const FAMILY_MIN = 4

/**
 * The services map's groups and names: the AWS category, except that a service with FAMILY_MIN or more
 * features gets a group of its own (SageMaker AI, Bedrock, Glue…) whose features drop the family's name
 * (SageMaker Model Monitor → Model Monitor), since the group's caption says it.
 */
export function serviceFamilies(services: GraphNode[]): { group: Map<string, string>; label: Map<string, string> } {
  const byId = new Map(services.map((n) => [n.id, n]))
  const children = new Map<string, GraphNode[]>()
  for (const n of services) {
    if (!n.parent || !byId.has(n.parent)) continue
    const list = children.get(n.parent) ?? []
    list.push(n)
    children.set(n.parent, list)
  }
  const group = new Map<string, string>()
  const label = new Map<string, string>()
  for (const n of services) {
    group.set(n.id, n.category ?? 'Other')
    label.set(n.id, serviceMapLabel(n))
  }
  for (const [parentId, kids] of children) {
    if (kids.length < FAMILY_MIN) continue
    const parent = byId.get(parentId)!
    const name = serviceMapLabel(parent, 40)
    const first = name.split(' ')[0]
    group.set(parentId, name)
    for (const k of kids) {
      group.set(k.id, name)
      const bare = k.label.replace(/^(Amazon|AWS)\s+/, '')
      const prefix = bare.startsWith(`${name} `) ? name : bare.startsWith(`${first} `) ? first : ''
      const rest = bare.slice(prefix.length + 1)
      if (prefix) label.set(k.id, serviceMapLabel({ label: rest[0].toUpperCase() + rest.slice(1), aliases: k.aliases }))
    }
  }
  return { group, label }
}

export function viewSpec(view: ViewName, graph: Graph, sizes: Map<string, number>, measure: (text: string) => number = (t) => t.length * 0.6): ViewSpec {
  const imp = importance(graph)
  const h = homes(graph)
  const size = (id: string) => sizes.get(id) ?? 16
  // rank within a group: type first (skeleton in the middle), then importance
  const maxImp = Math.max(1, ...[...imp.values()].filter((v) => v < 1e6))
  const rank = (n: GraphNode) => TYPE_RANK[n.type] * 10 + (1 - Math.min(1, (imp.get(n.id) ?? 0) / maxImp)) * 9
  // numbered notes in their order: 1.2 before 1.10 (a plain sort put 1.10 and 1.11 before 1.1)
  const groupsOrder = (ids: string[]) => byPath(new Set(ids), (id) => id)
  if (view === 'services') {
    const nodes = graph.nodes.filter((n) => n.type === 'service')
    const { group, label } = serviceFamilies(nodes)
    const items = nodes.map((n) => {
      const s = serviceMapSize(size(n.id))
      return { id: n.id, size: s, group: group.get(n.id)!, rank: 1 - (imp.get(n.id) ?? 0) / maxImp, footprint: serviceFootprint(s, measure(label.get(n.id)!)) }
    })
    // rows like a list under each caption: the footprints are wide and flat, little room between them
    return { nodes: new Set(nodes.map((n) => n.id)), edges: new Set(), items, groupOrder: [], pack: { gap: SERVICE_GAP, shelf: true, columns: true, groupGap: 34 }, labels: label }
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

/** At most this many groups get a caption on the overview (a folder of many top folders gets none). */
export const MAX_CAPTIONS = 12

/** `node`: the domain whose whole title the caption gives (its own label can then be short) */
export interface GroupCaption { id: string; text: string; x1: number; y1: number; x2: number; centred?: boolean; node?: string }

/** A domain's short name, "Domain 1" of "Domain 1: Data Preparation for…", for where a caption gives the rest. */
export function shortDomainName(label: string): string {
  const i = label.indexOf(':')
  return i > 0 && i <= 24 ? label.slice(0, i) : label
}

/**
 * The domains the overview's captions name (group id → domain node id): each group that is a domain's gets
 * its title as caption, when there are between 2 and MAX_CAPTIONS groups.
 */
export function captionedDomains(spec: ViewSpec, graph: Graph): Map<string, string> {
  const groups = new Set(spec.items.map((i) => i.group))
  const out = new Map<string, string>()
  if (groups.size < 2 || groups.size > MAX_CAPTIONS) return out
  for (const n of graph.nodes) if (n.type === 'domain' && groups.has(n.domain ?? n.id)) out.set(n.domain ?? n.id, n.id)
  return out
}

/**
 * Captions over the overview's groups, model space: each group named by its domain's title (or its folder),
 * centred over the group's nodes as they are placed now.
 */
export function overviewCaptions(spec: ViewSpec, graph: Graph, position: (id: string) => { x: number; y: number } | undefined): GroupCaption[] {
  const boxes = new Map<string, { x1: number; y1: number; x2: number }>()
  for (const it of spec.items) {
    const p = position(it.id)
    if (!p) continue
    const b = boxes.get(it.group) ?? { x1: Infinity, y1: Infinity, x2: -Infinity }
    b.x1 = Math.min(b.x1, p.x - it.size / 2)
    b.y1 = Math.min(b.y1, p.y - it.size / 2)
    b.x2 = Math.max(b.x2, p.x + it.size / 2)
    boxes.set(it.group, b)
  }
  if (boxes.size < 2 || boxes.size > MAX_CAPTIONS) return []
  const domain = captionedDomains(spec, graph)
  const title = new Map<string, string>()
  for (const n of graph.nodes) if (n.type === 'domain') title.set(n.domain ?? n.id, n.label)
  return [...boxes].map(([id, b]) => ({ id, text: title.get(id) ?? id, ...b, centred: true, ...(domain.has(id) ? { node: domain.get(id) } : {}) }))
}
