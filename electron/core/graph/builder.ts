// Incremental graph builder: keeps each note's contribution plus reference counts, so replacing or
// removing one note costs O(that note) and only the touched nodes/edges get new objects.
import type { Diagnostic, EdgeMentionRef, EdgeType, Graph, GraphDelta, GraphEdge, GraphNode, NoteMeta } from '../types'
import type { Ontology } from '../ontology/types'
import { domainLabel } from '../exams'
import { domainId, edgeId, isEntityId, noteId, tagId } from './ids'
import { Slots } from './slots'
import { deltaFromBase } from './delta'

/** Most refs kept on one mentions edge. */
export const MAX_REFS = 50

// one shape for the builder's net changes and the change events (types.ts)
export type { GraphDelta } from '../types'

interface EntityUse {
  count: number
  refs: EdgeMentionRef[]
}

/** What one note adds to the graph; subtracted again when the note changes or goes. */
interface Contribution {
  meta: NoteMeta
  entities: Map<string, EntityUse>
  /** mentioned entities plus their ancestors (a feature brings its parent service) */
  covered: string[]
  /**
   * related pair keys (see pairKey), one per section mentioning both ends, so a key's repeats are its weight;
   * a typed array because notes hold hundreds of them
   */
  pairs: Int32Array
  tags: Set<string>
  /** resolved target path → number of links */
  links: Map<string, number>
  /**
   * its contains, mentions and tagged edges, made as the note arrived during a first build (opts.edgesAsNotesArrive)
   * so the materialization after the last note has less to do; dropped once materialized
   */
  edges?: GraphEdge[]
}

/**
 * Told of every node and edge the materialization changes (before → after, undefined = absent), after the
 * graph is consistent again; `reset` instead of single changes when everything was built at once.
 */
export interface GraphListener {
  node(id: string, before: GraphNode | undefined, after: GraphNode | undefined): void
  edge(id: string, before: GraphEdge | undefined, after: GraphEdge | undefined): void
  reset(): void
}

interface EdgeKey {
  type: EdgeType
  source: string
  target: string
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const v = (map.get(key) ?? 0) + by
  if (v > 0) map.set(key, v)
  else map.delete(key)
}

function sameRefs(a: EdgeMentionRef[] | undefined, b: EdgeMentionRef[] | undefined): boolean {
  if (a === b) return true
  if (!a || !b || a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i].line !== b[i].line || a[i].section !== b[i].section) return false
  return true
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const validList = <T>(list: unknown, ok: (x: Record<string, unknown>) => boolean): T[] => {
  if (!Array.isArray(list)) return []
  return list.every((x) => isObj(x) && ok(x)) ? (list as T[]) : (list.filter((x) => isObj(x) && ok(x)) as T[])
}

/**
 * Key of the unordered pair of entity numbers a ≠ b: the position of (min, max) in a triangular table. It does
 * not depend on the entity count, so keys stay valid as entities are added, and n entities need keys < n²/2.
 */
function pairKey(a: number, b: number): number {
  return a < b ? (b * (b - 1)) / 2 + a : (a * (a - 1)) / 2 + b
}

/** The two entity numbers of a pair key, smaller first. */
function pairOf(key: number): [number, number] {
  let hi = Math.floor((1 + Math.sqrt(1 + 8 * key)) / 2)
  while ((hi * (hi - 1)) / 2 > key) hi-- // guard the float sqrt at large keys
  while (((hi + 1) * hi) / 2 <= key) hi++
  return [key - (hi * (hi - 1)) / 2, hi]
}

const byNumber = (a: number, b: number): number => a - b

/** A note's contains, mentions and tagged edges, in that order: they depend on nothing but the note. */
function noteEdges(c: Contribution): GraphEdge[] {
  const nid = noteId(c.meta.path)
  const out: GraphEdge[] = []
  if (c.meta.domain) {
    const did = domainId(c.meta.domain)
    out.push({ id: edgeId('contains', did, nid), source: did, target: nid, type: 'contains' })
  }
  for (const [e, use] of c.entities) {
    out.push({ id: edgeId('mentions', nid, e), source: nid, target: e, type: 'mentions', weight: use.count, refs: use.refs })
  }
  for (const t of c.tags) {
    const tid = tagId(t)
    out.push({ id: edgeId('tagged', nid, tid), source: nid, target: tid, type: 'tagged' })
  }
  return out
}

