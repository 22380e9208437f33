// Exam readiness: one figure per exam, the domains as bars, each domain open to its task statements; the
// weakest domain and the weakest task statement one click away.
import { useEffect, useState } from 'react'
import type { ExamInfo } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'
import type { Readiness, TaskReadiness } from '../../../electron/core/study/study-types'

/** A whole percent; a start below 1% reads "<1%", not "0%" (the first grades moved nothing the student could see). */
export const pct = (x: number) => (x > 0 && x < 0.005 ? '<1%' : `${Math.round(x * 100)}%`)
/** A bar's filled width (CSS): the share itself, never the text above ("<1%" is no width: the bar drew full) */
export const barWidth = (x: number) => `${Math.min(100, Math.max(0, x * 100)).toFixed(1)}%`

interface Props {
  api: RendererApi
  version: number
  onStudyDomain(domain: string): void
  /** a session on these nodes' cards (a task statement's entities and notes) */
  onStudyNodes(ids: string[]): void
}

function TaskRow({ t, weakest, onStudy }: { t: TaskReadiness; weakest: boolean; onStudy(): void }) {
  const label = `Task ${t.id} ${t.title}`
  const detail = t.score === undefined
    ? 'the notes hold nothing of this task statement'
    : `${t.entitiesReady}/${t.entities} entities, ${t.cardsReady}/${t.cards} cards ready`
  return (
    <li className={weakest ? 'weakest' : ''} aria-label={label}>
      <button type="button" className="linklike study-task-name" title={`${label}: study its cards`} disabled={t.nodes.length === 0} onClick={onStudy}>
        {t.id} {t.title}
      </button>
      <span className="study-bar" aria-hidden="true"><span style={{ width: barWidth(t.score ?? 0) }} /></span>
      <span className="study-domain-score" aria-label={`Readiness of task ${t.id}`} title={detail}>{t.score === undefined ? '–' : pct(t.score)}</span>
    </li>
  )
}

export function ReadinessView({ api, version, onStudyDomain, onStudyNodes }: Props) {
  const [exams, setExams] = useState<ExamInfo[]>([])
  const [code, setCode] = useState('MLA-C01')
  const [r, setR] = useState<Readiness | null>(null)
  const [error, setError] = useState('')
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())

  useEffect(() => { api.exams().then(setExams, () => undefined) }, [api])
  useEffect(() => {
    let live = true
    api.readiness(code).then(
      (x) => { if (live) { setR(x); setError('') } },
      (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)) },
    )
    return () => { live = false }
  }, [api, code, version])

  const toggle = (id: string) => setOpen((s) => {
    const next = new Set(s)
    if (!next.delete(id)) next.add(id)
    return next
  })

  return (
    <section className="study-readiness" aria-label="Exam readiness">
      <div className="study-row">
        <h3>Readiness</h3>
        <select aria-label="Exam" value={code} onChange={(e) => { setCode(e.target.value); setOpen(new Set()) }}>
          {(exams.length ? exams.map((e) => e.code) : ['MLA-C01']).map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
        {r && <strong className="study-overall" title="task statements' entities and cards in review or mastered, weighted by the domain weights">{pct(r.overall)}</strong>}
      </div>
      {error && <p className="error">{error}</p>}
      {r && !r.mapped && r.domains.length === 0 && <p className="muted">These notes are not organised by {r.exam}'s domains: one figure over its in-scope services.</p>}
      {r && !r.mapped && r.domains.length > 0 && <p className="muted">Notes not filed by {r.exam}'s domains: each domain is read from its task statements.</p>}
      {r && r.domains.length > 0 && (
        <ul className="study-domains">
          {r.domains.map((d) => {
            const expanded = open.has(d.id)
            const tasks = d.tasks ?? []
            return (
              <li key={d.id} className={r.weakest?.id === d.id ? 'weakest' : ''}>
                <div className="study-domain-row">
                  {tasks.length > 0
                    ? <button type="button" className="linklike study-domain-name" aria-expanded={expanded} title={`${d.name}: show its task statements`} onClick={() => toggle(d.id)}>
                        <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {d.id} {d.name}
                      </button>
                    : <span className="study-domain-name" title={d.name}>{d.id} {d.name}</span>}
                  <span className="study-bar" aria-hidden="true"><span style={{ width: barWidth(d.score) }} /></span>
                  <span className="study-domain-score" title={`${d.servicesReady}/${d.services} services, ${d.cardsReady}/${d.cards} cards ready; weight ${d.weight}%`}>{pct(d.score)}</span>
                </div>
                {expanded && (
                  <ul className="study-tasks" aria-label={`Task statements of ${d.id}`}>
                    {tasks.map((t) => <TaskRow key={t.id} t={t} weakest={r.weakestTask?.id === t.id} onStudy={() => onStudyNodes(t.nodes)} />)}
                  </ul>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {r?.mapped && r.weakest && (
        <button type="button" onClick={() => onStudyDomain(r.weakest!.id)}>
          Study weakest domain: {r.weakest.id} {r.weakest.name}
        </button>
      )}
      {r?.weakestTask && (
        <button type="button" onClick={() => onStudyNodes(r.weakestTask!.nodes)} title="a session on the cards of this task statement's services, concepts and notes">
          Study weakest task: {r.weakestTask.id} {r.weakestTask.title}
        </button>
      )}
    </section>
  )
}
