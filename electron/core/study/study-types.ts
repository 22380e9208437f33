// What the study calls of the contract take and return (plain data, JSON safe).
import type { Card, NodeMark, ProgressState } from './types'

/** Which cards a session draws from. */
export type StudyScope =
  | { kind: 'all' }
  | { kind: 'domain'; domain: string }
  | { kind: 'note'; path: string }
  /** cards that mention any of these nodes or sit in these notes: a neighbourhood, the compare set */
  | { kind: 'nodes'; ids: string[] }

export interface StudySettings {
  /** FSRS desired retention, 0.7–0.99 */
  desiredRetention: number
  /** new cards introduced per day */
  newPerDay: number
}

/** Where a card comes from, as a student reads it: its note's title and its section's heading. */
export interface CardPlace {
  note: string
  section?: string
}

export interface StudyCard extends Card {
  state: ProgressState
  /** the card's note and section by title: a card's front alone ("Where to look") may not say what it is about */
  place?: CardPlace
  /** the note's exam domain (D1…) when known */
  domain?: string
}

export interface StudyQueue {
  /** due reviews first (earliest due first), then new cards within today's limit */
  cards: StudyCard[]
  /** cards left today in this scope: new within today's limit + due reviews */
  due: number
}

export interface StudyStats {
  /** cards left today (all cards): new within today's limit + due reviews */
  due: number
  total: number
  newToday: number
  reviewedToday: number
  byState: Record<ProgressState, number>
  settings: StudySettings
  /** true when undoGrade has something to undo */
  canUndo: boolean
  /** a problem the user must see (a corrupt progress file kept aside) */
  notice?: string
}

export interface GradeResult {
  card: string
  state: ProgressState
  /** next due time, epoch ms */
  nextDue: number
  /** cards left today (all cards) */
  due: number
}

export interface UndoResult {
  /** id of the card whose last grade was undone, null when there was nothing to undo */
  card: string | null
  due: number
}

export interface NodeProgress {
  /** service, concept and note node id → state */
  states: Record<string, ProgressState>
  marks: Record<string, NodeMark>
  /** nodes with at least one card due today */
  due: string[]
  /** nodes most in need of work, weakest first */
  weakest: string[]
}

/** One exam task statement: its entities (named by its text) and the cards about them or in notes filed under it. */
export interface TaskReadiness {
  /** "1.1" */
  id: string
  title: string
  /** graph entities the task statement names that the notes mention */
  entities: number
  entitiesReady: number
  cards: number
  cardsReady: number
  /** 0..1; absent when the notes hold nothing of this task */
  score?: number
  /** the nodes a session on this task draws from: its entities and the notes filed under it */
  nodes: string[]
}

export interface DomainReadiness {
  id: string
  name: string
  weight: number
  services: number
  servicesReady: number
  cards: number
  cardsReady: number
  /** 0..1 */
  score: number
  /** the domain's task statements (empty when the exam has none on record) */
  tasks?: TaskReadiness[]
}

export interface Readiness {
  exam: string
  name: string
  /** 0..1, domain scores weighted by the exam's domain weights */
  overall: number
  /** false when the notes are not organised by this exam's domains: one figure, no per-domain split */
  mapped: boolean
  domains: DomainReadiness[]
  weakest?: { id: string; name: string }
  /** the task statement with the lowest score among those the notes hold something of */
  weakestTask?: { id: string; title: string; domain: string; nodes: string[] }
}

/** "Which service?": a cue from a card and four services to choose from, one of them right. */
export interface DrillQuestion {
  card: string
  cue: string
  answer: string
  options: Array<{ id: string; label: string }>
  note: string
  section: string
  line: number
  /** the card's note and section by title: the cue alone may not say what it is about */
  place?: CardPlace
}

export interface ImportResult {
  cards: number
  reviews: number
  marks: number
}
