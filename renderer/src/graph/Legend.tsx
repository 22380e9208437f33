// Legend: the colour and shape of each node type, drawn with the same values as the stylesheet.
import type { NodeType } from '../../../electron/core/types'
import { NODE_COLOURS, type ThemeName } from './style'

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

export function Legend({ theme }: { theme: ThemeName }) {
  return (
    <ul className="legend" aria-label="Legend">
      {(Object.keys(LABELS) as NodeType[]).map((t) => (
        <li key={t}>
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
            <path d={SHAPE_PATHS[t]} fill={NODE_COLOURS[theme][t]} />
          </svg>
          {LABELS[t]}
        </li>
      ))}
    </ul>
  )
}
