import { describe, expect, it } from 'vitest'
import { clean, needsCollapse } from './inline'

describe('needsCollapse', () => {
  it('agrees with /\\s\\s|[\\n\\t\\r]/ on every kind of whitespace, alone and doubled', () => {
    const spaces = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff']
    const others = ['a', '.', '\u200b', '\u0085', '\u180e', '\u2060', '😀', '\u0000']
    const cases: string[] = ['', 'plain words', 'a  b', 'end ', ' start']
    for (const a of [...spaces, ...others]) {
      for (const b of [...spaces, ...others]) cases.push(`x${a}${b}y`, `${a}${b}`, `${a}x${b}`)
    }
    for (const s of cases) expect(needsCollapse(s), JSON.stringify(s)).toBe(/\s\s|[\n\t\r]/.test(s))
  })

  it('leaves clean as it was: whitespace runs collapse, single spaces stay', () => {
    expect(clean('A  term\u00a0\u00a0with\tgaps.')).toBe('A term with gaps')
    expect(clean('One\u00a0space stays')).toBe('One\u00a0space stays')
  })
})
