// Every alias occurrence in one block, with word boundaries, letter case and plurals checked.
import { HARD_BREAK, type Block } from './blocks'
import { isTokenChar, Tokens, type AliasEntry, type Matcher, type TrieNode } from './matcher'

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
  /** the candidate is the whole of an inline code span (`RDS`) */
  code?: boolean
}

/** The current block's tokens: filled by findCandidates, read by the helpers below (one buffer per thread). */
const toks = new Tokens()

const isUpper = (c: number) => c >= 65 && c <= 90

/** Between two words of one name: up to three spaces, hyphens or slashes ("Real-Time", "CI/CD"). */
function joinable(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p)
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10 && c !== 45 && c !== 0x2010 && c !== 0x2011 && c !== 47) return false
  }
  return true
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s)\]>]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|aws|dev)(?:\/[^\s)\]>]*)?/g
const MAYBE_URL = /:\/\/|www\.|\.(?:com|org|net|io|aws|dev)\b/

/** Candidates grouped by start token, each group longest first (services before concepts on ties). */
export function findCandidates(b: Block, matcher: Matcher): Candidate[][] {
  const text = b.text
  matcher.tokenize(text, toks)
  const inUrl = MAYBE_URL.test(text) ? urlMask(text) : undefined
  const out: Candidate[][] = []
  for (let i = 0; i < toks.length; i++) {
    if (inUrl?.[i] || partOfDottedName(text, toks.start[i], 'before')) continue
    let node = matcher.next(undefined, toks.id[i])
    let plural = pluralNode(matcher, undefined, text, i)
    if (!node && !plural) continue
    // made on the first candidate: about half the words that start a name ("training", "model") start none here
    let found: Candidate[] | undefined
    for (let j = i; ; j++) {
      if (plural) found = collect(found, plural.node.entries, i, j, text, plural.cut)
      if (!node) break
      if (node.entries.length) found = collect(found, node.entries, i, j, text, 0)
      if (j + 1 >= toks.length || inUrl?.[j + 1] || node.next.size === 0 || !joinable(text, toks.end[j], toks.start[j + 1])) break
      plural = pluralNode(matcher, node, text, j + 1)
      node = matcher.next(node, toks.id[j + 1])
    }
    if (found && b.codeSpans) inCodeSpans(found, b.codeSpans)
    if (found?.length) out.push(longestFirst(found))
  }
  return out
}

/** Inside an inline code span only a name that is the whole span counts (`Aurora`, not `Start Glue Job`). */
function inCodeSpans(found: Candidate[], spans: number[]): void {
  let keep = 0
  for (const c of found) {
    let ok = true
    for (let k = 0; k < spans.length; k += 2) {
      if (c.end <= spans[k] || c.start >= spans[k + 1]) continue
      ok = c.start === spans[k] && c.end === spans[k + 1] && !c.loose
      c.code = ok
      break
    }
    if (ok) found[keep++] = c
  }
  found.length = keep
}

/** longest first, then services before concepts */
const byLength = (a: Candidate, b: Candidate) => b.endToken - a.endToken || b.end - a.end || a.entry.rank - b.entry.rank

/** Stable sort by `byLength`; insertion sort, as a group holds a handful of candidates (Array#sort costs more). */
function longestFirst(found: Candidate[]): Candidate[] {
  for (let k = 1; k < found.length; k++) {
    const c = found[k]
    let at = k
    while (at > 0 && byLength(found[at - 1], c) > 0) {
      found[at] = found[at - 1]
      at--
    }
    found[at] = c
  }
  return found
}

/** "Lambdas", "Notebook Instances": the last word may carry a plural suffix the alias does not. */
function pluralNode(matcher: Matcher, from: TrieNode | undefined, text: string, t: number): { node: TrieNode; cut: number } | undefined {
  const start = toks.start[t]
  const end = toks.end[t]
  const len = end - start
  if (len < 3 || (text.charCodeAt(end - 1) | 0x20) !== 115 /* s */) return undefined
  for (let cut = 1; cut <= 2; cut++) {
    if (cut === 2 && (text.charCodeAt(end - 2) | 0x20) !== 101 /* e */) break
    if (len - cut < 2) break
    const node = matcher.next(from, matcher.wordId(text, start, end - cut))
    if (node && node.entries.length) return { node, cut }
  }
  return undefined
}

/**
 * Candidates for the aliases among `entries` that span tokens i..j (the last one without `cut` letters), added to
 * `found` (made when undefined and there is one).
 */
function collect(found: Candidate[] | undefined, entries: AliasEntry[], i: number, j: number, text: string, cut: number): Candidate[] | undefined {
  const end = toks.end[j]
  if (cut === 0 && partOfDottedName(text, end, 'after')) return found
  for (const entry of entries) {
    if (entry.tokens.length !== j - i + 1) continue
    const loose = !caseMatches(entry, i, j, text, cut)
    if (loose && !entry.entity.cues) continue
    let titled = true
    for (let k = 0; k < entry.tokens.length && titled; k++) {
      titled = !isUpper(entry.tokens[k].charCodeAt(0)) || isUpper(text.charCodeAt(toks.start[i + k])) || hyphenated(entry, i, k, text)
    }
    ;(found ??= []).push({ entry, startToken: i, endToken: j, start: toks.start[i], end, capitalised: isUpper(text.charCodeAt(toks.start[i])), titled, loose })
  }
  return found
}

function caseMatches(entry: AliasEntry, i: number, j: number, text: string, cut: number): boolean {
  for (let k = 0; k <= j - i; k++) {
    const start = toks.start[i + k]
    const rule = entry.caseRules[k]
    if (rule === 'exact') {
      // as written, without the plural suffix on the last word
      const len = toks.end[i + k] - start - (k === j - i ? cut : 0)
      if (len !== entry.tokens[k].length || !text.startsWith(entry.tokens[k], start)) return false
    }
    if (rule === 'cap' && !isUpper(text.charCodeAt(start)) && !hyphenated(entry, i, k, text)) return false
  }
  return true
}

/** The second part of a hyphenated compound may stay lowercase ("Real-time Inference" for "Real-Time Inference"). */
function hyphenated(entry: AliasEntry, first: number, k: number, text: string): boolean {
  if (!entry.alias.includes('-') || k === 0 || (entry.mode !== 'title' && entry.mode !== 'lower')) return false
  const to = toks.start[first + k]
  for (let p = toks.end[first + k - 1]; p < to; p++) if (text.charCodeAt(p) === 45) return true
  return false
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
  if (side === 'before') return at >= 2 && text.charCodeAt(at - 1) === 46 && isTokenChar(text.charCodeAt(at - 2))
  return text.charCodeAt(at) === 46 && isTokenChar(text.charCodeAt(at + 1))
}

/** Which tokens lie inside a URL. */
function urlMask(text: string): boolean[] {
  const spans: [number, number][] = []
  for (const m of text.matchAll(URL_RE)) spans.push([m.index, m.index + m[0].length])
  // tokens and URL spans are both in text order: walk them together (a long paragraph may hold many URLs)
  let k = 0
  const mask: boolean[] = []
  for (let t = 0; t < toks.length; t++) {
    while (k < spans.length && spans[k][1] < toks.end[t]) k++
    mask.push(k < spans.length && toks.start[t] >= spans[k][0] && toks.end[t] <= spans[k][1])
  }
  return mask
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
