// Cards of one note from its already-parsed mdast, run by parseNote in the index pass (no second parse).
// Entities come from the note's mention list by line (and column for table cells): no second extraction.
import type { List, ListItem, Paragraph, Root, RootContent } from 'mdast'
import type { Diagnostic, Mention, Section } from '../../types'
import type { Card, CardKind } from '../types'
import { sectionLocator } from '../../extract/sections'
import { clean, flatten, type Flat } from './inline'
import { matchDefinition, matchTips } from './patterns'
import { answerOnly, inlineUserCards, matchQA, splitMultiline } from './user'
import { tableCards } from './tables'
import { cardId } from './ids'

/** A card longer than this (front + back) is not a card but a paragraph. */
export const MAX_CARD_CHARS = 600

export interface CardSource {
  /** note path relative to the folder, forward slashes */
  path: string
  sections: Section[]
  mentions: Mention[]
}

export interface NoteCards {
  cards: Card[]
  diagnostics: Diagnostic[]
}

interface Draft {
  kind: CardKind
  front: string
  back: string
  line: number
  endLine: number
  /** only mentions in these column ranges of `line` count (table cells) */
  cols?: [number, number][]
  /** the front is made from the section title: `line` follows the answer */
  fromSection?: boolean
}

export function extractCards(root: Root, src: CardSource): NoteCards {
  const byLine = new Map<number, Mention[]>()
  for (const m of src.mentions) {
    const list = byLine.get(m.line)
    if (list) list.push(m)
    else byLine.set(m.line, [m])
  }
  const sectionAt = sectionLocator(src.sections)
  const w = new Walker((line) => byLine.get(line) ?? [], (line) => sectionName(sectionAt(line).section?.title ?? ''))
  w.blocks(root.children)

  const diagnostics: Diagnostic[] = []
  const seen = new Map<string, number>()
  const cards: Card[] = []
  const drafts = w.drafts.map((d, i) => ({ d, i })).sort((a, b) => a.d.line - b.d.line || a.i - b.i)
  disambiguate(w.drafts, (line) => sectionAt(line).section?.title ?? '')
  for (const { d } of drafts) {
    const where = `${d.kind} card "${(d.front || d.back).slice(0, 50)}"`
    if (!d.front || !d.back) {
      diagnostics.push({ file: src.path, line: d.line, severity: d.kind === 'user' ? 'warning' : 'info', code: 'card-empty-side', message: `The ${where} has an empty ${d.front ? 'answer' : 'question'}; no card made.` })
      continue
    }
    if (d.front.length + d.back.length > MAX_CARD_CHARS) {
      diagnostics.push({ file: src.path, line: d.line, severity: d.kind === 'user' ? 'warning' : 'info', code: 'card-too-long', message: `The ${where} has ${d.front.length + d.back.length} characters (more than ${MAX_CARD_CHARS}); no card made.` })
      continue
    }
    // identical cards in one note keep distinct ids by their order of appearance
    const key = `${d.front}\0${d.back}`
    const n = seen.get(key) ?? 0
    seen.set(key, n + 1)
    cards.push({ id: cardId(src.path, d.front, d.back, n), kind: d.kind, front: d.front, back: d.back, note: src.path, section: sectionAt(d.line).id, line: d.line, entities: entitiesOf(d, byLine) })
  }
  return { cards, diagnostics }
}

/** A section title as a card shows it: no numbering ("2.1", "1."), no hashtags. */
function sectionName(title: string): string {
  return clean(title).replace(/^\d+(?:\.\d+)*\.?\s+/, '')
}

/**
 * One term defined in several sections (`num_classes` under each algorithm) would make cards with one question
 * and different answers: such fronts get their section's title in front.
 */
function disambiguate(drafts: Draft[], titleAt: (line: number) => string): void {
  const backs = new Map<string, Set<string>>()
  for (const d of drafts) {
    if (d.kind !== 'definition' || d.fromSection) continue
    let set = backs.get(d.front)
    if (!set) backs.set(d.front, (set = new Set()))
    set.add(d.back)
  }
  for (const d of drafts) {
    if (d.kind !== 'definition' || d.fromSection || (backs.get(d.front)?.size ?? 0) < 2) continue
    const title = sectionName(titleAt(d.line))
    if (title && title !== d.front) d.front = `${title}: ${d.front}`
  }
}

