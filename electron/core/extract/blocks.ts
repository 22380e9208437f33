// mdast → the pieces of prose the extractor reads ("blocks"), plus the code it scans for code forms.
// A block is one heading, paragraph or table cell; its text keeps a map back to source lines/columns.
import type { Nodes, Root, RootContent, PhrasingContent } from 'mdast'
import { bareUrlSpans } from './bare-urls'

export type BlockKind = 'heading' | 'paragraph' | 'cell' | 'diagram'

interface Segment {
  /** offset of the segment in the block text */
  at: number
  line: number
  column: number
  value: string
}

export interface Block {
  kind: BlockKind
  text: string
  segments: Segment[]
  line: number
  /** id shared by the cells of one table row or the paragraphs of one list item; -1 when alone */
  row: number
  /** id shared by everything in one table or one top-level list; -1 when alone */
  group: number
  /** built by positionAt on its first call (kept on the block: a WeakMap entry per block costs more) */
  anchors: Anchors | undefined
  /** [start, end) offsets in `text` of inline code spans that may be a name (see nameLikeSpan), flattened */
  codeSpans?: number[]
}

export interface CodeSnippet {
  value: string
  line: number
  column: number
  /** fenced code: the value starts on the line after the fence */
  fenced: boolean
}

/** Code fences without a language (or text/mermaid) are diagrams and word lists, read as prose. */
const DIAGRAM_LANGS = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'mermaid', 'ascii', 'diagram'])
/** Separator between inline pieces that must never join into one name (inline code, html). */
export const HARD_BREAK = '\u0000'

export function collectBlocks(root: Root): { blocks: Block[]; code: CodeSnippet[] } {
  const c = new Collector()
  c.visit(root, -1, -1)
  return { blocks: c.blocks, code: c.code }
}

/** One pass over the tree; a class (not closures) because it runs for every note. */
class Collector {
  blocks: Block[] = []
  code: CodeSnippet[] = []
  private ids = 0
  private cur: Block | undefined

  visit(node: Nodes, row: number, group: number): void {
    const line = node.position?.start.line ?? 1
    switch (node.type) {
      case 'heading':
        this.inline(node.children, 'heading', line, -1, -1)
        return
      case 'paragraph':
        this.inline(node.children, 'paragraph', line, row, group)
        return
      case 'table': {
        const g = ++this.ids
        for (const r of node.children) {
          const rid = ++this.ids
          for (const cell of r.children) this.inline(cell.children, 'cell', cell.position?.start.line ?? line, rid, g)
        }
        return
      }
      case 'list': {
        const g = group >= 0 ? group : ++this.ids
        for (const item of node.children) {
          const rid = ++this.ids
          for (const child of item.children) this.visit(child, rid, g)
        }
        return
      }
      case 'code': {
        const lang = (node.lang ?? '').toLowerCase()
        if (DIAGRAM_LANGS.has(lang)) this.diagram(node.value, line + 1)
        this.code.push({ value: node.value, line: line + 1, column: 1, fenced: true })
        return
      }
      case 'yaml':
      case 'html':
      case 'definition':
      case 'thematicBreak':
        return
      default:
        if ('children' in node) for (const child of node.children as RootContent[]) this.visit(child, row, group)
    }
  }

  private inline(children: PhrasingContent[], kind: BlockKind, line: number, row: number, group: number): void {
    const b: Block = { kind, text: '', segments: [], line, row, group, anchors: undefined }
    this.cur = b
    this.phrasing(children, line)
    this.cur = undefined
    if (b.text.trim()) this.blocks.push(b)
  }

  private push(value: string, line: number, column: number): void {
    const b = this.cur as Block
    b.segments.push({ at: b.text.length, line, column, value })
    b.text += value
  }

  private phrasing(nodes: PhrasingContent[], line: number): void {
    for (const n of nodes) {
      const l = n.position?.start.line ?? line
      const col = n.position?.start.column ?? 1
      switch (n.type) {
        case 'text':
          this.text(n.value, l, col)
          break
        case 'inlineCode':
          if (nameLikeSpan(n.value)) this.codeSpan(n.value, l, col)
          else {
            this.code.push({ value: n.value, line: l, column: col + 1, fenced: false })
            this.push(HARD_BREAK, l, col)
          }
          break
        case 'link':
          // bare URLs (autolinks) are addresses, not names; other link text counts, the URL never does
          if (isAutolink(n)) this.push(HARD_BREAK, l, col)
          else this.phrasing(n.children, l)
          break
        case 'image':
        case 'imageReference':
          if (n.alt) this.push(`${HARD_BREAK}${n.alt}${HARD_BREAK}`, l, col + 1)
          break
        case 'break':
          this.push('\n', l, col)
          break
        case 'html':
        case 'footnoteReference':
          this.push(HARD_BREAK, l, col)
          break
        default:
          if ('children' in n) this.phrasing(n.children as PhrasingContent[], l)
      }
    }
  }

