import { describe, expect, it } from 'vitest'
import type { Card } from '../types'
import { collectCards } from './collect'

const card = (note: string, line: number) => ({ id: `${note}:${line}`, note, line }) as unknown as Card

describe('collectCards', () => {
  it('gives new cards in the notes\' numbered order: 1.1, 1.2, then 1.10', () => {
    const entries = ['D1/1.10_optimizing.md', 'D1/1.2_sources.md', 'D1/1.1_security.md'].map((path) => ({ path, cards: [card(path, 3), card(path, 9)] }))
    expect(collectCards(entries).cards.map((c) => `${c.note}:${c.line}`)).toEqual([
      'D1/1.1_security.md:3', 'D1/1.1_security.md:9', 'D1/1.2_sources.md:3', 'D1/1.2_sources.md:9', 'D1/1.10_optimizing.md:3', 'D1/1.10_optimizing.md:9',
    ])
  })
})
