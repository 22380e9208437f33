// Task statements: mapped onto the graph by the extractor and by the notes' own filing; rolled up into readiness.
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadEntities } from '../entities'
import type { Extractor } from '../extract/index'
import type { ExamInfo } from '../types'
import { createBackend, type Backend } from '../backend'
import { examReadiness, type TaskInput } from './readiness'
import { filedUnder, noteFilings, taskEntities, taskStatementsOf } from './task-statements'
import type { Card, ProgressState } from './types'

let extractor: Extractor
beforeAll(async () => { extractor = (await loadEntities()).extractor! })

describe('task statements on record', () => {
  it('every exam domain of MLA-C01 has its task statements, in order', () => {
    const tasks = taskStatementsOf('mla-c01')
    expect(tasks.map((t) => t.id)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '4.1', '4.2', '4.3'])
    expect(tasks[0]).toMatchObject({ domain: 'D1', title: 'Ingest and store data' })
    expect(taskStatementsOf('DEA-C01').length).toBeGreaterThan(10)
    expect(taskStatementsOf('XYZ-01')).toEqual([])
  })
})

describe('a task statement → graph entities, by the extractor', () => {
  it('finds the services and concepts the task text names, abbreviations included', () => {
    const ids = taskEntities(extractor, { title: 'Ingest and store data', summary: 'Pick formats (Parquet, CSV) and storage (S3, EFS); ingest streams via Kinesis; merge sources with Glue.' })
    expect(ids).toEqual(expect.arrayContaining(['service:amazon-s3', 'service:amazon-elastic-file-system', 'service:aws-glue', 'concept:parquet']))
    expect(ids.some((id) => id.includes('kinesis'))).toBe(true)
  })
  it('names nothing for text without services or concepts', () => {
    expect(taskEntities(extractor, { title: 'Be ready', summary: 'Plan the week and rest well before the day.' })).toEqual([])
  })
})

describe('notes filing themselves under a task', () => {
  const sec = (title: string, line: number) => ({ title, line })
  it('reads frontmatter fields, headings and the introduction', () => {
    const lines = ['---', 'domain: D1', 'tasks:', '  - 1.1', '  - "1.3"', '---', '# Storage', '', 'Task 1.2 of MLA-C01 asks for encoding.', '', '## Task statement 2.3: evaluation', 'Later text about task 4.1 does not file the note.']
    const f = noteFilings(lines, [sec('Storage', 7), sec('Task statement 2.3: evaluation', 11)])
    expect(f).toEqual(expect.arrayContaining([{ task: '1.1' }, { task: '1.3' }, { task: '2.3' }, { task: '1.2', exam: 'MLA-C01' }]))
    expect(f.some((x) => x.task === '4.1')).toBe(false)
    expect(noteFilings(['---', 'task: 3.2', '---', 'Body'], [])).toEqual([{ task: '3.2' }])
    expect(noteFilings(['---', 'task_statement: [1.1, 1.2]', '---'], []).map((x) => x.task)).toEqual(['1.1', '1.2'])
    // a domain field holding task numbers files the note under them; `domain: D1` does not
    expect(noteFilings(['---', 'domain:', '  - "1.2"', '  - "2.1"', '---'], []).map((x) => x.task)).toEqual(['1.2', '2.1'])
    expect(noteFilings(['---', 'domain: D1', '---'], [])).toEqual([])
  })
  it('lists of tasks in prose; version numbers and steps are not tasks', () => {
    expect(noteFilings(['Covers tasks 1.1 and 1.2 of the exam.'], []).map((x) => x.task)).toEqual(['1.1', '1.2'])
    expect(noteFilings(['Python 3.11 and step 1.2 of the tutorial.'], [])).toEqual([])
    expect(noteFilings(undefined, [])).toEqual([])
  })
  it('a filing that names another exam does not count for this one', () => {
    const f = noteFilings(['DEA-C01 task 1.1 covers ingestion.'], [])
    expect(filedUnder(f, 'DEA-C01')).toEqual(['1.1'])
    expect(filedUnder(f, 'MLA-C01')).toEqual([])
    expect(filedUnder([{ task: '2.1' }], 'MLA-C01')).toEqual(['2.1'])
  })
})

