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

/** A cell's fact for comparing rows: lower case, punctuation and extra spaces gone. */
function factKey(s: string): string {
  const lower = s.toLowerCase()
  if (/^[a-z0-9/]+(?: [a-z0-9/]+)*$/.test(lower)) return lower // the usual cell: nothing to strip
  return lower.replace(/[^a-z0-9/ \u00c0-\uffff]+/g, ' ').replace(/\s+/g, ' ').trim()
}

type Cell = Table['children'][number]['children'][number]
interface CellInfo {
  text: string
  key: string
  span: [number, number]
}

function cellInfo(cell: Cell): CellInfo {
  const text = clean(flatten(cell.children, cell.position?.start.line ?? 1).text.replace(/\n/g, ' '))
  return { text, key: factKey(text), span: [cell.position?.start.column ?? 0, cell.position?.end.column ?? 0] }
}

export function tableCards(table: Table, mentionsOnLine: (line: number) => Mention[]): TableDraft[] {
  const [head, ...rows] = table.children
  if (!head || rows.length < 2) return []
  // a table qualifies when most first cells name an entity (a mention inside the cell's columns)
  let namedCount = 0
  const named = rows.map((r) => {
    const first = r.children[0]
    if (!first?.position) return false
    const from = first.position.start.column
    const to = first.position.end.column
    const hit = mentionsOnLine(first.position.start.line).some((m) => m.column >= from && m.column < to)
    if (hit) namedCount++
    return hit
  })
  if (namedCount < 2 || namedCount * 2 < rows.length) return []

  const header = head.children.map((c) => cellInfo(c).text)
  const cells = rows.map((r) => r.children.map(cellInfo))
  // a fact is distinctive when no other row of the same column says the same
  const seen = new Map<string, number>()
  for (const row of cells) for (let i = 1; i < row.length; i++) { const k = `${i}\0${row[i].key}`; seen.set(k, (seen.get(k) ?? 0) + 1) }

  const noun = nounOf(header[0] ?? '')
  const out: TableDraft[] = []
  rows.forEach((r, ri) => {
    if (!named[ri]) return
    const row = cells[ri]
    const name = row[0].text
    if (!name) return
    const line = r.children[0].position?.start.line ?? 1
    const lowerName = name.toLowerCase()
    for (let i = 1; i < row.length; i++) {
      const { text: value, key, span } = row[i]
      if (!key || key.length < 2 || NO_FACT.has(key) || (seen.get(`${i}\0${key}`) ?? 0) > 1 || key === row[0].key) continue
      // one plain word ("Highest", "Fast") is a rating, not a fact to recall
      if (!/[\s\d]/.test(key) && !/[A-Z].*[A-Z]/.test(value)) continue
      // the answer must not be in the question
      const shown = value.toLowerCase().includes(lowerName) ? replaceAll(value, name) : value
      const h = header[i] ?? ''
      out.push({ front: `Which ${noun}? ${h ? `${h}: ` : ''}${shown}`, back: name, line, cols: [row[0].span, span] })
    }
  })
  return out
}

/** `value` with every case-insensitive occurrence of `name` replaced by "…". */
function replaceAll(value: string, name: string): string {
  const lower = value.toLowerCase()
  const n = name.toLowerCase()
  let out = ''
  let at = 0
  for (let i = lower.indexOf(n); i !== -1; i = lower.indexOf(n, i + n.length)) {
    out += value.slice(at, i) + '…'
    at = i + n.length
  }
  return out + value.slice(at)
}

/** "Service" → "service", "Algorithms" → "algorithm"; anything unlike a short noun → "service". */
function nounOf(header: string): string {
  const h = header.toLowerCase().trim()
  if (!/^[a-z][a-z -]{1,24}$/.test(h) || h.split(/\s+/).length > 2 || ['name', 'item', 'what', 'type'].includes(h)) return 'service'
  return h.endsWith('ss') ? h : h.replace(/s$/, '')
}
