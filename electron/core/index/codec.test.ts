import { describe, expect, it } from 'vitest'
import { StringTable, decodeMentions, encodeMentions } from './codec'
import type { Mention } from '../types'

describe('persisted index codec', () => {
  it('round-trips mentions through the string table', () => {
    const mentions: Mention[] = [
      { entity: 'service:aws-glue', text: 'Glue', line: 3, column: 7, section: 'intro' },
      { entity: 'service:aws-glue', text: 'AWS Glue', line: 9, column: 1, section: '' },
    ]
    const t = new StringTable()
    const flat = encodeMentions(mentions, t)
    expect(flat).toHaveLength(10)
    expect(t.list.filter((s) => s === 'service:aws-glue')).toHaveLength(1)
    expect(decodeMentions(flat, JSON.parse(JSON.stringify(t.list)))).toEqual(mentions)
  })
})
