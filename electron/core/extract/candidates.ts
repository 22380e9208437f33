// Every alias occurrence in one block, with word boundaries, letter case and plurals checked.
import { HARD_BREAK, type Block } from './blocks'
import { TOKEN_RE, type AliasEntry, type Matcher } from './matcher'

export interface Candidate {
  entry: AliasEntry
  startToken: number
  endToken: number
  /** offsets in the block text (end includes a plural suffix, never a possessive) */
  start: number
  end: number
  /** the first word is written with a capital letter */
  capitalised: boolean
  /** every word the alias capitalises is capitalised in the text too ("Batch Transform", not "batch transform") */
  titled: boolean
  /** set when this candidate counts towards its block's context (so it cannot vouch for itself) */
  contributes?: boolean
  /** letter case did not match, but the entity has cue words that may still confirm it */
  loose?: boolean
}

interface Tok {
  text: string
  lower: string
  start: number
  end: number
}

/** Between two words of one name: spaces, a hyphen or a slash ("Real-Time", "CI/CD"). */
const JOINABLE = /^[ \t\r\n\-\u2010\u2011/]{1,3}$/
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s)\]>]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|aws|dev)(?:\/[^\s)\]>]*)?/g
const MAYBE_URL = /:\/\/|www\.|\.(?:com|org|net|io|aws|dev)\b/

/** Candidates grouped by start token, each group longest first (services before concepts on ties). */
export function findCandidates(b: Block, matcher: Matcher): Candidate[][] {
  const text = b.text
  const toks: Tok[] = []
  for (const m of text.matchAll(TOKEN_RE)) toks.push({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length })
  const inUrl = MAYBE_URL.test(text) ? urlMask(text, toks) : undefined
  const out: Candidate[][] = []
  for (let i = 0; i < toks.length; i++) {
    if (inUrl?.[i] || partOfDottedName(text, toks[i].start, 'before')) continue
    let node = matcher.step(undefined, toks[i].lower)
    let plural = pluralNode(matcher, undefined, toks[i])
    if (!node && !plural) continue
    const found: Candidate[] = []
    for (let j = i; ; j++) {
      if (plural) collect(found, plural.node.entries, toks, i, j, text, plural.stem)
      if (!node) break
      collect(found, node.entries, toks, i, j, text)
      if (j + 1 >= toks.length || inUrl?.[j + 1] || node.next.size === 0 || !JOINABLE.test(text.slice(toks[j].end, toks[j + 1].start))) break
      const next = toks[j + 1]
      plural = pluralNode(matcher, node, next)
      node = matcher.step(node, next.lower)
    }
    if (found.length) {
      found.sort((a, b) => b.endToken - a.endToken || b.end - a.end || a.entry.rank - b.entry.rank)
      out.push(found)
    }
  }
  return out
}

/** "Lambdas", "Notebook Instances": the last word may carry a plural suffix the alias does not. */
function pluralNode(matcher: Matcher, from: Parameters<Matcher['step']>[0], tok: Tok) {
  const lower = tok.lower
  if (lower.charCodeAt(lower.length - 1) !== 115 /* s */ || lower.length < 3) return undefined
  for (const cut of [1, 2]) {
    if (cut === 2 && !lower.endsWith('es')) break
    if (lower.length - cut < 2) break
    const node = matcher.step(from, lower.slice(0, -cut))
    if (node && node.entries.length) return { node, stem: tok.text.slice(0, -cut) }
  }
  return undefined
}

function collect(found: Candidate[], entries: AliasEntry[], toks: Tok[], i: number, j: number, text: string, stem?: string): void {
  const end = toks[j].end
  if (!stem && partOfDottedName(text, end, 'after')) return
  for (const entry of entries) {
    if (entry.tokens.length !== j - i + 1) continue
    const loose = !caseMatches(entry, toks, i, j, text, stem)
    if (loose && !entry.entity.cues) continue
    const written = toks.slice(i, j + 1).map((t) => t.text)
    const titled = entry.tokens.every((t, k) => !/^[A-Z]/.test(t) || /^[A-Z]/.test(written[k]) || hyphenated(entry, toks, i, k, text))
    found.push({ entry, startToken: i, endToken: j, start: toks[i].start, end, capitalised: /^[A-Z]/.test(written[0]), titled, loose })
  }
}

