// One Cytoscape stylesheet per theme: colour AND shape per node type, size from data, labels that
// fade out when zoomed out (hubs have bigger fonts, so they stay readable longest).
// Big graphs get a cheaper sheet: no borders, no blending, no mappers, labels only on hubs.
import type { StylesheetJson } from 'cytoscape'
import type { NodeType } from '../../../electron/core/types'
import { progressStyle } from '../study/progressOnGraph'
import { SERVICE_LABEL_GAP } from './views'

export type ThemeName = 'light' | 'dark'

export const NODE_SHAPES: Record<NodeType, string> = {
  domain: 'hexagon',
  note: 'round-rectangle',
  service: 'ellipse',
  concept: 'diamond',
  tag: 'tag',
}

const Z_INDEX: Record<NodeType, number> = { domain: 1, note: 2, tag: 3, concept: 4, service: 5 }

export const NODE_COLOURS: Record<ThemeName, Record<NodeType, string>> = {
  light: { domain: '#7c3aed', note: '#2563eb', service: '#ea580c', concept: '#059669', tag: '#64748b' },
  dark: { domain: '#a78bfa', note: '#60a5fa', service: '#fb923c', concept: '#34d399', tag: '#94a3b8' },
}

const PALETTE = {
  light: { text: '#1e293b', outline: '#f8fafc', edge: '#cbd5e1', edgeHl: '#475569', select: '#db2777', bg: '#f8fafc' },
  dark: { text: '#e2e8f0', outline: '#0f172a', edge: '#334155', edgeHl: '#cbd5e1', select: '#f472b6', bg: '#0f172a' },
}

/**
 * Colours of the named highlight groups the exploration features use. None of them is a node-type
 * colour, and each is drawn OUTSIDE the node (a halo or a ring with a gap), so it reads on orange
 * services as well as on blue notes, in both themes.
 */
export const GROUP_COLOURS: Record<ThemeName, Record<string, string>> = {
  light: { compare: '#e11d48', exam: '#0891b2', 'exam-b': '#4338ca', path: '#15803d', search: '#db2777' },
  dark: { compare: '#fb7185', exam: '#22d3ee', 'exam-b': '#c7d2fe', path: '#4ade80', search: '#f472b6' },
}

/** Services map edges by reason. */
export const MAP_EDGE_COLOURS: Record<ThemeName, Record<'part-of' | 'compared-in' | 'used-together', string>> = {
  light: { 'part-of': '#7c3aed', 'compared-in': '#b45309', 'used-together': '#64748b' },
  dark: { 'part-of': '#a78bfa', 'compared-in': '#fbbf24', 'used-together': '#94a3b8' },
}

/** How each group is drawn: a soft halo behind the node, or a solid ring just outside it. */
export const GROUP_MARK: Record<string, 'halo' | 'ring'> = { compare: 'halo', 'exam-b': 'ring', path: 'ring', search: 'ring' }

const EDGE_KINDS: StylesheetJson = [
  // haystack like every other edge (centre to centre, under the nodes): a straight edge costs the renderer an
  // intersection with both node outlines, ≈ 30 ms of the launch's first frame for 29 domain → note edges
  { selector: 'edge[type = "contains"]', style: { 'line-style': 'dashed' } },
  { selector: 'edge[type = "part-of"]', style: { 'line-style': 'dotted', width: 1.5 } },
  { selector: 'edge[type = "related"]', style: { opacity: 0.25 } },
]

/** Colours of the selection overlay (selectionOverlay.ts draws the selection, not the stylesheet). */
export function overlayColours(theme: ThemeName): { ring: string; edge: string; text: string; outline: string } {
  const p = PALETTE[theme]
  return { ring: p.select, edge: p.edgeHl, text: p.text, outline: p.bg }
}

export interface StyleOptions {
  /** thousands of elements: the cheap sheet */
  big?: boolean
}