  /** Prose, with its bare URLs and e-mail addresses read as hard breaks (the parser leaves them as text). */
  private text(value: string, line: number, column: number): void {
    const spans = bareUrlSpans(value)
    if (spans.length === 0) return this.push(value, line, column)
    let from = 0
    for (const [start, end] of spans) {
      if (start > from) this.pushAt(value, from, start, line, column)
      this.push(HARD_BREAK, ...lineColumnAt(value, start, line, column))
      from = end
    }
    if (from < value.length) this.pushAt(value, from, value.length, line, column)
  }

  /** `value.slice(from, to)` at its own line and column inside a text node that starts at `line`:`column` */
  private pushAt(value: string, from: number, to: number, line: number, column: number): void {
    this.push(value.slice(from, to), ...lineColumnAt(value, from, line, column))
  }

  /**
   * A span that may be a name (`RDS`, `FSx for Lustre`) is read like prose between hard breaks, and its
   * offsets are kept: the candidates step accepts a name there only when it covers the whole span.
   */
  private codeSpan(value: string, line: number, column: number): void {
    const b = this.cur as Block
    const lead = value.length - value.trimStart().length
    const name = value.trim()
    this.push(HARD_BREAK, line, column)
    const start = b.text.length
    this.push(name, line, column + 1 + lead)
    // a span listing names (`RDS, Aurora`, `SQS/SNS`) holds one name per item
    const spans = (b.codeSpans ??= [])
    for (const m of name.matchAll(SPAN_ITEM)) spans.push(start + m.index, start + m.index + m[0].length)
    this.push(HARD_BREAK, line, column)
  }

  /** Each diagram line is its own block: arrows and boxes relate names on one line. */
  private diagram(value: string, firstLine: number): void {
    const g = ++this.ids
    const lines = value.split('\n')
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]
      if (text.trim()) this.blocks.push({ kind: 'diagram', text, segments: [{ at: 0, line: firstLine + i, column: 1, value: text }], line: firstLine + i, row: -1, group: g, anchors: undefined })
    }
  }
}

/**
 * Inline code that could be a service name or a list of them: letters, digits, spaces and hyphens (commas,
 * slashes and ampersands between items), at most six words an item, with a capital letter. Commands, variables, paths, file names and calls (`aws s3 cp`, `batch_size`, `train.csv`,
 * `boto3.client('s3')`) and all-lowercase identifiers (`glue`, `sagemaker`) are not.
 */
const NAME_SPAN = /^[A-Za-z][A-Za-z0-9 ,/&-]*[A-Za-z0-9]$|^[A-Za-z]$/
/** one item of a span listing names: the text between commas, slashes and ampersands, trimmed */
const SPAN_ITEM = /[^\s,/&](?:[^,/&]*[^\s,/&])?/g
function nameLikeSpan(value: string): boolean {
  const v = value.trim()
  return v.length <= 80 && NAME_SPAN.test(v) && /[A-Z]/.test(v) && v.split(/[,/&]/).every((item) => item.trim().split(/\s+/).length <= 6)
}

/** Line and column of `offset` in a text node starting at `line`:`column` (column 1 after a soft break, as the anchors count). */
function lineColumnAt(value: string, offset: number, line: number, column: number): [number, number] {
  let l = line
  let lastNl = -1
  for (let nl = value.indexOf('\n'); nl !== -1 && nl < offset; nl = value.indexOf('\n', nl + 1)) {
    l++
    lastNl = nl
  }
  return lastNl === -1 ? [l, column + offset] : [l, offset - lastNl]
}

function isAutolink(n: { url: string; children: PhrasingContent[] }): boolean {
  const text = n.children.map((c) => ('value' in c ? c.value : '')).join('')
  const strip = (s: string) => s.replace(/^(https?:\/\/|mailto:)/i, '').replace(/\/$/, '')
  return text.length > 0 && strip(text) === strip(n.url)
}

/**
 * Where each source line piece starts in a block's text: one anchor per segment and one after each newline
 * inside a segment (a paragraph's soft line breaks stay inside one text node). Built once per block on the
 * first lookup, so locating every mention of a long paragraph is a binary search, not a rescan.
 */
interface Anchors {
  at: number[]
  line: number[]
  column: number[]
}

function anchorsOf(b: Block): Anchors {
  if (b.anchors) return b.anchors
  const a: Anchors = { at: [], line: [], column: [] }
  for (const s of b.segments) {
    a.at.push(s.at)
    a.line.push(s.line)
    a.column.push(s.column)
    let l = s.line
    for (let nl = s.value.indexOf('\n'); nl !== -1; nl = s.value.indexOf('\n', nl + 1)) {
      a.at.push(s.at + nl + 1)
      a.line.push(++l)
      a.column.push(1)
    }
  }
  return (b.anchors = a)
}

/** Line and column of `offset` in the block text. */
export function positionAt(b: Block, offset: number): { line: number; column: number } {
  const a = anchorsOf(b)
  if (a.at.length === 0) return { line: b.line, column: 1 }
  // the last anchor at or before the offset (on ties the later one: a segment starting right after a newline)
  let lo = 0
  let hi = a.at.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (a.at[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return { line: a.line[lo], column: a.column[lo] + offset - a.at[lo] }
}
