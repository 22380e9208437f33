// Study-mode data shared by the card extractor, the scheduler, the progress store, the hosts and the renderer.
// Plain data only (structured clone and JSON safe).
import type { Diagnostic } from '../types'

/**
 * Where a card came from:
 * - `tip`: an exam-tip bullet ("when a question says X, think Y", "X → Y", "If …, choose …") → cue/answer
 * - `definition`: `**Term**: definition`, `**Term:** definition`, `Term — definition` → term/definition
 * - `table`: a comparison-table cell → "Which service …?" / the row's service
 * - `user`: written by the student, `Question :: Answer` or a multi-line card split by a `?` line
 */
export type CardKind = 'tip' | 'definition' | 'table' | 'user'

export interface Card {
  /** pure function of the note's relative path and the card's own text (front + back) */
  id: string
  kind: CardKind
  front: string
  back: string
  /** note path relative to the folder, forward slashes */
  note: string
  /** section id (Section.id) the card sits in, '' before the first heading */
  section: string
  /** 1-based file line where the card's text starts */
  line: number
  /** service/concept node ids the card mentions (front or back), from the extractor */
  entities: string[]
}

export interface CardSet {
  /** ordered by note path, then line */
  cards: Card[]
  /** unusable cards (empty side, too long …), never silent drops */
  diagnostics: Diagnostic[]
}

export type Grade = 'again' | 'hard' | 'good' | 'easy'

/** Progress state of a card, or of a graph node rolled up from its cards and the student's marks. */
export type ProgressState = 'new' | 'learning' | 'review' | 'mastered'

/** A manual mark a student puts on any node from the note panel or the node's context menu. */
export type NodeMark = 'learned' | 'needs-review'
