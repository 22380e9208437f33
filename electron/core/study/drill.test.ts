// "Which service?" wrong options come from the core's confusable groups, then the family, then the category —
// never from unrelated services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Ontology, OntologyEntity } from '../ontology/types'
import type { ConfusableGroup } from '../compare/types'
import { createBackend, type Backend } from '../backend'
import { loadEntities } from '../entities'
import { drillQuestion, familyOf, isCue } from './drill'
import type { Card } from './types'

const svc = (slug: string, name: string, category: string, extra: Partial<OntologyEntity> = {}): OntologyEntity =>
  ({ id: `service:${slug}`, type: 'service', name, category, aliases: [], ...extra })
const KDS = 'service:amazon-kinesis-data-streams'
const SERVICES = [
  svc('amazon-kinesis', 'Amazon Kinesis', 'Analytics'),
  svc('amazon-kinesis-data-streams', 'Amazon Kinesis Data Streams', 'Analytics', { parent: 'service:amazon-kinesis', aliases: ['Kinesis Data Streams'] }),
  svc('amazon-kinesis-video-streams', 'Amazon Kinesis Video Streams', 'Media', { parent: 'service:amazon-kinesis' }),
  svc('amazon-data-firehose', 'Amazon Data Firehose', 'Analytics'),
  svc('amazon-msk', 'Amazon MSK', 'Analytics'),
  svc('amazon-sqs', 'Amazon SQS', 'Application Integration'),
  svc('amazon-s3', 'Amazon S3', 'Storage'),
  svc('amazon-sagemaker-ai', 'Amazon SageMaker AI', 'Machine Learning'),
  svc('amazon-bedrock', 'Amazon Bedrock', 'Machine Learning'),
]
const ONTOLOGY: Ontology = { entities: SERVICES, byId: new Map(SERVICES.map((e) => [e.id, e])) }
const card = (front: string, back: string, entities: string[]): Card => ({ id: front.slice(0, 8), kind: 'definition', front, back, note: 'x.md', section: '', line: 1, entities })
const kdsCard = card('Which service ingests real-time streams with shards and replay?', 'Amazon Kinesis Data Streams', [KDS])
const wrong = (q: ReturnType<typeof drillQuestion>) => q!.options.map((o) => o.id).filter((id) => id !== q!.answer).sort()

describe('"Which service?" options', () => {
  it('takes the wrong options from a confusable group holding the answer first (a comparison table of the notes)', () => {
    const table: ConfusableGroup = { members: [KDS, 'service:amazon-sqs', 'service:amazon-msk', 'service:amazon-data-firehose'], evidence: [{ kind: 'table', text: 'Streaming options' }] }
    const q = drillQuestion(kdsCard, ONTOLOGY.byId, SERVICES, [table])
    expect(q?.options).toHaveLength(4)
    expect(wrong(q)).toEqual(['service:amazon-data-firehose', 'service:amazon-msk', 'service:amazon-sqs'])
  })
  it('without groups: the family by name, then the category; never the parent, never unrelated services', () => {
    const q = drillQuestion(kdsCard, ONTOLOGY.byId, SERVICES)
    expect(wrong(q)).toEqual(['service:amazon-data-firehose', 'service:amazon-kinesis-video-streams', 'service:amazon-msk'])
    expect(familyOf(SERVICES[2])).toBe('kinesis')
  })
  it('a term alone is no cue: "Availability" or "Output" make no question, a clause does', () => {
    for (const front of ['Availability', 'Auto mode', 'Where to look', 'Anatomy of a SageMaker AI training job: Output']) {
      expect(drillQuestion(card(front, 'Amazon Kinesis Data Streams keeps records for replay', [KDS]), ONTOLOGY.byId, SERVICES), front).toBeUndefined()
    }
    expect(isCue('Real-time ingestion with shards and replay')).toBe(true)
    expect(isCue('Streaming: ordered records per key, replayed')).toBe(true)
  })
  it('a card whose answer has fewer than three confusable services makes no question', () => {
    const c = card('Which service hosts foundation models behind one API?', 'Amazon Bedrock', ['service:amazon-bedrock'])
    expect(drillQuestion(c, ONTOLOGY.byId, SERVICES)).toBeUndefined()
  })
})

describe('"Which service?" on the bundled notes, through the backend', () => {
  let tmp: string
  let backend: Backend
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-drill-'))
    const content = path.resolve(import.meta.dirname, '../../../content')
    backend = await createBackend({ folder: content, bundledFolder: content, cacheDir: path.join(tmp, 'cache'), settingsDir: path.join(tmp, 'state'), workers: 0 })
  }, 60_000)
  afterAll(async () => { await backend.close(); rmSync(tmp, { recursive: true, force: true }) })

  it('a Kinesis Data Streams cue offers three services from its confusable groups, family or category', async () => {
    const { ontology } = await loadEntities()
    const services = ontology.entities.filter((e) => e.type === 'service')
    const groups = backend.confusables().groups
    const questions = backend.getCards().cards.map((c) => drillQuestion(c, ontology.byId, services, groups)).filter((q) => q?.answer === KDS)
    expect(questions.length).toBeGreaterThan(0)
    const answer = ontology.byId.get(KDS)!
    const grouped = new Set(groups.filter((g) => g.members.includes(KDS)).flatMap((g) => g.members))
    expect(grouped.size).toBeGreaterThan(2)
    for (const q of questions) {
      const ids = wrong(q)
      expect(ids).toHaveLength(3)
      for (const id of ids) {
        const e = ontology.byId.get(id)!
        expect(grouped.has(id) || familyOf(e) === familyOf(answer) || e.category === answer.category, `${id} for “${q!.cue}”`).toBe(true)
      }
      // the notes' own groups come first: at least one option is from them
      expect(ids.some((id) => grouped.has(id))).toBe(true)
    }
    // and the study call answers with such a question
    const q = backend.studyDrill({ kind: 'nodes', ids: [KDS] })
    expect(q?.options).toHaveLength(4)
  }, 60_000)
})
