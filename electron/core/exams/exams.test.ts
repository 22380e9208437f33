import { describe, expect, it } from 'vitest'
import { loadOntology } from '../ontology'
import { testOntology } from '../graph/test-fixtures'
import { EXAM_FACTS, domainLabel, examByCode, examOverlap, exams } from '.'

describe('exam facts', () => {
  it('holds the five exams with domain weights summing to 100', () => {
    expect(EXAM_FACTS.map((e) => e.code)).toEqual(['MLA-C01', 'DEA-C01', 'AIF-C01', 'MLS-C01', 'SAA-C03'])
    for (const e of EXAM_FACTS) expect(e.domains.reduce((s, d) => s + d.weight, 0)).toBe(100)
  })

  it('labels domains with the MLA-C01 domain names', () => {
    expect(domainLabel('D1')).toBe('Domain 1: Data Preparation for Machine Learning (ML)')
    expect(domainLabel('D4')).toBe('Domain 4: ML Solution Monitoring, Maintenance, and Security')
    expect(domainLabel('D7')).toBe('Domain 7')
  })
})

describe('exams(ontology)', () => {
  it('maps in-scope names to service ids and lists the names the ontology lacks', () => {
    const mla = examByCode(testOntology(), 'mla-c01')!
    expect(mla.name).toBe('AWS Certified Machine Learning Engineer - Associate')
    expect(mla.inScope).toEqual(expect.arrayContaining(['service:aws-glue', 'service:amazon-data-firehose', 'service:amazon-sagemaker-ai']))
    expect(mla.unknownInScope).toContain('Amazon Bedrock')
    expect(mla.unknownInScope).not.toContain('AWS Glue')
    expect(mla.inScope.length + mla.unknownInScope.length).toBe(EXAM_FACTS[0].inScopeServices.length)
  })

  it('resolves every in-scope name with the bundled ontology', () => {
    for (const e of exams(loadOntology())) {
      expect(e.unknownInScope, e.code).toEqual([])
      expect(e.inScope.length).toBeGreaterThan(30)
    }
  })

  it('finds services in scope of both exams (MLA-C01 ∩ DEA-C01)', () => {
    const shared = examOverlap(loadOntology(), 'MLA-C01', 'DEA-C01')
    expect(shared).toEqual(expect.arrayContaining(['service:amazon-s3', 'service:aws-glue', 'service:amazon-data-firehose', 'service:amazon-athena']))
    // Amazon Kinesis (the family) is listed for MLA-C01 only; DEA-C01 names Kinesis Data Streams.
    expect(examByCode(loadOntology(), 'MLA-C01')!.inScope).toContain('service:amazon-kinesis')
    expect(shared).not.toContain('service:amazon-kinesis')
    expect(examOverlap(loadOntology(), 'MLA-C01', 'NOPE')).toEqual([])
  })
})
