// Legend: the colour and shape of each node type, and every mark in use on the canvas — selection,
// compare, path, exam scope and overlap, pinned nodes, the services map's edge kinds — drawn with the
// same values as the stylesheet.
import { useSyncExternalStore } from 'react'
import type { NodeType } from '../../../electron/core/types'
import type { CyGraphController } from './cyController'
import { GROUP_COLOURS, MAP_EDGE_COLOURS, NODE_COLOURS, overlayColours, type ThemeName } from './style'
import { PROGRESS_COLOURS } from '../study/progressOnGraph'
import { useStudy } from '../study/studyStore'

const PROGRESS_LABELS: Array<[keyof typeof PROGRESS_COLOURS.light, string]> = [['new', 'New'], ['learning', 'Learning'], ['review', 'In review'], ['mastered', 'Mastered']]

const LABELS: Record<NodeType, string> = {
  domain: 'Exam domain',
  note: 'Note',
  service: 'AWS service',
  concept: 'Concept',
  tag: 'Tag',
}

const SHAPE_PATHS: Record<NodeType, string> = {
  domain: 'M4 1 L12 1 L15 8 L12 15 L4 15 L1 8 Z',
  note: 'M3 1 H13 Q15 1 15 3 V13 Q15 15 13 15 H3 Q1 15 1 13 V3 Q1 1 3 1 Z',
  service: 'M8 1 A7 7 0 1 1 7.99 1 Z',
  concept: 'M8 1 L15 8 L8 15 L1 8 Z',
  tag: 'M1 3 H11 L15 8 L11 13 H1 Z',
}

const VIEW_TYPES: Record<string, NodeType[]> = {
  overview: ['domain', 'note', 'service', 'concept'],
  services: ['service'],
  notes: ['domain', 'note', 'service', 'concept'],
  all: ['domain', 'note', 'service', 'concept', 'tag'],
}

const MARKS: Record<string, string> = {
  compare: 'Compared (halo)',
  path: 'Path between compared (ring)',
  'exam-b': 'In both exams (ring)',
  search: 'Search match (ring)',
}

function Ring({ colour, halo }: { colour: string; halo?: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      {halo ? <circle cx="8" cy="8" r="7" fill={colour} opacity="0.45" /> : <circle cx="8" cy="8" r="6" fill="none" stroke={colour} strokeWidth="2.5" />}
    </svg>
  )
}

function Line({ colour, dotted }: { colour: string; dotted?: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <line x1="1" y1="8" x2="15" y2="8" stroke={colour} strokeWidth="2.5" strokeDasharray={dotted ? '2 2' : undefined} />
    </svg>
  )
}

/** The node types a graph has, cached per graph (a folder without exam domains shows no hexagon in the legend). */
const typesCache = new WeakMap<object, string>()
function typesIn(graph: { nodes: Array<{ type: NodeType }> }): string {
  let t = typesCache.get(graph)
  if (t === undefined) {
    t = [...new Set(graph.nodes.map((n) => n.type))].sort().join(',')
    typesCache.set(graph, t)
  }
  return t
}

export function Legend({ theme, controller }: { theme: ThemeName; controller: CyGraphController }) {
  const state = useSyncExternalStore(
    (l) => controller.subscribe(l),
    () => `${controller.view()}|${controller.activeGroups().sort().join(',')}|${controller.selected() ?? ''}|${controller.pinned().length}|${typesIn(controller.graph())}`,
  )
  const [view, groupList, selected, pinned, present] = state.split('|')
  // colour by progress: services, concepts and notes take their progress colour, so the types keep only their shape
  const byProgress = useStudy((s) => s.view.colour)
  const groups = new Set(groupList ? groupList.split(',') : [])
  const g = GROUP_COLOURS[theme]
  return (
    <ul className="legend" aria-label="Legend">
      {(VIEW_TYPES[view] ?? VIEW_TYPES.all).filter((t) => !present || present.split(',').includes(t)).map((t) => (
        <li key={t}>
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
            {byProgress && t !== 'domain'
              ? <path d={SHAPE_PATHS[t]} fill="none" stroke={NODE_COLOURS[theme].tag} strokeWidth="1.6" />
              : <path d={SHAPE_PATHS[t]} fill={NODE_COLOURS[theme][t]} />}
          </svg>
          {LABELS[t]}
        </li>
      ))}
      {byProgress && PROGRESS_LABELS.map(([s, text]) => (
        <li key={s}><svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6.5" fill={PROGRESS_COLOURS[theme][s]} /></svg>{text}</li>
      ))}
      {view === 'overview' && <li className="legend-note">Grouped by what they belong to · bigger = more connected</li>}
      {view === 'services' && (
        <>
          <li><Line colour={MAP_EDGE_COLOURS[theme]['compared-in']} />Compared in a table</li>
          <li><Line colour={MAP_EDGE_COLOURS[theme]['used-together']} />Used together in a sentence</li>
          <li><Line colour={MAP_EDGE_COLOURS[theme]['part-of']} dotted />Part of</li>
          <li className="legend-note">By AWS category; a big service with its features · hover a line for its evidence</li>
        </>
      )}
      {selected && <li><Ring colour={overlayColours(theme).ring} />Selected</li>}
      {Object.entries(MARKS).filter(([k]) => groups.has(k)).map(([k, text]) => (
        <li key={k}><Ring colour={g[k]} halo={k === 'compare'} />{text}</li>
      ))}
      {groups.has('exam') && <li><Ring colour={NODE_COLOURS[theme].service} halo />Faded: outside the exam's scope</li>}
      {Number(pinned) > 0 && <li><Ring colour={NODE_COLOURS[theme].note} />Double border: pinned (double-click frees)</li>}
    </ul>
  )
}
