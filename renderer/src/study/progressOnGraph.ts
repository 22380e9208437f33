// Study progress on the graph: every service, concept and note node carries data('progress'); the "colour by
// progress" mode and the "due" / "weakest" filters are classes this module sets in one cy.batch. The stylesheet
// rules for them come from progressStyle(), appended to the graph's stylesheet.
import type { Core, NodeSingular, StylesheetJson } from 'cytoscape'
import type { NodeProgress } from '../../../electron/core/study/study-types'
import type { ProgressState } from '../../../electron/core/study/types'

export type ProgressFilter = 'none' | 'due' | 'weakest'

export interface ProgressView {
  colour: boolean
  filter: ProgressFilter
}

const PROGRESS_NODE = /^(service|concept|note):/
const STATES: ProgressState[] = ['new', 'learning', 'review', 'mastered']
const PG_CLASSES = STATES.map((s) => `pg-${s}`)

export const PROGRESS_COLOURS: Record<'light' | 'dark', Record<ProgressState, string>> = {
  light: { new: '#cbd5e1', learning: '#f59e0b', review: '#3b82f6', mastered: '#16a34a' },
  dark: { new: '#475569', learning: '#fbbf24', review: '#60a5fa', mastered: '#4ade80' },
}

/** Rules for the graph stylesheet: progress colours (only while the mode is on) and the filters' hiding. */
export function progressStyle(theme: 'light' | 'dark'): StylesheetJson {
  const c = PROGRESS_COLOURS[theme]
  return [
    ...STATES.map((s) => ({ selector: `node.pg-${s}`, style: { 'background-color': c[s] } })),
    { selector: 'node.pg-out', style: { display: 'none' } },
  ]
}

/**
 * Put the progress on the nodes (data + classes), in one batch; untouched nodes keep theirs. `only`: just these
 * nodes (what a graph delta added or changed; the others have theirs already).
 */
export function applyProgress(cy: Core, progress: NodeProgress | null, view: ProgressView, only?: Iterable<string>): void {
  const states = progress?.states ?? {}
  const keep = view.filter === 'due' ? new Set(progress?.due ?? []) : view.filter === 'weakest' ? new Set(progress?.weakest ?? []) : null
  cy.batch(() => {
    const each = (fn: (n: NodeSingular) => void) => {
      if (!only) { cy.nodes().forEach(fn); return }
      for (const id of only) { const n = cy.getElementById(id); if (n.nonempty() && n.isNode()) fn(n as unknown as NodeSingular) }
    }
    each((n) => {
      const id = n.id()
      if (!PROGRESS_NODE.test(id)) {
        if (keep && !n.hasClass('pg-out')) n.addClass('pg-out')
        else if (!keep && n.hasClass('pg-out')) n.removeClass('pg-out')
        return
      }
      const state: ProgressState = states[id] ?? 'new'
      if (n.data('progress') !== state) n.data('progress', state)
      const want = view.colour ? `pg-${state}` : ''
      for (const cls of PG_CLASSES) if (cls !== want && n.hasClass(cls)) n.removeClass(cls)
      if (want && !n.hasClass(want)) n.addClass(want)
      const out = keep !== null && !keep.has(id)
      if (out !== n.hasClass('pg-out')) n.toggleClass('pg-out', out)
    })
  })
}

/** Order for "sort by progress": the least learned first. */
export const PROGRESS_ORDER: Record<ProgressState, number> = { new: 0, learning: 1, review: 2, mastered: 3 }
