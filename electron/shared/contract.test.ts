import { describe, expect, it } from 'vitest'
import { validators } from './contract'

describe('neighbourhood arguments', () => {
  const ok = validators.neighbourhood
  it('takes an id, a depth 1–3 and optional walk limits', () => {
    expect(ok(['service:aws-glue', 2])).toBe(true)
    expect(ok(['service:aws-glue', 1, { types: ['service', 'note'], minWeight: 2, minRelatedWeight: 4 }])).toBe(true)
    expect(ok(['service:aws-glue', 1, {}])).toBe(true)
    expect(ok(['service:aws-glue', 1, { types: ['service'], over: 'service-map' }])).toBe(true)
  })
  it('refuses unknown keys, node types and weights that are not numbers', () => {
    expect(ok(['service:aws-glue', 1, { types: ['planet'] }])).toBe(false)
    expect(ok(['service:aws-glue', 1, { minWeight: '2' }])).toBe(false)
    expect(ok(['service:aws-glue', 1, { minWeight: Number.NaN }])).toBe(false)
    expect(ok(['service:aws-glue', 1, { depth: 3 }])).toBe(false)
    expect(ok(['service:aws-glue', 1, { over: 'everything' }])).toBe(false)
    expect(ok(['service:aws-glue', 1, null])).toBe(false)
    expect(ok(['service:aws-glue', 1, {}, 'extra'])).toBe(false)
  })
})
