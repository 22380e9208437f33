import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { entityIdFor, formerNameUsed, loadOntology, resolveName } from './index'
import { buildServices, serializeServices, type Additions, type RefService } from './build'
import { hasShared, sharedPath } from '../../../tests/unit/shared-material'

const here = path.dirname(fileURLToPath(import.meta.url))
const ontology = loadOntology()
const services = ontology.entities.filter((e) => e.type === 'service')
const concepts = ontology.entities.filter((e) => e.type === 'concept')

describe('ontology data', () => {
  it('has enough services, features and concepts, each with a category', () => {
    expect(services.length).toBeGreaterThanOrEqual(200)
    expect(services.filter((e) => e.feature).length).toBeGreaterThanOrEqual(50)
    expect(concepts.length).toBeGreaterThanOrEqual(150)
    for (const e of ontology.entities) expect(e.category, e.id).toBeTruthy()
  })

  it('uses unique, well-formed ids and parents that exist', () => {
    expect(new Set(ontology.entities.map((e) => e.id)).size).toBe(ontology.entities.length)
    for (const e of ontology.entities) {
      expect(e.id).toMatch(/^(service|concept):[a-z0-9]+(?:-[a-z0-9]+)*$/)
      if (e.type === 'service') expect(e.id).toBe(entityIdFor(e.name))
      if (e.parent) expect(ontology.byId.has(e.parent), `${e.id} → ${e.parent}`).toBe(true)
    }
  })

  it('keeps the ids and names the team agreed on', () => {
    for (const id of [
      'service:aws-glue',
      'service:amazon-kinesis-data-streams',
      'service:amazon-data-firehose',
      'service:amazon-sagemaker-ai',
      'service:amazon-sagemaker-feature-store',
    ]) {
      expect(ontology.byId.has(id), id).toBe(true)
    }
    expect(ontology.byId.get('service:amazon-sagemaker-ai')?.name).toBe('Amazon SageMaker AI')
    expect(ontology.byId.get('service:amazon-elastic-block-store')?.name).toBe('Amazon Elastic Block Store')
    expect(ontology.byId.get('service:amazon-sagemaker-feature-store')?.parent).toBe('service:amazon-sagemaker-ai')
    expect(ontology.byId.get('service:aws-glue-databrew')?.parent).toBe('service:aws-glue')
    expect(ontology.byId.get('service:amazon-cloudwatch-logs')?.parent).toBe('service:amazon-cloudwatch')
    expect(ontology.byId.get('service:amazon-ec2-spot-instances')?.parent).toBe('service:amazon-ec2')
  })

  it('marks storage classes as options and the names that are also English verbs', () => {
    expect(ontology.byId.get('service:amazon-s3-glacier')?.option).toBe(true)
    expect(ontology.byId.get('service:amazon-translate')?.verbs).toEqual(['Translate'])
    expect(ontology.byId.get('service:amazon-athena')?.verbs).toBeUndefined()
    expect(resolveName('Kafka Connect')).toBeUndefined()
  })
})

describe('resolveName', () => {
  it.each([
    ['Amazon Kinesis', 'service:amazon-kinesis'],
    ['Amazon S3 Glacier', 'service:amazon-s3-glacier'],
    ['S3', 'service:amazon-s3'],
    ['amazon sagemaker', 'service:amazon-sagemaker-ai'],
    ['Kinesis Data Firehose', 'service:amazon-data-firehose'],
    ['Kinesis Analytics', 'service:amazon-managed-service-for-apache-flink'],
    ['Elasticsearch Service', 'service:amazon-opensearch-service'],
    ['AWS Chatbot', 'service:amazon-q-developer-in-chat-applications'],
    ['CodeWhisperer', 'service:amazon-q-developer'],
    ['AWS Athena', 'service:amazon-athena'],
    ['AWS Forecast', 'service:amazon-forecast'],
    ['MSK', 'service:amazon-managed-streaming-for-apache-kafka'],
    ['Application Load Balancer', 'service:elastic-load-balancing'],
    ['STS', 'service:aws-security-token-service'],
    ['Boto3', 'service:aws-sdk-for-python-boto3'],
    ['PCA', 'concept:principal-component-analysis'],
    ['one hot encoding', 'concept:one-hot-encoding'],
  ])('%s → %s', (name, id) => {
    expect(resolveName(name)?.id).toBe(id)
  })

  it('returns undefined for names it does not know', () => {
    expect(resolveName('Amazon Lookout')).toBeUndefined()
    expect(resolveName('')).toBeUndefined()
  })

  it('tells which former name a mention used', () => {
    const firehose = resolveName('Amazon Data Firehose')!
    expect(formerNameUsed(firehose, 'Kinesis Data Firehose')).toBe('Kinesis Data Firehose')
    expect(formerNameUsed(firehose, 'Amazon Data Firehose')).toBeUndefined()
  })
})

describe('generated services.json', () => {
  const reference = sharedPath('reference/aws-exams-and-services.json')
  it.skipIf(!hasShared('services.json freshness check', 'reference/aws-exams-and-services.json'))('is what build-ontology.ts produces from the reference and additions.json', () => {
    const ref = JSON.parse(readFileSync(reference, 'utf8')) as { services: RefService[] }
    const additions = JSON.parse(readFileSync(path.join(here, 'additions.json'), 'utf8')) as Additions
    const { entities, problems } = buildServices(ref, additions)
    expect(problems).toEqual([])
    expect(readFileSync(path.join(here, 'services.json'), 'utf8')).toBe(serializeServices(entities))
  })
})
