// The decision card and the confusable groups on the bundled notes (content/), through the backend as the
// app serves them. Kept loose where the notes may grow (branch `notes` adds tables and tips).
import path from 'node:path'
import os from 'node:os'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../backend'

const GLUE = 'service:aws-glue'
const KINESIS = 'service:amazon-kinesis'
const KDS = 'service:amazon-kinesis-data-streams'
const KDF = 'service:amazon-data-firehose'

let backend: Backend
let dir: string
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-content-'))
  backend = await createBackend({ bundledFolder: path.resolve('content'), settingsDir: dir, cacheDir: null, workers: 0 })
  await backend.whenReady()
})
afterAll(async () => {
  await backend.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const text = (item: { summary: string; facts: { label: string; value: string }[]; chooseWhen: { text: string }[] }) =>
  [item.summary, ...item.facts.map((f) => `${f.label} ${f.value}`), ...item.chooseWhen.map((c) => c.text)].join(' \n ')

describe('Compare on the bundled notes', () => {
  it('Glue vs Kinesis: Glue speaks of ETL or the Data Catalog, Kinesis of streams or real time; 1–12 shared neighbours', () => {
    const r = backend.compare([GLUE, KINESIS])
    const [glue, kinesis] = r.items
    expect(text(glue)).toMatch(/\bETL\b|Data Catalog/)
    expect(text(kinesis)).toMatch(/stream|real[- ]time/i)
    expect(glue.chooseWhen.length).toBeGreaterThan(0)
    expect(r.shared.length).toBeGreaterThanOrEqual(1)
    expect(r.shared.length).toBeLessThanOrEqual(12)
    expect(r.notes.length).toBeGreaterThan(0)
    // hubs such as k-nearest neighbors or neural network are not offered as common ground
    expect(r.shared.map((n) => n.id)).not.toContain('concept:k-nearest-neighbors')
    // "Kinesis" as a student means it: Data Firehose (once Kinesis Data Firehose) and Flink answer for it too
    expect(kinesis.summary).toContain('Data Firehose')
    expect(kinesis.chooseWhen.length).toBeGreaterThanOrEqual(3)
    expect(kinesis.chooseWhen.map((c) => c.via)).toEqual(expect.arrayContaining(['Amazon Data Firehose', 'Amazon Kinesis Data Streams']))
  })

  it('a renamed service compared with its old family keeps its own card', () => {
    const r = backend.compare([KINESIS, KDF])
    const [kinesis, kdf] = r.items
    expect(kinesis.chooseWhen.map((c) => c.via)).not.toContain('Amazon Data Firehose')
    expect(kdf.chooseWhen.length).toBeGreaterThan(0)
  })

  it('Kinesis Data Streams vs Firehose: the card tells them apart, with unique neighbours on both sides', () => {
    const r = backend.compare([KDS, KDF])
    const [kds, kdf] = r.items
    expect(kds.facts.find((f) => /latency/i.test(f.label))?.value).toMatch(/real time/i)
    expect(kdf.facts.find((f) => /latency/i.test(f.label))?.value).toMatch(/near real time|buffer/i)
    expect(text(kdf)).toMatch(/S3|Redshift/)
    expect(r.unique[KDS].length).toBeGreaterThan(0)
    expect(r.unique[KDF].length).toBeGreaterThan(0)
    expect(r.together.length).toBeGreaterThan(0)
  })

  it('finds the known confusable groups from the notes and the ontology', () => {
    const { groups, pairs } = backend.confusables()
    const hasGroup = (...ids: string[]) => groups.some((g) => ids.every((id) => g.members.includes(id)))
    expect(hasGroup(KDS, KDF, 'service:amazon-managed-streaming-for-apache-kafka', 'service:amazon-managed-service-for-apache-flink')).toBe(true)
    expect(hasGroup(GLUE, 'service:amazon-emr', 'service:aws-glue-databrew', 'service:amazon-sagemaker-data-wrangler')).toBe(true)
    expect(hasGroup('service:amazon-comprehend', 'service:amazon-textract', 'service:amazon-rekognition')).toBe(true)
    expect(groups.some((g) => g.members.filter((m) => /sagemaker.*(inference|batch-transform)/.test(m)).length >= 3)).toBe(true)
    const pairOf = (a: string, b: string) => pairs.some((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))
    expect(pairOf(KDS, KDF)).toBe(true)
    // no pair of a service and its own feature
    expect(pairOf(KINESIS, KDS)).toBe(false)
  })
})
