// Context rules: when a name that is also an ordinary word or phrase may stand for its AWS entity.
// A block's "signal" says whether AWS is named there and which service families are; rows, lists, sections
// and the note merge the signals of their blocks.
import type { Block } from './blocks'
import { followedByLowercaseWord, isSentenceStart, type Candidate } from './candidates'
import type { Matcher } from './matcher'

/** What a piece of text says about its surroundings: AWS is named, and which service families are. */
export interface Signal {
  aws: boolean
  /** ids of named entities (strong names and capitalised feature names) and of their parents, with counts */
  families: Map<string, number>
  /** the same for strong names only */
  strongFamilies: Set<string>
}

export const emptySignal = (): Signal => ({ aws: false, families: new Map(), strongFamilies: new Set() })
export const merge = (into: Signal, s: Signal) => {
  if (s.aws) into.aws = true
  // most blocks name nothing: skip creating their iterators
  if (s.families.size) for (const [f, n] of s.families) into.families.set(f, (into.families.get(f) ?? 0) + n)
  if (s.strongFamilies.size) for (const f of s.strongFamilies) into.strongFamilies.add(f)
}

export interface Context {
  /** the block itself and its table row or list item */
  local: Signal
  /** plus the whole table or list */
  wide: Signal
  /** the section's own text and its ancestors' headings */
  section: Signal
  note: Signal
  /** one of the entity's cue words is in the row or list item, or in a short label just before it */
  cued: (c: Candidate) => boolean
  /** a single word is a whole service name or alias in the ontology ("Clarify", "Studio") */
  known: (word: string) => boolean
}

export const isStrong = (c: Candidate) => !c.loose && (c.entry.mode === 'strong' || c.entry.mode === 'exact' || c.entry.mode === 'name')
/** The parent, a sibling or another mention of the feature is named in one of the contexts (not counting `c` itself). */
const nearFamily = (ctx: Signal[], c: Candidate) => {
  const e = c.entry.entity
  const own = c.contributes ? 1 : 0
  return ctx.some((s) => (s.families.get(e.parent ?? e.id) ?? 0) > own || (s.families.get(e.id) ?? 0) > own)
}

/** Whether the context lets this candidate stand for its entity (see AliasMode for the modes). */
export function allowed(c: Candidate, b: Block, ctx: Context): boolean {
  if (c.loose) return ctx.cued(c)
  if (isStrong(c)) return true
  // a short name too ambiguous alone ("Batch", "Budgets") counts only in a list of services (see joins.ts)
  if (c.entry.mode === 'qualified') return false
  if (c.code) return inCodeSpan(c, ctx)
  // an ordinary word glued into a compound ("micro-batch transforms") is not a name, nor is a generic name
  // right after another product's name ("Visual Studio", "Google Translate", "MLflow Model Registry",
  // "Databricks Feature Store"); headings capitalise every word
  if (inCompound(b.text, c)) return false
  const generic = c.entry.mode === 'word' || c.entry.mode === 'title'
  if (generic && b.kind !== 'heading' && afterOtherName(b.text, c.start, ctx.known)) return false
  const e = c.entry.entity
  const mode = c.entry.mode
  if (mode === 'word' && verbLike(c, b)) return false
  const awsNear = ctx.local.aws || ctx.wide.aws || ctx.section.aws
  if (e.feature && e.parent) {
    // Diagram labels are capitalised anyway, so there a generic feature name needs its parent on the line.
    if (b.kind === 'diagram') return ctx.local.strongFamilies.has(e.parent)
    // A feature's short name needs its parent (or a sibling feature) nearby; in a table, in the same row, as
    // rows are separate records ("| Experiments, short workloads |"). A distinctive feature name ("batch
    // transform") needs its parent too when written in lowercase, AWS nearby when capitalised; a capitalised
    // multi-word name ("Model Registry") counts anywhere in a note about AWS.
    if (mode === 'word' && b.kind === 'cell') return nearFamily([ctx.local], c)
    if (nearFamily([ctx.local, ctx.wide, ctx.section], c)) return true
    if (mode === 'lower') return c.capitalised && (awsNear || (c.titled && ctx.note.aws))
    return mode === 'title' && c.titled && ctx.note.aws
  }
  if (mode === 'word') {
    if (ctx.local.aws || ctx.wide.aws) return true
    return !isSentenceStart(b.text, c.start) && ctx.section.aws
  }
  return awsNear || ctx.note.aws
}

/**
 * A name that is a whole code span was marked as a term by the writer, so it is neither a verb nor part of
 * another product's name; it still needs AWS in the note (features: their family nearby, as in prose).
 */
function inCodeSpan(c: Candidate, ctx: Context): boolean {
  const e = c.entry.entity
  const awsNear = ctx.local.aws || ctx.wide.aws || ctx.section.aws || ctx.note.aws
  if (e.feature && e.parent) {
    if (nearFamily([ctx.local, ctx.wide, ctx.section], c)) return true
    return c.entry.mode !== 'word' && c.titled && awsNear
  }
  return awsNear
}

