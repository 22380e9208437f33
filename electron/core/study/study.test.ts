import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExamInfo, Graph } from '../types'
import type { Ontology, OntologyEntity } from '../ontology/types'
import { StudyService, type StudySource } from './service'
import { progressFileFor } from './progress-file'
import { similarity, matchReworded } from './reword'
import { rollUpNodes } from './node-progress'
import { examReadiness } from './readiness'
import { cardsToTsv } from './anki'
import { drillQuestion, familyOf } from './drill'
import type { Card, CardSet, ProgressState } from './types'

const DAY = 86_400_000
const T0 = new Date(2026, 11, 5, 9, 0, 0).getTime() // a morning, local time

function card(id: string, note: string, front: string, back: string, entities: string[], line = 1): Card {
  return { id, kind: 'definition', front, back, note, section: 'intro', line, entities }
}

const svc = (slug: string, name: string, category: string, aliases: string[] = []): OntologyEntity =>
  ({ id: `service:${slug}`, type: 'service', name, category, aliases })

const SERVICES = [
  svc('amazon-kinesis-data-streams', 'Amazon Kinesis Data Streams', 'Analytics', ['Kinesis Data Streams']),
  svc('amazon-kinesis-video-streams', 'Amazon Kinesis Video Streams', 'Media'),
  svc('amazon-data-firehose', 'Amazon Data Firehose', 'Analytics', ['Firehose']),
  svc('amazon-msk', 'Amazon MSK', 'Analytics'),
  svc('aws-glue', 'AWS Glue', 'Analytics', ['Glue']),
  svc('amazon-s3', 'Amazon S3', 'Storage', ['S3']),
  svc('amazon-sagemaker-ai', 'Amazon SageMaker AI', 'Machine Learning', ['SageMaker']),
]
const ONTOLOGY: Ontology = { entities: SERVICES, byId: new Map(SERVICES.map((e) => [e.id, e])) }

const EXAM: ExamInfo = {
  code: 'MLA-C01', name: 'ML Engineer', inScope: SERVICES.map((s) => s.id), unknownInScope: [],
  domains: [{ id: 'D1', name: 'Data', weight: 30 }, { id: 'D2', name: 'Models', weight: 70 }],
}

function makeCards(n: number): Card[] {
  const out: Card[] = []
  for (let i = 0; i < n; i++) {
    const note = i % 2 === 0 ? 'D1/ingest.md' : 'D2/train.md'
    const entity = i % 2 === 0 ? 'service:amazon-kinesis-data-streams' : 'service:amazon-sagemaker-ai'
    out.push(card(`c${i}`, note, `Question number ${i} about streams`, `Answer ${i}`, [entity], i + 1))
  }
  return out
}

function graphFor(cards: Card[]): Graph {
  const ids = new Set<string>(['note:D1/ingest.md', 'note:D2/train.md', ...SERVICES.map((s) => s.id), 'concept:drift'])
  for (const c of cards) { ids.add(`note:${c.note}`); for (const e of c.entities) ids.add(e) }
  return {
    nodes: [...ids].map((id) => ({
      id, label: id, type: id.split(':')[0] as 'note',
      ...(id.startsWith('note:D1') ? { domain: 'D1' } : id.startsWith('note:D2') ? { domain: 'D2' } : {}),
    })),
    edges: [
      { id: 'm1', source: 'note:D1/ingest.md', target: 'service:amazon-kinesis-data-streams', type: 'mentions' },
      { id: 'm2', source: 'note:D2/train.md', target: 'service:amazon-sagemaker-ai', type: 'mentions' },
    ],
    diagnostics: [],
  }
}

