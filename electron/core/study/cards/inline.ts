// Inline mdast → plain text for cards, with a mask that hides code (and later quotes) from separator searches.
import type { PhrasingContent } from 'mdast'

/** Stands in for a character that separators must not be found in (inline code, quoted text). */
export const HIDDEN = '\u0001'

export interface Flat {
  /** plain text: markdown inline syntax stripped; soft and hard line breaks kept as '\n' */
  text: string
  /** `text` with inline code characters replaced by HIDDEN (same length) */
  mask: string
  /** file line of the first character */
  line: number
  /** end offset in `text` of a leading bold run (`**Term**`), -1 when the text does not start with one */
  strongEnd: number
}

const WIKILINK = /\[\[([^\]\n|]+?)(?:\|([^\]\n]*))?\]\]/g
/** a tag written as code (`#exam-tip`) is a label, not card text */
const CODE_TAG = /^#[\p{L}\p{N}_/-]+$/u

const DECORATION = /^[\s\p{Extended_Pictographic}\p{So}\uFE0F\u200D]*$/u

export function flatten(nodes: PhrasingContent[], line: number): Flat {
  const f: Flat = { text: '', mask: '', line, strongEnd: -1 }
  const code: number[] = []
  let leading = true
  for (const node of nodes) {
    if (leading && node.type === 'strong') {
      add(f, node.children, code)
      f.strongEnd = f.text.length
      leading = false
      continue
    }
    // blank or decorative lead-in ("✅ ", "⚠️ ") before the first words
    if (leading && node.type === 'text' && DECORATION.test(node.value)) continue
    leading = false
    add(f, [node], code)
  }
  // without inline code (most paragraphs) the mask is the text itself: no second string to build
  f.mask = f.text
  if (code.length) {
    let mask = ''
    let at = 0
    for (let i = 0; i < code.length; i += 2) {
      mask += f.text.slice(at, code[i]) + HIDDEN.repeat(code[i + 1] - code[i])
      at = code[i + 1]
    }
    f.mask = mask + f.text.slice(at)
  }
  return f
}

function add(f: Flat, nodes: PhrasingContent[], code: number[]): void {
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        f.text += n.value.includes('[[') ? n.value.replace(WIKILINK, (_m, target: string, alias?: string) => (alias || target).trim()) : n.value
        break
      case 'inlineCode': {
        if (n.value.startsWith('#') && CODE_TAG.test(n.value)) break
        const v = n.value.includes('\n') ? n.value.replace(/\n/g, ' ') : n.value
        code.push(f.text.length, f.text.length + v.length)
        f.text += v
        break
      }
      case 'break':
        f.text += '\n'
        break
      case 'image':
      case 'imageReference':
      case 'html':
      case 'footnoteReference':
        break
      default:
        if ('children' in n) add(f, n.children as PhrasingContent[], code)
    }
  }
}

/** Collapse whitespace, drop trailing hashtags and a final period: the text shown on a card. */
export function clean(s: string): string {
  let t = needsCollapse(s) ? s.replace(/\s+/g, ' ') : s
  if (t.includes('#')) t = t.replace(/(?:\s#[\p{L}_][\p{L}\p{N}_/-]*)+\s*$/u, '')
  t = t.trim()
  if (/^[,;:]/.test(t)) t = t.replace(/^[,;:\s]+/, '')
  if (/[.;,]$/.test(t) && !t.endsWith('..')) t = t.slice(0, -1).trimEnd()
  return t
}

/** A character of the regular expression class `\s` (by its UTF-16 code unit). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d)
  if (c < 0xa0) return false
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/**
 * Whether `clean` must collapse whitespace: `/\s\s|[\n\t\r]/.test(s)`, as one loop (the regular expression
 * took most of clean's time, run on every paragraph that may be a definition).
 */
export function needsCollapse(s: string): boolean {
  let prevSpace = false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c > 0x20 && c < 0x7f) {
      prevSpace = false
      continue
    }
    if (c === 0x0a || c === 0x09 || c === 0x0d) return true
    const space = isSpace(c)
    if (space && prevSpace) return true
    prevSpace = space
  }
  return false
}

/** Hide quoted and parenthesised spans in a mask (same length), so separators inside them are ignored. */
export function hideNested(mask: string): string {
  return mask
    .replace(/"[^"\n]*"|“[^”\n]*”/g, (m) => m[0] + HIDDEN.repeat(m.length - 2) + m[m.length - 1])
    .replace(/\([^()\n]*\)/g, (m) => '(' + HIDDEN.repeat(m.length - 2) + ')')
}
