// Notes that still use a former service name, grouped by that name, with the current one.
import { useEffect, useMemo, useState } from 'react'
import type { RenamedUse } from '../../../electron/core/types'
import { exploreStore, useExplore } from './store'
import type { FeatureProps } from './types'

export function Renamed({ controller, graph, api }: FeatureProps) {
  const [uses, setUses] = useState<RenamedUse[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  // asked for when the panel is first opened: it scans every note, and launch does not need it
  const shown = useExplore((s) => s.panel === 'renamed')
  const [wanted, setWanted] = useState(shown)
  if (shown && !wanted) setWanted(true)
  useEffect(() => {
    if (!wanted) return
    let cancelled = false
    api.renamed().then(
      (r) => !cancelled && (setUses(r), setError(null)),
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : 'Could not load renamed services'),
    )
    return () => {
      cancelled = true
    }
  }, [api, graph, wanted])

  const groups = useMemo(() => {
    const m = new Map<string, RenamedUse[]>()
    for (const u of uses ?? []) {
      const k = `${u.oldName}\u0000${u.currentName}`
      m.set(k, [...(m.get(k) ?? []), u])
    }
    return [...m.values()].sort((a, b) => b.length - a.length)
  }, [uses])
  const titles = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.label])), [graph])
  const known = titles

  if (error) return <p className="fx-error" role="alert">{error}</p>
  if (!uses) return <p className="fx-muted">Loading…</p>
  if (!uses.length) return <p className="fx-muted">No note uses a former service name.</p>
  return (
    <div className="fx-panel-body">
      <p className="fx-hint">{uses.length} places use a name AWS has since changed.</p>
      {groups.map((g) => (
        <section key={`${g[0].oldName}|${g[0].currentName}`} className="fx-renamed" aria-label={`${g[0].oldName} renamed`}>
          <h3>
            <s>{g[0].oldName}</s> →{' '}
            {known.has(g[0].entity) ? (
              <button
                type="button"
                className="fx-link"
                onClick={() => {
                  controller.focus(g[0].entity)
                  exploreStore.set({ selected: g[0].entity })
                }}
              >
                {g[0].currentName}
              </button>
            ) : (
              g[0].currentName
            )}
          </h3>
          <ul className="fx-list">
            {g.map((u) => (
              <li key={`${u.path}:${u.line}`}>
                <button type="button" className="fx-link" title={u.path} onClick={() => controller.openNote(u.path, undefined, u.line)}>
                  {titles.get(`note:${u.path}`) ?? u.path}
                </button>
                <span className="fx-muted"> · line {u.line}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
