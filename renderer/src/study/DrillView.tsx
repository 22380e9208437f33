// "Which service?": a cue and four services; the choice is graded (right → Good, wrong → Again) into the scheduler.
import { useEffect, useRef } from 'react'
import type { DrillQuestion } from '../../../electron/core/study/study-types'
import { placeText } from './Flashcard'

interface Props {
  question: DrillQuestion
  chosen: string | null
  onChoose(id: string): void
  onNext(): void
  onOpenSource(q: DrillQuestion): void
}

export function DrillView({ question, chosen, onChoose, onNext, onOpenSource }: Props) {
  const right = chosen !== null && chosen === question.answer
  const ref = useRef<HTMLDivElement>(null)
  // each question takes the focus, so 1–4 answer it as they grade a flashcard
  useEffect(() => { ref.current?.focus({ preventScroll: true }) }, [question.card])
  const onKeyDown = (e: React.KeyboardEvent) => {
    const option = /^[1-9]$/.test(e.key) ? question.options[Number(e.key) - 1] : undefined
    if (!option || chosen !== null) return
    e.preventDefault()
    onChoose(option.id)
  }
  return (
    <div ref={ref} className="study-card" role="group" aria-label="Which service?" tabIndex={-1} onKeyDown={onKeyDown}>
      <div className="study-card-meta"><span className="muted">Which service?</span></div>
      {question.place && <p className="study-where muted" aria-label="From">{placeText(question.place)}</p>}
      <p className="study-front">{question.cue}</p>
      <div className="study-options">
        {question.options.map((o, i) => (
          <button
            key={o.id}
            aria-keyshortcuts={String(i + 1)}
            type="button"
            disabled={chosen !== null}
            className={chosen === null ? '' : o.id === question.answer ? 'right' : o.id === chosen ? 'wrong' : ''}
            onClick={() => onChoose(o.id)}
          >
            {o.label}
          </button>
        ))}
      </div>
      {chosen !== null && (
        <div className="study-row">
          <strong role="status" className={right ? 'study-right' : 'study-wrong'}>{right ? 'Right' : `No — ${question.options.find((o) => o.id === question.answer)?.label}`}</strong>
          <button type="button" className="linklike" onClick={() => onOpenSource(question)}>Open in note</button>
          <button type="button" className="primary" onClick={onNext} autoFocus>Next</button>
        </div>
      )}
      <p className="study-keys muted">1–4 choose · Enter goes on</p>
    </div>
  )
}
