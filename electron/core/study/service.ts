// The study half of the backend: one folder's cards (from the index) joined with the student's progress
// (from the state directory), scheduled by ts-fsrs. The backend delegates every study call of the contract here.
import type { ExamInfo, Graph, NoteMeta } from '../types'
import type { Extractor } from '../extract/index'
import type { Confusables } from '../compare/types'
import type { Ontology, OntologyEntity } from '../ontology/types'
import { VaultError } from '../errors'
import { PRIMARY_EXAM } from '../exams/index'
import { cardsToTsv } from './anki'
import { drillQuestion } from './drill'
import { familyOf } from '../compare/index'
import { nodesOfCard, rollUpNodes, PROGRESS_NODE } from './node-progress'
import { emptyProgress, loadProgress, parseProgress, progressFileFor, ProgressWriter, MAX_UNDO, type ProgressData } from './progress-file'
import { examReadiness, type TaskInput } from './readiness'
import { filedUnder, noteFilings, taskEntities, taskStatementsOf, type Filing } from './task-statements'
import { matchReworded } from './reword'
import { DEFAULT_SETTINGS, Scheduler, progressState, startOfDay, type CardProgress } from './scheduler'
import type { Card, CardSet, Grade, NodeMark, ProgressState } from './types'
import type {
  CardPlace, DrillQuestion, GradeResult, ImportResult, NodeProgress, Readiness, StudyCard, StudyQueue, StudyScope, StudySettings, StudyStats, UndoResult,
} from './study-types'

/** What the study service reads from the opened folder. */
export interface StudySource {
  /** absolute folder path: names the progress file */
  folder(): string
  cards(): CardSet
  noteDomain(path: string): string | undefined
  /** a note's title and one of its sections' heading (by section id), when the note is known */
  notePlace?(path: string, section: string): CardPlace | undefined
  graph(): Graph
  exams(): ExamInfo[]
  ontology: Ontology
  /** for readiness per task statement: the extractor run on the task's text, and the notes filed under a task */
  extractor?: Extractor
  notes?: () => Iterable<NoteMeta>
  /** the notes' confusable groups (comparison tables, "X vs Y", families): the drill's wrong options */
  confusables?: () => Confusables
  /** a note's first file lines (frontmatter included; its introduction is all readiness reads) */
  getLines?: (path: string) => string[] | undefined
}

export interface StudyOptions {
  /** the state directory (the progress files go in its `study/` folder) */
  settingsDir: string
  /** clock (tests) */
  now?: () => number
  /** a problem the user must see (besides studyStats().notice) */
  onNotice?: (message: string) => void
}

/** A family this small is one product line (Kinesis: Data Streams, Video Streams…), not a platform (SageMaker AI). */
const MAX_FAMILY = 6

/** Ids plus the members of their small families: a task naming "Kinesis" covers Kinesis Data Streams. */
function withFamilies(ontology: Ontology, ids: readonly string[]): string[] {
  const out = new Set(ids)
  for (const id of ids) {
    const family = familyOf(ontology, id)
    if (family.size - 1 <= MAX_FAMILY) for (const m of family) out.add(m)
  }
  return [...out]
}

const EMPTY: CardSet = { cards: [], diagnostics: [] }
const WEAKEST = 20

export class StudyService {
  private folder: string | null = null
  private file = ''
  private data: ProgressData = emptyProgress()
  private writer: ProgressWriter | null = null
  private scheduler = new Scheduler(DEFAULT_SETTINGS)
  private notice: string | undefined
  private cardSet: CardSet = EMPTY
  private byId = new Map<string, Card>()
  private readonly now: () => number
  /** note path → its task filings, kept while the note's content hash stays the same */
  private filings = new Map<string, { hash: string; filings: Filing[] }>()

  constructor(private readonly source: StudySource, private readonly opts: StudyOptions) {
    this.now = opts.now ?? Date.now
  }

  /** Load the progress of the source's current folder (at once, so a broken file is reported on start). */
  load(): void {
    const folder = this.source.folder()
    if (folder === this.folder) return
    this.folder = folder
    this.file = progressFileFor(this.opts.settingsDir, folder)
    const loaded = loadProgress(this.file)
    this.data = loaded.data
    this.notice = loaded.problem?.message
    this.writer = new ProgressWriter(this.file, () => this.data)
    // the broken file could not be moved aside: keep it as it is, study without saving
    if (loaded.problem && !loaded.problem.backup) this.writer.enabled = false
    if (this.notice) this.opts.onNotice?.(this.notice)
    this.scheduler = new Scheduler(this.data.settings)
    this.cardSet = EMPTY
    this.byId.clear()
  }

