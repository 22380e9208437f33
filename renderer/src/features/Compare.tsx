// Compare 2–4 services or concepts: the decision card (what each is, when to choose it, its facts), where
// the notes discuss them together, the most telling shared and unique neighbours, the notes mentioning
// all, and the paths between them. Everything is computed in the core (api.compare, api.confusables);
// the graph shows only the compared nodes and what links them (graph/compareFocus.ts).
import { useEffect, useMemo, useRef, useState } from 'react'
import type { CardSource, CompareResult, Confusables, RankedNeighbour } from '../../../electron/core/compare/types'
import { clearCompare, showCompare } from '../graph/compareFocus'
import { DecisionCard } from './DecisionCard'
import { labelOf, nodeIndex } from './labels'
import { addToCompare, exploreStore, removeFromCompare, useExplore } from './store'
import type { FeatureProps } from './types'

function NeighbourList({ items, label, name, onFocus }: { items: RankedNeighbour[]; label: string; name: (id: string) => string; onFocus: (id: string) => void }) {
  if (items.length === 0) return <p className="fx-muted">None</p>
  return (
    <ul className="fx-chips fx-chip-list" aria-label={label}>
      {items.map((n) => (
        <li key={n.id}>
          <button type="button" className="fx-chip" onClick={() => onFocus(n.id)} title={`${n.id} · specificity ${n.score}`}>
            {name(n.id)}
          </button>
        </li>
      ))}
    </ul>
  )
}

