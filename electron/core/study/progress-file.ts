// The study progress of one notes folder as one JSON file in the state directory: card states, the review log,
// node marks, settings and the undo stack. Read through readJsonState (a broken file is kept aside and reported,
// never overwritten); written atomically, one write at a time, the newest state last.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { writeFileAtomic } from '../atomic-write'
import { readJsonState, type StateProblem } from '../state-file'
import { DEFAULT_SETTINGS, type CardProgress, type LogEntry } from './scheduler'
import type { NodeMark } from './types'
import type { StudySettings } from './study-types'

export const PROGRESS_VERSION = 1

export interface UndoStep {
  card: string
  /** the card's state before the grade; null when it had never been graded */
  prev: CardProgress | null
}

export interface ProgressData {
  version: number
  settings: StudySettings
  cards: Record<string, CardProgress>
  log: LogEntry[]
  marks: Record<string, NodeMark>
  /** most recent last; kept short */
  undo: UndoStep[]
}

export const MAX_UNDO = 20

export const emptyProgress = (): ProgressData => ({ version: PROGRESS_VERSION, settings: { ...DEFAULT_SETTINGS }, cards: {}, log: [], marks: {}, undo: [] })

/** Per folder, like the view state: a hash of the folder path names the file. */
export function progressFileFor(settingsDir: string, folder: string): string {
  return path.join(settingsDir, 'study', `${createHash('sha1').update(folder).digest('hex').slice(0, 16)}.json`)
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const str = (v: unknown): v is string => typeof v === 'string'
const MARKS: NodeMark[] = ['learned', 'needs-review']

export function validSettings(v: unknown): StudySettings | undefined {
  if (!isObj(v)) return undefined
  const r = v.desiredRetention
  const n = v.newPerDay
  if (!num(r) || r < 0.7 || r > 0.99) return undefined
  if (!num(n) || !Number.isInteger(n) || n < 0 || n > 1000) return undefined
  return { desiredRetention: r, newPerDay: n }
}

function validCard(v: unknown): CardProgress | undefined {
  if (!isObj(v)) return undefined
  const numeric = ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'] as const
  if (!numeric.every((k) => num(v[k]))) return undefined
  if (![0, 1, 2, 3].includes(v.state as number)) return undefined
  if (v.last_review !== undefined && !num(v.last_review)) return undefined
  if (!str(v.front) || !str(v.back) || !str(v.note)) return undefined
  return v as unknown as CardProgress
}

function validLog(v: unknown): LogEntry | undefined {
  if (!isObj(v) || !str(v.card)) return undefined
  const numeric = ['rating', 'state', 'due', 'stability', 'difficulty', 'elapsed_days', 'last_elapsed_days', 'scheduled_days', 'learning_steps', 'review'] as const
  if (!numeric.every((k) => num(v[k]))) return undefined
  if (![1, 2, 3, 4].includes(v.rating as number)) return undefined
  return v as unknown as LogEntry
}

/** The whole file's shape, checked entry by entry: undefined when anything is off (the file is then kept aside). */
export function parseProgress(raw: unknown): ProgressData | undefined {
  if (!isObj(raw) || raw.version !== PROGRESS_VERSION) return undefined
  const settings = validSettings(raw.settings)
  if (!settings || !isObj(raw.cards) || !Array.isArray(raw.log) || !isObj(raw.marks)) return undefined
  const cards: Record<string, CardProgress> = {}
  for (const [id, c] of Object.entries(raw.cards)) {
    const ok = validCard(c)
    if (!ok) return undefined
    cards[id] = ok
  }
  const log: LogEntry[] = []
  for (const e of raw.log) {
    const ok = validLog(e)
    if (!ok) return undefined
    log.push(ok)
  }
  const marks: Record<string, NodeMark> = {}
  for (const [id, m] of Object.entries(raw.marks)) {
    if (!MARKS.includes(m as NodeMark)) return undefined
    marks[id] = m as NodeMark
  }
  const undo: UndoStep[] = []
  if (raw.undo !== undefined) {
    if (!Array.isArray(raw.undo)) return undefined
    for (const u of raw.undo) {
      if (!isObj(u) || !str(u.card)) return undefined
      const prev = u.prev === null ? null : validCard(u.prev)
      if (prev === undefined) return undefined
      undo.push({ card: u.card, prev })
    }
  }
  return { version: PROGRESS_VERSION, settings, cards, log, marks, undo: undo.slice(-MAX_UNDO) }
}

export interface LoadedProgress {
  data: ProgressData
  problem?: StateProblem
}

/** The copy of the write before the last one, kept beside the progress file (ProgressWriter). */
export const previousCopyOf = (file: string) => `${file}.previous`

export function loadProgress(file: string): LoadedProgress {
  const read = readJsonState(file, 'study progress', parseProgress)
  if (read.status === 'ok') return { data: read.value }
  if (read.status === 'missing') return { data: emptyProgress() }
  // damaged (a disk fault, another program): the copy of the save before, if it reads, holds all but the last grades
  const previous = readJsonState(previousCopyOf(file), 'previous study progress', parseProgress)
  if (previous.status !== 'ok') return { data: emptyProgress(), problem: read.problem }
  const kept = read.problem.backup ? `it was kept as ${path.basename(read.problem.backup)}` : 'it is left as it is'
  return {
    data: previous.value,
    problem: { ...read.problem, message: `Your study progress file could not be read (${kept}); your progress was restored from the copy made one save before, so the last grades may be missing.` },
  }
}

/**
 * Writes one file, one write at a time; a save asked for while one runs is folded into the next write, so a
 * burst of grades costs two writes, and every caller's promise resolves once a write holding its change is done.
 */
export class ProgressWriter {
  private running: Promise<void> | null = null
  private queued: Promise<void> | null = null
  /** false after a corrupt file could not be moved aside: never write over it */
  enabled = true

  constructor(private readonly file: string, private readonly snapshot: () => ProgressData) {}

  save(): Promise<void> {
    if (!this.enabled) return Promise.resolve()
    if (this.queued) return this.queued
    if (!this.running) {
      this.running = this.write().finally(() => { this.running = null })
      return this.running
    }
    this.queued = this.running.then(() => {
      this.queued = null
      return this.save()
    })
    return this.queued
  }

  /** the text of the last write (or of the file as found before the first one) */
  private last: string | null | undefined = undefined

  private async write(): Promise<void> {
    const text = JSON.stringify(this.snapshot())
    if (this.last === undefined) {
      try { this.last = readFileSync(this.file, 'utf8') } catch { this.last = null }
    }
    // the save before this one, kept beside it (also atomically): a file damaged later is not all lost
    if (this.last !== null && this.last !== text) await writeFileAtomic(previousCopyOf(this.file), this.last)
    await writeFileAtomic(this.file, text)
    this.last = text
  }
}
