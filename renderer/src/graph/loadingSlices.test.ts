import { describe, expect, it } from 'vitest'
import { nextStep } from './loading'

describe('slice size of a big load', () => {
  it('moves towards 40 ms a slice, growing at most 1.5× at a time, within 200–4000 elements', () => {
    expect(nextStep(1000, 40)).toBe(1000)
    expect(nextStep(1000, 80)).toBe(500)
    // a fast slice (styles already cached) does not jump to a size a slow patch cannot afford
    expect(nextStep(1000, 2)).toBe(1500)
    expect(nextStep(3000, 1)).toBe(4000)
    expect(nextStep(250, 5000)).toBe(200)
  })
})
