// Cards the student writes (Obsidian Spaced Repetition convention): `Question :: Answer` on one line,
// `Question ::: Answer` for both directions, and multi-line cards split by a line holding only `?` (or `??`).
import { HIDDEN, type Flat } from './inline'

export interface UserLine {
  front: string
  back: string
  /** `:::` / `??`: the card is also asked the other way round */
  reversed: boolean
  /** index of the line in the paragraph */
  index: number
}

/** `Q :: A` cards, one per line of a paragraph. */
export function inlineUserCards(f: Flat): UserLine[] {
  const out: UserLine[] = []
  const lines = f.text.split('\n')
  const masks = f.mask.split('\n')
  for (let k = 0; k < lines.length; k++) {
    const hit = splitLine(lines[k], masks[k] ?? '')
    if (hit) out.push({ ...hit, index: k })
  }
  return out
}

function splitLine(text: string, mask: string): Omit<UserLine, 'index'> | undefined {
  const i = mask.indexOf('::')
  if (i < 0) return undefined
  let j = i
  while (mask[j] === ':') j++
  if (j - i > 3) return undefined
  // `arn:aws:iam::123:role/x`, `a::b::c`: a separator with no space around it inside a token that has other
  // colons or slashes is code-like text, not a card
  const before = mask[i - 1]
  const after = mask[j]
  if (before !== undefined && after !== undefined && !/\s/.test(before) && !/\s/.test(after)) {
    const start = mask.lastIndexOf(' ', i) + 1
    const endSpace = mask.indexOf(' ', j)
    const token = mask.slice(start, i) + ' ' + mask.slice(j, endSpace < 0 ? mask.length : endSpace)
    if (/[:/\\]/.test(token) || token.includes(HIDDEN)) return undefined
  }
  return { front: text.slice(0, i).trim(), back: text.slice(j).trim(), reversed: j - i === 3 }
}

/** A multi-line card inside one paragraph: question lines, `?`, answer lines (either part may be empty). */
export function splitMultiline(f: Flat): { question: string; answer: string; reversed: boolean; answerIndex: number } | undefined {
  const lines = f.text.split('\n')
  const k = lines.findIndex((l) => l.trim() === '?' || l.trim() === '??')
  if (k < 0) return undefined
  const join = (ls: string[]) => ls.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n')
  return { question: join(lines.slice(0, k)), answer: join(lines.slice(k + 1)), reversed: lines[k].trim() === '??', answerIndex: k + 1 }
}

const Q_LINE = /^\s*(?:Q|Question|Q\d+)\s*[:.)]\s*/i
const A_LINE = /^\s*(?:A|Ans|Answer|A\d+)\s*[:.)]\s*/i

/**
 * A question and its answer labelled `Q:` / `A:` (or `Question:` / `Answer:`), in one paragraph; `answerOnly`
 * is the answer part of a paragraph that starts with `A:` (the question stood in the paragraph before).
 */
export function matchQA(text: string): { question: string; answer: string } | undefined {
  const lines = text.split('\n')
  if (!Q_LINE.test(lines[0])) return undefined
  const a = lines.findIndex((l, i) => i > 0 && A_LINE.test(l))
  const join = (ls: string[]) => ls.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ')
  const question = join([lines[0].replace(Q_LINE, ''), ...lines.slice(1, a < 0 ? lines.length : a)])
  const answer = a < 0 ? '' : join([lines[a].replace(A_LINE, ''), ...lines.slice(a + 1)])
  return { question, answer }
}

/** The answer of a paragraph that starts with `A:` / `Answer:`, or undefined. */
export function answerOnly(text: string): string | undefined {
  return A_LINE.test(text) ? text.replace(A_LINE, '').replace(/\s+/g, ' ').trim() : undefined
}