/** Partial or damaged metadata (say, from an old persisted index) loses the bad entries, never crashes. */
function sanitize(meta: NoteMeta): NoteMeta {
  return {
    ...meta,
    title: typeof meta.title === 'string' ? meta.title : '',
    sections: validList(meta.sections, (s) => typeof s.id === 'string' && typeof s.title === 'string'),
    mentions: validList(meta.mentions, (m) => typeof m.entity === 'string' && typeof m.line === 'number' && typeof m.section === 'string'),
    links: validList(meta.links, (l) => l.resolved === undefined || typeof l.resolved === 'string'),
    tags: Array.isArray(meta.tags) ? meta.tags.filter((t): t is string => typeof t === 'string' && t.length > 0) : [],
  }
}

const sameNode = (a: GraphNode, b: GraphNode): boolean =>
  a.type === b.type && a.label === b.label && a.path === b.path && a.domain === b.domain &&
  a.category === b.category && a.parent === b.parent && a.aliases === b.aliases && a.noteCount === b.noteCount

const sameEdge = (a: GraphEdge, b: GraphEdge): boolean =>
  a.source === b.source && a.target === b.target && a.type === b.type && a.weight === b.weight && sameRefs(a.refs, b.refs)

export class GraphBuilder {
  private readonly contributions = new Map<string, Contribution>()
  /** entity → notes mentioning it directly */
  private readonly mentionIndex = new Map<string, Set<string>>()
  /** entity → notes mentioning it or one of its features (node exists while > 0) */
  private readonly presence = new Map<string, number>()
  /**
   * related pair key → sections mentioning both ends, over all notes. Indexed by key, so each of the hundreds
   * of pairs per note is an array access, not a lookup; costs 2n² bytes for n entities (1 MB at 700).
   */
  private relatedWeight: Int32Array
  /** reused buffer for one note's pair keys */
  private pairBuffer = new Int32Array(1024)
  private readonly tagCount = new Map<string, number>()
  private readonly domainCount = new Map<string, number>()
  /** target path → notes linking to it, so links-to edges appear/disappear with their target */
  private readonly incoming = new Map<string, Set<string>>()

  // patched in place (replaced items keep their place, new ones go last), so graph() is an array copy
  private readonly nodes = new Slots<GraphNode>()
  private readonly edges = new Slots<GraphEdge>()
  private readonly listeners = new Set<GraphListener>()
  private readonly touchedNodes = new Set<string>()
  /** edge id → its ends; a number key is a related pair (see pairKey), ends decoded from it */
  private readonly touchedEdges = new Map<string | number, EdgeKey | undefined>()
  private nodeBase = new Map<string, GraphNode | undefined>()
  private edgeBase = new Map<string, GraphEdge | undefined>()
  private readonly ancestorCache = new Map<string, string[]>()
  private readonly aliasCache = new Map<string, string[]>()
  /**
   * Entities get small numbers so the hundreds of related pairs per note are integer keys, not strings.
   * Ontology entities are numbered in id order, so sorting their numbers sorts their ids.
   */
  private readonly entityNumber = new Map<string, number>()
  private readonly entityIds: string[] = []
  private readonly entityIsConcept: boolean[] = []
  /** numbers below this are in id order (the ontology's entities) */
  private readonly orderedCount: number
  /**
   * entities numbered from here on get no related edges: keeps relatedWeight bounded (32 MB at 4096) when damaged
   * metadata brings thousands of ids the ontology does not know
   */
  private readonly pairedCount: number
  /** true while the delta base is "empty graph": everything present counts as added, nothing to record */
  private baseEmpty = true
  private diagnostics: Diagnostic[] = []
  private cached: Graph | undefined
  /** the arrays of the last graph(), each kept until its own kind changes (a 456k-edge copy costs ≈ 12 ms) */
  private nodeArray: GraphNode[] | undefined
  private edgeArray: GraphEdge[] | undefined
  private _version = 0
  private _notesVersion = 0
  /** counts changed since the last materialization */
  private dirty = false
  /** the pending changes started from an empty builder: skip touch tracking, materialize everything at once */
  private rebuildAll = false
  /**
   * related edges made as notes arrive during a first build (opts.edgesAsNotesArrive), in order of first appearance,
   * their weights set when materialized; `replaced` when a note was set again or removed meanwhile (then the order
   * of first appearance over the notes may differ, and materializeAll makes them itself)
   */
  private early: { keys: number[]; edges: GraphEdge[]; made: Uint8Array; replaced: boolean } | undefined

