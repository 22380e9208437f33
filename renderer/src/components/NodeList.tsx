// The keyboard alternative to the canvas: every node in a filterable list. Arrow keys move, Enter
// selects and centres the node (and opens its note), Home/End jump. The filter field doubles as the
// simple search while no richer search component is mounted.
import { useMemo, useRef, useState } from 'react'
import type { GraphNode } from '../../../electron/core/types'
import type { ProgressState } from '../../../electron/core/study/types'
import { PROGRESS_ORDER } from '../study/progressOnGraph'
import { numericOrder } from '../../../electron/core/numeric-order'

const MAX_ROWS = 300
const TYPE_ORDER: Record<GraphNode['type'], number> = { domain: 0, note: 1, service: 2, concept: 3, tag: 4 }

interface Props {
  nodes: GraphNode[]
  selected: string | null
  onChoose(id: string): void
  /** aria-label of the filter field ("Search" when it is the app's only search) */
  fieldLabel: string
  /** study progress per node: offers "sort by progress" (least learned first) */
  progress?: Record<string, ProgressState>
}

/** Rank: exact label, then prefix, then word prefix, then substring (labels and aliases); services and concepts first on ties. */
export function rankNodes(nodes: GraphNode[], query: string): GraphNode[] {
  const q = query.trim().toLowerCase()
  if (!q) return [...nodes].sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || numericOrder(a.label, b.label))
  const scored: Array<[number, GraphNode]> = []
  for (const n of nodes) {
    let best = 0
    for (const name of [n.label, ...(n.aliases ?? [])]) {
      const s = name.toLowerCase()
      const score = s === q ? 4 : s.startsWith(q) ? 3 : new RegExp(`\\b${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(s) ? 2.5 : s.includes(q) ? 1 : 0
      if (score > best) best = score
    }
    if (best > 0) scored.push([best + (n.type === 'service' || n.type === 'concept' ? 0.6 : 0), n])
  }
  return scored.sort((a, b) => b[0] - a[0] || a[1].label.length - b[1].label.length).map(([, n]) => n)
}

export function NodeList({ nodes, selected, onChoose, fieldLabel, progress }: Props) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [byProgress, setByProgress] = useState(false)
  const list = useRef<HTMLUListElement>(null)
  // ranked from the live query (not a deferred one): Enter must choose the row the user sees
  const ranked = useMemo(() => {
    const r = rankNodes(nodes, query)
    if (!byProgress || !progress) return r
    const rank = (n: GraphNode) => (progress[n.id] ? PROGRESS_ORDER[progress[n.id]] : 9)
    return r.map((n, i) => [n, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([n]) => n)
  }, [nodes, query, byProgress, progress])
  const shown = ranked.slice(0, MAX_ROWS)

  const move = (to: number) => {
    const i = Math.max(0, Math.min(shown.length - 1, to))
    setActive(i)
    list.current?.querySelector<HTMLElement>(`[data-index="${i}"]`)?.scrollIntoView?.({ block: 'nearest' })
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); move(active + 1) }
    else if (e.key === 'ArrowUp') { e.preventDefault(); move(active - 1) }
    else if (e.key === 'Home' && e.target !== e.currentTarget.querySelector('input')) { e.preventDefault(); move(0) }
    else if (e.key === 'End' && e.target !== e.currentTarget.querySelector('input')) { e.preventDefault(); move(shown.length - 1) }
    else if (e.key === 'PageDown') { e.preventDefault(); move(active + 10) }
    else if (e.key === 'PageUp') { e.preventDefault(); move(active - 10) }
    else if (e.key === 'Enter' && shown[active]) { e.preventDefault(); onChoose(shown[active].id) }
  }
  const activeId = shown[active] ? `node-opt-${active}` : undefined

  return (
    <section className="node-list" aria-label="Nodes" onKeyDown={onKeyDown}>
      <input
        type="search"
        className="node-filter"
        aria-label={fieldLabel}
        placeholder="Filter nodes…"
        value={query}
        aria-controls="node-options"
        aria-activedescendant={activeId}
        onChange={(e) => { setQuery(e.target.value); setActive(0) }}
      />
      {progress && (
        <label className="node-sort">
          <input type="checkbox" checked={byProgress} onChange={(e) => { setByProgress(e.target.checked); setActive(0) }} /> Sort by progress
        </label>
      )}
      <ul id="node-options" ref={list} role="listbox" aria-label="All nodes" tabIndex={0} aria-activedescendant={activeId}>
        {shown.map((n, i) => (
          <li
            key={n.id}
            id={`node-opt-${i}`}
            data-index={i}
            role="option"
            aria-selected={n.id === selected}
            className={`${i === active ? 'active' : ''} ${n.id === selected ? 'selected' : ''}`}
            onClick={() => { setActive(i); onChoose(n.id) }}
          >
            <span className={`dot type-${n.type}`} aria-hidden="true" />
            <span className="node-label">{n.label}</span>
            {progress?.[n.id] && <span className={`node-progress pg-${progress[n.id]}`}>{progress[n.id]}</span>}
            <span className="node-type">{n.type}</span>
          </li>
        ))}
      </ul>
      <div className="node-count" aria-live="polite">
        {ranked.length > MAX_ROWS ? `${MAX_ROWS} of ${ranked.length} — type to narrow` : `${ranked.length} node${ranked.length === 1 ? '' : 's'}`}
      </div>
    </section>
  )
}
