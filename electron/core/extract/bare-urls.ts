// Bare URLs and e-mail addresses in prose, found without GFM's autolink-literal tokenizer (see parse/processor.ts).
// They are addresses, not names: `https://docs.aws.amazon.com/sagemaker/…` must not count as a SageMaker mention.

/** `http(s)://…` or `www.…` after a non-word character, up to whitespace or `<` (GFM's literal autolinks). */
const WEB = /(?<![\p{L}\p{N}_/])(?:https?:\/\/|www\.)[^\s<]+/giu
/** `local@domain.tld`: GFM's e-mail literal, a dot in the domain */
const EMAIL = /(?<![\p{L}\p{N}_.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu
/** what GFM leaves out of a literal's end: trailing punctuation, then unbalanced closing parentheses */
const TRAILING = /[?!.,:;*_~'"]+$/

function trimEnd(url: string): string {
  let u = url
  for (;;) {
    const t = u.replace(TRAILING, '')
    if (t.endsWith(')') && count(t, '(') < count(t, ')')) u = t.slice(0, -1)
    else return t
  }
}

function count(s: string, ch: string): number {
  let n = 0
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++
  return n
}

/** [start, end) offsets of the bare URLs and e-mail addresses in `text`, in order, not overlapping. */
export function bareUrlSpans(text: string): Array<[number, number]> {
  // most text has none: two substring checks before any regex
  const web = text.includes('://') || /www\./i.test(text)
  const mail = text.includes('@')
  if (!web && !mail) return []
  const spans: Array<[number, number]> = []
  if (web) {
    for (const m of text.matchAll(WEB)) {
      const u = trimEnd(m[0])
      if (u.length > (u[0] === 'w' || u[0] === 'W' ? 4 : 8)) spans.push([m.index, m.index + u.length])
    }
  }
  if (mail) {
    for (const m of text.matchAll(EMAIL)) {
      const end = m.index + m[0].replace(/[.-]+$/, '').length
      if (!spans.some(([s, e]) => m.index < e && end > s)) spans.push([m.index, end])
    }
    spans.sort((a, b) => a[0] - b[0])
  }
  return spans
}