  /**
   * @param opts.deferEdgeIndex the first build leaves its edges unindexed by id until an edge is looked up (see
   * Slots.appendUnindexed): for a one-shot build read as a whole (the command line), or a host's cold build that
   * calls indexEdges() once the graph is served
   * @param opts.edgesAsNotesArrive during a first build (from empty), each note's own edges are made when it is set,
   * while workers still parse, instead of all of them after the last note
   */
  constructor(readonly ontology: Ontology, private readonly opts: { deferEdgeIndex?: boolean; edgesAsNotesArrive?: boolean } = {}) {
    const ids = [...ontology.byId.keys()].filter(isEntityId).sort()
    this.relatedWeight = new Int32Array(pairKey(0, ids.length)) // the number of pairs of ids.length entities
    this.pairedCount = Math.max(ids.length, 4096)
    for (const id of ids) this.numberOf(id)
    this.orderedCount = ids.length
  }

  /** Increases whenever graph() would return a different object. */
  get version(): number {
    this.materialize()
    return this._version
  }

  /** Increases on every setNote/removeNote, even when the graph itself does not change. */
  get notesVersion(): number {
    return this._notesVersion
  }

  get noteCount(): number {
    return this.contributions.size
  }

  /**
   * Add or replace one note: O(that note). The graph is materialized lazily by the next graph(),
   * takeDelta() or version, so a loop of setNote calls costs one materialization.
   */
  setNote(meta: NoteMeta): void {
    this.beginChange()
    const old = this.contributions.get(meta.path)
    if (old) this.apply(old, -1)
    const c = this.contribution(meta)
    if (this.rebuildAll && this.opts.edgesAsNotesArrive) this.makeEarly(c, old !== undefined)
    this.contributions.set(meta.path, c)
    this.apply(c, 1)
  }

  setNotes(metas: Iterable<NoteMeta>): void {
    for (const m of metas) this.setNote(m)
  }

  /** Remove one note; returns false when it was not there. */
  removeNote(path: string): boolean {
    const old = this.contributions.get(path)
    if (!old) return false
    this.beginChange()
    if (this.early) this.early.replaced = true
    this.apply(old, -1)
    this.contributions.delete(path)
    return true
  }

  clear(): void {
    for (const path of [...this.contributions.keys()]) this.removeNote(path)
  }

  private beginChange(): void {
    if (!this.dirty) {
      this.dirty = true
      // From empty, building everything in one pass beats tracking every touched id.
      this.rebuildAll = this.contributions.size === 0 && this.nodes.size === 0
      this.early = undefined
    }
    this._notesVersion++
  }

  private materialize(): void {
    if (!this.dirty) return
    if (this.rebuildAll) this.materializeAll()
    else this.flush()
    this.dirty = false
    this.rebuildAll = false
  }

  /** Folder-level and parse diagnostics to ship with the graph (the builder does not produce any). */
  setDiagnostics(diagnostics: Diagnostic[]): void {
    this.diagnostics = diagnostics
    this.cached = undefined
    this._version++
  }

  has(path: string): boolean {
    return this.contributions.has(path)
  }

  note(path: string): NoteMeta | undefined {
    return this.contributions.get(path)?.meta
  }

  *notes(): IterableIterator<NoteMeta> {
    for (const c of this.contributions.values()) yield c.meta
  }

  /** Paths of notes that mention the entity directly (not through one of its features). */
  notesMentioning(entity: string): ReadonlySet<string> {
    return this.mentionIndex.get(entity) ?? new Set()
  }

  /** True when some note mentions the entity or one of its features. */
  isCovered(entity: string): boolean {
    return this.presence.has(entity)
  }

  /**
   * The materialized graph; the same object until the next change, never changed afterwards (its arrays are
   * copies). Order: insertion order (not sorted); a changed item keeps its place, a new one goes last.
   */
  graph(): Graph {
    this.materialize()
    if (!this.cached) this.cached = { nodes: this.nodeList(), edges: (this.edgeArray ??= this.edges.toArray()), diagnostics: this.diagnostics }
    return this.cached
  }