function caseMatches(entry: AliasEntry, toks: Tok[], i: number, j: number, text: string, stem?: string): boolean {
  for (let k = 0; k <= j - i; k++) {
    const written = stem !== undefined && k === j - i ? stem : toks[i + k].text
    const rule = entry.caseRules[k]
    if (rule === 'exact' && written !== entry.tokens[k]) return false
    if (rule === 'cap' && !/^[A-Z]/.test(written) && !hyphenated(entry, toks, i, k, text)) return false
  }
  return true
}

/** The second part of a hyphenated compound may stay lowercase ("Real-time Inference" for "Real-Time Inference"). */
function hyphenated(entry: AliasEntry, toks: Tok[], first: number, k: number, text: string): boolean {
  if (!entry.alias.includes('-') || k === 0 || (entry.mode !== 'title' && entry.mode !== 'lower')) return false
  return text.slice(toks[first + k - 1].end, toks[first + k].start).includes('-')
}

/** Words that may follow a name without making it a verb or an adjective ("VPN and Direct Connect"). */
const LINKING = new Set(['and', 'or', 'nor', 'with', 'for', 'in', 'on', 'at', 'via', 'vs', 'versus', 'is', 'are', 'was', 'can', 'will', 'does', 'has', 'also'])

/**
 * "Translate text", "Connect to S3": a word followed by a lowercase word is used as an ordinary word, unless
 * that word reads as the verb of a product subject ("Athena queries S3") — but not inside a quoted phrase,
 * where exam scenarios are plain English ("Forecast sales for next quarter").
 */
export function followedByLowercaseWord(text: string, start: number, end: number): boolean {
  const m = /^ ([a-z]+)/.exec(text.slice(end, end + 24))
  if (m === null || LINKING.has(m[1])) return false
  const verbOfSubject = /[^siu]s$/.test(m[1])
  return !verbOfSubject || /["“'‘]\s*$/.test(text.slice(Math.max(0, start - 3), start))
}

/** `sagemaker.amazonaws.com`, `ml.p3`: a word glued to a dot and another word is part of an identifier. */
function partOfDottedName(text: string, at: number, side: 'before' | 'after'): boolean {
  if (side === 'before') return at >= 2 && text[at - 1] === '.' && /[A-Za-z0-9_]/.test(text[at - 2])
  return text[at] === '.' && /[A-Za-z0-9_]/.test(text[at + 1] ?? '')
}

function urlMask(text: string, toks: Tok[]): boolean[] {
  const spans: [number, number][] = []
  for (const m of text.matchAll(URL_RE)) spans.push([m.index, m.index + m[0].length])
  // tokens and URL spans are both in text order: walk them together (a long paragraph may hold many URLs)
  let k = 0
  return toks.map((t) => {
    while (k < spans.length && spans[k][1] < t.end) k++
    return k < spans.length && t.start >= spans[k][0] && t.end <= spans[k][1]
  })
}

/** Emoji and other pictographs ("✅", "⚠️", "★") open an item the way a bullet does. */
const SYMBOL = /[\p{So}\uFE0F]/u

/** True when a word starts a sentence, a cell, a list item or follows a colon, a dash or a symbol. */
export function isSentenceStart(text: string, at: number): boolean {
  let k = at - 1
  while (k >= 0 && /[\s*_"'“‘`([]/.test(text[k]) && text[k] !== '\n') k--
  if (k < 0) return true
  const ch = text[k]
  return ch === HARD_BREAK || '.!?:;|•→–—-'.includes(ch) || ch === '\n' || symbolEndsAt(text, k)
}

function symbolEndsAt(text: string, k: number): boolean {
  const code = text.charCodeAt(k)
  // the second half of a surrogate pair ("🚀"): test the whole code point
  const ch = code >= 0xdc00 && code <= 0xdfff && k > 0 ? String.fromCodePoint(text.codePointAt(k - 1) ?? code) : text[k]
  return SYMBOL.test(ch)
}