  /** The current folder's cards, joined with its progress; history moved over to reworded cards. */
  private sync(): Card[] {
    this.load()
    const set = this.source.cards()
    if (set !== this.cardSet) {
      this.cardSet = set
      this.byId = new Map(set.cards.map((c) => [c.id, c]))
      const moves = matchReworded(this.data.cards, set.cards)
      if (moves.size > 0) {
        for (const [from, to] of moves) {
          const card = this.byId.get(to)!
          this.data.cards[to] = { ...this.data.cards[from], front: card.front, back: card.back, note: card.note }
          delete this.data.cards[from]
        }
        for (const e of this.data.log) e.card = moves.get(e.card) ?? e.card
        for (const u of this.data.undo) u.card = moves.get(u.card) ?? u.card
        void this.save()
      }
    }
    return set.cards
  }

  private save(): Promise<void> {
    return this.writer ? this.writer.save().catch(() => {
      this.notice = 'Your study progress could not be saved (is the disk full or read-only?).'
    }) : Promise.resolve()
  }

  private stateOf = (c: Card): ProgressState => progressState(this.data.cards[c.id])
  private domainOf = (c: Card): string | undefined => this.source.noteDomain(c.note)

  private newToday(now: number): number {
    const start = startOfDay(now)
    let n = 0
    const log = this.data.log
    for (let i = log.length - 1; i >= 0 && log[i].review >= start; i--) if (log[i].state === 0) n++
    return n
  }

  private inScope(scope: StudyScope): (c: Card) => boolean {
    switch (scope.kind) {
      case 'all': return () => true
      case 'domain': return (c) => this.domainOf(c) === scope.domain
      case 'note': return (c) => c.note === scope.path
      case 'nodes': {
        const ids = new Set(scope.ids)
        return (c) => ids.has(`note:${c.note}`) || c.entities.some((e) => ids.has(e))
      }
    }
  }

  /** Due reviews (earliest first) and new cards (in note order) of a scope, and today's count. */
  private pick(scope: StudyScope, limit: number): { cards: Card[]; due: number } {
    const cards = this.sync()
    const now = this.now()
    const remainingNew = Math.max(0, this.data.settings.newPerDay - this.newToday(now))
    const take = this.inScope(scope)
    // the `limit` earliest due reviews, kept sorted as they come (no sort of every due card per call)
    const top: Array<[number, Card]> = []
    const fresh: Card[] = []
    let reviews = 0
    let newCount = 0
    const progress = this.data.cards
    for (const c of cards) {
      if (!take(c)) continue
      const p = progress[c.id]
      if (!p || p.state === 0) {
        if (newCount < remainingNew && fresh.length < limit) fresh.push(c)
        newCount++
      } else if (p.due <= now) {
        reviews++
        if (top.length < limit || (limit > 0 && p.due < top[top.length - 1][0])) {
          let i = top.length
          while (i > 0 && top[i - 1][0] > p.due) i--
          top.splice(i, 0, [p.due, c])
          if (top.length > limit) top.pop()
        }
      }
    }
    const due = reviews + Math.min(newCount, remainingNew)
    return { cards: [...top.map(([, c]) => c), ...fresh].slice(0, limit), due }
  }

  private studyCard(c: Card): StudyCard {
    return { ...c, state: this.stateOf(c), domain: this.domainOf(c), place: this.source.notePlace?.(c.note, c.section) }
  }

  queue(scope: StudyScope, limit = 100): StudyQueue {
    const { cards, due } = this.pick(scope, limit)
    return { cards: cards.map((c) => this.studyCard(c)), due }
  }

  /** Cards left today over all cards. */
  private dueAll(): number {
    return this.pick({ kind: 'all' }, 0).due
  }

  /** The grade in memory (the benchmark times this); `grade` also saves it. */
  gradeNow(id: string, grade: Grade): GradeResult {
    this.sync()
    const card = this.byId.get(id)
    if (!card) throw new VaultError('ENOENT', `No such card in this folder: ${id}`)
    const prev = this.data.cards[id]
    const { next, log } = this.scheduler.grade(id, prev, { front: card.front, back: card.back, note: card.note }, grade, this.now())
    this.data.cards[id] = next
    this.data.log.push(log)
    this.data.undo.push({ card: id, prev: prev ?? null })
    if (this.data.undo.length > MAX_UNDO) this.data.undo.splice(0, this.data.undo.length - MAX_UNDO)
    return { card: id, state: progressState(next), nextDue: next.due, due: this.dueAll() }
  }

