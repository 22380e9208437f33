// Exam readiness: one figure per exam, the domains as bars, the weakest domain one click away.
import { useEffect, useState } from 'react'
import type { ExamInfo } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'
import type { Readiness } from '../../../electron/core/study/study-types'

const pct = (x: number) => `${Math.round(x * 100)}%`

interface Props {
  api: RendererApi
  version: number
  onStudyDomain(domain: string): void
}

export function ReadinessView({ api, version, onStudyDomain }: Props) {
  const [exams, setExams] = useState<ExamInfo[]>([])
  const [code, setCode] = useState('MLA-C01')
  const [r, setR] = useState<Readiness | null>(null)
  const [error, setError] = useState('')

  useEffect(() => { api.exams().then(setExams, () => undefined) }, [api])
  useEffect(() => {
    let live = true
    api.readiness(code).then(
      (x) => { if (live) { setR(x); setError('') } },
      (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)) },
    )
    return () => { live = false }
  }, [api, code, version])

  return (
    <section className="study-readiness" aria-label="Exam readiness">
      <div className="study-row">
        <h3>Readiness</h3>
        <select aria-label="Exam" value={code} onChange={(e) => setCode(e.target.value)}>
          {(exams.length ? exams.map((e) => e.code) : ['MLA-C01']).map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
        {r && <strong className="study-overall" title="in-scope services and their cards in review or mastered, weighted by the domain weights">{pct(r.overall)}</strong>}
      </div>
      {error && <p className="error">{error}</p>}
      {r && !r.mapped && <p className="muted">These notes are not organised by {r.exam}'s domains: one figure over its in-scope services.</p>}
      {r && r.mapped && (
        <ul className="study-domains">
          {r.domains.map((d) => (
            <li key={d.id} className={r.weakest?.id === d.id ? 'weakest' : ''}>
              <span className="study-domain-name" title={d.name}>{d.id} {d.name}</span>
              <span className="study-bar" aria-hidden="true"><span style={{ width: pct(d.score) }} /></span>
              <span className="study-domain-score" title={`${d.servicesReady}/${d.services} services, ${d.cardsReady}/${d.cards} cards ready; weight ${d.weight}%`}>{pct(d.score)}</span>
            </li>
          ))}
        </ul>
      )}
      {r?.weakest && (
        <button type="button" onClick={() => onStudyDomain(r.weakest!.id)}>
          Study weakest: {r.weakest.id} {r.weakest.name}
        </button>
      )}
    </section>
  )
}
