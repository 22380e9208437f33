import { describe, expect, it } from 'vitest'
import { createOntology } from '../ontology/index'
import type { OntologyEntity } from '../ontology/types'
import type { ExamInfo } from '../types'
import { examOverlapOf } from './examOverlap'

const svc = (id: string, parent?: string): OntologyEntity => ({ id: `service:${id}`, type: 'service', name: id, category: 'X', aliases: [], ...(parent ? { parent: `service:${parent}`, feature: true } : {}) })
const ontology = createOntology([svc('glue'), svc('s3'), svc('polly'), svc('kinesis'), svc('kds', 'kinesis'), svc('sagemaker'), svc('jumpstart', 'sagemaker'), svc('clarify', 'sagemaker')])
const exam = (code: string, ids: string[]): ExamInfo => ({ code, name: code, domains: [], inScope: ids.map((x) => `service:${x}`), unknownInScope: [] })

describe('exam overlap', () => {
  it('lists services in scope of both, in the first exam\'s order', () => {
    const r = examOverlapOf(ontology, exam('A', ['glue', 's3', 'polly']), exam('B', ['s3', 'glue']))
    expect(r.shared).toEqual(['service:glue', 'service:s3'])
    expect(r.via).toEqual({})
  })

  it('matches a service with a feature or parent listed by the other exam, and says through which', () => {
    const r = examOverlapOf(ontology, exam('A', ['kinesis', 'jumpstart']), exam('B', ['kds', 'sagemaker']))
    expect(r.shared).toEqual(['service:kinesis', 'service:jumpstart'])
    expect(r.via).toEqual({ 'service:kinesis': ['service:kds'], 'service:jumpstart': ['service:sagemaker'] })
    expect(r.highlight).toEqual(expect.arrayContaining(['service:kds', 'service:sagemaker']))
  })

  it('does not match two siblings, nor a missing exam', () => {
    expect(examOverlapOf(ontology, exam('A', ['clarify']), exam('B', ['jumpstart'])).shared).toEqual([])
    expect(examOverlapOf(ontology, exam('A', ['glue']), undefined).shared).toEqual([])
  })
})