export function Compare({ controller, graph, api }: FeatureProps) {
  const ids = useExplore((s) => s.compare)
  const selected = useExplore((s) => s.selected)
  const [result, setResult] = useState<CompareResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [pick, setPick] = useState('')
  const [confusables, setConfusables] = useState<Confusables | null>(null)
  const index = useMemo(() => nodeIndex(graph), [graph])
  const label = (id: string) => labelOf(index, id)
  // only while the panel is open: the core reads every note's tables once (then caches)
  const shown = useExplore((s) => s.panel === 'compare')
  const key = ids.join('|')

  useEffect(() => {
    if (!shown) return
    let cancelled = false
    api.confusables().then(
      (c) => !cancelled && setConfusables(c),
      () => !cancelled && setConfusables(null),
    )
    return () => {
      cancelled = true
    }
  }, [api, graph, shown])

  useEffect(() => {
    if (ids.length < 2) {
      setResult(null)
      setError(null)
      return
    }
    let cancelled = false
    setLoading(true)
    api
      .compare(ids)
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

  // the graph: compared nodes and what links them stand out; the view fits them once per comparison
  const fitted = useRef('')
  // "Show in graph" asks for the fit again
  const [fitRequest, setFitRequest] = useState(0)
  const current = result && result.ids.join('|') === key ? result : null
  useEffect(() => {
    if (ids.length < 2) {
      // one pick is not a comparison yet: mark it, dim nothing
      clearCompare(controller)
      controller.highlight('compare', ids.length ? ids : null)
      return () => clearCompare(controller)
    }
    const linking = current ? [...new Set([...current.paths.flat(), ...current.shared.map((n) => n.id)])] : []
    const fit = !!current && fitted.current !== key
    if (fit) fitted.current = key
    return showCompare(controller, { ids, linking, paths: current?.paths ?? [] }, { fit })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [controller, key, current, fitRequest])

  const showInGraph = () => {
    fitted.current = ''
    setFitRequest((n) => n + 1)
  }
  const focus = (id: string) => {
    controller.focus(id)
    exploreStore.set({ selected: id })
  }
  const open = (s: CardSource) => controller.openNote(s.path, undefined, s.line)
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
  // groups that hold something being compared come first: "compare with" suggestions
  const groups = useMemo(() => {
    if (!confusables) return []
    const withIds = confusables.groups.filter((g) => ids.some((id) => g.members.includes(id)))
    return withIds.slice(0, 3)
  }, [confusables, ids])
  const inGraph = (id: string) => index.has(id)
  // often-confused pairs about what is compared first (a compared item, or a service in one group with it), the
  // core's order kept within each part: with Glue vs Kinesis, Streams vs Firehose before MWAA vs Pipelines
  const families = current?.families
  const pairs = useMemo(() => {
    if (!confusables) return []
    const own = new Set([...ids, ...(families ?? []).flat()])
    const near = new Set([...own, ...confusables.groups.filter((g) => g.members.some((m) => own.has(m))).flatMap((g) => g.members)])
    const about = (p: { a: string; b: string }) => (near.has(p.a) || near.has(p.b) ? 0 : 1)
    return confusables.pairs.map((p, i) => ({ p, i })).sort((x, y) => about(x.p) - about(y.p) || x.i - y.i).map(({ p }) => p)
  }, [confusables, ids, families])

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
            <button type="button" className="fx-button" onClick={showInGraph}>
              Show in graph
            </button>
            <button type="button" className="fx-button" onClick={() => exploreStore.set({ compare: [] })}>
              Clear
            </button>
          </>
        )}
      </div>
      {ids.length < 2 && <p className="fx-hint">Tip: in search, Alt+Enter adds the highlighted result here.</p>}

      {loading && !current && <p className="fx-muted">Comparing…</p>}
      {error && <p className="fx-error" role="alert">{error}</p>}

      {current && ids.length >= 2 && (
        <div className="fx-compare-result">
          <DecisionCard items={current.items} onOpen={open} />

          <h3>Where the notes compare them ({current.together.length})</h3>
          {current.together.length === 0 ? (
            <p className="fx-muted">No section discusses all of them.</p>
          ) : (
            <ul className="fx-list fx-snippets" aria-label="Sections mentioning all">
              {current.together.map((s) => (
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
          )}

          <h3>Shared neighbours ({current.shared.length})</h3>
          <NeighbourList items={current.shared} label="Shared neighbours" name={label} onFocus={focus} />

          <h3>Only one of them</h3>
          <div className="fx-unique-cols" style={{ gridTemplateColumns: `repeat(${Math.min(ids.length, 2)}, minmax(0, 1fr))` }}>
            {current.ids.map((id) => (
              <div key={id} className="fx-unique">
                <div className="fx-unique-title">
                  {label(id)} ({current.unique[id]?.length ?? 0})
                </div>
                <NeighbourList items={current.unique[id] ?? []} label={`Only ${label(id)}`} name={label} onFocus={focus} />
              </div>
            ))}
          </div>

          <h3>Notes mentioning all ({current.notes.length})</h3>
          {current.notes.length === 0 ? (
            <p className="fx-muted">No note mentions all of them.</p>
          ) : (
            <ul className="fx-list" aria-label="Notes mentioning all">
              {current.notes.map((p) => (
                <li key={p}>
                  <button type="button" className="fx-link" title={p} onClick={() => controller.openNote(p)}>
                    {labelOf(index, `note:${p}`)}
                  </button>
                </li>
              ))}
            </ul>
          )}

          <h3>Shortest paths</h3>
          {current.paths.length === 0 && <p className="fx-muted">Not connected.</p>}
          <ol className="fx-list">
            {current.paths.map((path, i) => (
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

      {groups.length > 0 && (
        <>
          <h3>Also confused with these</h3>
          <ul className="fx-list" aria-label="Confusable groups">
            {groups.map((g, i) => (
              <li key={i}>
                {g.members.filter(inGraph).map((m, k) => (
                  <span key={m}>
                    {k > 0 && <span className="fx-muted"> · </span>}
                    {ids.includes(m) ? (
                      <strong>{label(m)}</strong>
                    ) : (
                      <button type="button" className="fx-link" disabled={ids.length >= 4} onClick={() => addToCompare(m)} title={`Add ${label(m)} to the comparison`}>
                        {label(m)}
                      </button>
                    )}
                  </span>
                ))}
                <span className="fx-muted"> — {g.evidence[0].kind === 'family' ? g.evidence[0].text : g.evidence[0].kind === 'vs' ? `“${g.evidence[0].text}”` : `table: ${g.evidence[0].text}`}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {pairs.length > 0 && (
        <>
          <h3>Often confused</h3>
          <ul className="fx-list" aria-label="Often confused pairs">
            {pairs
              .filter((p) => inGraph(p.a) && inGraph(p.b))
              .slice(0, 12)
              .map((p) => (
                <li key={`${p.a}|${p.b}`}>
                  <button type="button" className="fx-link" onClick={() => exploreStore.set({ compare: [p.a, p.b], panel: 'compare' })}>
                    {label(p.a)} vs {label(p.b)}
                  </button>
                  <span className="fx-muted"> · {p.reason}</span>
                </li>
              ))}
          </ul>
        </>
      )}
    </div>
  )
}