  /** graph().nodes, without copying the edges when only they changed (what the display graph needs). */
  nodeList(): GraphNode[] {
    this.materialize()
    return (this.nodeArray ??= this.nodes.toArray())
  }

  /**
   * Index a deferred first build's edges by id now (see opts.deferEdgeIndex): a host calls this in idle time
   * after serving the graph, so its first edit does not pay for it. Cheap when already indexed.
   */
  indexEdges(): void {
    this.materialize()
    this.edges.indexAppended()
  }

  /**
   * What a summary reads of graph() without materializing it: the nodes (new objects, in no particular order) and
   * the number of edges of each type, both computed from the counts (a cold command-line run that prints only
   * its summary then never builds 120k edge objects and their ids).
   */
  summaryParts(): { nodes: GraphNode[]; edgeCounts: Map<EdgeType, number> } {
    const nodes: GraphNode[] = []
    const add = (id: string) => { const n = this.desiredNode(id); if (n) nodes.push(n) }
    const counts = new Map<EdgeType, number>()
    const count = (t: EdgeType, n: number) => { if (n) counts.set(t, (counts.get(t) ?? 0) + n) }
    for (const c of this.contributions.values()) {
      add(noteId(c.meta.path))
      if (c.meta.domain) count('contains', 1)
      count('mentions', c.entities.size)
      count('tagged', c.tags.size)
      let links = 0
      for (const target of c.links.keys()) if (this.contributions.has(target)) links++
      count('links-to', links)
    }
    for (const d of this.domainCount.keys()) add(domainId(d))
    for (const t of this.tagCount.keys()) add(tagId(t))
    let partOf = 0
    for (const e of this.presence.keys()) {
      add(e)
      const parent = this.ontology.byId.get(e)?.parent
      if (parent && this.presence.has(parent)) partOf++
    }
    count('part-of', partOf)
    let related = 0
    const w = this.relatedWeight
    for (let k = 0; k < w.length; k++) if (w[k] > 0) related++
    count('related', related)
    return { nodes, edgeCounts: counts }
  }

  /** graph().edges.length, without copying them. */
  get edgeCount(): number {
    this.materialize()
    return this.edges.size
  }

  /** graph().diagnostics. */
  get graphDiagnostics(): Diagnostic[] {
    return this.diagnostics
  }

  /** The current node or edge with this id (materialized first). */
  nodeById(id: string): GraphNode | undefined {
    this.materialize()
    return this.nodes.get(id)
  }

  edgeById(id: string): GraphEdge | undefined {
    this.materialize()
    return this.edges.get(id)
  }

  /** Be told of each change the materialization makes (see GraphListener); returns the unsubscribe. */
  listen(listener: GraphListener): () => void {
    this.listeners.add(listener)
    return () => { this.listeners.delete(listener) }
  }

  /**
   * The current edges of one type at one node (either end), found through the notes' shares instead of a scan
   * of every edge: what the display graph needs to re-pick one node's strongest edges.
   */
  edgesAt(id: string, type: EdgeType): GraphEdge[] {
    this.materialize()
    const out: GraphEdge[] = []
    const add = (eid: string) => { const e = this.edges.get(eid); if (e) out.push(e) }
    const path = id.startsWith('note:') ? id.slice(5) : undefined
    switch (type) {
      case 'mentions':
        if (path !== undefined) for (const e of this.contributions.get(path)?.entities.keys() ?? []) add(edgeId('mentions', id, e))
        else for (const p of this.mentionIndex.get(id) ?? []) add(edgeId('mentions', noteId(p), id))
        return out
      case 'links-to':
        if (path === undefined) return out
        for (const t of this.contributions.get(path)?.links.keys() ?? []) add(edgeId('links-to', id, noteId(t)))
        for (const src of this.incoming.get(path) ?? []) if (src !== path) add(edgeId('links-to', noteId(src), id))
        return out
      case 'related': {
        const a = this.entityNumber.get(id)
        if (a === undefined || a >= this.pairedCount) return out
        const w = this.relatedWeight
        for (let b = 0; b < this.entityIds.length && b < this.pairedCount; b++) {
          if (b !== a && w[pairKey(a, b)] > 0) add(edgeId('related', id, this.entityIds[b]))
        }
        return out
      }
      default:
        for (const e of this.edges.values()) if (e.type === type && (e.source === id || e.target === id)) out.push(e)
        return out
    }
  }

