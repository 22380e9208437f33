// Filters (node type, domain, service category, exam scope, minimum edge weight, orphans) and the
// local graph switch. Changes apply live; the visible counts come back from the graph view.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type { ExamInfo, NodeType } from '../../../electron/core/types'
import { isEmptyFilter } from './hashState'
import { labelOf, nodeIndex } from './labels'
import { numericOrder } from '../../../electron/core/numeric-order'
import { exploreStore, setFilter, useExplore } from './store'
import type { FeatureProps } from './types'

const TYPE_ORDER: NodeType[] = ['domain', 'note', 'service', 'concept', 'tag']
const TYPE_LABELS: Record<NodeType, string> = { domain: 'Domains', note: 'Notes', service: 'Services', concept: 'Concepts', tag: 'Tags' }

function toggle<T>(list: T[] | undefined, all: T[], value: T, on: boolean): T[] | undefined {
  // undefined means "all"; going back to all of them clears the restriction
  const current = list ?? all
  const next = on ? [...new Set([...current, value])] : current.filter((x) => x !== value)
  return next.length === all.length && all.every((x) => next.includes(x)) ? undefined : next
}

/**
 * What the canvas shows, read from the graph view while this panel has no counts of its own yet (its graph
 * comes after the canvas's first picture): the panel never says "Loading…" over a settled graph.
 */
function useCanvasCounts(controller: FeatureProps['controller'], wanted: boolean): { nodes: number; edges: number; total: number } | null {
  const snapshot = useSyncExternalStore(
    (l) => (controller as Partial<{ subscribe(l: () => void): () => void }>).subscribe?.call(controller, l) ?? (() => undefined),
    () => {
      const cy = controller.cy()
      const total = controller.graph().nodes.length
      if (!wanted || !cy || total === 0 || cy.nodes().length === 0) return ''
      // the counts the graph view took when it last set the classes, else a pass over the canvas
      const kept = controller.shownCounts?.()
      const nodes = kept ? kept.nodes : cy.nodes().filter((n) => !n.hasClass('hidden')).length
      const edges = kept ? kept.edges : cy.edges().filter((e) => !e.hasClass('hidden') && !e.hasClass('vh')).length
      return `${nodes}|${edges}|${total}`
    },
  )
  if (!snapshot) return null
  const [nodes, edges, total] = snapshot.split('|').map(Number)
  return { nodes, edges, total }
}

export function Filters({ graph, api, controller }: FeatureProps) {
  const filter = useExplore((s) => s.filter)
  const depth = useExplore((s) => s.depth)
  const selected = useExplore((s) => s.selected)
  const counts = useExplore((s) => s.counts)
  const [exams, setExams] = useState<ExamInfo[]>([])
  const canvas = useCanvasCounts(controller, counts === null)
  const shown = counts ?? canvas

  useEffect(() => {
    api.exams().then(setExams, () => setExams([]))
  }, [api])

  // until this panel's own graph arrives, the boxes list what the canvas already shows (never an empty box)
  const source = graph.nodes.length === 0 && canvas ? controller.graph() : graph
  const index = useMemo(() => nodeIndex(graph), [graph])
  const { types, domains, categories, maxWeight } = useMemo(() => {
    const t = new Set<NodeType>()
    const d = new Map<string, string>()
    const c = new Set<string>()
    for (const n of source.nodes) {
      t.add(n.type)
      if (n.type === 'domain' && n.domain) d.set(n.domain, n.label)
      else if (n.domain && !d.has(n.domain)) d.set(n.domain, n.domain)
      if (n.category && (n.type === 'service' || n.type === 'concept')) c.add(n.category)
    }
    let w = 1
    for (const e of source.edges) w = Math.max(w, e.weight ?? 1)
    return {
      types: TYPE_ORDER.filter((x) => t.has(x)),
      domains: [...d.entries()].sort((a, b) => numericOrder(a[0], b[0])),
      categories: [...c].sort(),
      maxWeight: Math.min(w, 50),
    }
  }, [source])
  const domainIds = domains.map(([id]) => id)
  const active = !isEmptyFilter(filter)

  return (
    <div className="fx-panel-body">
      <p className="fx-counts" role="status" aria-live="polite" data-testid="visible-count">
        {shown ? `${plural(shown.nodes, 'node')} · ${plural(shown.edges, 'edge')} visible` : 'Loading…'}
        <span className="fx-muted"> of {graph.nodes.length || canvas?.total || 0}</span>
      </p>

      <fieldset className="fx-fieldset">
        <legend>Graph</legend>
        <div className="fx-segmented" role="radiogroup" aria-label="Local graph depth">
          {[null, 1, 2, 3].map((d) => (
            <label key={String(d)} className={depth === d ? 'fx-on' : undefined}>
              <input
                type="radio"
                name="fx-depth"
                checked={depth === d}
                onChange={() => exploreStore.set({ depth: d })}
              />
              {d === null ? 'Global' : `Local ${d}`}
            </label>
          ))}
        </div>
        {depth !== null && (
          <p className="fx-hint">
            {selected ? (
              <>
                Around <strong>{labelOf(index, selected)}</strong>, depth {depth}
              </>
            ) : (
              'Select a node to see its neighbourhood.'
            )}
          </p>
        )}
      </fieldset>

      <fieldset className="fx-fieldset">
        <legend>Node types</legend>
        {types.map((t) => (
          <label key={t} className="fx-check">
            <input
              type="checkbox"
              checked={!filter.types || filter.types.includes(t)}
              onChange={(e) => setFilter({ types: toggle(filter.types, types, t, e.target.checked) })}
            />
            {TYPE_LABELS[t]}
          </label>
        ))}
      </fieldset>

      {domains.length > 0 && (
        <fieldset className="fx-fieldset">
          <legend>Domains</legend>
          {domains.map(([id, label]) => (
            <label key={id} className="fx-check" title={label}>
              <input
                type="checkbox"
                checked={!filter.domains || filter.domains.includes(id)}
                onChange={(e) => setFilter({ domains: toggle(filter.domains, domainIds, id, e.target.checked) })}
              />
              {label}
            </label>
          ))}
        </fieldset>
      )}

      {categories.length > 0 && (
        <label className="fx-field">
          <span>Service category</span>
          <select
            value={filter.categories?.[0] ?? ''}
            onChange={(e) => setFilter({ categories: e.target.value ? [e.target.value] : undefined })}
          >
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}

      <label className="fx-field">
        <span>Exam scope</span>
        <select value={filter.examScope ?? ''} onChange={(e) => setFilter({ examScope: e.target.value || undefined })}>
          <option value="">Any exam</option>
          {exams.map((x) => (
            <option key={x.code} value={x.code}>
              {x.code} — in-scope services only
            </option>
          ))}
        </select>
      </label>

      <label className="fx-field">
        <span>
          Minimum edge weight: <strong>{filter.minEdgeWeight ?? 1}</strong>
        </span>
        <input
          type="range"
          min={1}
          max={Math.max(maxWeight, 2)}
          value={filter.minEdgeWeight ?? 1}
          aria-label="Minimum edge weight"
          onChange={(e) => {
            const w = Number(e.target.value)
            setFilter({ minEdgeWeight: w > 1 ? w : undefined })
          }}
        />
      </label>

      <label className="fx-check">
        <input type="checkbox" checked={!!filter.hideOrphans} onChange={(e) => setFilter({ hideOrphans: e.target.checked || undefined })} />
        Hide orphans (nodes without visible edges)
      </label>

      <button type="button" className="fx-button" disabled={!active} onClick={() => exploreStore.set({ filter: {} })}>
        Reset filters
      </button>
    </div>
  )
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