describe('readiness rolled up domain → task statement → entities and cards', () => {
  const EXAM: ExamInfo = {
    code: 'MLA-C01', name: 'ML', inScope: ['service:amazon-s3', 'service:aws-glue'], unknownInScope: [],
    domains: [{ id: 'D1', name: 'Data', weight: 60 }, { id: 'D2', name: 'Models', weight: 40 }],
  }
  const card = (id: string, note: string, entities: string[]): Card => ({ id, kind: 'definition', front: id, back: id, note, section: '', line: 1, entities })
  const cards = [card('a', 'x.md', ['service:amazon-s3']), card('b', 'x.md', ['service:aws-glue']), card('c', 'filed.md', []), card('d', 'y.md', ['concept:overfitting'])]
  const tasks: TaskInput[] = [
    { id: '1.1', domain: 'D1', title: 'Store', entities: ['service:amazon-s3'], notes: [] },
    { id: '1.2', domain: 'D1', title: 'Transform', entities: ['service:aws-glue'], notes: ['filed.md'] },
    { id: '2.1', domain: 'D2', title: 'Train', entities: ['concept:overfitting'], notes: [] },
    { id: '2.2', domain: 'D2', title: 'Nothing in the notes', entities: [], notes: [] },
  ]
  const run = (ready: Set<string>, mapped = false) => examReadiness({
    exam: EXAM, mapped, serviceDomains: new Map(), cards, cardDomain: () => undefined,
    cardState: (c): ProgressState => (ready.has(c.id) ? 'review' : 'new'),
    nodeState: (id): ProgressState => (ready.has(id) ? 'mastered' : 'new'),
    tasks,
  })

  it('a task counts its entities and the cards naming them or in notes filed under it; a domain is the mean of its tasks', () => {
    let r = run(new Set())
    expect(r.domains.map((d) => d.tasks!.map((t) => [t.id, t.entities, t.cards, t.score]))).toEqual([
      [['1.1', 1, 1, 0], ['1.2', 1, 2, 0]],
      [['2.1', 1, 1, 0], ['2.2', 0, 0, undefined]],
    ])
    expect(r.domains[0].tasks![1].nodes).toEqual(['service:aws-glue', 'note:filed.md'])
    // the filed note's card and Glue itself: task 1.2 = mean(1/1 entities, 1/2 cards)
    r = run(new Set(['c', 'service:aws-glue']))
    expect(r.domains[0].tasks![1]).toMatchObject({ entitiesReady: 1, cardsReady: 1, score: 0.75 })
    expect(r.domains[0].score).toBeCloseTo(0.375)
    expect(r.overall).toBeCloseTo(0.6 * 0.375)
    // the weakest task is one the notes hold something of, never the empty 2.2
    expect(r.weakestTask).toMatchObject({ id: '1.1', domain: 'D1', nodes: ['service:amazon-s3'] })
    r = run(new Set(['a', 'service:amazon-s3', 'c', 'service:aws-glue', 'b']))
    expect(r.weakestTask?.id).toBe('2.1')
    expect(r.weakest?.id).toBe('D2')
  })
  it('notes not organised by the exam still get domains and tasks from the task statements', () => {
    const r = run(new Set(['d', 'concept:overfitting']))
    expect(r.mapped).toBe(false)
    expect(r.domains.find((d) => d.id === 'D2')?.score).toBe(1)
    expect(r.overall).toBeCloseTo(0.4)
  })
})

describe('task readiness through the backend', () => {
  let tmp: string
  let backend: Backend | undefined
  afterEach(async () => { await backend?.close(); backend = undefined; rmSync(tmp, { recursive: true, force: true }) })

  it('maps foreign notes onto MLA-C01 tasks and moves the task after a grade', async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-tasks-'))
    const notes = path.join(tmp, 'notes')
    mkdirSync(notes, { recursive: true })
    writeFileSync(path.join(notes, 'streams.md'), '# Streams\n\n- **Amazon Kinesis Data Streams**: ingests real-time data in shards with replay.\n')
    writeFileSync(path.join(notes, 'wk3.md'), '---\ntask: 2.2\n---\n# Week 3\n\nWhat does early stopping prevent? :: Training past the best validation loss\n')
    const open = () => createBackend({ folder: notes, bundledFolder: notes, cacheDir: path.join(tmp, 'cache'), settingsDir: path.join(tmp, 'state'), workers: 0 })
    backend = await open()
    const task = (id: string) => backend!.readiness('MLA-C01').domains.flatMap((d) => d.tasks ?? []).find((t) => t.id === id)!
    expect(task('2.2').nodes).toContain('note:wk3.md')
    expect(task('2.2')).toMatchObject({ cards: 1, cardsReady: 0, score: 0 })
    const q = backend.studyQueue({ kind: 'nodes', ids: task('2.2').nodes })
    expect(q.cards.map((c) => c.note)).toEqual(['wk3.md'])
    await backend.gradeCard(q.cards[0].id, 'easy')
    expect(task('2.2').cardsReady).toBe(1)
    expect(task('2.2').score).toBeGreaterThan(0)
    expect(task('1.1').cards).toBe(1)
  })
})
