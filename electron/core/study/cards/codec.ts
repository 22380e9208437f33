// Compact form of a note's cards in the persisted index: one flat array per note, repeated strings (section
// ids, entity ids) as indexes into the index's string table; the note path is the entry's own.
import type { Card, CardKind } from '../types'
import type { StringTable } from '../../index/codec'

const KINDS: CardKind[] = ['tip', 'definition', 'table', 'user']

/** Cards → [id, kind, front, back, section, line, entity count, ...entities] × n. */
export function encodeCards(cards: Card[], t: StringTable): (string | number)[] {
  const out: (string | number)[] = []
  for (const c of cards) {
    out.push(c.id, KINDS.indexOf(c.kind), c.front, c.back, t.add(c.section), c.line, c.entities.length)
    for (const e of c.entities) out.push(t.add(e))
  }
  return out
}

export function decodeCards(flat: (string | number)[], strings: string[], note: string): Card[] {
  const out: Card[] = []
  for (let k = 0; k < flat.length; ) {
    const n = flat[k + 6] as number
    const entities = new Array<string>(n)
    for (let i = 0; i < n; i++) entities[i] = strings[flat[k + 7 + i] as number]
    out.push({ id: flat[k] as string, kind: KINDS[flat[k + 1] as number], front: flat[k + 2] as string, back: flat[k + 3] as string, note, section: strings[flat[k + 4] as number], line: flat[k + 5] as number, entities })
    k += 7 + n
  }
  return out
}
