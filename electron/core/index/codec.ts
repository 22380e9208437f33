// Compact JSON forms for the persisted index: mentions dominate its size (≈120 per note), so they are stored
// as flat integer arrays over one string table instead of objects with keys.
import type { Mention } from '../types'

export class StringTable {
  readonly list: string[] = []
  private index = new Map<string, number>()
  constructor(list?: string[]) {
    if (list) for (const s of list) this.add(s)
  }
  add(s: string): number {
    let i = this.index.get(s)
    if (i === undefined) {
      i = this.list.length
      this.list.push(s)
      this.index.set(s, i)
    }
    return i
  }
}

/** Mentions → [entity, text, line, column, section] × n, strings as table indexes. */
export function encodeMentions(mentions: Mention[], t: StringTable): number[] {
  const out = new Array<number>(mentions.length * 5)
  let k = 0
  for (const m of mentions) {
    out[k++] = t.add(m.entity)
    out[k++] = t.add(m.text)
    out[k++] = m.line
    out[k++] = m.column
    out[k++] = t.add(m.section)
  }
  return out
}

export function decodeMentions(flat: number[], strings: string[]): Mention[] {
  const out: Mention[] = new Array(flat.length / 5)
  for (let i = 0, k = 0; k < flat.length; i++, k += 5) {
    out[i] = { entity: strings[flat[k]], text: strings[flat[k + 1]], line: flat[k + 2], column: flat[k + 3], section: strings[flat[k + 4]] }
  }
  return out
}
