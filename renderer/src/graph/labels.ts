// Labels on the canvas: the greedy pick (labelPick.ts) run over the shown nodes, again after every zoom
// or pan (debounced). On the services map (class `bare`) a label sits right of its service. A shown label carries the class `lbl` and a font size that keeps it the same size
// on screen, so zooming in leaves room for more labels instead of piling them up.
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape'
import type { GraphState } from './graphState'
import { pickLabels, textMeasurer, type LabelCandidate, type LabelSide, type NodeBox } from './labelPick'
import { importance, SERVICE_LABEL_GAP, shortDomainName } from './views'
import { BIG_LABEL_CANDIDATES, importanceOrder, NO_LABEL_CLASSES, rankCandidates, topCandidates } from './labelCandidates'

/** Label density steps (fewer … more): padding between labels (px), font scale, and a cap on the count. */
const DENSITY = [
  { padding: 26, scale: 1.1, cap: 25 },
  { padding: 14, scale: 1.05, cap: 70 },
  { padding: 5, scale: 1, cap: Infinity },
  { padding: 2, scale: 0.93, cap: Infinity },
  { padding: 0, scale: 0.86, cap: Infinity },
]
export const DEFAULT_DENSITY = 2
/** On-screen cap of labels drawn at a model font (the services map) */
const MAX_MODEL_PX = 15
export const MAX_DENSITY = DENSITY.length - 1

/**
 * Which labels the rule tries first: the skeleton (domains, then notes), then services (what the app is
 * for), then concepts, then tags; by importance within each kind. A selected or compared node before all,
 * and a hub service (hubServices) right after the domains: notes ranked first took the room around the
 * biggest services, so S3 and SageMaker AI went unnamed while minor names around them showed.
 */
const LABEL_TIER: Record<string, number> = { domain: 4, note: 3, service: 2, concept: 1, tag: 0 }
const HUB_TIER = 3.5
export function labelImportance(type: string, score: number, first = false, hub = false): number {
  return (first ? 1e12 : 0) + (hub ? HUB_TIER : LABEL_TIER[type] ?? 0) * 1e9 + score
}

/** Share of the graph's nodes (domains aside) among the most important whose services count as hubs. */
export const HUB_SHARE = 0.02

/** Services among the HUB_SHARE most important nodes of the graph, domains left out (they lead anyway). */
export function hubServices(nodes: ReadonlyArray<{ id: string; type: string }>, score: ReadonlyMap<string, number>): Set<string> {
  const ranked = nodes.filter((n) => n.type !== 'domain').sort((a, b) => (score.get(b.id) ?? 0) - (score.get(a.id) ?? 0))
  const top = ranked.slice(0, Math.ceil(ranked.length * HUB_SHARE))
  return new Set(top.filter((n) => n.type === 'service' && (score.get(n.id) ?? 0) > 0).map((n) => n.id))
}

/** Characters on one line of a label before it wraps onto the next one. */
export const LABEL_LINE = 26
/** Lines a label may take: a domain's long title gets three, any other name two. */
export const maxLines = (type?: string): number => (type === 'domain' ? 3 : 2)

/**
 * A label's text on the canvas: as it is when short, else on up to `maxLines(type)` lines broken at spaces
 * so that the longest line is as short as it can be ("Domain 1: Data Preparation" / "for Machine Learning
 * (ML)"); cut with an ellipsis only when even that many lines do not hold it.
 */
export function wrapLabel(label: string, type?: string, line = LABEL_LINE): string {
  const text = label.trim().replace(/\s+/g, ' ')
  if (text.length <= line) return text
  const words = text.split(' ')
  const cut = (t: string) => (t.length <= line ? t : `${t.slice(0, line - 1).trimEnd()}…`)
  // best[i][k]: the shortest longest line for words i.. on k lines (a few words: a small table)
  const memo = new Map<string, { width: number; lines: string[] }>()
  const best = (i: number, k: number): { width: number; lines: string[] } => {
    const key = `${i}:${k}`
    const known = memo.get(key)
    if (known) return known
    const rest = words.slice(i).join(' ')
    let out = { width: rest.length, lines: [rest] }
    if (k > 1) {
      let first = ''
      for (let j = i; j < words.length - 1; j++) {
        first = first ? `${first} ${words[j]}` : words[j]
        if (first.length > line) break
        const tail = best(j + 1, k - 1)
        const width = Math.max(first.length, tail.width)
        if (width < out.width) out = { width, lines: [first, ...tail.lines] }
      }
    }
    memo.set(key, out)
    return out
  }
  return best(0, maxLines(type)).lines.map(cut).join('\n')
}

