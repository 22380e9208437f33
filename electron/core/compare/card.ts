// The decision card of one compared item, read from the notes: what it is, its distinctive facts, and
// when to choose it. Sources, strongest first:
//  - comparison tables: a row whose first cell names the item gives "column header: cell" facts; a column
//    whose header names the item gives "row label: cell" facts; columns or rows such as "Pick when",
//    "Use when", "Best for" give cues; a "Need | Choose" table that answers with the item gives the need;
//  - exam tips ("When a question says …, think X"): the condition is a cue for X, never for the services
//    named in the condition;
//  - definitions: a list item that opens with the item ("**AWS Glue**: serverless Spark ETL…") or a
//    sentence "X is …"; else the first sentence of the section that covers the item most; else the ontology.
// A feature's lines count for its parent (Kinesis Data Streams for Amazon Kinesis), marked with `via`.
import type { Mention, NoteMeta } from '../types'
import type { Ontology } from '../ontology/types'
import type { GetLines } from '../graph/snippets'
import type { CardCue, CardFact, CardSource, DecisionItem } from './types'
import { cellIndexAt, rowAtLine, tablesOf, type MdTable, type TableCell } from './tables'
import { firstSentence, isHeadingLine, isListItem, mentionsByLine, normKey, plain, sectionAt } from './text'

export interface CardNotes {
  note(path: string): NoteMeta | undefined
  notesMentioning(entity: string): ReadonlySet<string>
}

/** Table labels that say when to pick something. */
const CUE_LABEL = /\b(pick|choose|use|when to|best for|ideal for|good for|typical use|use cases?|when it shows up|fits?|suited)\b/i
/** Table labels that say what something is. */
const ROLE_LABEL = /\b(role|what|does|description|purpose|summary|style|is|type|kind|model|task)\b/i
/** Table headers of an answer column ("Need | Choose"). */
const ANSWER_LABEL = /\b(choose|pick|answer|service|solution|use|tool|option)\b/i
/** Fact labels worth showing first: the ones that tell services apart. */
const TELLING = /\b(latenc|limit|quota|max|size|payload|throughput|scal|pric|cost|pay|billing|retention|replay|order|input|output|source|destination|format|transform|timeout|duration|capacity|storage|durab|managed|server)/i
/** Section titles of tip lists. */
const TIPS_SECTION = /\b(tips?|exam|remember|gotchas?|traps?|pitfalls?|cheat)\b/i
/** "When … , think X": where the answer starts. */
const ANSWER_AT = /(?:[,;:]\s*(?:then\s+)?(?:think(?:\s+of)?|choose|use|pick|go with|consider|reach for|the answer is|answer(?:\s+is)?)\b|\s(?:→|=>|->)\s)/i
const CONDITION_LEAD = /^(?:when|if)\s+(?:(?:a|the)\s+)?(?:question|scenario|requirement|stem|prompt|use case|it)s?\s+(?:says?|mentions?|asks?(?:\s+for)?|needs?|requires?|describes?|wants?)\s*:?\s*/i
const CHOOSE_SENTENCE = /\b(?:choose|use|pick|prefer)\s+(?:it|this|them)\s+(?:when|if|for)\b/i
const DEFINITION_AFTER_NAME = /^\s*(?:\([^)]*\)\s*)?(?::|—|–|-\s|is\s|are\s|provides\s|lets\s|offers\s|runs\s|for\s)/i

const VS = /\b(?:vs\.?|versus)(?=\s|$)/i
const MAX_FACTS = 7
const MAX_CUES = 5

/** Word-set overlap of two normalized texts ≥ ½ (short words ignored). */
function similar(a: string, b: string): boolean {
  const wa = new Set(a.split(' ').filter((w) => w.length > 2))
  const wb = new Set(b.split(' ').filter((w) => w.length > 2))
  if (wa.size === 0 || wb.size === 0) return false
  let both = 0
  for (const w of wa) if (wb.has(w)) both++
  return both / (wa.size + wb.size - both) >= 0.5
}

interface Candidate { text: string; score: number; source: CardSource }

