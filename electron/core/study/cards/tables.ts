// Comparison tables → "Which service …?" cards: one per cell that states a fact only its row has.
// A table qualifies when most rows name a service or concept (per the extractor's mentions) in the first column.
import type { Table } from 'mdast'
import type { Mention } from '../../types'
import { clean, flatten } from './inline'

export interface TableDraft {
  front: string
  back: string
  line: number
  /** column ranges [from, to) on `line` whose mentions belong to the card: the row's name and the cell */
  cols: [number, number][]
}

/** Cells that carry no fact of their own. */
const NO_FACT = new Set(['yes', 'no', 'y', 'n', 'true', 'false', 'x', 'n/a', 'na', 'none', 'partial', 'optional', 'required', 'supported', 'not supported', 'limited', 'full', 'high', 'low', 'medium', 'same', 'varies', 'depends', 'tbd', 'unknown', 'maybe', 'sometimes', 'all', 'any'])

const factKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}/ ]+/gu, ' ').replace(/\s+/g, ' ').trim()
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function tableCards(table: Table, mentionsOnLine: (line: number) => Mention[]): TableDraft[] {
  const [head, ...rows] = table.children
  if (!head || rows.length < 2) return []
  const text = (cell: Table['children'][number]['children'][number]) => clean(flatten(cell.children, cell.position?.start.line ?? 1).text.replace(/\n/g, ' ')).replace(/[.;,]$/, '')
  const header = head.children.map(text)
  const span = (cell: Table['children'][number]['children'][number]): [number, number] => [cell.position?.start.column ?? 0, cell.position?.end.column ?? 0]

  const named = rows.map((r) => {
    const first = r.children[0]
    if (!first?.position) return false
    const [from, to] = span(first)
    return mentionsOnLine(first.position.start.line).some((m) => m.column >= from && m.column < to)
  })
  const namedCount = named.filter(Boolean).length
  if (namedCount < 2 || namedCount * 2 < rows.length) return []

  // a fact is distinctive when no other row of the same column says the same
  const seen = new Map<string, number>()
  for (const r of rows) r.children.forEach((c, i) => { if (i > 0) { const k = `${i}\0${factKey(text(c))}`; seen.set(k, (seen.get(k) ?? 0) + 1) } })

  const noun = nounOf(header[0] ?? '')
  const out: TableDraft[] = []
  rows.forEach((r, ri) => {
    if (!named[ri]) return
    const first = r.children[0]
    const name = text(first)
    if (!name) return
    const line = first.position?.start.line ?? 1
    r.children.forEach((cell, i) => {
      if (i === 0) return
      const value = text(cell)
      const key = factKey(value)
      if (!key || NO_FACT.has(key) || key.length < 2 || (seen.get(`${i}\0${key}`) ?? 0) > 1) return
      if (key === factKey(name)) return
      // one plain word ("Highest", "Fast") is a rating, not a fact to recall
      if (!/[\s\d]/.test(key) && !/\p{Lu}.*\p{Lu}/u.test(value)) return
      // the answer must not be in the question
      const shown = value.replace(new RegExp(escapeRe(name), 'gi'), '…')
      const h = header[i] ?? ''
      out.push({ front: `Which ${noun}? ${h ? `${h}: ` : ''}${shown}`, back: name, line, cols: [span(first), span(cell)] })
    })
  })
  return out
}

/** "Service" → "service", "Algorithms" → "algorithm"; anything unlike a short noun → "service". */
function nounOf(header: string): string {
  const h = header.toLowerCase().trim()
  if (!/^[a-z][a-z -]{1,24}$/.test(h) || h.split(/\s+/).length > 2 || ['name', 'item', 'what', 'type'].includes(h)) return 'service'
  return h.endsWith('ss') ? h : h.replace(/s$/, '')
}
