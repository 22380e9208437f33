// A change from the host applied to the canvas in place, in one cy.batch: removed elements go, changed data is
// set on the element that is there, added elements come in. Sizes and fonts follow every node's degree, so they
// are recomputed from the new graph (cheap: one pass over the edges, no element objects) and set only where they
// differ. Added nodes are placed next to their placed neighbours (else their group, else the view's centre) on
// a free spot; no existing node moves and no layout runs.
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape'
import type { Graph, GraphDelta, GraphEdge, GraphNode } from '../../../electron/core/types'
import type { Positions } from './graphState'
import { edgeElement, shownOnCanvas } from './elements'
import { CanvasNodeData } from './nodeData'
import { noteGroup } from './views'

export interface DeltaOptions {
  /** big graphs: the top nodes by degree carry the `hub` class */
  hubs: boolean
  /** classes a new node gets besides `hub` (e.g. `bare` on the services map), by node */
  classesFor?: (id: string, type: string) => string[]
  /** the new graph's node by id (the controller keeps this map): spares placeAdded a map of every node */
  nodeOf?: (id: string) => GraphNode | undefined
}

export interface DeltaResult {
  /** nodes added to the canvas, with the place each was given */
  placed: Positions
  /** anything added or removed (not only data changed) */
  topologyChanged: boolean
  /** nodes on the canvas after the delta less before it */
  nodeCountChange: number
}

/**
 * The degree-dependent node data of the graph each core shows (nodeData.ts), kept up to date by the deltas:
 * the next delta then touches only the nodes whose data it changes. Made afresh when the graph shown is another
 * one (a full load or sync came in between); primeDeltas makes it ahead of the first edit.
 */
const nodeData = new WeakMap<Core, { graph: Graph; data: CanvasNodeData }>()

/** Make the node data for the graph a core shows now (an idle moment after a load), so the first delta is cheap. */
export function primeDeltas(cy: Core, graph: Graph): void {
  if (nodeData.get(cy)?.graph !== graph) nodeData.set(cy, { graph, data: CanvasNodeData.of(graph) })
  keptPlaces(cy).spots(new Set()) // the taken spots too (placeAdded)
}

/** Apply `delta` (which turned `prev`, the graph shown, into `next`) to `cy`. */
export function applyDeltaToCore(cy: Core, prev: Graph, next: Graph, delta: GraphDelta, opts: DeltaOptions): DeltaResult {
  // not primed for the graph shown (a delta right after a load, before the idle moment): made for it now, what
  // primeDeltas would have made; then only the nodes the delta changes are touched, as for a primed one
  const known = nodeData.get(cy)
  const data = known?.graph === prev ? known.data : CanvasNodeData.of(prev)
  /** nodes whose data may have changed (null: any node's, the largest degree moved) */
  const changed = data.apply(delta)
  nodeData.set(cy, { graph: next, data })
  const drawn = (e: GraphEdge) => shownOnCanvas(e) && e.source !== e.target && data.has(e.source) && data.has(e.target)
  const maxDeg = data.maxDegree()
  const added: string[] = []
  let topologyChanged = false
  let nodesRemoved = 0

  // removals go in one remove() per step: each call walks every element left in the graph (Cytoscape checks
  // whether any is a compound parent), so one call per element made a batch of a cold open's thousands of
  // replaced edges quadratic (13 s of the page's main thread over a 1,000-note folder)
  const removeAll = (ids: Iterable<string>): number => {
    const gone = cy.collection()
    for (const id of ids) {
      const el = cy.getElementById(id)
      if (el.nonempty()) gone.merge(el) // in place
    }
    if (gone.empty()) return 0
    const count = gone.length
    gone.remove()
    topologyChanged = true
    return count
  }
  cy.batch(() => {
    nodesRemoved = removeAll(delta.removedNodes)
    removeAll(delta.removedEdges)
    const fresh: ElementDefinition[] = []
    for (const n of delta.addedNodes) {
      const def = data.def(n.id, opts.hubs, maxDeg)
      if (!def || cy.getElementById(n.id).nonempty()) continue
      const classes = [...(def.classes ? [def.classes as string] : []), ...(opts.classesFor?.(n.id, n.type) ?? [])]
      fresh.push({ ...def, ...(classes.length ? { classes: classes.join(' ') } : {}) })
      added.push(n.id)
    }
    // an updated edge may cross the weight threshold of the canvas either way
    const undrawn: string[] = []
    for (const e of [...delta.addedEdges, ...delta.updatedEdges]) {
      const el = cy.getElementById(e.id)
      if (!drawn(e)) {
        if (el.nonempty()) undrawn.push(e.id)
        continue
      }
      const def = edgeElement(e)
      if (el.empty()) fresh.push(def)
      else setChanged(el, def.data)
    }
    removeAll(undrawn)
    // the nodes added here take their spots when placeAdded places them below
    if (fresh.length > 0) { keptPlaces(cy).adding(() => cy.add(fresh)); topologyChanged = true }
    // the degree-dependent data (and labels of renamed nodes) of the nodes the change touched, where it differs
    const update = (id: string) => {
      const n = cy.getElementById(id)
      const def = data.def(id, opts.hubs, maxDeg)
      if (n.empty() || !def) return
      setChanged(n, def.data)
      if (opts.hubs) {
        const hub = def.classes === 'hub'
        if (hub !== n.hasClass('hub')) n.toggleClass('hub', hub)
      }
    }
    if (changed) for (const id of changed) update(id)
    else cy.nodes().forEach((n) => update(n.id()))
  })
  const placed = placeAdded(cy, next, added, opts.nodeOf)
  return { placed, topologyChanged, nodeCountChange: added.length - nodesRemoved }
}