class Fixture {
  set: CardSet
  now = T0
  dir: string
  constructor(dir: string, cards: Card[]) {
    this.dir = dir
    this.set = { cards, diagnostics: [] }
  }
  source(): StudySource {
    return {
      folder: () => '/notes',
      cards: () => this.set,
      noteDomain: (p) => (p.startsWith('D1/') ? 'D1' : p.startsWith('D2/') ? 'D2' : undefined),
      graph: () => graphFor(this.set.cards),
      exams: () => [EXAM],
      ontology: ONTOLOGY,
    }
  }
  service(): StudyService {
    return new StudyService(this.source(), { settingsDir: this.dir, now: () => this.now })
  }
}

let dir: string
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'study-')) })
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('scheduling through ts-fsrs', () => {
  it('a new card graded Good leaves today and comes back later; Again comes back sooner than Easy', async () => {
    const fx = new Fixture(dir, makeCards(4))
    const s = fx.service()
    expect(s.stats().due).toBe(4)
    const good = await s.grade('c0', 'good')
    expect(good.state).toBe('learning')
    expect(good.nextDue).toBeGreaterThan(T0)
    expect(good.due).toBe(3)
    const again = await s.grade('c1', 'again')
    const easy = await s.grade('c2', 'easy')
    expect(again.nextDue).toBeLessThan(good.nextDue)
    expect(easy.nextDue - T0).toBeGreaterThanOrEqual(DAY)
    expect(easy.state).toBe('review')
    // the review log holds every grade
    const exported = JSON.parse(s.exportProgress())
    expect(exported.log.map((e: { card: string; rating: number }) => [e.card, e.rating])).toEqual([['c0', 3], ['c1', 1], ['c2', 4]])
  })

  it('a card due for review comes first in the queue once its time has come', async () => {
    const fx = new Fixture(dir, makeCards(3))
    const s = fx.service()
    await s.grade('c2', 'easy')
    expect(s.queue({ kind: 'all' }).cards.map((c) => c.id)).toEqual(['c0', 'c1'])
    fx.now = T0 + 60 * DAY
    expect(s.queue({ kind: 'all' }).cards.map((c) => c.id)).toEqual(['c2', 'c0', 'c1'])
  })

  it('higher desired retention gives shorter intervals', async () => {
    const a = new Fixture(dir, makeCards(1)).service()
    const low = await a.grade('c0', 'easy')
    const dir2 = mkdtempSync(path.join(tmpdir(), 'study-'))
    const fx2 = new Fixture(dir2, makeCards(1))
    const b = fx2.service()
    await b.setSettings({ desiredRetention: 0.97 })
    const high = await b.grade('c0', 'easy')
    rmSync(dir2, { recursive: true, force: true })
    expect(high.nextDue).toBeLessThan(low.nextDue)
  })

  it('undo brings back the state before the last grade, and drops its log entry', async () => {
    const fx = new Fixture(dir, makeCards(2))
    const s = fx.service()
    await s.grade('c0', 'easy')
    const before = JSON.parse(s.exportProgress()).cards.c0
    fx.now = T0 + 30 * DAY
    await s.grade('c0', 'again')
    expect(s.stats().canUndo).toBe(true)
    const undone = await s.undo()
    expect(undone.card).toBe('c0')
    const after = JSON.parse(s.exportProgress())
    expect(after.cards.c0).toEqual(before)
    expect(after.log).toHaveLength(1)
    await s.undo()
    expect(JSON.parse(s.exportProgress()).cards.c0).toBeUndefined()
    expect((await s.undo()).card).toBeNull()
  })

  it('introduces at most the daily limit of new cards, and more the next day', async () => {
    const fx = new Fixture(dir, makeCards(30))
    const s = fx.service()
    await s.setSettings({ newPerDay: 5 })
    expect(s.stats().due).toBe(5)
    expect(s.queue({ kind: 'all' }).cards).toHaveLength(5)
    for (const c of s.queue({ kind: 'all' }).cards) await s.grade(c.id, 'easy')
    expect(s.stats().due).toBe(0)
    expect(s.stats().newToday).toBe(5)
    expect(s.queue({ kind: 'all' }).cards).toHaveLength(0)
    fx.now = T0 + DAY
    expect(s.stats().due).toBe(5)
  })

  it('scopes a session to one domain, one note or a set of nodes', () => {
    const fx = new Fixture(dir, makeCards(6))
    const s = fx.service()
    expect(s.queue({ kind: 'domain', domain: 'D2' }).cards.map((c) => c.id)).toEqual(['c1', 'c3', 'c5'])
    expect(s.queue({ kind: 'note', path: 'D1/ingest.md' }).due).toBe(3)
    expect(s.queue({ kind: 'nodes', ids: ['service:amazon-sagemaker-ai'] }).cards.every((c) => c.note === 'D2/train.md')).toBe(true)
  })

  it('rejects grading a card that does not exist with a clear message', async () => {
    const s = new Fixture(dir, makeCards(1)).service()
    await expect(s.grade('nope', 'good')).rejects.toThrow(/No such card/)
  })
})