  /** Net changes since the previous takeDelta() (or since construction). */
  takeDelta(): GraphDelta {
    this.materialize()
    const d: GraphDelta = { addedNodes: [], updatedNodes: [], removedNodes: [], addedEdges: [], updatedEdges: [], removedEdges: [] }
    if (this.baseEmpty) {
      this.baseEmpty = false
      d.addedNodes = this.nodes.toArray()
      d.addedEdges = this.edges.toArray()
      return d
    }
    deltaFromBase(this.nodeBase, (id) => this.nodes.get(id), this.edgeBase, (id) => this.edges.get(id), d)
    this.nodeBase = new Map()
    this.edgeBase = new Map()
    return d
  }

  // ---- contributions ----

  private contribution(meta: NoteMeta): Contribution {
    meta = sanitize(meta)
    const sectionTitle = new Map<string, string>()
    for (const s of meta.sections) sectionTitle.set(s.id, s.title)

    const entities = new Map<string, EntityUse>()
    /** section id → numbers of the entities it mentions, repeats included */
    const bySection = new Map<string, number[]>()
    let section: string | undefined
    let title = ''
    let inSection: number[] = []
    let mentions = meta.mentions
    let sorted = true
    for (let i = 1; i < mentions.length && sorted; i++) {
      const a = mentions[i - 1]
      const b = mentions[i]
      sorted = a.line < b.line || (a.line === b.line && a.column <= b.column)
    }
    if (!sorted) mentions = [...mentions].sort((a, b) => a.line - b.line || a.column - b.column)
    for (const m of mentions) {
      let num = this.entityNumber.get(m.entity)
      if (num === undefined) {
        if (!isEntityId(m.entity)) continue
        num = this.numberOf(m.entity)
      }
      let use = entities.get(m.entity)
      if (!use) entities.set(m.entity, (use = { count: 0, refs: [] }))
      use.count++
      // mentions come in runs of one section: look it up only when the section changes
      if (m.section !== section) {
        section = m.section
        title = sectionTitle.get(section) ?? ''
        const list = bySection.get(section)
        if (list) inSection = list
        else bySection.set(section, (inSection = []))
      }
      if (use.refs.length < MAX_REFS) use.refs.push({ line: m.line, section: title })
      inSection.push(num)
    }

    const covered = new Set<string>()
    for (const e of entities.keys()) {
      covered.add(e)
      for (const a of this.ancestors(e)) covered.add(a)
    }

    let pairs = this.pairBuffer
    let n = 0
    const isConcept = this.entityIsConcept
    for (const list of bySection.values()) {
      if (list.length < 2) continue
      const nums = this.sortedUnique(list)
      for (let i = 0; i < nums.length; i++) {
        const a = nums[i]
        const aConcept = isConcept[a]
        if (a >= this.pairedCount) continue
        for (let j = i + 1; j < nums.length; j++) {
          if (aConcept && isConcept[nums[j]]) continue // concept–concept pairs would swamp the graph
          if (nums[j] >= this.pairedCount) continue
          if (n === pairs.length) {
            this.pairBuffer = new Int32Array(2 * n)
            this.pairBuffer.set(pairs)
            pairs = this.pairBuffer
          }
          pairs[n++] = pairKey(a, nums[j])
        }
      }
    }

    const links = new Map<string, number>()
    for (const l of meta.links) {
      if (l.resolved && l.resolved !== meta.path) links.set(l.resolved, (links.get(l.resolved) ?? 0) + 1)
    }

    const tags = new Set(meta.tags)
    return { meta, entities, covered: [...covered], pairs: pairs.slice(0, n), tags, links }
  }

