// Exam overlay: an exam's in-scope services highlighted, its domain weights, and coverage gaps
// (in-scope services no note mentions). A second exam shows the services both exams share.
import { useEffect, useMemo, useState } from 'react'
import type { ExamInfo } from '../../../electron/core/types'
import type { ExamOverlap } from '../../../electron/core/compare/examOverlap'
import { labelOf, nodeIndex } from './labels'
import { exploreStore, setFilter, useExplore } from './store'
import type { FeatureProps } from './types'

export function ExamOverlay({ controller, graph, api }: FeatureProps) {
  const chosen = useExplore((s) => s.exams)
  const filter = useExplore((s) => s.filter)
  const [exams, setExams] = useState<ExamInfo[]>([])
  const [gaps, setGaps] = useState<string[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const index = useMemo(() => nodeIndex(graph), [graph])
  const [codeA, codeB] = chosen
  const a = exams.find((x) => x.code === codeA)
  const b = exams.find((x) => x.code === codeB)

  useEffect(() => {
    api.exams().then(
      (x) => setExams(x),
      (e: unknown) => setError(e instanceof Error ? e.message : 'Could not load the exams'),
    )
  }, [api])

  useEffect(() => {
    if (!codeA) {
      setGaps(null)
      return
    }
    let cancelled = false
    api.coverageGaps(codeA).then(
      (g) => !cancelled && setGaps(g),
      () => !cancelled && setGaps(null),
    )
    return () => {
      cancelled = true
    }
  }, [api, codeA, graph])

  // computed in the core (family matches: Kinesis ~ Kinesis Data Streams)
  const [overlap, setOverlap] = useState<ExamOverlap | null>(null)
  useEffect(() => {
    if (!codeA || !codeB) {
      setOverlap(null)
      return
    }
    let cancelled = false
    api.examOverlap(codeA, codeB).then(
      (o) => !cancelled && setOverlap(o),
      () => !cancelled && setOverlap(null),
    )
    return () => {
      cancelled = true
    }
  }, [api, codeA, codeB, graph])
  const shared = useMemo(() => overlap?.shared ?? [], [overlap])

  // 'exam' = in scope of the first exam; 'exam-b' = in scope of both (cross-exam overlap)
  useEffect(() => {
    controller.highlight('exam', a ? a.inScope.filter((id) => index.has(id)) : null)
    controller.highlight('exam-b', overlap ? overlap.highlight.filter((id) => index.has(id)) : null)
  }, [controller, a, overlap, index])
  useEffect(
    () => () => {
      controller.highlight('exam', null)
      controller.highlight('exam-b', null)
    },
    [controller],
  )

  const setExam = (slot: 0 | 1, code: string) => {
    const next = [...chosen]
    if (slot === 0) next[0] = code
    else next[1] = code
    exploreStore.set({ exams: next.filter((x, i) => x && (i === 0 || next[0])).slice(0, 2) })
  }
  const focus = (id: string) => {
    if (!index.has(id)) return
    controller.focus(id)
    exploreStore.set({ selected: id })
  }
  // a node with noteCount 0 is known to the ontology but mentioned by no note
  const mentioned = (id: string) => {
    const n = index.get(id)
    return !!n && (n.noteCount === undefined || n.noteCount > 0)
  }
  const inNotes = a ? a.inScope.filter(mentioned).length : 0
  const sharedInNotes = shared.filter(mentioned).length

  return (
    <div className="fx-panel-body">
      {error && <p className="fx-error" role="alert">{error}</p>}
      <label className="fx-field">
        <span>Exam</span>
        <select aria-label="Exam" value={codeA ?? ''} onChange={(e) => setExam(0, e.target.value)}>
          <option value="">No overlay</option>
          {exams.map((x) => (
            <option key={x.code} value={x.code}>
              {x.code} — {x.name}
            </option>
          ))}
        </select>
      </label>
      <label className="fx-field">
        <span>Overlap with</span>
        <select aria-label="Second exam" value={codeB ?? ''} disabled={!codeA} onChange={(e) => setExam(1, e.target.value)}>
          <option value="">—</option>
          {exams
            .filter((x) => x.code !== codeA)
            .map((x) => (
              <option key={x.code} value={x.code}>
                {x.code} — {x.name}
              </option>
            ))}
        </select>
      </label>

      {a && (
        <>
          <label className="fx-check">
            <input
              type="checkbox"
              checked={filter.examScope === a.code}
              onChange={(e) => setFilter({ examScope: e.target.checked ? a.code : undefined })}
            />
            Hide services outside {a.code}
          </label>
          <h3>Domains of {a.code}: share of the exam</h3>
          <ul className="fx-weights" aria-label={`Domain weights of ${a.code}`}>
            {a.domains.map((d) => (
              <li key={d.id}>
                <span className="fx-weight-label">
                  {d.id} {d.name}
                </span>
                {/* the bar at the weight itself: drawn ×2.5 it read like readiness ("28%" two-thirds full) */}
                <span className="fx-bar" aria-hidden="true">
                  <span style={{ width: `${Math.min(100, d.weight)}%` }} />
                </span>
                <span className="fx-weight-value">{d.weight}%</span>
              </li>
            ))}
          </ul>
          <p className="fx-counts" role="status">
            <span className="fx-swatch fx-swatch-exam" aria-hidden="true" /> {a.inScope.length} services in scope, {inNotes} in your notes
          </p>

          <h3>Coverage gaps{gaps ? ` (${gaps.length})` : ''}</h3>
          {gaps === null ? (
            <p className="fx-muted">Loading…</p>
          ) : gaps.length === 0 ? (
            <p className="fx-muted">Every in-scope service is mentioned in a note.</p>
          ) : (
            <ul className="fx-list fx-columns" aria-label="Coverage gaps">
              {gaps.map((id) => (
                <li key={id}>{labelOf(index, id)}</li>
              ))}
            </ul>
          )}
        </>
      )}

      {a && b && (
        <>
          <h3>
            {a.code} ∩ {b.code}
          </h3>
          <p className="fx-counts" role="status">
            <span className="fx-swatch fx-swatch-exam-b" aria-hidden="true" /> {shared.length} services in both, {sharedInNotes} in your notes
          </p>
          <p className="fx-hint">≈ the other exam lists a feature or parent of it (e.g. Kinesis Data Streams for Kinesis).
          </p>
          <div className="fx-chips" aria-label="Services in both exams">
            {shared.map((id) =>
              index.has(id) ? (
                <button
                  key={id}
                  type="button"
                  className="fx-chip fx-chip-exam-b"
                  onClick={() => focus(id)}
                  title={overlap?.via[id] ? `${b.code} lists ${overlap.via[id].map((r) => labelOf(index, r)).join(', ')}` : undefined}
                >
                  {labelOf(index, id)}
                  {overlap?.via[id] && <span aria-hidden="true"> ≈</span>}
                </button>
              ) : (
                <span key={id} className="fx-chip fx-chip-absent" title="not mentioned in your notes">
                  {labelOf(index, id)}
                </span>
              ),
            )}
          </div>
        </>
      )}
    </div>
  )
}
