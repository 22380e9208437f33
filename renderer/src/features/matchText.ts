// Splits a label into plain and matched parts so search results can show why they matched.
export interface TextPart {
  text: string
  match: boolean
}

/** Marks the first case-insensitive occurrence of the query, else the query's characters in order. */
export function matchParts(label: string, query: string): TextPart[] {
  const q = query.trim().toLowerCase()
  if (!q) return [{ text: label, match: false }]
  const lower = label.toLowerCase()
  const at = lower.indexOf(q)
  if (at >= 0) {
    return [
      { text: label.slice(0, at), match: false },
      { text: label.slice(at, at + q.length), match: true },
      { text: label.slice(at + q.length), match: false },
    ].filter((p) => p.text)
  }
  // subsequence: mark each query character where it is found in order
  const marks = new Array<boolean>(label.length).fill(false)
  let qi = 0
  for (let i = 0; i < label.length && qi < q.length; i++) {
    if (lower[i] === q[qi]) {
      marks[i] = true
      qi++
    } else if (q[qi] === ' ') {
      qi++
      i--
    }
  }
  if (qi < q.length) return [{ text: label, match: false }]
  const parts: TextPart[] = []
  for (let i = 0; i < label.length; i++) {
    const last = parts[parts.length - 1]
    if (last && last.match === marks[i]) last.text += label[i]
    else parts.push({ text: label[i], match: marks[i] })
  }
  return parts
}