describe('progress store', () => {
  it('keeps progress across restarts in the state directory, written atomically (no temp files left)', async () => {
    const fx = new Fixture(dir, makeCards(3))
    await fx.service().grade('c0', 'good')
    const file = progressFileFor(dir, '/notes')
    expect(existsSync(file)).toBe(true)
    expect(readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([])
    const again = fx.service()
    expect(again.stats().due).toBe(2)
    expect(again.queue({ kind: 'all' }).cards.map((c) => c.id)).toEqual(['c1', 'c2'])
  })

  it('a corrupt progress file is kept aside, reported, and never written over', async () => {
    const file = progressFileFor(dir, '/notes')
    const fx = new Fixture(dir, makeCards(2))
    await fx.service().grade('c0', 'good')
    writeFileSync(file, '{"version": 1, "cards": tru')
    const s = fx.service()
    const stats = s.stats()
    expect(stats.notice).toMatch(/study progress file could not be read; it was kept as .*\.corrupt-/)
    expect(stats.due).toBe(2)
    const backups = readdirSync(path.dirname(file)).filter((f) => f.includes('.corrupt-'))
    expect(backups).toHaveLength(1)
    expect(readFileSync(path.join(path.dirname(file), backups[0]), 'utf8')).toBe('{"version": 1, "cards": tru')
    await s.grade('c1', 'good')
    expect(JSON.parse(readFileSync(file, 'utf8')).cards.c1).toBeDefined()
  })

  it('a damaged progress file: progress comes back from the copy of the save before it', async () => {
    const file = progressFileFor(dir, '/notes')
    const fx = new Fixture(dir, makeCards(3))
    const first = fx.service()
    await first.grade('c0', 'good')
    await first.grade('c1', 'good')
    writeFileSync(file, '{"version": 1, "cards": tru')
    const s = fx.service()
    const stats = s.stats()
    expect(stats.notice).toMatch(/could not be read \(it was kept as .*\.corrupt-.*\); your progress was restored from the copy made one save before/)
    // c0's grade came back; c1's, the last save, is what the damage took
    expect(stats.due).toBe(2)
    expect(s.queue({ kind: 'all' }).cards.map((c) => c.id)).not.toContain('c0')
    await s.grade('c2', 'good')
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).cards).sort()).toEqual(['c0', 'c2'])
  })

  it('a file of the wrong shape counts as corrupt too', () => {
    const file = progressFileFor(dir, '/notes')
    const fx = new Fixture(dir, makeCards(1))
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify({ version: 1, settings: { desiredRetention: 5, newPerDay: 20 }, cards: {}, log: [], marks: {} }))
    expect(fx.service().stats().notice).toMatch(/kept as/)
  })

  it('history follows a reworded card in the same note, not a different card', async () => {
    const cards = [
      card('old', 'D1/ingest.md', 'Which service ingests real-time streaming data at scale?', 'Amazon Kinesis Data Streams', ['service:amazon-kinesis-data-streams']),
      card('other', 'D1/ingest.md', 'Where do you keep raw files?', 'Amazon S3', ['service:amazon-s3'], 5),
    ]
    const fx = new Fixture(dir, cards)
    const s = fx.service()
    await s.grade('old', 'easy')
    fx.set = { cards: [
      card('new', 'D1/ingest.md', 'Which service ingests real-time streaming data at large scale?', 'Amazon Kinesis Data Streams', ['service:amazon-kinesis-data-streams']),
      cards[1],
      card('unrelated', 'D2/train.md', 'Which service ingests real-time streaming data at scale?', 'Amazon Kinesis Data Streams', []),
    ], diagnostics: [] }
    const q = s.queue({ kind: 'all' })
    expect(q.cards.map((c) => c.id)).toEqual(['other', 'unrelated'])
    const saved = JSON.parse(s.exportProgress())
    expect(saved.cards.new.front).toMatch(/large scale/)
    expect(saved.cards.old).toBeUndefined()
    expect(saved.log[0].card).toBe('new')
  })

  it('exports and imports progress (merged, the newer history wins)', async () => {
    const fx = new Fixture(dir, makeCards(3))
    const s = fx.service()
    await s.grade('c0', 'easy')
    await s.mark('concept:drift', 'needs-review')
    const json = s.exportProgress()
    const dir2 = mkdtempSync(path.join(tmpdir(), 'study-'))
    const other = new Fixture(dir2, makeCards(3)).service()
    const res = await other.importProgress(json)
    expect(res).toEqual({ cards: 1, reviews: 1, marks: 1 })
    expect(other.stats().due).toBe(2)
    expect(other.nodeProgress().marks['concept:drift']).toBe('needs-review')
    expect((await other.importProgress(json)).reviews).toBe(0)
    await expect(other.importProgress('{"hello": 1}')).rejects.toThrow(/not a study progress export/)
    await expect(other.importProgress('nope')).rejects.toThrow(/not JSON/)
    rmSync(dir2, { recursive: true, force: true })
  })
})

