import { describe, expect, it } from 'vitest'
import { numericOrder } from './numericOrder'

describe('numericOrder', () => {
  it('orders keys as a numeric collator does', () => {
    const keys = ['D10', 'D2', 'D1', 'd3', 'D02', 'Domain 2', 'domain 10', 'É1', 'E2', '10', '9', 'D', '', 'D1a', 'x']
    const collator = new Intl.Collator(undefined, { numeric: true })
    const sign = (n: number) => Math.sign(n)
    for (const a of keys) for (const b of keys) expect([a, b, sign(numericOrder(a, b))]).toEqual([a, b, sign(collator.compare(a, b))])
    expect([...keys].sort(numericOrder)).toEqual([...keys].sort(collator.compare))
  })
})
