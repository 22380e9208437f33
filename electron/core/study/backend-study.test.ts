// The study calls through the real backend: cards from the index, progress in the state directory, a restart,
// a reworded card after an edit on disk, and a broken progress file at start.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Backend } from '../backend'
import { writeNote, openTestBackend } from '../test-vault'

let tmp: string
let notes: string
let backend: Backend | undefined

const write = (rel: string, text: string) => writeNote(notes, rel, text)
const open = () => openTestBackend(tmp, notes, {}, 'state')

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-study-'))
  notes = path.join(tmp, 'notes')
  write('D1_prep/ingest.md', [
    '# Ingestion', '',
    'Which service ingests real-time streams with shards and replay? :: Amazon Kinesis Data Streams',
    'Which service stores raw files cheaply? :: Amazon S3', '',
  ].join('\n'))
  write('D2_dev/train.md', '# Training\n\nWhere do you train a model with managed spot training? :: Amazon SageMaker AI\n')
})

afterEach(async () => {
  await backend?.close()
  backend = undefined
  rmSync(tmp, { recursive: true, force: true })
})

describe('study through the backend', () => {
  it('grades a card, keeps it over a restart, and rolls it up onto its nodes and exam readiness', async () => {
    backend = await open()
    const q = backend.studyQueue({ kind: 'all' })
    expect(q.due).toBe(3)
    const first = q.cards[0]
    expect(first.note).toBe('D1_prep/ingest.md')
    expect(first.entities).toContain('service:amazon-kinesis-data-streams')
    const r = await backend.gradeCard(first.id, 'easy')
    expect(r.due).toBe(2)
    await backend.close()
    backend = await open()
    expect(backend.studyStats()).toMatchObject({ due: 2, total: 3, byState: { new: 2, review: 1 } })
    const p = backend.nodeProgress()
    expect(p.states['service:amazon-kinesis-data-streams']).toBe('review')
    expect(p.states['note:D1_prep/ingest.md']).toBe('learning')
    expect(p.states['service:amazon-sagemaker-ai']).toBe('new')
    // Amazon S3 is in the exam's scope: its card in review makes D1 the strongest domain
    const s3 = backend.studyQueue({ kind: 'all' }).cards.find((c) => c.entities.includes('service:amazon-s3'))!
    await backend.gradeCard(s3.id, 'easy')
    const ready = backend.readiness('MLA-C01')
    expect(ready.mapped).toBe(true)
    const d1 = ready.domains.find((d) => d.id === 'D1')!
    expect(d1).toMatchObject({ servicesReady: 1, cardsReady: 1 })
    // D1's score is the mean of its task statements (1.1 and 1.3 name S3; its card and node are ready)
    expect(d1.score).toBeGreaterThan(0.5)
    expect(d1.tasks?.find((t) => t.id === '1.1')).toMatchObject({ cardsReady: 2 })
    expect(ready.overall).toBeGreaterThan(0)
    expect(ready.weakest?.id).toBe('D2')
    expect(backend.exportCardsTsv().split('\n').filter((l) => l && !l.startsWith('#'))).toHaveLength(3)
  })

  it('tells each card\'s note and section by title (a front such as "Where to look" says little alone)', async () => {
    write('D1_prep/optimize.md', '# 1.10 Optimizing Data\n\n## Spot the bottleneck first\n\n- **Where to look**: Amazon CloudWatch metrics of the training job and the framework profilers.\n')
    backend = await open()
    const cards = backend.studyQueue({ kind: 'note', path: 'D1_prep/optimize.md' }).cards
    expect(cards.map((c) => [c.front, c.place])).toEqual([['Where to look', { note: '1.10 Optimizing Data', section: 'Spot the bottleneck first' }]])
    // a card before any subheading: the note's title alone
    expect(backend.studyQueue({ kind: 'note', path: 'D2_dev/train.md' }).cards[0].place).toEqual({ note: 'Training' })
  })

  it('moves the history to a card reworded on disk', async () => {
    backend = await open()
    const kinesis = backend.studyQueue({ kind: 'all' }).cards[0]
    await backend.gradeCard(kinesis.id, 'easy')
    write('D1_prep/ingest.md', [
      '# Ingestion', '',
      'Which service ingests real-time data streams with shards and replay? :: Amazon Kinesis Data Streams',
      'Which service stores raw files cheaply? :: Amazon S3', '',
    ].join('\n'))
    await backend.update(['D1_prep/ingest.md'])
    const q = backend.studyQueue({ kind: 'all' })
    expect(q.due).toBe(2)
    expect(q.cards.map((c) => c.front)).not.toContain(expect.stringContaining('real-time data streams'))
    expect(backend.nodeProgress().states['service:amazon-kinesis-data-streams']).toBe('review')
  })

  it('starts with a broken progress file kept aside and a message for the Study panel', async () => {
    backend = await open()
    await backend.gradeCard(backend.studyQueue({ kind: 'all' }).cards[0].id, 'good')
    await backend.close()
    const dir = path.join(tmp, 'state', 'study')
    const [file] = readdirSync(dir)
    writeFileSync(path.join(dir, file), 'not json')
    backend = await open()
    expect(backend.studyStats().notice).toMatch(/could not be read; it was kept as/)
    expect(backend.studyStats().due).toBe(3)
    expect(readdirSync(dir).some((f) => f.startsWith(`${file}.corrupt-`))).toBe(true)
    await expect(backend.gradeCard('no-such-card', 'good')).rejects.toThrow(/No such card/)
  })
})
