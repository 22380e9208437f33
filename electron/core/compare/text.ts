// Small text helpers shared by the decision card and the confusable groups.
import type { Mention, NoteMeta, Section } from '../types'
import { cutAtWord, plainText } from '../graph/snippets'

/** Markdown cell or line → plain text, without the trailing colon of a label. */
export function plain(md: string): string {
  return plainText(md).replace(/\s*:$/, '').trim()
}

/** First sentence of a plain text (a sentence ends at . ! ? followed by a capital or the end). */
export function firstSentence(text: string, max = 220): string {
  const m = /^(.+?[.!?])(?=\s+["'([]?[A-Z0-9]|$)/.exec(text)
  return cutAtWord((m ? m[1] : text).trim(), max, 40)
}

export const isListItem = (line: string) => /^\s*([-*+]|\d+[.)])\s+/.test(line)
export const isHeadingLine = (line: string) => /^\s{0,3}#{1,6}\s/.test(line)

/** The innermost section that holds a file line. */
export function sectionAt(meta: NoteMeta, line: number): Section | undefined {
  let best: Section | undefined
  for (const s of meta.sections) if (s.line <= line && line <= s.endLine && (!best || s.depth > best.depth)) best = s
  return best
}

/** Mentions of a note grouped by line. */
export function mentionsByLine(meta: NoteMeta): Map<number, Mention[]> {
  const out = new Map<number, Mention[]>()
  for (const m of meta.mentions) {
    const list = out.get(m.line)
    if (list) list.push(m)
    else out.set(m.line, [m])
  }
  for (const list of out.values()) list.sort((a, b) => a.column - b.column)
  return out
}

/** Lower-case words without punctuation, for de-duplicating cues and facts. */
export const normKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