/** the classes that move a label off its usual side (style.ts) */
const SIDE_CLASSES = 'lbl-above lbl-right lbl-below lbl-left'

/**
 * Sides to try for a label in the local graph's columns, given the node's offset from the centre: beside the node,
 * away from the centre, then below or above it (away first); the centre node's own label under it.
 */
export function outwardSides(dx: number, dy: number): LabelSide[] {
  if (dx === 0 && dy === 0) return ['below', 'above', 'right', 'left']
  const across: LabelSide = dx >= 0 ? 'right' : 'left'
  const along: LabelSide = dy >= 0 ? 'below' : 'above'
  const opposite = (s: LabelSide): LabelSide => ({ right: 'left', left: 'right', below: 'above', above: 'below' } as const)[s]
  return [across, along, opposite(along), opposite(across)]
}

export class Labels {
  private density = DEFAULT_DENSITY
  private shown = new Set<string>()
  private moved = new Set<string>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly measure = textMeasurer()
  private scores: { graph: unknown; value: ReadonlyMap<string, number>; order: string[] | null; hubs: Set<string> | null } | null = null
  private bound: Core | null = null
  private readonly onViewport = () => this.schedule()
  /** nodes that get a label first (selection, highlight groups) */
  priority: () => Iterable<string> = () => []
  /** the centre of a local graph laid out in columns (localRing.ts), else null: names then sit beside their nodes, away from it and clear of every node */
  localCentre: () => string | null = () => null
  /** domains whose whole title a group caption shows: their own labels are short ("Domain 1") */
  captioned: () => ReadonlySet<string> = () => new Set()
  private captionedNow: ReadonlySet<string> = new Set()
  /** a font in model units for every label (it then scales with zoom), or null: the same size on screen */
  modelFont: number | null = null
  /** after each pick (the settled marker waits for the first one) */
  onUpdate: () => void = () => undefined

  constructor(private readonly state: GraphState) {}

  /** a node's label text, wrapped (cached per label: the pick runs on every zoom step) */
  private readonly wrapped = new Map<string, string>()
  private textOf(n: NodeSingular): string {
    const name = String(n.data('label') ?? n.data('short') ?? '')
    return this.textOfData(this.captionedNow.has(n.id()) ? shortDomainName(name) : name, n.data('type'))
  }
  private textOfData(name: unknown, type: unknown): string {
    const label = String(name ?? '')
    const key = `${type}:${label}`
    let t = this.wrapped.get(key)
    if (t === undefined) {
      if (this.wrapped.size > 50_000) this.wrapped.clear()
      t = wrapLabel(label, String(type))
      this.wrapped.set(key, t)
    }
    return t
  }

  attach(core: Core | null): void {
    this.bound?.off('viewport', this.onViewport)
    this.bound = core
    this.shown.clear()
    core?.on('viewport', this.onViewport)
  }

  getDensity(): number { return this.density }
  setDensity(d: number): void {
    this.density = Math.max(0, Math.min(MAX_DENSITY, Math.round(d)))
    this.update()
  }

  /** true while a big first load is adding its nodes: a pick then would be over part of them, and thrown away */
  paused: () => boolean = () => false