function entitiesOf(d: Draft, byLine: Map<number, Mention[]>): string[] {
  const out = new Set<string>()
  for (let l = d.line; l <= d.endLine; l++) {
    for (const m of byLine.get(l) ?? []) {
      if (d.cols && !d.cols.some(([from, to]) => m.column >= from && m.column < to)) continue
      out.add(m.entity)
    }
  }
  return [...out]
}

const startLine = (n: { position?: { start: { line: number } } }) => n.position?.start.line ?? 1
const endLine = (n: { position?: { end: { line: number } } }) => n.position?.end.line ?? 1

/** Walks block content; code, html, headings and frontmatter never make cards. */
class Walker {
  readonly drafts: Draft[] = []
  constructor(
    private readonly mentionsOn: (line: number) => Mention[],
    private readonly sectionTitle: (line: number) => string,
  ) {}

  blocks(nodes: RootContent[]): void {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]
      switch (node.type) {
        case 'paragraph': {
          const open = this.paragraph(node, nodes[i - 1], nodes[i + 1], false)
          const next = nodes[i + 1]
          if (open) this.answer(open, next?.type === 'list' ? next : undefined)
          break
        }
        case 'list':
          for (const item of node.children) this.item(item)
          break
        case 'blockquote':
        case 'footnoteDefinition':
          this.blocks(node.children)
          break
        case 'table':
          for (const t of tableCards(node, this.mentionsOn)) this.drafts.push({ kind: 'table', front: t.front, back: t.back, line: t.line, endLine: t.line, cols: t.cols })
          break
        default:
          break
      }
    }
  }

  private item(item: ListItem): void {
    const [first, ...rest] = item.children
    if (first?.type !== 'paragraph') {
      this.blocks(item.children)
      return
    }
    const nested = rest.find((c): c is List => c.type === 'list')
    // `- **Term**`, a blank line, then the definition as the item's next paragraph
    const below = !nested && rest[0]?.type === 'paragraph' ? rest[0] : undefined
    const open = this.paragraph(first, undefined, rest[0], true, nested !== undefined || below !== undefined)
    if (open && below && !open.back) {
      open.back = clean(blockText(below).replace(/\n/g, ' '))
      open.endLine = endLine(below)
      this.blocks(rest.slice(1))
      return
    }
    if (open) this.answer(open, nested)
    this.blocks(rest)
  }

  /**
   * `**Term:**` or `**Term**: three kinds:` with the answer in the list below it. Without a list, a bold label
   * alone is a pseudo-heading over a table or code, not a card.
   */
  private answer(d: Draft, list: List | undefined): void {
    if (!list) {
      if (!d.back) this.drafts.splice(this.drafts.lastIndexOf(d), 1)
      return
    }
    const items = list.children.map((li) => listItemText(li).replace(/\n/g, ' ')).filter(Boolean).join('; ')
    if (d.fromSection && !d.back) d.line = startLine(list)
    d.back = clean(d.back ? `${d.back} ${items}` : items)
    d.endLine = endLine(list)
  }

  /**
   * Cards of one paragraph; `inItem` allows plain `Term — definition` (bullets only). Answers the definition
   * whose answer is still to come (empty, or ending with a colon) from a list below it.
   */
  private paragraph(p: Paragraph, prev: RootContent | undefined, next: RootContent | undefined, inItem: boolean, overList = false): Draft | undefined {
    if (!mayBeCard(p, inItem)) return undefined
    const line = startLine(p)
    const f = flatten(p.children, line)
    if (f.text.includes('?') && this.multiline(f, p, prev, next)) return undefined
    if (f.mask.includes('::')) {
      const found = inlineUserCards(f)
      for (const u of found) {
        const l = line + u.index
        this.drafts.push({ kind: 'user', front: u.front, back: u.back, line: l, endLine: l })
        if (u.reversed) this.drafts.push({ kind: 'user', front: u.back, back: u.front, line: l, endLine: l })
      }
      if (found.length) return undefined
    }
    // `Q: …` then `A: …` (the answer in this paragraph, or in the next one)
    const qa = matchQA(f.text)
    if (qa) {
      let { answer } = qa
      let end = endLine(p)
      if (!answer && next?.type === 'paragraph') {
        const below = answerOnly(blockText(next))
        if (below) { answer = below; end = endLine(next) }
      }
      this.drafts.push({ kind: 'user', front: qa.question, back: answer, line, endLine: end })
      return undefined
    }
    const tips = matchTips(f)
    if (tips.length) {
      for (const t of tips) this.drafts.push({ kind: 'tip', ...t, line, endLine: endLine(p) })
      return undefined
    }
    const def = matchDefinition(f, inItem, () => this.sectionTitle(line), overList)
    if (!def) return undefined
    const d: Draft = { kind: 'definition', ...def, line, endLine: endLine(p) }
    if (def.fromSection && def.back) {
      // "**Overview:**⏎text": the card's own words start on the answer's line
      const at = f.text.indexOf(def.back.slice(0, 16))
      if (at > 0) d.line = line + (f.text.slice(0, at).match(/\n/g)?.length ?? 0)
    }
    this.drafts.push(d)
    return !d.back || d.back.endsWith(':') ? d : undefined
  }

  private multiline(f: Flat, p: Paragraph, prev: RootContent | undefined, next: RootContent | undefined): boolean {
    const m = splitMultiline(f)
    if (!m) return false
    let { question, answer } = m
    let line = startLine(p)
    let end = endLine(p)
    // `?` as the first or last line of a paragraph: the question or answer is the neighbouring block
    if (!question && prev) {
      question = blockText(prev)
      if (question) line = startLine(prev)
    }
    if (!answer && next) {
      answer = blockText(next)
      if (answer) end = endLine(next)
    }
    this.drafts.push({ kind: 'user', front: question, back: answer, line, endLine: end })
    if (m.reversed) this.drafts.push({ kind: 'user', front: answer, back: question, line, endLine: end })
    return true
  }
}