describe('reword similarity', () => {
  it('scores rewordings high and different cards low', () => {
    expect(similarity('Use Kinesis Data Streams for real-time ingestion', 'Use Kinesis Data Streams for real-time ingestion at scale')).toBeGreaterThan(0.6)
    expect(similarity('Use Kinesis Data Streams for real-time ingestion', 'Store model artifacts in Amazon S3')).toBeLessThan(0.2)
    expect(matchReworded({}, [])).toEqual(new Map())
  })
})

describe('node progress', () => {
  const cards = [
    card('a', 'n.md', 'q', 'a', ['service:x']),
    card('b', 'n.md', 'q', 'a', ['service:x', 'concept:y']),
  ]
  const ids = ['service:x', 'concept:y', 'note:n.md', 'service:lonely', 'domain:D1', 'tag:t']
  const roll = (states: Record<string, ProgressState>, marks = {}) => rollUpNodes(cards, (c) => states[c.id] ?? 'new', marks, ids)

  it('is new until a card is graded or a mark is set; domains and tags carry none', () => {
    expect(roll({})).toEqual({ 'service:x': 'new', 'concept:y': 'new', 'note:n.md': 'new', 'service:lonely': 'new' })
  })
  it('grading any card makes the node at least learning; review and mastered need all its cards', () => {
    expect(roll({ a: 'mastered' })).toMatchObject({ 'service:x': 'learning', 'concept:y': 'new', 'note:n.md': 'learning' })
    expect(roll({ a: 'mastered', b: 'review' })).toMatchObject({ 'service:x': 'review', 'concept:y': 'review' })
    expect(roll({ a: 'mastered', b: 'mastered' })).toMatchObject({ 'service:x': 'mastered' })
  })
  it('marks win over cards, on nodes without cards too', () => {
    expect(roll({ a: 'mastered', b: 'mastered' }, { 'service:x': 'needs-review', 'service:lonely': 'learned' }))
      .toMatchObject({ 'service:x': 'learning', 'service:lonely': 'mastered' })
  })
  it('the service reports states, due nodes and the weakest nodes', async () => {
    const fx = new Fixture(dir, makeCards(4))
    const s = fx.service()
    await s.grade('c0', 'again')
    await s.grade('c1', 'easy')
    await s.grade('c3', 'easy')
    const p = s.nodeProgress()
    expect(p.states['service:amazon-kinesis-data-streams']).toBe('learning')
    expect(p.states['service:amazon-sagemaker-ai']).toBe('review')
    expect(p.states['service:amazon-s3']).toBe('new')
    fx.now = T0 + 10 * 60_000
    expect(s.nodeProgress().due).toContain('service:amazon-kinesis-data-streams')
    expect(s.nodeProgress().weakest[0]).toMatch(/kinesis|ingest/)
    await expect(s.mark('service:nope', 'learned')).rejects.toThrow(/No such node/)
  })
})