/** Is `m` the name its table cell is about: first in the cell, at its start, other entities only in brackets? */
export function headOfCell(line: string, cell: TableCell, inCell: Mention[], m: Mention): boolean {
  if (inCell[0] !== m) return false
  if (!/^[\s*_`[]*$/.test(line.slice(cell.start - 1, m.column - 1))) return false
  for (const o of inCell) {
    if (o.entity === m.entity) continue
    const before = line.slice(cell.start - 1, o.column - 1)
    const open = (before.match(/\(/g)?.length ?? 0) - (before.match(/\)/g)?.length ?? 0)
    if (open <= 0) return false
  }
  // "Firehose delivery failures" is a symptom that starts with a name, not a row about Firehose
  const rest = plain(line.slice(m.column - 1 + m.text.length, cell.end - 1)).replace(/\([^)]*\)?/g, ' ').trim()
  return rest.split(/\s+/).filter((w) => /\w/.test(w)).length <= 1
}

/** A plain value worth showing (not empty, not a dash). */
const meaningful = (s: string) => s !== '' && !/^[-–—?/]+$/.test(s) && s.toLowerCase() !== 'n/a'

function conditionOf(raw: string): string {
  let s = plain(raw).replace(CONDITION_LEAD, '').replace(/^(?:when|if)\s+/i, '')
  s = s.replace(/[,;:]\s*$/, '').trim()
  // a condition that is only a quotation reads better without its quotes
  const q = /^["“'‘](.+)["”'’]$/.exec(s)
  return q && !/["“”]/.test(q[1]) ? q[1] : s
}

export interface CardOptions {
  /** ids counted as the item (the item first, then its features) */
  family: ReadonlySet<string>
  label: (id: string) => string
}

export function decisionItem(ontology: Ontology, notes: CardNotes, getLines: GetLines, id: string, opts: CardOptions): DecisionItem {
  const { family, label } = opts
  const summaries: Candidate[] = []
  const facts: Array<CardFact & { score: number; key: string }> = []
  const cues: Array<CardCue & { score: number; key: string }> = []
  const addFact = (lab: string, value: string, source: CardSource, score: number, via?: string) => {
    if (!meaningful(value)) return
    const key = normKey(`${lab} ${value}`)
    if (facts.some((f) => f.key === key || normKey(f.value) === normKey(value))) return
    facts.push({ label: lab, value, source, score: score + (TELLING.test(`${lab} ${value}`) ? 2 : 0), key, ...(via ? { via } : {}) })
  }
  const addCue = (raw: string, kind: CardCue['kind'], source: CardSource, score: number, via?: string) => {
    const text = raw.replace(/^["“'‘](.+)["”'’]$/, '$1')
    if (!meaningful(text) || text.length < 4) return
    const key = normKey(text)
    // the same advice worded twice (a tip and a table cell) is one cue
    const same = cues.find((c) => c.key === key || similar(c.key, key))
    if (same) {
      if (score > same.score) Object.assign(same, { text: firstSentence(text, 200), kind, source, score, key, via })
      return
    }
    cues.push({ text: firstSentence(text, 200), kind, source, score, key, ...(via ? { via } : {}) })
  }

  const paths = new Set<string>()
  for (const e of family) for (const p of notes.notesMentioning(e)) paths.add(p)
  // the section that covers the item most, for the fallback summary
  let best: { meta: NoteMeta; section: string; score: number } | undefined

  for (const path of [...paths].sort()) {
    const meta = notes.note(path)
    const lines = meta && getLines(path)
    if (!meta || !lines) continue
    const tables = tablesOf(lines)
    const byLine = mentionsByLine(meta)
    const headingLines = new Set(meta.sections.map((s) => s.line))
    const perSection = new Map<string, number>()
    const seen = new Set<number>()
    for (const m of meta.mentions) {
      if (!family.has(m.entity)) continue
      const direct = m.entity === id
      const w = direct ? 1 : 0.4
      perSection.set(m.section, (perSection.get(m.section) ?? 0) + w + (direct && headingLines.has(m.line) ? 3 : 0))
      if (seen.has(m.line)) continue
      seen.add(m.line)
      const via = direct ? undefined : label(m.entity)
      const sec = sectionAt(meta, m.line)
      const source: CardSource = { path, line: m.line, sectionTitle: sec?.title ?? meta.title }
      const raw = lines[m.line - 1] ?? ''
      const onLine = byLine.get(m.line) ?? [m]
      const at = rowAtLine(tables, m.line)
      if (at) {
        readTable(at.table, at.row, raw, onLine, m, source, direct, via)
        continue
      }
      if (isHeadingLine(raw)) {
        if (!VS.test(raw)) readAboutSection(meta, lines, m.line, m, byLine)
        continue
      }
      const inTips = TIPS_SECTION.test(sec?.title ?? '')
      if (isListItem(raw) && inTips) {
        readTip(raw, onLine, m, source, direct, via)
        continue
      }
      readProse(raw, onLine, m, source, direct, via, sec ? headingLines.has(sec.line) && (byLine.get(sec.line) ?? []).some((x) => x.entity === m.entity) : false)
    }
    for (const [section, score] of perSection) {
      if (!best || score > best.score) best = { meta, section, score }
    }
  }

  function readTable(table: MdTable, row: number, raw: string, onLine: Mention[], m: Mention, source: CardSource, direct: boolean, via?: string) {
    const r = row < 0 ? table.header : table.rows[row]
    const c = cellIndexAt(r, m.column)
    if (c < 0) return
    const cell = r.cells[c]
    const inCell = onLine.filter((x) => x.column >= cell.start && x.column < cell.end)
    const head = headOfCell(raw, cell, inCell, m)
    const base = direct ? 10 : 4
    if (row >= 0 && c === 0 && head) {
      // a row about the item: header → cell
      r.cells.forEach((cellJ, j) => {
        if (j === 0) return
        const lab = plain(table.header.cells[j]?.text ?? '')
        const value = plain(cellJ.text)
        if (CUE_LABEL.test(lab)) addCue(value, 'table', source, base + 1, via)
        else {
          if (ROLE_LABEL.test(lab) && j === 1) summaries.push({ text: via ? `${via}: ${value}` : value, score: base - 1, source })
          if (lab || j === 1) addFact(lab || 'About', value, source, base, via)
        }
      })
    } else if (row < 0 && c >= 1 && head) {
      // a column about the item: row label → cell
      for (const body of table.rows) {
        const lab = plain(body.cells[0]?.text ?? '')
        const value = plain(body.cells[c]?.text ?? '')
        const src = { ...source, line: body.line }
        if (CUE_LABEL.test(lab)) addCue(value, 'table', src, base + 1, via)
        else if (ROLE_LABEL.test(lab) && /^(role|what|description|purpose|summary|is)/i.test(lab)) summaries.push({ text: via ? `${via}: ${value}` : value, score: base - 1, source: src })
        else addFact(lab, value, src, base, via)
      }
    } else if (row >= 0 && c >= 1 && head && ANSWER_LABEL.test(plain(table.header.cells[c]?.text ?? ''))) {
      // "Need | Choose": the need is when to choose the item
      addCue(plain(r.cells[0]?.text ?? ''), 'table', source, base, via)
    }
  }

  function readTip(raw: string, onLine: Mention[], m: Mention, source: CardSource, direct: boolean, via?: string) {
    const body = raw.replace(/^\s*([-*+]|\d+[.)])\s+/, '')
    const offset = raw.length - body.length
    const ans = ANSWER_AT.exec(body)
    const base = direct ? 12 : 5
    if (ans && /^(when|if)\b/i.test(body.trim())) {
      // the item must be (in) the answer, not one of the things in the condition
      if (m.column - 1 < offset + ans.index) return
      // "think Textract, not Rekognition"
      if (/\b(not|rather than|instead of|over|vs\.?|versus)\b/i.test(raw.slice(offset + ans.index + ans[0].length, m.column - 1))) return
      addCue(conditionOf(body.slice(0, ans.index)), 'tip', source, base, via)
      return
    }
    if (onLine[0] === m || onLine[0].entity === m.entity) addCue(plain(body), 'tip', source, base - 2, via)
  }

  function readProse(raw: string, onLine: Mention[], m: Mention, source: CardSource, direct: boolean, via: string | undefined, aboutItem: boolean) {
    const body = raw.replace(/^\s*([-*+]|\d+[.)])\s+/, '')
    const offset = raw.length - body.length
    const text = plain(raw)
    if (!text) return
    // "- **X**: …", "X is …", "X (…) — …": a definition when the item opens the line
    const opens = onLine[0] === m && /^[\s*_`[]*$/.test(raw.slice(offset, m.column - 1))
    if (opens) {
      const after = raw.slice(m.column - 1 + m.text.length).replace(/^[*_`\]]+/, '')
      if (DEFINITION_AFTER_NAME.test(after)) {
        const score = (direct ? 9 : 3) + (isListItem(raw) ? 1 : 0)
        summaries.push({ text: firstSentence(text), score, source })
      }
    }
    const cue = CHOOSE_SENTENCE.exec(text)
    if (cue && (aboutItem || opens)) addCue(text.slice(cue.index), 'text', source, direct ? 8 : 3, via)
    // a bullet in a section about the item with a number in it is usually a limit or a price
    if (aboutItem && isListItem(raw) && /\d/.test(text) && !cue) {
      const lab = /^([A-Z][\w /-]{1,30}):\s/.exec(text)
      addFact(lab ? lab[1] : '', lab ? text.slice(lab[0].length) : text, source, direct ? 6 : 2, via)
    }
  }

  /** Bullets with a number under a heading that names the item ("Kinesis Data Streams essentials"): limits, prices. */
  function readAboutSection(meta: NoteMeta, lines: string[], headingLine: number, m: Mention, byLine: Map<number, Mention[]>) {
    const sec = meta.sections.find((s) => s.line === headingLine)
    if (!sec) return
    const direct = m.entity === id
    const via = direct ? undefined : label(m.entity)
    let n = 0
    for (let l = sec.line + 1; l <= sec.endLine && n < 4; l++) {
      const raw = lines[l - 1] ?? ''
      if (isHeadingLine(raw)) break
      const first = byLine.get(l)?.[0]
      // a bullet that names the item is read on its own; one that opens with another name is about that
      if (!isListItem(raw) || byLine.get(l)?.some((x) => family.has(x.entity)) || (first && first.column < 12)) continue
      const text = plain(raw)
      if (!/\d/.test(text) && !TELLING.test(text)) continue
      const lab = /^([A-Z][\w /-]{1,30}):\s/.exec(text)
      addFact(lab ? lab[1] : '', lab ? text.slice(lab[0].length) : text, { path: meta.path, line: l, sectionTitle: sec.title }, (direct ? 7 : 3) + (/\d/.test(text) ? 1 : 0), via)
      n++
    }
  }

  const entity = ontology.byId.get(id)
  summaries.sort((a, b) => b.score - a.score)
  let summary = summaries[0]?.text
  let summarySource: CardSource | undefined = summaries[0]?.source
  if (!summary || (summaries[0].score < 5 && entity && hasFeatures(ontology, id, notes, family))) {
    const kids = childrenInNotes(ontology, id, notes, family).map(label)
    if (kids.length) {
      const short = (s: string) => s.replace(/^(Amazon|AWS)\s+/, '')
      summary = `${label(id)} family (${entity?.category ?? 'AWS'}): ${kids.slice(0, 4).map(short).join(', ')}${kids.length > 4 ? '…' : ''}`
      summarySource = undefined
    }
  }
  if (!summary && best) {
    const sec = best.meta.sections.find((s) => s.id === best!.section)
    const lines = getLines(best.meta.path)
    if (sec && lines) {
      for (let l = sec.line + 1; l <= sec.endLine; l++) {
        const raw = lines[l - 1] ?? ''
        if (!raw.trim() || isHeadingLine(raw) || raw.includes('|') || /^\s*(`{3,}|~{3,})/.test(raw)) continue
        const t = plain(raw)
        if (t) {
          summary = firstSentence(t)
          summarySource = { path: best.meta.path, line: l, sectionTitle: sec.title }
          break
        }
      }
    }
  }
  if (!summary) summary = entity ? (entity.parent ? `Part of ${label(entity.parent)} (${entity.category})` : `${entity.category} ${entity.type}`) : id

  facts.sort((a, b) => b.score - a.score)
  cues.sort((a, b) => b.score - a.score)
  // a feature's lines fill in for a parent the notes say little about directly, not for one they cover
  const enough = (list: Array<{ via?: string }>) => list.filter((x) => !x.via).length >= 3
  if (enough(facts)) facts.splice(0, facts.length, ...facts.filter((f) => !f.via))
  if (enough(cues)) cues.splice(0, cues.length, ...cues.filter((c) => !c.via))
  const summaryKey = normKey(summary)
  return {
    id,
    label: label(id),
    summary,
    ...(summarySource ? { summarySource } : {}),
    facts: facts.filter((f) => normKey(f.value) !== summaryKey).slice(0, MAX_FACTS).map(({ score: _s, key: _k, ...f }) => f),
    chooseWhen: cues.slice(0, MAX_CUES).map(({ score: _s, key: _k, ...c }) => c),
  }
}

/** Its features in the notes, and the services renamed out of its name that the family holds (Data Firehose for Kinesis). */
function childrenInNotes(ontology: Ontology, id: string, notes: CardNotes, family: ReadonlySet<string>): string[] {
  return ontology.entities
    .filter((e) => (e.parent === id || (!e.parent && e.id !== id && family.has(e.id))) && !e.option && notes.notesMentioning(e.id).size > 0)
    .sort((a, b) => notes.notesMentioning(b.id).size - notes.notesMentioning(a.id).size)
    .map((e) => e.id)
}
const hasFeatures = (ontology: Ontology, id: string, notes: CardNotes, family: ReadonlySet<string>) => childrenInNotes(ontology, id, notes, family).length > 0