const CUE_OR_LABEL = /^\s*(?:when|if|exam|tip|hint|trap|q(?:uestion|\d+)?\s*[:.)])/i
const MARKS = /::|→|->|=>|⇒|⟶|(?:^|\n)\s*\?\??\s*(?:$|\n)/
const TERM_MARKS = /\s[—–-]\s|:\s|:$|[—–]/

/**
 * Cheap test on the tree before any text is built: can this paragraph be a card at all? Most paragraphs of
 * prose start with neither a bold term nor a cue and hold no card marks.
 */
function mayBeCard(p: Paragraph, inItem: boolean): boolean {
  const first = p.children[0]
  if (!first) return false
  if (first.type === 'strong' || first.type === 'emphasis') return true
  if (first.type === 'text' && CUE_OR_LABEL.test(first.value)) return true
  return anyText(p.children, inItem)
}

function anyText(nodes: Paragraph['children'], inItem: boolean): boolean {
  for (const n of nodes) {
    if (n.type === 'text') {
      if (MARKS.test(n.value) || (inItem && TERM_MARKS.test(n.value))) return true
    } else if ('children' in n && anyText(n.children as Paragraph['children'], inItem)) return true
  }
  return false
}

/** Plain text of a paragraph or list (one item a line), for multi-line cards whose side is a whole block. */
function blockText(node: RootContent): string {
  if (node.type === 'paragraph') return flattenLines(node)
  if (node.type === 'list') return node.children.map(listItemText).filter(Boolean).join('\n')
  return ''
}

function listItemText(li: ListItem): string {
  const p = li.children[0]
  return p?.type === 'paragraph' ? flattenLines(p) : ''
}

function flattenLines(p: Paragraph): string {
  return flatten(p.children, startLine(p)).text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n')
}