  async grade(id: string, grade: Grade): Promise<GradeResult> {
    const result = this.gradeNow(id, grade)
    await this.save()
    return result
  }

  /** Undo the last grade: the card's state before it comes back and its log entry goes. */
  async undo(): Promise<UndoResult> {
    this.sync()
    const step = this.data.undo.pop()
    if (!step) return { card: null, due: this.dueAll() }
    if (step.prev) this.data.cards[step.card] = step.prev
    else delete this.data.cards[step.card]
    const log = this.data.log
    for (let i = log.length - 1; i >= 0; i--) {
      if (log[i].card === step.card) { log.splice(i, 1); break }
    }
    await this.save()
    return { card: step.card, due: this.dueAll() }
  }

  stats(): StudyStats {
    const cards = this.sync()
    const now = this.now()
    const start = startOfDay(now)
    const byState: Record<ProgressState, number> = { new: 0, learning: 0, review: 0, mastered: 0 }
    for (const c of cards) byState[this.stateOf(c)]++
    let reviewedToday = 0
    for (let i = this.data.log.length - 1; i >= 0 && this.data.log[i].review >= start; i--) reviewedToday++
    return {
      due: this.dueAll(),
      total: cards.length,
      newToday: this.newToday(now),
      reviewedToday,
      byState,
      settings: { ...this.data.settings },
      canUndo: this.data.undo.length > 0,
      ...(this.notice ? { notice: this.notice } : {}),
    }
  }

  nodeProgress(): NodeProgress {
    const cards = this.sync()
    const graph = this.source.graph()
    const states = rollUpNodes(cards, this.stateOf, this.data.marks, graph.nodes.map((n) => n.id))
    const now = this.now()
    const due = new Set<string>()
    const recall = new Map<string, { sum: number; n: number }>()
    for (const c of cards) {
      const p = this.data.cards[c.id]
      if (!p || p.state === 0) continue
      const r = this.scheduler.retrievability(p, now)
      for (const id of nodesOfCard(c)) {
        if (p.due <= now) due.add(id)
        const acc = recall.get(id) ?? { sum: 0, n: 0 }
        acc.sum += r
        acc.n++
        recall.set(id, acc)
      }
    }
    for (const [id, m] of Object.entries(this.data.marks)) if (m === 'needs-review') due.add(id)
    // weakest: marked "needs review" first, then the lowest mean recall among studied nodes
    const needs = Object.keys(this.data.marks).filter((id) => this.data.marks[id] === 'needs-review')
    const byRecall = [...recall.entries()]
      .filter(([id]) => PROGRESS_NODE.test(id) && this.data.marks[id] !== 'learned' && !needs.includes(id))
      .sort((a, b) => a[1].sum / a[1].n - b[1].sum / b[1].n || a[0].localeCompare(b[0]))
      .map(([id]) => id)
    const weakest = [...needs, ...byRecall].slice(0, WEAKEST)
    const known = new Set(Object.keys(states))
    return { states, marks: { ...this.data.marks }, due: [...due].filter((id) => known.has(id) || this.data.marks[id]), weakest }
  }

  async mark(id: string, mark: NodeMark | null): Promise<NodeProgress> {
    this.sync()
    if (!this.source.graph().nodes.some((n) => n.id === id)) throw new VaultError('ENOENT', `No such node in this folder: ${id}`)
    if (mark) this.data.marks[id] = mark
    else delete this.data.marks[id]
    await this.save()
    return this.nodeProgress()
  }

  readiness(code: string): Readiness {
    const cards = this.sync()
    const exam = this.source.exams().find((e) => e.code === code.trim().toUpperCase())
    if (!exam) throw new VaultError('EINVAL', `Unknown exam: ${code}`)
    const graph = this.source.graph()
    const noteDomain = new Map<string, string>()
    for (const n of graph.nodes) if (n.type === 'note' && n.domain) noteDomain.set(n.id, n.domain)
    const serviceDomains = new Map<string, Set<string>>()
    for (const e of graph.edges) {
      if (e.type !== 'mentions') continue
      const d = noteDomain.get(e.source) ?? noteDomain.get(e.target)
      const other = noteDomain.has(e.source) ? e.target : e.source
      if (!d) continue
      const set = serviceDomains.get(other) ?? new Set<string>()
      set.add(d)
      serviceDomains.set(other, set)
    }
    const progress = this.nodeProgress().states
    return examReadiness({
      tasks: this.tasksOf(exam.code, graph),
      exam,
      mapped: exam.code === PRIMARY_EXAM && noteDomain.size > 0,
      serviceDomains,
      cards,
      cardDomain: this.domainOf,
      cardState: this.stateOf,
      nodeState: (id) => progress[id],
    })
  }