  private apply(c: Contribution, sign: 1 | -1): void {
    const path = c.meta.path
    const nid = noteId(path)
    const touch = !this.rebuildAll
    if (touch) this.touchedNodes.add(nid)
    if (c.meta.domain) {
      bump(this.domainCount, c.meta.domain, sign)
      if (touch) {
        const did = domainId(c.meta.domain)
        this.touchedNodes.add(did)
        this.touchEdge('contains', did, nid)
      }
    }
    for (const e of c.entities.keys()) {
      let set = this.mentionIndex.get(e)
      if (sign > 0) {
        if (!set) this.mentionIndex.set(e, (set = new Set()))
        set.add(path)
      } else if (set) {
        set.delete(path)
        if (set.size === 0) this.mentionIndex.delete(e)
      }
      if (touch) this.touchEdge('mentions', nid, e)
    }
    for (const e of c.covered) {
      bump(this.presence, e, sign)
      if (!touch) continue
      this.touchedNodes.add(e)
      const parent = this.ontology.byId.get(e)?.parent
      if (parent) this.touchEdge('part-of', e, parent)
    }
    const weights = this.relatedWeight
    const pairs = c.pairs
    for (let i = 0; i < pairs.length; i++) {
      weights[pairs[i]] += sign
      if (touch) this.touchedEdges.set(pairs[i], undefined)
    }
    for (const t of c.tags) {
      bump(this.tagCount, t, sign)
      if (!touch) continue
      this.touchedNodes.add(tagId(t))
      this.touchEdge('tagged', nid, tagId(t))
    }
    for (const target of c.links.keys()) {
      let set = this.incoming.get(target)
      if (sign > 0) {
        if (!set) this.incoming.set(target, (set = new Set()))
        set.add(path)
      } else if (set) {
        set.delete(path)
        if (set.size === 0) this.incoming.delete(target)
      }
      if (touch) this.touchEdge('links-to', nid, noteId(target))
    }
    if (touch) for (const src of this.incoming.get(path) ?? []) this.touchEdge('links-to', noteId(src), nid)
  }

  private touchEdge(type: EdgeType, source: string, target: string): void {
    this.touchedEdges.set(edgeId(type, source, target), { type, source, target })
  }

  // ---- materialization ----

  private flush(): void {
    const keepBase = !this.baseEmpty
    const nodeChanges: [string, GraphNode | undefined, GraphNode | undefined][] = []
    const edgeChanges: [string, GraphEdge | undefined, GraphEdge | undefined][] = []
    for (const id of this.touchedNodes) {
      const before = this.nodes.get(id)
      if (reconcile(this.nodes, this.nodeBase, id, this.desiredNode(id), sameNode, keepBase)) nodeChanges.push([id, before, this.nodes.get(id)])
    }
    for (const [key, k] of this.touchedEdges) {
      let id: string
      let want: GraphEdge | undefined
      if (typeof key === 'number') {
        const weight = this.relatedWeight[key]
        const e = this.relatedEdge(key, weight)
        id = e.id
        want = weight ? e : undefined
      } else {
        id = key
        want = this.desiredEdge(key, k!)
      }
      const before = this.edges.get(id)
      if (reconcile(this.edges, this.edgeBase, id, want, sameEdge, keepBase)) edgeChanges.push([id, before, want])
    }
    this.touchedNodes.clear()
    this.touchedEdges.clear()
    if (nodeChanges.length) this.nodeArray = undefined
    if (edgeChanges.length) this.edgeArray = undefined
    if (nodeChanges.length + edgeChanges.length > 0) {
      this.cached = undefined
      this._version++
    }
    if (this.listeners.size === 0) return
    for (const l of this.listeners) {
      for (const [id, before, after] of nodeChanges) l.node(id, before, after)
      for (const [id, before, after] of edgeChanges) l.edge(id, before, after)
    }
  }

