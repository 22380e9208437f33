// Splits a label into plain and matched parts so search results can show why they matched.
export interface TextPart {
  text: string
  match: boolean
}

function merge(label: string, marks: boolean[]): TextPart[] {
  const parts: TextPart[] = []
  for (let i = 0; i < label.length; i++) {
    const last = parts[parts.length - 1]
    if (last && last.match === marks[i]) last.text += label[i]
    else parts.push({ text: label[i], match: marks[i] })
  }
  return parts
}

/**
 * Marks the first case-insensitive occurrence of the query, else the word initials it abbreviates
 * ("adf" → Amazon Data Firehose). Anything looser (aliases, typos) stays unmarked: scattered
 * highlighted letters read worse than none.
 */
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
  const letters = q.replace(/[^a-z0-9]/g, '')
  const marks = new Array<boolean>(label.length).fill(false)
  let qi = 0
  for (let i = 0; i < label.length && qi < letters.length; i++) {
    const wordStart = i === 0 || /[\s\-_/(]/.test(label[i - 1])
    if (wordStart && lower[i] === letters[qi]) {
      marks[i] = true
      qi++
    }
  }
  if (!letters || qi < letters.length) return [{ text: label, match: false }]
  return merge(label, marks)
}