  /** Pick again once the view has stopped moving (a pick asked for during a paused load is left to its end). */
  schedule(delay = 120): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => { if (!this.paused()) this.update(); else this.missed = true }, delay)
  }
  private missed = false

  /** After a paused load: pick again only if a pick was asked for meanwhile (the view moved, a highlight came). */
  catchUp(): void {
    if (this.missed) this.update()
  }

  count(): number { return this.shown.size }

  update(): void {
    clearTimeout(this.timer)
    this.missed = false
    const cy = this.state.core
    if (!cy || cy.destroyed()) return
    const started = performance.now()
    const zoom = cy.zoom()
    const w = cy.width()
    const h = cy.height()
    const { score, order, first, hubs } = this.scoring()
    this.captionedNow = this.captioned()
    let candidates: LabelCandidate[] = []
    let ranked: Array<[string, number]> = []
    let inView = 0
    let obstacles: NodeBox[] | undefined
    // a big graph: only the most important nodes in view are tried (labelCandidates.ts)
    if (this.state.big) {
      const label = (n: NodeSingular) => {
        const bare = n.hasClass('bare')
        return { text: bare ? String(n.data('bare') ?? '') : this.textOf(n), size: Number(bare ? n.data('ssize') : n.data('size')) || 10 }
      }
      ;({ candidates, ranked, inView } = topCandidates(cy, order(), first, score, { w, h, zoom, limit: BIG_LABEL_CANDIDATES }, label))
      for (const c of candidates) c.importance = labelImportance(String(cy.getElementById(c.id).data('type')), score.get(c.id) ?? 0, first.has(c.id), hubs.has(c.id))
    } else {
      const centreId = this.localCentre()
      const centreNode = centreId ? cy.getElementById(centreId) : null
      const centre = centreNode && centreNode.nonempty() && !centreNode.hasClass('hidden') ? centreNode.renderedPosition() : null
      if (centre) obstacles = []
      cy.nodes().forEach((n) => {
        // dimmed nodes draw no text (style.ts): they must not take a label's place either
        if (n.hasClass('hidden') || n.hasClass('quiet') || n.hasClass('cmp-dim') || n.hasClass('scope-out')) return
        const p = n.renderedPosition()
        if (p.x < -200 || p.y < -100 || p.x > w + 200 || p.y > h + 100) return
        const id = n.id()
        ranked.push([id, score.get(id) ?? 0])
        const beside = n.hasClass('bare')
        const size = (Number(beside ? n.data('ssize') : n.data('size')) || 10) * zoom
        const base = { id, text: beside ? String(n.data('bare') ?? '') : this.textOf(n), x: p.x, y: p.y, nodeHeight: size, importance: labelImportance(String(n.data('type')), score.get(id) ?? 0, first.has(id), hubs.has(id)), fontPx: 11 }
        if (centre && obstacles) {
          // the local graph: a few dozen names read closely, each pointing away from the centre and never over a node
          obstacles.push({ id, x1: p.x - size / 2, y1: p.y - size / 2, x2: p.x + size / 2, y2: p.y + size / 2 })
          const [side, ...fallback] = outwardSides(p.x - centre.x, p.y - centre.y)
          // the centre's own name (the panel's subject) goes under it even over a neighbour's node: the columns are
          // too close for a long name, and the selection would otherwise draw it over the neighbours' names
          candidates.push({ ...base, side, fallback, home: beside ? 'right' : 'below', overNodes: id === centreId, nodeWidth: size, gapPx: (beside ? Math.max(SERVICE_LABEL_GAP, 3) : 3) * zoom })
          return
        }
        candidates.push({
          ...base,
          ...(beside ? { side: 'right' as const, nodeWidth: size, gapPx: SERVICE_LABEL_GAP * zoom } : {}),
          // a selected or compared node, a domain or note (the skeleton), or a hub keeps its name: above or beside it
          // when the place below is taken or off the canvas
          ...(first.has(id) || hubs.has(id) || n.data('type') === 'domain' || n.data('type') === 'note' ? { fallback: beside ? ['below' as const, 'above' as const] : ['above' as const, 'right' as const], nodeWidth: size, gapPx: 3 * zoom } : {}),
        })
      })
    }
    const { font, text, next, moved } = this.choose(candidates, ranked, inView, { zoom, w, h }, obstacles)
    cy.batch(() => {
      for (const id of this.shown) if (!next.has(id)) cy.getElementById(id).removeClass(`lbl ${SIDE_CLASSES}`)
      for (const id of this.moved) if (!moved.has(id)) cy.getElementById(id).removeClass(SIDE_CLASSES)
      for (const [id, cls] of moved) { const n = cy.getElementById(id); if (!n.hasClass(cls)) n.removeClass(SIDE_CLASSES).addClass(cls) }
      for (const id of next) {
        const n = cy.getElementById(id)
        // rounded up, so the label is never drawn below the size chosen (11 px stays 11 px on screen)
        const lf = Math.ceil((font.get(id)! / zoom) * 100) / 100
        if (n.data('lf') !== lf) n.data('lf', lf)
        // the text drawn (style.ts node.lbl: data(lt)), wrapped as the pick measured it
        if (!n.hasClass('bare') && n.data('lt') !== text.get(id)) n.data('lt', text.get(id))
        if (!this.shown.has(id)) n.addClass('lbl')
      }
    })
    this.shown = next
    this.moved = new Set(moved.keys())
    // the benchmark (bench/labels.ts) reads how long each pick took, classes applied included
    try { performance.measure('notes-graph:label-pick', { start: started }) } catch { /* no timeline */ }
    this.onUpdate()
  }

  /** Which candidates get a label, at which font (rendered px) and text, and which sit off their usual side. */
  private choose(candidates: LabelCandidate[], ranked: Array<[string, number]>, inView: number, { zoom, w, h }: { zoom: number; w: number; h: number }, obstacles?: NodeBox[]) {
    const d = DENSITY[this.density]
    // font by importance among what is in view: the domain names biggest, the top few a little bigger
    ranked.sort((a, b) => b[1] - a[1])
    const total = this.state.big ? inView : ranked.length
    const tier = new Map<string, number>()
    ranked.forEach(([id, s], i) => tier.set(id, s >= 1e6 ? 16 : i < total * 0.04 ? 14 : i < total * 0.15 ? 12.5 : 11))
    // a model font grows with zoom; past MAX_MODEL_PX it stops (a small map fitted at a big zoom)
    // the local graph's columns read as lists: one size for every name (their margins are measured at it)
    for (const c of candidates) c.fontPx = this.modelFont ? Math.min(MAX_MODEL_PX, this.modelFont * zoom) : (obstacles ? 11 : tier.get(c.id) ?? 11) * d.scale
    const readable = this.modelFont ? candidates.filter((c) => c.fontPx >= 6) : candidates
    const picked = pickLabels(readable, { measure: this.measure, padding: this.modelFont ? Math.min(d.padding, 2) : d.padding, width: w, height: h, cap: d.cap, marginY: 3 * zoom, obstacles })
    const font = new Map(candidates.map((c) => [c.id, c.fontPx]))
    const text = new Map(candidates.map((c) => [c.id, c.text]))
    const next = new Set(picked.map((p) => p.id))
    // where each label sits when it is not in its usual place (class lbl-above / lbl-right, style.ts)
    const moved = new Map<string, string>()
    const usual = new Map(candidates.filter((c) => c.fallback).map((c) => [c.id, c.home ?? c.side ?? 'below']))
    for (const p of picked) if (usual.has(p.id) && p.side !== usual.get(p.id)) moved.set(p.id, `lbl-${p.side}`)
    return { font, text, next, moved }
  }

  /** The scores of the graph shown, its importance order (made once per graph) and the nodes labelled first. */
  private scoring(): { score: ReadonlyMap<string, number>; order: () => string[]; first: Set<string>; hubs: ReadonlySet<string> } {
    if (this.scores?.graph !== this.state.current) this.scores = { graph: this.state.current, value: importance(this.state.current), order: null, hubs: null }
    const scores = this.scores
    const hubs = (scores.hubs ??= hubServices(this.state.current.nodes, scores.value))
    return { score: scores.value, order: () => (scores.order ??= importanceOrder(scores.value)), first: new Set(this.priority()), hubs }
  }

  /**
   * A big first load's labels, picked from its node definitions before they are added (the viewport already set,
   * the same rule as update): the picked nodes come with their label (class lbl, its font and text in their data),
   * so each is styled once, label included — a pick on the canvas after would restyle them, with a bounds event
   * each, in the frame that first shows them.
   */
  pickDefinitions(defs: ElementDefinition[], view: { zoom: number; pan: { x: number; y: number }; w: number; h: number }): void {
    // this pick stands for any asked before it (the load's own fit moved the viewport)
    clearTimeout(this.timer)
    this.missed = false
    const started = performance.now()
    const { zoom, pan, w, h } = view
    const byId = new Map(defs.map((def) => [def.data.id as string, def]))
    const classes = (def: ElementDefinition) => ` ${typeof def.classes === 'string' ? def.classes : (def.classes ?? []).join(' ')} `
    const { score, order, first, hubs } = this.scoring()
    const { candidates, ranked, inView } = rankCandidates((id) => {
      const def = byId.get(id)
      if (!def?.position) return null
      const cls = classes(def)
      if (NO_LABEL_CLASSES.some((c) => cls.includes(` ${c} `))) return null
      const bare = cls.includes(' bare ')
      return {
        x: def.position.x * zoom + pan.x,
        y: def.position.y * zoom + pan.y,
        label: () => ({ text: bare ? String(def.data.bare ?? '') : this.textOfData(def.data.label ?? def.data.short, def.data.type), size: Number(bare ? def.data.ssize : def.data.size) || 10 }),
      }
    }, order(), first, score, { w, h, zoom, limit: BIG_LABEL_CANDIDATES })
    for (const c of candidates) c.importance = labelImportance(String(byId.get(c.id)?.data.type), score.get(c.id) ?? 0, first.has(c.id), hubs.has(c.id))
    const { font, text, next, moved } = this.choose(candidates, ranked, inView, { zoom, w, h })
    for (const id of next) {
      const def = byId.get(id)!
      const bare = classes(def).includes(' bare ')
      def.data.lf = Math.ceil((font.get(id)! / zoom) * 100) / 100
      if (!bare) def.data.lt = text.get(id)
      def.classes = `${classes(def).trim()} lbl${moved.has(id) ? ` ${moved.get(id)}` : ''}`.trim()
    }
    this.shown = next
    this.moved = new Set(moved.keys())
    try { performance.measure('notes-graph:label-pick', { start: started }) } catch { /* no timeline */ }
  }
}
