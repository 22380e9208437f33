import { describe, expect, it } from 'vitest'
import { API_METHODS, validators } from './contract'

describe('study calls in the contract', () => {
  it('are listed, so both hosts serve them', () => {
    for (const m of ['studyQueue', 'gradeCard', 'undoGrade', 'studyStats', 'nodeProgress', 'markNode', 'readiness', 'studyDrill',
      'studySettings', 'setStudySettings', 'exportProgress', 'importProgress', 'exportCardsTsv']) expect(API_METHODS).toContain(m)
  })
  it('accept well-formed arguments', () => {
    expect(validators.studyQueue([{ kind: 'all' }])).toBe(true)
    expect(validators.studyQueue([{ kind: 'domain', domain: 'D1' }, 50])).toBe(true)
    expect(validators.studyQueue([{ kind: 'nodes', ids: ['service:aws-glue'] }])).toBe(true)
    expect(validators.gradeCard(['abc', 'good'])).toBe(true)
    expect(validators.markNode(['service:aws-glue', null])).toBe(true)
    expect(validators.markNode(['service:aws-glue', 'needs-review'])).toBe(true)
    expect(validators.setStudySettings([{ desiredRetention: 0.85 }])).toBe(true)
    expect(validators.readiness(['MLA-C01'])).toBe(true)
  })
  it('reject anything else', () => {
    expect(validators.studyQueue([])).toBe(false)
    expect(validators.studyQueue([{ kind: 'everything' }])).toBe(false)
    expect(validators.studyQueue([{ kind: 'all', extra: 1 }])).toBe(false)
    expect(validators.studyQueue([{ kind: 'nodes', ids: [] }])).toBe(false)
    expect(validators.studyQueue([{ kind: 'all' }, -1])).toBe(false)
    expect(validators.gradeCard(['abc', 'perfect'])).toBe(false)
    expect(validators.gradeCard(['abc', 3])).toBe(false)
    expect(validators.gradeCard(['', 'good'])).toBe(false)
    expect(validators.markNode(['service:aws-glue', 'forgotten'])).toBe(false)
    expect(validators.markNode(['service:aws-glue'])).toBe(false)
    expect(validators.setStudySettings([{ desiredRetention: 1.5 }])).toBe(false)
    expect(validators.setStudySettings([{ newPerDay: 2.5 }])).toBe(false)
    expect(validators.setStudySettings([{ theme: 'dark' }])).toBe(false)
    expect(validators.importProgress([42])).toBe(false)
    expect(validators.undoGrade([1])).toBe(false)
  })
})
