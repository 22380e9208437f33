// "Which service?": a cue and four services; the choice is graded (right → Good, wrong → Again) into the scheduler.
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
  return (
    <div className="study-card" role="group" aria-label="Which service?">
      <div className="study-card-meta"><span className="muted">Which service?</span></div>
      {question.place && <p className="study-where muted" aria-label="From">{placeText(question.place)}</p>}
      <p className="study-front">{question.cue}</p>
      <div className="study-options">
        {question.options.map((o) => (
          <button
            key={o.id}
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
    </div>
  )
}