/**
 * Elements whose filter classes a delta may change: what it added or changed, and what entered or left the
 * view (its node and edge sets before and after). Null: the view's sets are not comparable, take everything.
 */
export function changedByDelta(delta: GraphDelta, before: ViewSets | null, after: ViewSets | null): Set<string> | null {
  if (!before || !after) return null
  if ((before.nodes === null) !== (after.nodes === null) || (before.edges === null) !== (after.edges === null)) return null
  const ids = new Set<string>()
  for (const x of [...delta.addedNodes, ...delta.updatedNodes, ...delta.addedEdges, ...delta.updatedEdges]) ids.add(x.id)
  const flipped = (a: Set<string> | null, b: Set<string> | null) => {
    if (!a || !b) return
    for (const id of a) if (!b.has(id)) ids.add(id)
    for (const id of b) if (!a.has(id)) ids.add(id)
  }
  flipped(before.nodes, after.nodes)
  flipped(before.edges, after.edges)
  return ids
}

/** Elements whose filter classes a delta may change, when the view's sets were carried across it (their flips known). */
export function changedIds(delta: GraphDelta, flipped: ReadonlySet<string>): Set<string> {
  const ids = new Set(flipped)
  for (const x of [...delta.addedNodes, ...delta.updatedNodes, ...delta.addedEdges, ...delta.updatedEdges]) ids.add(x.id)
  return ids
}

interface ViewSets { nodes: Set<string> | null; edges: Set<string> | null }

/** True when the core holds no element; read from its own list (cy.nodes() and cy.elements() copy every element). */
export function coreEmpty(cy: Core): boolean {
  const own = (cy as unknown as { mutableElements?: () => { length: number } }).mutableElements
  return typeof own === 'function' ? own.call(cy).length === 0 : cy.elements().empty()
}

/** For the benchmark: how long a step took, on the performance timeline as `notes-graph:<name>`. */
export function measureSince(name: string, start: number): void {
  try { performance.measure(`notes-graph:${name}`, { start }) } catch { /* no timeline */ }
}

/** Set the keys of `data` whose values differ (one data() call per changed key keeps the redraw small). */
function setChanged(el: { data(key: string): unknown; data(obj: Record<string, unknown>): unknown }, data: Record<string, unknown>): void {
  let diff: Record<string, unknown> | null = null
  for (const k in data) {
    if (k === 'id' || k === 'source' || k === 'target') continue
    if (el.data(k) !== data[k]) (diff ??= {})[k] = data[k]
  }
  if (diff) el.data(diff)
}

/**
 * Places for the added nodes: next to their already placed neighbours, else near their group (a note's domain
 * or the notes of its folder), else in the middle of the view; on a spot no node takes. Runs in passes, so a
 * node whose neighbours are all new is placed after them. The taken spots are kept between deltas (KeptPlaces):
 * a delta reads the positions of the nodes it adds, not of every node.
 */
export function placeAdded(cy: Core, graph: Graph, ids: string[], nodeOf?: (id: string) => GraphNode | undefined): Positions {
  const out: Positions = {}
  if (ids.length === 0) return out
  const pending = new Set(ids)
  const places = keptPlaces(cy)
  const occupied = places.spots(pending)
  let byId: Map<string, GraphNode> | undefined // only for a node without placed neighbours, and no lookup given
  const lookup = nodeOf ?? ((id: string) => (byId ??= new Map(graph.nodes.map((n) => [n.id, n]))).get(id))
  const put = (n: NodeSingular, x: number, y: number) => {
    const p = occupied.freeNear(x, y, (Number(n.data('size')) || 16) + 12)
    places.place(n, p)
    out[n.id()] = p
    pending.delete(n.id())
  }
  const groupAnchor = (id: string): { x: number; y: number } | undefined => {
    const node = lookup(id)
    if (!node) return undefined
    const candidates = node.type === 'note'
      ? [node.domain ? `domain:${node.domain}` : '', ...graph.nodes.filter((m) => m.type === 'note' && m.id !== id && noteGroup(m) === noteGroup(node)).slice(0, 8).map((m) => m.id)]
      : []
    for (const c of candidates) {
      const el = c ? cy.getElementById(c) : null
      if (el && el.nonempty() && !pending.has(c)) return el.position()
    }
    return undefined
  }
  cy.batch(() => {
    while (pending.size > 0) {
      let progress = 0
      for (const id of [...pending]) {
        const n = cy.getElementById(id) as unknown as NodeSingular
        if (n.empty()) { pending.delete(id); continue }
        const anchors = n.neighborhood().nodes().filter((m: NodeSingular) => !pending.has(m.id()))
        if (anchors.length === 0) continue
        let x = 0
        let y = 0
        anchors.forEach((m) => { x += m.position('x'); y += m.position('y') })
        put(n, x / anchors.length, y / anchors.length)
        progress++
      }
      if (progress > 0) continue
      // no placed neighbour: the group, else the middle of what is on screen
      const ext = cy.extent()
      for (const id of [...pending]) {
        const n = cy.getElementById(id) as unknown as NodeSingular
        const a = groupAnchor(id) ?? { x: ext.x1 + ext.w / 2, y: ext.y1 + ext.h / 2 }
        put(n, a.x, a.y)
        break // one at a time: its new neighbours can anchor on it
      }
    }
  })
  return out
}

