// One card of a review session. Keys while it has focus: Space shows the answer, 1–4 grade, U undoes, Esc ends.
import { useEffect, useRef } from 'react'
import type { CardPlace, StudyCard } from '../../../electron/core/study/study-types'
import type { Grade } from '../../../electron/core/study/types'

export const GRADES: Array<{ grade: Grade; label: string; key: string }> = [
  { grade: 'again', label: 'Again', key: '1' },
  { grade: 'hard', label: 'Hard', key: '2' },
  { grade: 'good', label: 'Good', key: '3' },
  { grade: 'easy', label: 'Easy', key: '4' },
]

/** "1.10 Optimizing Data Loading… › Spot the bottleneck first": what a card is about, before its front. */
export const placeText = (p: CardPlace): string => (p.section ? `${p.note} › ${p.section}` : p.note)

interface Props {
  card: StudyCard
  revealed: boolean
  onReveal(): void
  onGrade(grade: Grade): void
  onUndo(): void
  onEnd(): void
  onOpenSource(card: StudyCard): void
}

export function Flashcard({ card, revealed, onReveal, onGrade, onUndo, onEnd, onOpenSource }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  // each new card takes the focus, so the keys keep working card after card
  useEffect(() => { ref.current?.focus({ preventScroll: true }) }, [card.id])

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.target !== e.currentTarget && (e.target as HTMLElement).tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return
    if (e.key === ' ' || e.key === 'Spacebar') {
      e.preventDefault()
      if (!revealed) onReveal()
    } else if (revealed && /^[1-4]$/.test(e.key)) {
      e.preventDefault()
      onGrade(GRADES[Number(e.key) - 1].grade)
    } else if (e.key === 'u' || e.key === 'U') {
      e.preventDefault()
      onUndo()
    } else if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      onEnd()
    }
  }

  return (
    <div ref={ref} className="study-card" role="group" aria-label="Flashcard" tabIndex={0} onKeyDown={onKeyDown} data-card={card.id}>
      <div className="study-card-meta">
        <span className={`study-state study-state-${card.state}`}>{card.state}</span>
        <span className="muted">{card.kind}{card.domain ? ` · ${card.domain}` : ''}</span>
      </div>
      {card.place && <p className="study-where muted" aria-label="From">{placeText(card.place)}</p>}
      <p className="study-front">{card.front}</p>
      {revealed ? (
        <>
          <hr />
          <p className="study-back">{card.back}</p>
          <button type="button" className="linklike study-source" onClick={() => onOpenSource(card)} title={`${card.note}, line ${card.line}`}>
            Open in note: {card.place ? placeText(card.place) : `${card.note.split('/').pop()}${card.section ? ` § ${card.section}` : ''}`}
          </button>
          <div className="study-grades">
            {GRADES.map((g) => (
              <button key={g.grade} type="button" className={`study-grade study-grade-${g.grade}`} onClick={() => onGrade(g.grade)} aria-keyshortcuts={g.key}>
                {g.label}
              </button>
            ))}
          </div>
        </>
      ) : (
        <button type="button" className="primary study-show" onClick={onReveal} aria-keyshortcuts="Space">Show answer</button>
      )}
      <p className="study-keys muted">Space shows · 1–4 grade · U undo · Esc ends</p>
    </div>
  )
}
