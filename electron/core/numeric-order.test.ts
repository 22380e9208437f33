import { describe, expect, it } from 'vitest'
import { byPath, numericOrder, pathOrder } from './numeric-order'

describe('numericOrder', () => {
  it('orders keys as a numeric collator does', () => {
    const keys = ['D10', 'D2', 'D1', 'd3', 'D02', 'Domain 2', 'domain 10', 'É1', 'E2', '10', '9', 'D', '', 'D1a', 'x']
    const collator = new Intl.Collator(undefined, { numeric: true })
    const sign = (n: number) => Math.sign(n)
    for (const a of keys) for (const b of keys) expect([a, b, sign(numericOrder(a, b))]).toEqual([a, b, sign(collator.compare(a, b))])
    expect([...keys].sort(numericOrder)).toEqual([...keys].sort(collator.compare))
  })

  it('orders note paths code unit by code unit, a run of digits by its value', () => {
    const paths = ['D1/1.10_optimizing.md', 'a-first.md', 'D1/1.2_sources.md', 'D10/x.md', 'D1/1.1_security.md', 'D2/2.01_a.md', 'D2/2.1_b.md', 'D1/1.1_security.md']
    expect([...paths].sort(pathOrder)).toEqual(['D1/1.1_security.md', 'D1/1.1_security.md', 'D1/1.2_sources.md', 'D1/1.10_optimizing.md', 'D2/2.01_a.md', 'D2/2.1_b.md', 'D10/x.md', 'a-first.md'])
    // byPath: the same order, each key made once
    expect(byPath(paths, (p) => p)).toEqual([...paths].sort(pathOrder))
    // a total order: equal only when the same text
    expect(pathOrder('D2/2.01_a.md', 'D2/2.1_a.md')).not.toBe(0)
    expect(Math.sign(pathOrder('D2/2.01_a.md', 'D2/2.1_a.md'))).toBe(-Math.sign(pathOrder('D2/2.1_a.md', 'D2/2.01_a.md')))
  })
})
