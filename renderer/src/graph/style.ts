// One Cytoscape stylesheet per theme: colour AND shape per node type, size from data, labels that
// fade out when zoomed out (hubs have bigger fonts, so they stay readable longest).
import type { StylesheetJson } from 'cytoscape'
import type { NodeType } from '../../../electron/core/types'

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

/** Colours of the named highlight groups the exploration features use. */
export const GROUP_COLOURS: Record<string, string> = {
  compare: '#e11d48',
  exam: '#0891b2',
  'exam-b': '#ca8a04',
  path: '#16a34a',
  search: '#db2777',
}

export function buildStyle(theme: ThemeName): StylesheetJson {
  const c = NODE_COLOURS[theme]
  const p = PALETTE[theme]
  const style: StylesheetJson = [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        'font-size': 'data(font)',
        'min-zoomed-font-size': 7,
        color: p.text,
        'text-outline-color': p.outline,
        'text-outline-width': 2,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '130px',
        'border-width': 1,
        'border-color': p.outline,
      },
    },
    ...(Object.keys(c) as NodeType[]).map((t) => ({
      selector: `node[type = "${t}"]`,
      // smaller kinds drawn above bigger ones, so a service on top of a note stays clickable
      style: { 'background-color': c[t], shape: NODE_SHAPES[t] as 'ellipse', 'z-index': Z_INDEX[t] },
    })),
    {
      selector: 'edge',
      style: {
        width: 'mapData(weight, 1, 10, 0.8, 3)',
        'line-color': p.edge,
        'curve-style': 'haystack',
        'haystack-radius': 0,
        opacity: 0.8,
      },
    },
    { selector: 'edge[type = "contains"]', style: { 'line-style': 'dashed', 'curve-style': 'straight' } },
    { selector: 'edge[type = "part-of"]', style: { 'line-style': 'dotted', width: 1.5 } },
    { selector: 'edge[type = "related"]', style: { opacity: 0.25, width: 'mapData(weight, 4, 20, 0.6, 2)' } },
    { selector: '.faded', style: { opacity: 0.12 } },
    { selector: 'node.hover-hl', style: { 'min-zoomed-font-size': 0, 'z-index': 10, 'text-background-color': p.outline, 'text-background-opacity': 0.85, 'text-background-padding': '2px' } },
    { selector: 'edge.hover-hl', style: { 'line-color': p.edgeHl, opacity: 1 } },
    { selector: '.hl-any', style: { 'border-width': 4, 'border-color': '#0ea5e9', 'min-zoomed-font-size': 0 } },
    ...Object.entries(GROUP_COLOURS).map(([g, colour]) => ({
      selector: `node.g-${g}`,
      style: { 'border-color': colour, 'border-width': 4 },
    })),
    ...Object.entries(GROUP_COLOURS).map(([g, colour]) => ({
      selector: `edge.g-${g}`,
      style: { 'line-color': colour, width: 3, opacity: 1 },
    })),
    { selector: 'edge.sel-hl', style: { 'line-color': p.edgeHl, opacity: 0.9 } },
    { selector: '.hidden', style: { display: 'none' } },
    {
      selector: 'node:selected',
      style: { 'border-width': 5, 'border-color': p.select, 'min-zoomed-font-size': 0, 'z-index': 20 },
    },
  ]
  return style
}