  /** First build: create every node and edge straight from the counts (no per-note touch tracking). */
  private materializeAll(): void {
    const record = !this.baseEmpty
    const addNode = (id: string) => {
      if (this.nodes.has(id)) return
      const n = this.desiredNode(id)
      if (!n) return
      this.nodes.set(id, n)
      if (record && !this.nodeBase.has(id)) this.nodeBase.set(id, undefined)
    }
    const edge = (type: EdgeType, source: string, target: string) =>
      addEdge(edgeId(type, source, target), { type, source, target })
    // every edge made here is new (distinct type, source and target); an id with one "->" cannot be another's
    const defer = !!this.opts.deferEdgeIndex && !record && this.edges.size === 0
    /** per-note edges are unique and certainly wanted: built directly, no lookups */
    const put = (e: GraphEdge) => {
      if (defer && e.id.indexOf('->', e.id.indexOf('->') + 2) < 0) this.edges.appendUnindexed(e.id, e)
      else this.edges.set(e.id, e)
      if (record && !this.edgeBase.has(e.id)) this.edgeBase.set(e.id, undefined)
    }
    const addEdge = (id: string, key: EdgeKey) => {
      const e = this.desiredEdge(id, key)
      if (e) put(e)
    }
    for (const c of this.contributions.values()) {
      const nid = noteId(c.meta.path)
      addNode(nid)
      if (c.meta.domain) addNode(domainId(c.meta.domain))
      for (const e of c.covered) addNode(e)
      for (const t of c.tags) addNode(tagId(t))
      // (nodes and edges are kept apart: each list is in the order of a note-by-note walk)
      const own = c.edges ?? noteEdges(c)
      c.edges = undefined
      for (let i = 0; i < own.length; i++) put(own[i])
      for (const target of c.links.keys()) edge('links-to', nid, noteId(target))
    }
    for (const e of this.presence.keys()) {
      const parent = this.ontology.byId.get(e)?.parent
      if (parent) edge('part-of', e, parent)
    }
    // a pair is shared by many notes: its edge is made once, in order of first appearance
    const early = this.early
    this.early = undefined
    if (early && !early.replaced) {
      for (let i = 0; i < early.keys.length; i++) {
        const e = early.edges[i]
        e.weight = this.relatedWeight[early.keys[i]]
        put(e)
      }
    } else {
      const made = new Uint8Array(this.relatedWeight.length)
      for (const c of this.contributions.values()) {
        for (let i = 0; i < c.pairs.length; i++) {
          const key = c.pairs[i]
          if (made[key]) continue
          made[key] = 1
          put(this.relatedEdge(key, this.relatedWeight[key]))
        }
      }
    }
    this.cached = undefined
    this.nodeArray = undefined
    this.edgeArray = undefined
    this._version++
    for (const l of this.listeners) l.reset()
  }

  /** A first build's edges of one arriving note, and the related edges it brings first (see `early`). */
  private makeEarly(c: Contribution, replacing: boolean): void {
    c.edges = noteEdges(c)
    let early = this.early
    if (!early) this.early = early = { keys: [], edges: [], made: new Uint8Array(this.relatedWeight.length), replaced: false }
    if (replacing) early.replaced = true
    if (early.replaced) return
    if (early.made.length < this.relatedWeight.length) {
      const grown = new Uint8Array(this.relatedWeight.length)
      grown.set(early.made)
      early.made = grown
    }
    const made = early.made
    for (let i = 0; i < c.pairs.length; i++) {
      const key = c.pairs[i]
      if (made[key]) continue
      made[key] = 1
      early.keys.push(key)
      early.edges.push(this.relatedEdge(key, 0))
    }
  }

  private desiredNode(id: string): GraphNode | undefined {
    if (id.startsWith('note:')) {
      const c = this.contributions.get(id.slice(5))
      if (!c) return undefined
      const n: GraphNode = { id, type: 'note', label: c.meta.title || c.meta.path, path: c.meta.path }
      if (c.meta.domain) n.domain = c.meta.domain
      return n
    }
    if (id.startsWith('domain:')) {
      const d = id.slice(7)
      return this.domainCount.has(d) ? { id, type: 'domain', label: domainLabel(d), domain: d } : undefined
    }
    if (id.startsWith('tag:')) {
      const t = id.slice(4)
      return this.tagCount.has(t) ? { id, type: 'tag', label: `#${t}` } : undefined
    }
    if (!this.presence.has(id)) return undefined
    const e = this.ontology.byId.get(id)
    const n: GraphNode = {
      id,
      type: this.isConcept(id) ? 'concept' : 'service',
      label: e?.name ?? id.slice(id.indexOf(':') + 1),
      noteCount: this.mentionIndex.get(id)?.size ?? 0,
    }
    if (e) {
      n.category = e.category
      if (e.parent) n.parent = e.parent
      n.aliases = this.aliasesOf(id)
    }
    return n
  }