describe('exam readiness', () => {
  it('weights domain scores by the exam weights and names the weakest domain', async () => {
    const fx = new Fixture(dir, makeCards(4))
    const s = fx.service()
    let r = s.readiness('mla-c01')
    expect(r.overall).toBe(0)
    expect(r.domains.map((d) => [d.id, d.services, d.cards])).toEqual([['D1', 1, 2], ['D2', 1, 2]])
    // D2: both cards in review and its service with them → 1; D1 untouched → 0; overall = 70% weight
    await s.grade('c1', 'easy')
    await s.grade('c3', 'easy')
    r = s.readiness('MLA-C01')
    expect(r.domains[1].score).toBe(1)
    expect(r.overall).toBeCloseTo(0.7)
    expect(r.weakest).toEqual({ id: 'D1', name: 'Data' })
    expect(() => s.readiness('XYZ-01')).toThrow(/Unknown exam/)
  })
  it('exams the notes are not organised by get one unweighted figure', () => {
    const r = examReadiness({
      exam: { ...EXAM, code: 'DEA-C01' }, mapped: false, serviceDomains: new Map(), cards: [],
      cardDomain: () => undefined, cardState: () => 'new', nodeState: (id) => (id === 'service:amazon-s3' ? 'mastered' : 'new'),
    })
    expect(r.mapped).toBe(false)
    expect(r.overall).toBeCloseTo(1 / SERVICES.length)
  })
})

describe('Anki export', () => {
  it('writes front, back and tags as tab-separated rows Anki reads', () => {
    const tsv = cardsToTsv([
      card('a', 'D1/x.md', 'When a question says\treal-time, think…', 'Kinesis\nData "Streams" <fast>', ['service:amazon-kinesis-data-streams', 'concept:drift']),
    ], () => 'D1')
    const lines = tsv.trimEnd().split('\n')
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#tags column:3'])
    expect(lines[3].split('\t')).toEqual([
      'When a question says real-time, think…',
      '"Kinesis<br>Data ""Streams"" &lt;fast&gt;"',
      'domain::D1 service::amazon-kinesis-data-streams',
    ])
  })
})

describe('"Which service?" drill', () => {
  it('cues with the side that does not name the answer and offers services of the same family first', () => {
    const c = card('k', 'D1/x.md', 'Which service ingests real-time streams with shards?', 'Amazon Kinesis Data Streams', ['service:amazon-kinesis-data-streams'])
    const q = drillQuestion(c, ONTOLOGY.byId, SERVICES)!
    expect(q.cue).toBe(c.front)
    expect(q.answer).toBe('service:amazon-kinesis-data-streams')
    expect(q.options).toHaveLength(4)
    expect(q.options.map((o) => o.id)).toContain('service:amazon-kinesis-video-streams')
    expect(new Set(q.options.map((o) => o.id)).size).toBe(4)
    expect(familyOf(SERVICES[0])).toBe('kinesis')
    expect(drillQuestion(card('n', 'x.md', 'What is overfitting?', 'Memorising noise', []), ONTOLOGY.byId, SERVICES)).toBeUndefined()
  })
})