/**
 * The spots the nodes of a core take, kept up to date by its events: a removed node frees its spot, a node placed
 * here takes one; anything else that moves or adds nodes (a layout, a drag, a full sync) makes the spots stale,
 * and the next placement reads every node's position again (what each placement did before).
 */
class KeptPlaces {
  private grid: Occupancy | null = null
  /** a delta adding or placing nodes: they take their spots through place() */
  private own = false

  constructor(private readonly cy: Core) {
    cy.on('position add', 'node', () => { if (!this.own) this.grid = null })
    cy.on('remove', 'node', (e) => { this.grid?.remove((e.target as NodeSingular).id()) })
  }

  /** Read every node's position again at the next placement. */
  reset(): void { this.grid = null }

  /** The taken spots (the nodes in `pending` left out: they are about to be placed). */
  spots(pending: ReadonlySet<string>): Occupancy {
    const cy = this.cy
    if (!this.grid) {
      this.grid = new Occupancy(48)
      const grid = this.grid
      cy.nodes().forEach((n) => { if (!pending.has(n.id())) grid.add(n.id(), n.position('x'), n.position('y')) })
    } else for (const id of pending) this.grid.remove(id)
    return this.grid
  }

  /** Move `n` to `p` and take its spot. */
  place(n: NodeSingular, p: { x: number; y: number }): void {
    this.adding(() => n.position(p))
    this.grid?.add(n.id(), p.x, p.y)
  }

  /** Add nodes that placeAdded is about to place (their spots are taken then). */
  adding(fn: () => void): void {
    this.own = true
    try { fn() } finally { this.own = false }
  }
}

const kept = new WeakMap<Core, KeptPlaces>()
function keptPlaces(cy: Core): KeptPlaces {
  let k = kept.get(cy)
  if (!k) { k = new KeptPlaces(cy); kept.set(cy, k) }
  return k
}

/** For tests: forget a core's kept spots, so the next placement reads every node's position (the reference). */
export function forgetPlaces(cy: Core): void {
  kept.get(cy)?.reset()
}

/** Taken spots on a grid of cells; a new node goes to the nearest cell ring around the wanted point that is free. */
class Occupancy {
  private readonly cells = new Map<string, Map<string, [number, number]>>()
  private readonly cellOf = new Map<string, string>()
  constructor(private readonly cell: number) {}
  private key(cx: number, cy: number): string { return `${cx},${cy}` }
  add(id: string, x: number, y: number): void {
    this.remove(id)
    const k = this.key(Math.floor(x / this.cell), Math.floor(y / this.cell))
    let list = this.cells.get(k)
    if (!list) this.cells.set(k, (list = new Map()))
    list.set(id, [x, y])
    this.cellOf.set(id, k)
  }
  remove(id: string): void {
    const k = this.cellOf.get(id)
    if (k === undefined) return
    this.cellOf.delete(id)
    const list = this.cells.get(k)
    list?.delete(id)
    if (list?.size === 0) this.cells.delete(k)
  }
  private free(x: number, y: number, gap: number): boolean {
    const cx = Math.floor(x / this.cell)
    const cy = Math.floor(y / this.cell)
    const r = Math.ceil(gap / this.cell)
    for (let i = cx - r; i <= cx + r; i++) {
      for (let j = cy - r; j <= cy + r; j++) {
        const list = this.cells.get(this.key(i, j))
        if (list) for (const [px, py] of list.values()) if (Math.hypot(px - x, py - y) < gap) return false
      }
    }
    return true
  }
  /** The first free point on a spiral around (x, y) (deterministic: the same change places the same way). */
  freeNear(x: number, y: number, gap: number): { x: number; y: number } {
    for (let k = 1; k < 4000; k++) {
      const angle = k * 2.399963 // golden angle: the points fill the disc evenly
      const r = gap * 0.9 * Math.sqrt(k)
      const px = Math.round((x + r * Math.cos(angle)) * 10) / 10
      const py = Math.round((y + r * Math.sin(angle)) * 10) / 10
      if (this.free(px, py, gap)) return { x: px, y: py }
    }
    return { x, y }
  }
}