  private desiredEdge(id: string, k: EdgeKey): GraphEdge | undefined {
    switch (k.type) {
      case 'contains': {
        const c = this.contributions.get(k.target.slice(5))
        return c && c.meta.domain && domainId(c.meta.domain) === k.source ? { id, source: k.source, target: k.target, type: k.type } : undefined
      }
      case 'mentions': {
        const use = this.contributions.get(k.source.slice(5))?.entities.get(k.target)
        return use ? { id, source: k.source, target: k.target, type: k.type, weight: use.count, refs: use.refs } : undefined
      }
      case 'part-of':
        return this.presence.has(k.source) && this.presence.has(k.target) && this.ontology.byId.get(k.source)?.parent === k.target
          ? { id, source: k.source, target: k.target, type: k.type }
          : undefined
      case 'related':
        return undefined // keyed by pair number instead, see relatedEdge
      case 'links-to': {
        const target = k.target.slice(5)
        const n = this.contributions.get(k.source.slice(5))?.links.get(target)
        return n && this.contributions.has(target) ? { id, source: k.source, target: k.target, type: k.type, weight: n } : undefined
      }
      case 'tagged':
        return this.contributions.get(k.source.slice(5))?.tags.has(k.target.slice(4))
          ? { id, source: k.source, target: k.target, type: k.type }
          : undefined
    }
  }

  /** The related edge of a pair, ends in id order; its id string is only built here. */
  private relatedEdge(key: number, weight: number): GraphEdge {
    const [a, b] = pairOf(key)
    let source = this.entityIds[a]
    let target = this.entityIds[b]
    if (target < source) [source, target] = [target, source]
    return { id: edgeId('related', source, target), source, target, type: 'related', weight }
  }

  // ---- entity numbers ----

  private numberOf(id: string): number {
    let n = this.entityNumber.get(id)
    if (n === undefined) {
      n = this.entityIds.length
      this.entityNumber.set(id, n)
      this.entityIds.push(id)
      this.entityIsConcept.push(this.isConcept(id))
      const size = pairKey(0, n + 1)
      if (n < this.pairedCount && size > this.relatedWeight.length) {
        // grow by doubling: an entity outside the ontology (old or hand-made metadata) adds a row of keys
        const grown = new Int32Array(Math.min(Math.max(size, 2 * this.relatedWeight.length), pairKey(0, this.pairedCount)))
        grown.set(this.relatedWeight)
        this.relatedWeight = grown
      }
    }
    return n
  }

  /** A section's entity numbers without repeats, in id order (numeric order unless an unknown entity is there). */
  private sortedUnique(list: number[]): number[] {
    let numeric = true
    for (let i = 0; i < list.length && numeric; i++) numeric = list[i] < this.orderedCount
    const ids = this.entityIds
    list.sort(numeric ? byNumber : (a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0))
    let n = 0
    for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[n - 1]) list[n++] = list[i]
    list.length = n
    return list
  }

  // ---- ontology helpers ----

  private isConcept(id: string): boolean {
    const e = this.ontology.byId.get(id)
    return e ? e.type === 'concept' : id.startsWith('concept:')
  }

  /** Parent chain of an entity (feature → service → …), guarded against cycles in the data. */
  private ancestors(id: string): string[] {
    let list = this.ancestorCache.get(id)
    if (list) return list
    list = []
    const seen = new Set([id])
    let p = this.ontology.byId.get(id)?.parent
    while (p && !seen.has(p)) {
      seen.add(p)
      list.push(p)
      p = this.ontology.byId.get(p)?.parent
    }
    this.ancestorCache.set(id, list)
    return list
  }

  /** Aliases and former names, one array per entity so unchanged nodes compare equal by reference. */
  private aliasesOf(id: string): string[] {
    let a = this.aliasCache.get(id)
    if (!a) {
      const e = this.ontology.byId.get(id)
      a = e ? [...new Set([...e.aliases, ...(e.formerNames ?? [])])] : []
      this.aliasCache.set(id, a)
    }
    return a
  }
}

/**
 * Make `live[id]` what it should be (`want`, or absent), keeping unchanged objects so the materialized graph
 * can reuse them. With `keepBase`, the value before the first change since the last delta is remembered in
 * `base` so the delta can be computed. Returns whether anything changed.
 */
function reconcile<T>(
  live: Slots<T>,
  base: Map<string, T | undefined>,
  id: string,
  want: T | undefined,
  same: (a: T, b: T) => boolean,
  keepBase: boolean,
): boolean {
  const cur = live.get(id)
  if (want === undefined ? cur === undefined : cur !== undefined && same(cur, want)) return false
  if (keepBase && !base.has(id)) base.set(id, cur)
  if (want === undefined) live.delete(id)
  else live.set(id, want)
  return true
}