  /** The exam's task statements with the entities their text names (those in the graph) and the notes filed under them. */
  private tasksOf(code: string, graph: Graph): TaskInput[] {
    const extractor = this.source.extractor
    const statements = taskStatementsOf(code)
    if (!extractor || statements.length === 0) return []
    const inGraph = new Set(graph.nodes.map((n) => n.id))
    const notesByTask = new Map<string, string[]>()
    if (this.source.notes) {
      const live = new Set<string>()
      for (const meta of this.source.notes()) {
        live.add(meta.path)
        let f = this.filings.get(meta.path)
        if (f?.hash !== meta.hash) {
          f = { hash: meta.hash, filings: noteFilings(this.source.getLines?.(meta.path), meta.sections) }
          this.filings.set(meta.path, f)
        }
        for (const task of filedUnder(f.filings, code)) {
          const list = notesByTask.get(task) ?? []
          list.push(meta.path)
          notesByTask.set(task, list)
        }
      }
      for (const p of this.filings.keys()) if (!live.has(p)) this.filings.delete(p)
    }
    return statements.map((t) => ({
      id: t.id, domain: t.domain, title: t.title,
      entities: withFamilies(this.source.ontology, taskEntities(extractor, t)).filter((id) => inGraph.has(id)),
      notes: notesByTask.get(t.id) ?? [],
    }))
  }

  settings(): StudySettings {
    this.load()
    return { ...this.data.settings }
  }

  async setSettings(patch: Partial<StudySettings>): Promise<StudySettings> {
    this.load()
    this.data.settings = { ...this.data.settings, ...patch }
    this.scheduler = new Scheduler(this.data.settings)
    await this.save()
    return this.settings()
  }

  exportProgress(): string {
    this.load()
    return JSON.stringify(this.data, null, 2)
  }

  /** Merge an exported progress file: per card the more recent history wins, logs are joined, marks taken. */
  async importProgress(json: string): Promise<ImportResult> {
    this.sync()
    let raw: unknown
    try { raw = JSON.parse(json) } catch { throw new VaultError('EINVAL', 'The file is not JSON.') }
    const incoming = parseProgress(raw)
    if (!incoming) throw new VaultError('EINVAL', 'The file is not a study progress export of this app (or it is damaged).')
    let cards = 0
    const lastReview = (p: CardProgress | undefined) => p?.last_review ?? -1
    for (const [id, p] of Object.entries(incoming.cards)) {
      if (lastReview(p) > lastReview(this.data.cards[id])) { this.data.cards[id] = p; cards++ }
    }
    const seen = new Set(this.data.log.map((e) => `${e.card}|${e.review}|${e.rating}`))
    let reviews = 0
    for (const e of incoming.log) {
      const key = `${e.card}|${e.review}|${e.rating}`
      if (seen.has(key)) continue
      seen.add(key)
      this.data.log.push(e)
      reviews++
    }
    this.data.log.sort((a, b) => a.review - b.review)
    const marks = Object.keys(incoming.marks).length
    Object.assign(this.data.marks, incoming.marks)
    this.data.undo = []
    // the imported history may belong to reworded cards
    this.cardSet = EMPTY
    this.sync()
    await this.save()
    return { cards, reviews, marks }
  }

  exportCardsTsv(): string {
    return cardsToTsv(this.sync(), this.domainOf)
  }

  /** The next due card of the scope that makes a "Which service?" question, or null. */
  drill(scope: StudyScope): DrillQuestion | null {
    const { cards } = this.pick(scope, 500)
    const services: OntologyEntity[] = this.source.ontology.entities.filter((e) => e.type === 'service')
    const groups = this.source.confusables?.().groups ?? []
    for (const c of cards) {
      const q = drillQuestion(c, this.source.ontology.byId, services, groups)
      if (q) return { ...q, place: this.source.notePlace?.(c.note, c.section) }
    }
    return null
  }

  /** Finish pending writes (closing the folder or the app). */
  flush(): Promise<void> {
    return this.save()
  }
}