export function buildStyle(theme: ThemeName, opts: StyleOptions = {}): StylesheetJson {
  const c = NODE_COLOURS[theme]
  const p = PALETTE[theme]
  const g = GROUP_COLOURS[theme]
  const big = opts.big === true
  const groupNode = (group: string): Record<string, string | number> =>
    GROUP_MARK[group] === 'halo'
      ? { 'underlay-color': g[group], 'underlay-opacity': theme === 'dark' ? 0.55 : 0.45, 'underlay-padding': 7, 'underlay-shape': 'ellipse' }
      : { 'outline-color': g[group], 'outline-width': 3, 'outline-offset': 2, 'outline-opacity': 1, 'border-width': 2, 'border-color': p.bg }
  const style: StylesheetJson = [
    // Every property a rule sets costs style time on each element it matches (Cytoscape hashes them all on each
    // restyle), so a plain node carries only its size, colour and shape. No label (Cytoscape's default is '':
    // labels are chosen by labels.ts, class `lbl`, importance first, never two overlapping), so nothing is
    // measured for it; the text's look lives on the rules that give a label. No border: a 1 px outline in the
    // page's colour was almost invisible, and on a polygon (hexagon, diamond, tag, round rectangle) its miter
    // made each node's bounding box the first frame's costliest step.
    { selector: 'node', style: { width: 'data(size)', height: 'data(size)' } },
    ...(Object.keys(c) as NodeType[]).map((t) => ({
      selector: `node[type = "${t}"]`,
      // smaller kinds drawn above bigger ones, so a service on top of a note stays clickable
      style: { 'background-color': c[t], shape: NODE_SHAPES[t] as 'ellipse', 'z-index': Z_INDEX[t] },
    })),
    // how a label reads, on the nodes that draw one (a picked label, a hovered node's name); the font size from
    // data only there (`lbl` below sets its own)
    { selector: 'node.lbl, node.hover-self', style: { color: p.text, 'text-outline-color': p.outline, 'text-outline-width': big ? 0 : 2, 'text-valign': 'bottom', 'text-margin-y': 3 } },
    { selector: 'node.hover-self', style: { 'font-size': 'data(font)' } },
    // the text as the label rule wrapped it (labels.ts wrapLabel: breaks only where it put a '\n'); a labelled
    // node drawn above the unlabelled ones, so no node covers a name; its outline keeps it readable over them
    // (no opaque ground: a half-covered node would read as a dimmed one; labels take no clicks: text-events no)
    { selector: 'node.lbl', style: { label: 'data(lt)', 'font-size': 'data(lf)', 'text-outline-width': 2, 'min-zoomed-font-size': 6, 'text-wrap': 'wrap', 'text-max-width': '100000px', ...(big ? {} : { 'z-index': 8 }) } },
    // the services map: names beside their services, like a list under each caption (views.ts serviceFootprint)
    // on an opaque ground: a link from a service to the next one in its row passes under the name, not through it
    { selector: 'node.lbl.bare', style: { label: 'data(bare)', 'text-halign': 'right', 'text-valign': 'center', 'text-margin-x': SERVICE_LABEL_GAP, 'text-margin-y': 0, 'text-background-color': p.bg, 'text-background-opacity': 1, 'text-background-padding': '0px' } },
    // a label moved off its usual side: a selected or compared node's whose place was taken, or the local graph's,
    // pointing away from its centre (labels.ts)
    { selector: 'node.lbl.lbl-above', style: { 'text-valign': 'top', 'text-halign': 'center', 'text-margin-x': 0, 'text-margin-y': -3 } },
    { selector: 'node.lbl.lbl-right', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 3, 'text-margin-y': 0 } },
    { selector: 'node.lbl.lbl-below', style: { 'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-x': 0, 'text-margin-y': 3 } },
    { selector: 'node.lbl.lbl-left', style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-x': -3, 'text-margin-y': 0 } },
    // services on the services map: a narrower size range (elements.ts serviceMapSize)
    { selector: 'node.bare', style: { width: 'data(ssize)', height: 'data(ssize)' } },
    { selector: 'node[type = "domain"].lbl', style: { 'font-weight': 'bold' } },
    {
      selector: 'edge',
      style: big
        // haystack lines of radius 0 are Cytoscape's defaults: not repeated (each property set costs per edge)
        ? { width: 0.6, 'line-color': p.edge }
        : { width: 'data(w)', 'line-color': p.edge, opacity: 0.8 } as never,
    },
    ...(big ? [] : EDGE_KINDS),
    // dimmed nodes lose their labels too: only the hovered neighbourhood is read
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    // Compare: everything but the compared nodes and what links them (graph/compareFocus.ts)
    { selector: '.cmp-dim', style: { opacity: 0.07, 'text-opacity': 0 } },
    // the hovered node names itself; its neighbours keep the labels the label rule gave them (no pile-up)
    { selector: 'node.hover-self', style: { label: 'data(short)', 'min-zoomed-font-size': 0, 'z-index': 10, 'text-background-color': p.outline, 'text-background-opacity': 0.85, 'text-background-padding': '2px' } },
    // a labelled node keeps its wrapped text while hovered (not the one-line cut name); the services map as before
    { selector: 'node.lbl.hover-self', style: { label: 'data(lt)' } },
    { selector: 'node.bare.hover-self', style: { label: 'data(short)' } },
    { selector: 'edge.hover-hl', style: { 'line-color': p.edgeHl, opacity: 1 } },
    { selector: 'node.quiet[font < 15]', style: { 'text-opacity': 0 } },
    // the services map: why two services are linked (legend: Legend.tsx)
    { selector: 'edge[type = "map"]', style: { 'curve-style': 'straight', width: 1.6, opacity: 0.75, 'line-color': MAP_EDGE_COLOURS[theme]['used-together'] } },
    { selector: 'edge[kind = "compared-in"]', style: { 'line-color': MAP_EDGE_COLOURS[theme]['compared-in'], width: 2.2 } },
    { selector: 'edge[kind = "part-of"]', style: { 'line-color': MAP_EDGE_COLOURS[theme]['part-of'], 'line-style': 'dotted', width: 2 } },
    // edges a view leaves out come back while their node is hovered
    { selector: 'edge.vh', style: { display: 'none' } },
    // the services map's long edges, faint until their node or they themselves are hovered (longEdges.ts)
    { selector: 'edge.long', style: { opacity: 0.14 } },
    { selector: 'edge.long.hover-hl', style: { opacity: 0.9 } },
    { selector: 'edge.vh.hover-hl', style: { display: 'element', opacity: 0.7 } },
    ...Object.keys(GROUP_MARK).map((group) => ({ selector: `node.g-${group}`, style: groupNode(group) as never })),
    ...Object.keys(GROUP_MARK).map((group) => ({
      selector: `edge.g-${group}`,
      style: { 'line-color': g[group], width: 3, opacity: 1 },
    })),
    { selector: 'node.scope-out', style: { opacity: 0.18, 'text-opacity': 0 } },
    { selector: 'node.pinned', style: { 'border-style': 'double', 'border-width': 3, 'border-color': p.text } },
    { selector: '.hidden', style: { display: 'none' } },
    ...progressStyle(theme),
  ]
  return style
}
