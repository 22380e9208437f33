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

export function flatten(nodes: PhrasingContent[], line: number): Flat {
  const f: Flat = { text: '', mask: '', line, strongEnd: -1 }
  let leading = true
  for (const node of nodes) {
    if (leading && node.type === 'strong') {
      add(f, node.children)
      f.strongEnd = f.text.length
      leading = false
      continue
    }
    if (leading && node.type === 'text' && node.value.trim() === '') continue
    leading = false
    add(f, [node])
  }
  return f
}

function add(f: Flat, nodes: PhrasingContent[]): void {
  for (const n of nodes) {
    switch (n.type) {
      case 'text': {
        const v = n.value.includes('[[') ? n.value.replace(WIKILINK, (_m, target: string, alias?: string) => (alias || target).trim()) : n.value
        f.text += v
        f.mask += v
        break
      }
      case 'inlineCode': {
        if (CODE_TAG.test(n.value)) break
        const v = n.value.replace(/\n/g, ' ')
        f.text += v
        f.mask += HIDDEN.repeat(v.length)
        break
      }
      case 'break':
        f.text += '\n'
        f.mask += '\n'
        break
      case 'image':
      case 'imageReference':
      case 'html':
      case 'footnoteReference':
        break
      default:
        if ('children' in n) add(f, n.children as PhrasingContent[])
    }
  }
}

/** Collapse whitespace, drop trailing hashtags and a final period: the text shown on a card. */
export function clean(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/(?:\s#[\p{L}_][\p{L}\p{N}_/-]*)+\s*$/u, '')
    .trim()
    .replace(/^[,;:\s]+/, '')
    .replace(/(?<!\.)[.;,]$/, '')
    .trim()
}

/** Hide quoted and parenthesised spans in a mask (same length), so separators inside them are ignored. */
export function hideNested(mask: string): string {
  return mask
    .replace(/"[^"\n]*"|“[^”\n]*”/g, (m) => m[0] + HIDDEN.repeat(m.length - 2) + m[m.length - 1])
    .replace(/\([^()\n]*\)/g, (m) => '(' + HIDDEN.repeat(m.length - 2) + ')')
}
