// GFM pipe tables read straight from a note's lines, with the file column where each cell starts, so a
// mention (line + column from the extractor) can be placed in its cell without parsing the note again.

export interface TableCell {
  /** raw markdown of the cell, trimmed */
  text: string
  /** 1-based file columns [start, end) the cell covers, pipes excluded */
  start: number
  end: number
}

export interface TableRow {
  /** 1-based file line */
  line: number
  cells: TableCell[]
}

export interface MdTable {
  header: TableRow
  rows: TableRow[]
}

const SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/
const looksLikeRow = (line: string) => line.includes('|') && !/^\s{4,}/.test(line)

/** Split one table row into cells; `\|` and pipes inside code spans do not split. */
export function splitRow(line: string, lineNo: number): TableRow {
  const cells: TableCell[] = []
  let i = 0
  while (i < line.length && line[i] === ' ') i++
  if (line[i] === '|') i++
  let start = i
  let inCode = 0
  const push = (end: number) => {
    const raw = line.slice(start, end)
    const lead = raw.length - raw.trimStart().length
    cells.push({ text: raw.trim(), start: start + lead + 1, end: end + 1 })
  }
  for (; i < line.length; i++) {
    const ch = line[i]
    if (ch === '\\') { i++; continue }
    if (ch === '`') {
      let n = 1
      while (line[i + n] === '`') n++
      inCode = inCode === 0 ? n : inCode === n ? 0 : inCode
      i += n - 1
      continue
    }
    if (ch === '|' && inCode === 0) {
      push(i)
      start = i + 1
    }
  }
  if (line.slice(start).trim() !== '') push(line.length)
  return { line: lineNo, cells }
}

/** Every table in the lines between `from` and `to` (1-based, inclusive); default the whole note. */
export function findTables(lines: string[], from = 1, to = lines.length): MdTable[] {
  const out: MdTable[] = []
  let inFence = false
  for (let l = Math.max(1, from); l <= Math.min(to, lines.length); l++) {
    const text = lines[l - 1]
    if (/^\s*(`{3,}|~{3,})/.test(text)) { inFence = !inFence; continue }
    if (inFence || !looksLikeRow(text)) continue
    const next = lines[l]
    if (next === undefined || !SEPARATOR.test(next) || !next.includes('-')) continue
    const header = splitRow(text, l)
    const rows: TableRow[] = []
    let r = l + 2
    while (r <= lines.length && looksLikeRow(lines[r - 1]) && lines[r - 1].trim() !== '') {
      rows.push(splitRow(lines[r - 1], r))
      r++
    }
    out.push({ header, rows })
    l = r - 1
  }
  return out
}

/** Index of the cell of `row` that holds 1-based `column`, or -1. */
export function cellIndexAt(row: TableRow, column: number): number {
  return row.cells.findIndex((c) => column >= c.start && column < c.end)
}

/** Cache of parsed tables per lines array (the backend's line cache hands out the same array while cached). */
const cache = new WeakMap<string[], MdTable[]>()
export function tablesOf(lines: string[]): MdTable[] {
  let t = cache.get(lines)
  if (!t) cache.set(lines, (t = findTables(lines)))
  return t
}

/** The table (and row, -1 = header) that contains file line `line`. */
export function rowAtLine(tables: MdTable[], line: number): { table: MdTable; row: number } | undefined {
  for (const table of tables) {
    if (table.header.line === line) return { table, row: -1 }
    const first = table.rows[0]?.line
    if (first === undefined || line < first || line > table.rows[table.rows.length - 1].line) continue
    return { table, row: line - first }
  }
  return undefined
}
