// Compare 2–4 nodes: where the notes mention all of them (snippets that open the note there), shared
// neighbours, neighbours unique to each, shortest paths; the graph highlights the lot. Also suggests
// "often confused" pairs from the graph itself.
import { useEffect, useMemo, useState } from 'react'
import type { OverlapResult } from '../../../electron/core/types'
import { labelOf, nodeIndex } from './labels'
import { oftenConfused } from './oftenConfused'
import { addToCompare, exploreStore, removeFromCompare, useExplore } from './store'
import type { FeatureProps } from './types'

function NodeButton({ id, label, onFocus }: { id: string; label: string; onFocus: (id: string) => void }) {
  return (
    <button type="button" className="fx-chip" onClick={() => onFocus(id)} title={id}>
      {label}
    </button>
  )
}

export function Compare({ controller, graph, api }: FeatureProps) {
  const ids = useExplore((s) => s.compare)
  const selected = useExplore((s) => s.selected)
  const [result, setResult] = useState<OverlapResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [pick, setPick] = useState('')
  const index = useMemo(() => nodeIndex(graph), [graph])
  const label = (id: string) => labelOf(index, id)
  // only while the panel is open: it scans every pair of services, which launch does not need
  const shown = useExplore((s) => s.panel === 'compare')
  const confused = useMemo(() => (shown ? oftenConfused(graph, { limit: 8 }) : []), [graph, shown])
  const key = ids.join('|')

  useEffect(() => {
    if (ids.length < 2) {
      setResult(null)
      setError(null)
      return
    }
    let cancelled = false
    setLoading(true)
    api
      .overlap(ids)
      .then((r) => {
        if (cancelled) return
        setResult(r)
        setError(null)
      })
      .catch((e: unknown) => {
        if (cancelled) return
        setResult(null)
        setError(e instanceof Error ? e.message : 'Comparison failed')
      })
      .finally(() => {
        if (!cancelled) setLoading(false)
      })
    return () => {
      cancelled = true
    }
    // the key covers the ids; graph changes (live updates) recompute
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, graph])

  // highlight the compared nodes with their shared neighbours, and the paths between them
  useEffect(() => {
    if (!ids.length) {
      controller.highlight('compare', null)
      controller.highlight('path', null)
      return
    }
    controller.highlight('compare', [...ids, ...(result?.sharedNeighbours ?? [])])
    controller.highlight('path', result ? [...new Set(result.paths.flat())] : null)
  }, [controller, ids, result])
  useEffect(
    () => () => {
      controller.highlight('compare', null)
      controller.highlight('path', null)
    },
    [controller],
  )

  const showInGraph = (show: string[]) => {
    const cy = controller.cy()
    if (!cy) return
    let eles = cy.collection()
    for (const id of show) {
      const el = cy.getElementById(id)
      if (el.nonempty() && el.visible()) eles = eles.union(el)
    }
    if (eles.empty()) return
    // fit, but never closer than 1:1 — two neighbours would otherwise fill the screen
    const bb = eles.boundingBox()
    const pad = 80
    const fitZoom = Math.min((cy.width() - 2 * pad) / Math.max(bb.w, 1), (cy.height() - 2 * pad) / Math.max(bb.h, 1))
    cy.stop()
    cy.animate({ zoom: Math.min(1, fitZoom), center: { eles } }, { duration: 300 })
  }
  const focus = (id: string) => {
    controller.focus(id)
    exploreStore.set({ selected: id })
  }
  const candidates = useMemo(
    () => graph.nodes.filter((n) => n.type === 'service' || n.type === 'concept').sort((a, b) => a.label.localeCompare(b.label)),
    [graph],
  )
  const addPicked = () => {
    const q = pick.trim().toLowerCase()
    const hit = candidates.find((n) => n.label.toLowerCase() === q) ?? candidates.find((n) => n.label.toLowerCase().includes(q))
    if (hit) {
      addToCompare(hit.id)
      setPick('')
    }
  }
  const pickListId = 'fx-compare-candidates'

  return (
    <div className="fx-panel-body">
      <div className="fx-compare-picked" aria-label="Compared nodes" role="list">
        {ids.map((id) => (
          <span key={id} className="fx-chip fx-chip-picked" role="listitem">
            <button type="button" className="fx-link" onClick={() => focus(id)}>
              {label(id)}
            </button>
            <button type="button" className="fx-x" aria-label={`Remove ${label(id)} from comparison`} onClick={() => removeFromCompare(id)}>
              ×
            </button>
          </span>
        ))}
        {ids.length === 0 && <span className="fx-muted">Pick 2–4 services or concepts to compare.</span>}
      </div>

      <input
        list={pickListId}
        value={pick}
        placeholder={ids.length >= 4 ? 'Four at most' : 'Add a service or concept (Enter)…'}
        aria-label="Add to comparison"
        disabled={ids.length >= 4}
        onChange={(e) => setPick(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            addPicked()
          }
        }}
      />
      <datalist id={pickListId}>
        {candidates.map((n) => (
          <option key={n.id} value={n.label} />
        ))}
      </datalist>
      <div className="fx-row">
        <button
          type="button"
          className="fx-button"
          disabled={!selected || ids.includes(selected) || ids.length >= 4}
          onClick={() => selected && addToCompare(selected)}
          title={selected ? `Add ${label(selected)}` : 'Select a node in the graph first'}
        >
          Add selected{selected && !ids.includes(selected) ? `: ${label(selected)}` : ''}
        </button>
        {ids.length > 0 && (
          <>
            <button type="button" className="fx-button" onClick={() => showInGraph([...ids, ...(result?.paths.flat() ?? [])])}>
              Show in graph
            </button>
            <button type="button" className="fx-button" onClick={() => exploreStore.set({ compare: [] })}>
              Clear
            </button>
          </>
        )}
      </div>
      <p className="fx-hint">Tip: in search, Alt+Enter adds the highlighted result here.</p>

      {loading && <p className="fx-muted">Comparing…</p>}
      {error && <p className="fx-error" role="alert">{error}</p>}

      {result && ids.length >= 2 && (
        <div className="fx-compare-result">
          <h3>
            Notes mentioning all ({result.notes.length})
          </h3>
          {result.notes.length === 0 ? (
            <p className="fx-muted">No note mentions all of them.</p>
          ) : (
            <ul className="fx-list" aria-label="Notes mentioning all">
              {result.notes.map((p) => (
                <li key={p}>
                  <button type="button" className="fx-link" title={p} onClick={() => controller.openNote(p)}>
                    {labelOf(index, `note:${p}`)}
                  </button>
                </li>
              ))}
            </ul>
          )}

          {result.sections.length > 0 && (
            <>
              <h3>Sections ({result.sections.length})</h3>
              <ul className="fx-list fx-snippets" aria-label="Sections mentioning all">
                {result.sections.map((s) => (
                  <li key={`${s.path}#${s.section}:${s.line}`}>
                    <button type="button" className="fx-snippet-button" onClick={() => controller.openNote(s.path, s.section || undefined, s.line)}>
                      <span className="fx-hit-title">
                        <span>
                          {s.noteTitle}
                          {s.sectionTitle ? ` › ${s.sectionTitle}` : ''}
                        </span>
                      </span>
                      <span className="fx-snippet">{s.text}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}

          <h3>Shared neighbours ({result.sharedNeighbours.length})</h3>
          <div className="fx-chips">
            {result.sharedNeighbours.length === 0 && <span className="fx-muted">None</span>}
            {result.sharedNeighbours.map((id) => (
              <NodeButton key={id} id={id} label={label(id)} onFocus={focus} />
            ))}
          </div>

          <h3>Only connected to one</h3>
          {ids.map((id) => (
            <div key={id} className="fx-unique">
              <div className="fx-unique-title">{label(id)} ({result.unique[id]?.length ?? 0})</div>
              <div className="fx-chips">
                {(result.unique[id] ?? []).slice(0, 30).map((n) => (
                  <NodeButton key={n} id={n} label={label(n)} onFocus={focus} />
                ))}
                {(result.unique[id]?.length ?? 0) > 30 && <span className="fx-muted">+{result.unique[id].length - 30} more</span>}
              </div>
            </div>
          ))}

          <h3>Shortest paths</h3>
          {result.paths.length === 0 && <p className="fx-muted">Not connected.</p>}
          <ol className="fx-list">
            {result.paths.map((path, i) => (
              <li key={i} className="fx-path-steps">
                {path.map((id, k) => (
                  <span key={`${id}-${k}`}>
                    {k > 0 && <span aria-hidden="true"> → </span>}
                    <button type="button" className="fx-link" onClick={() => focus(id)}>
                      {label(id)}
                    </button>
                  </span>
                ))}
              </li>
            ))}
          </ol>
        </div>
      )}

      {confused.length > 0 && (
        <>
          <h3>Often confused</h3>
          <ul className="fx-list" aria-label="Often confused pairs">
            {confused.map((p) => (
              <li key={`${p.a}|${p.b}`}>
                <button type="button" className="fx-link" onClick={() => exploreStore.set({ compare: [p.a, p.b], panel: 'compare' })}>
                  {label(p.a)} vs {label(p.b)}
                </button>
                <span className="fx-muted"> · {p.shared} neighbours in common ({Math.round(p.score * 100)}%)</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
