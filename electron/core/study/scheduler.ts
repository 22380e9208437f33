// Spaced repetition through ts-fsrs: a card's stored state ↔ ts-fsrs cards, grades, and what a state means for
// the student (new / learning / review / mastered). Times are epoch milliseconds in storage.
import { fsrs, generatorParameters, createEmptyCard, Rating, State, type Card as FsrsCard, type FSRS, type Grade as FsrsGrade } from 'ts-fsrs'
import type { Grade, ProgressState } from './types'
import type { StudySettings } from './study-types'

/** One card's scheduling state as stored (ts-fsrs Card with epoch-ms dates) plus its text, for reword matching. */
export interface CardProgress {
  due: number
  stability: number
  difficulty: number
  elapsed_days: number
  scheduled_days: number
  learning_steps: number
  reps: number
  lapses: number
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning */
  state: number
  last_review?: number
  /** the card's text when last graded: history follows a reworded card by it */
  front: string
  back: string
  note: string
}

/** One grade in the review log (ts-fsrs ReviewLog with epoch-ms dates, and the card it was for). */
export interface LogEntry {
  card: string
  rating: number
  /** state before the grade */
  state: number
  due: number
  stability: number
  difficulty: number
  elapsed_days: number
  last_elapsed_days: number
  scheduled_days: number
  learning_steps: number
  /** when the grade was given */
  review: number
}

export const DEFAULT_SETTINGS: StudySettings = { desiredRetention: 0.9, newPerDay: 20 }

/** A card in review whose memory lasts this long (days) counts as mastered (Anki calls such cards mature). */
export const MASTERED_STABILITY_DAYS = 21

const RATING: Record<Grade, FsrsGrade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy }

export function progressState(p: CardProgress | undefined): ProgressState {
  if (!p || p.state === State.New) return 'new'
  if (p.state === State.Review) return p.stability >= MASTERED_STABILITY_DAYS ? 'mastered' : 'review'
  return 'learning'
}

function toFsrs(p: CardProgress): FsrsCard {
  return {
    due: new Date(p.due),
    stability: p.stability,
    difficulty: p.difficulty,
    elapsed_days: p.elapsed_days,
    scheduled_days: p.scheduled_days,
    learning_steps: p.learning_steps,
    reps: p.reps,
    lapses: p.lapses,
    state: p.state as State,
    last_review: p.last_review === undefined ? undefined : new Date(p.last_review),
  }
}

export class Scheduler {
  private f: FSRS
  constructor(settings: StudySettings) {
    this.f = fsrs(generatorParameters({ request_retention: settings.desiredRetention, enable_fuzz: false }))
  }

  /** Grade a card (undefined: never graded) at `now`; returns its next state and the log entry. */
  grade(
    id: string,
    prev: CardProgress | undefined,
    text: { front: string; back: string; note: string },
    grade: Grade,
    now: number,
  ): { next: CardProgress; log: LogEntry } {
    const card = prev ? toFsrs(prev) : createEmptyCard(new Date(now))
    const { card: c, log } = this.f.next(card, new Date(now), RATING[grade])
    const next: CardProgress = {
      due: c.due.getTime(),
      stability: c.stability,
      difficulty: c.difficulty,
      elapsed_days: c.elapsed_days,
      scheduled_days: c.scheduled_days,
      learning_steps: c.learning_steps,
      reps: c.reps,
      lapses: c.lapses,
      state: c.state,
      last_review: c.last_review?.getTime(),
      ...text,
    }
    const entry: LogEntry = {
      card: id,
      rating: log.rating,
      state: log.state,
      due: log.due.getTime(),
      stability: log.stability,
      difficulty: log.difficulty,
      elapsed_days: log.elapsed_days,
      last_elapsed_days: log.last_elapsed_days,
      scheduled_days: log.scheduled_days,
      learning_steps: log.learning_steps,
      review: log.review.getTime(),
    }
    return { next, log: entry }
  }

  /** Probability of recall now (0..1); 0 for cards never graded. */
  retrievability(p: CardProgress | undefined, now: number): number {
    if (!p || p.state === State.New) return 0
    return this.f.get_retrievability(toFsrs(p), new Date(now), false)
  }
}

/** Local midnight before `now`: "today" for the daily new-card limit is the student's day. */
export function startOfDay(now: number): number {
  const d = new Date(now)
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}
