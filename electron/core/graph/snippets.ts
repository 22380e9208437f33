// Plain-text snippets (one or two sentences) around a hit in a note's markdown lines.

/** Callback giving a note's lines, numbered like Mention.line (lines[0] is line 1); undefined when unreadable. */
export type GetLines = (path: string) => string[] | undefined

const MAX_SNIPPET = 280
const SHORT = 60

/** Markdown source line → readable text (no markup, links reduced to their text). */
export function plainText(line: string): string {
  let s = line
  if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(s)) return '' // table separator row
  s = s.replace(/^\s{0,3}(#{1,6}\s+|>\s?)+/, '')
  s = s.replace(/^\s*([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/, '')
  s = s.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
  s = s.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
  s = s.replace(/\[\[([^\]|]+)\|([^\]]+)\]\]/g, '$2')
  s = s.replace(/\[\[([^\]]+)\]\]/g, '$1')
  s = s.replace(/<[^>]+>/g, '')
  s = s.replace(/`+([^`]*)`+/g, '$1')
  s = s.replace(/(\*\*|__|~~)(.+?)\1/g, '$2')
  s = s.replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
  s = s.replace(/\s*\|\s*/g, ' · ').replace(/^ · | · $/g, '')
  return s.replace(/\s+/g, ' ').trim()
}

const isHeading = (line: string) => /^\s{0,3}#{1,6}\s/.test(line)
const isFence = (line: string) => /^\s*(`{3,}|~{3,})/.test(line)

/** Sentences of a plain-text string, with their start offsets. */
function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  const re = /[.!?](?=\s+["'([]?[A-Z0-9])/g
  let start = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    out.push({ start, end: m.index + 1 })
    start = m.index + 1
    while (start < text.length && text[start] === ' ') start++
  }
  if (start < text.length) out.push({ start, end: text.length })
  return out
}

/**
 * At most `max` characters: cut after the last whole word that fits (unless that keeps fewer than `minKeep`), the
 * punctuation the cut strands dropped, an ellipsis added. Quotes and evidence lines never end mid-word.
 */
export function cutAtWord(text: string, max: number, minKeep = max / 2): string {
  if (text.length <= max) return text
  const cut = text.lastIndexOf(' ', max - 1)
  return `${text.slice(0, cut > minKeep ? cut : max - 1).replace(/[\s,;:·—(-]+$/, '')}…`
}

/** Trim to MAX_SNIPPET around `at`, cutting at spaces and marking cuts with an ellipsis. */
function clip(text: string, at: number): string {
  if (text.length <= MAX_SNIPPET) return text
  let from = Math.max(0, at - 100)
  let to = Math.min(text.length, from + MAX_SNIPPET)
  from = Math.max(0, to - MAX_SNIPPET)
  if (from > 0) {
    const sp = text.indexOf(' ', from)
    if (sp !== -1 && sp < at) from = sp + 1
  }
  if (to < text.length) {
    const sp = text.lastIndexOf(' ', to)
    if (sp > at) to = sp
  }
  return (from > 0 ? '…' : '') + text.slice(from, to).trim() + (to < text.length ? '…' : '')
}

/**
 * One or two sentences of plain text around `hit` on 1-based `line`. A short line (a heading or a list
 * item) is followed by the next lines of its paragraph so the snippet says something.
 */
export function snippetAt(lines: string[], line: number, hit?: string): string {
  const idx = line - 1
  if (idx < 0 || idx >= lines.length) return ''
  let text = plainText(lines[idx])
  for (let i = idx + 1; text.length < SHORT && i < lines.length && i <= idx + 3; i++) {
    const raw = lines[i]
    if (raw.trim() === '') {
      if (isHeading(lines[idx])) continue // a heading's body starts after a blank line
      break
    }
    if (isHeading(raw) || isFence(raw)) break
    const more = plainText(raw)
    if (more) text = text ? `${text}${/[.!?:]$/.test(text) ? '' : ' —'} ${more}` : more
  }
  if (!text) return ''
  const at = hit ? Math.max(0, text.toLowerCase().indexOf(hit.toLowerCase())) : 0
  const sents = sentences(text)
  let i = sents.findIndex((s) => at >= s.start && at < s.end)
  if (i < 0) i = 0
  let { start, end } = sents[i]
  if (end - start < SHORT) {
    if (i + 1 < sents.length) end = sents[i + 1].end
    else if (i > 0) start = sents[i - 1].start
  }
  return clip(text.slice(start, end).trim(), at - start)
}