/**
 * Whether a name turned down by its context still reads as a name, so that a list may vouch for it: not glued
 * into a compound, not after another product's name ("Google Translate"), not an imperative verb.
 */
export function readsAsName(c: Candidate, b: Block, known: (word: string) => boolean): boolean {
  if (inCompound(b.text, c) || verbLike(c, b)) return false
  return b.kind === 'heading' || !afterOtherName(b.text, c.start, known)
}

/** Capitalised words that are never product names ("(No Lake Formation)", "With Glue"). */
const FUNCTION_WORDS = new Set(
  'a an the no not and or nor but with without for from to in into on at by of via vs versus plus than then if when use using only both all each every any some this that these those its our your their my'.split(' '),
)

/**
 * The word before is capitalised, does not open the sentence, and is another product's name ("Visual Studio",
 * "MLflow Model Registry"): not AWS/Amazon, a function word or one of our service names ("Clarify Processing Jobs").
 */
function afterOtherName(text: string, start: number, known: (word: string) => boolean): boolean {
  const m = /([A-Za-z][\w-]*) $/.exec(text.slice(Math.max(0, start - 40), start))
  if (!m || !/^[A-Z]/.test(m[1]) || m[1] === 'AWS' || m[1] === 'Amazon' || FUNCTION_WORDS.has(m[1].toLowerCase()) || known(m[1])) return false
  return !isSentenceStart(text, start - m[0].length)
}

function inCompound(text: string, c: Candidate): boolean {
  return /[A-Za-z0-9]-$/.test(text.slice(Math.max(0, c.start - 2), c.start)) || /^-[A-Za-z0-9]/.test(text.slice(c.end, c.end + 2))
}

/**
 * "Translate text", "Clarify the goal": a name that is also an English verb, opening a sentence and followed
 * by its object, is the verb. Other names are never imperatives ("Neo optimization", "Lambdas that resize").
 */
function verbLike(c: Candidate, b: Block): boolean {
  if (!c.entry.verb) return false
  return isSentenceStart(b.text, c.start) && followedByLowercaseWord(b.text, c.start, c.end)
}

export const isShortItem = (b: Block) => b.text.trim().split(/\s+/).length <= 6

export function siblingNamed(c: Candidate, s: Signal, matcher: Matcher): boolean {
  const e = c.entry.entity
  const siblings = e.parent ? matcher.family.get(e.parent) : undefined
  if (!siblings) return false
  for (const id of siblings) if (id !== e.id && (s.families.get(id) ?? 0) > 0) return true
  return false
}

/** The lowercase words of a text, for hasCue (computed once per row, not once per candidate). */
export const wordsOf = (text: string): Set<string> => new Set<string>(text.toLowerCase().match(/[a-z0-9]+/g))

export function hasCue(c: Candidate, ...words: Set<string>[]): boolean {
  const cues = c.entry.entity.cues ?? []
  return words.some((w) => cues.some((cue) => w.has(cue)))
}

/** "AWS"/"Amazon" as a word, also at a sentence end ("on AWS."), but not inside a host name ("aws.amazon.com") */
const AWS_WORD = /(?:^|[^A-Za-z0-9_.])(?:AWS|Amazon)(?![A-Za-z0-9_]|\.[A-Za-z0-9_])/

export function signalOf(b: Block, cands: Candidate[][]): Signal {
  const s = emptySignal()
  // (substring checks first: most blocks name neither, and the regex cannot skip ahead the way indexOf does)
  if ((b.text.includes('AWS') || b.text.includes('Amazon')) && AWS_WORD.test(b.text)) s.aws = true
  const words: Candidate[] = []
  for (const atStart of cands) {
    for (const c of atStart) {
      const e = c.entry.entity
      if (e.type !== 'service' || c.loose || c.entry.mode === 'qualified') continue
      if (isStrong(c)) {
        s.aws = true
        s.strongFamilies.add(e.id)
        if (e.parent) s.strongFamilies.add(e.parent)
      } else if (c.entry.mode === 'word') {
        if (!e.feature) words.push(c)
        continue
      }
      // capitalised feature names ("Model Registry") also tell which service family a passage is about
      else if (!c.titled) continue
      addFamily(s, c)
    }
  }
  // Ordinary-word names ("Bedrock") name a family only where AWS is plainly the subject.
  if (s.aws) for (const c of words) addFamily(s, c)
  return s
}

function addFamily(s: Signal, c: Candidate): void {
  const e = c.entry.entity
  c.contributes = true
  s.families.set(e.id, (s.families.get(e.id) ?? 0) + 1)
  if (e.parent) s.families.set(e.parent, (s.families.get(e.parent) ?? 0) + 1)
}

export function getOr(m: Map<number | string, Signal>, k: number | string): Signal {
  let s = m.get(k)
  if (!s) {
    s = emptySignal()
    m.set(k, s)
  }
  return s
}
