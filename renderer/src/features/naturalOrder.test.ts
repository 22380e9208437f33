import { describe, expect, it } from 'vitest'
import { byNumber } from './naturalOrder'

describe('byNumber (natural order of names)', () => {
  it('orders numbers inside names by value, like localeCompare with numeric on', () => {
    const names = ['Domain 10', 'domain 2', 'Domain 1', 'D3', 'notes', 'Domain 2b', 'Domain 2']
    const expected = [...names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
    expect([...names].sort(byNumber)).toEqual(expected)
  })

  it('keeps equal names equal and shorter prefixes first', () => {
    expect(byNumber('D1', 'D1')).toBe(0)
    expect(byNumber('Domain', 'Domain 1')).toBeLessThan(0)
    expect(byNumber('Domain 01', 'Domain 1')).not.toBe(0)
  })
})
