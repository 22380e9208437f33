// Entity extraction entry point (owned by the extraction helper; engine calls it once per note).
import type { Root } from 'mdast'
import type { Mention, Section } from '../types'
import type { Ontology, OntologyEntity } from '../ontology/types'
import { resolveName } from '../ontology/index'
import { collectBlocks, positionAt, type Block, type CodeSnippet } from './blocks'
import { findCodeForms } from './code-forms'
import { Matcher } from './matcher'
import { findCandidates, followedByLowercaseWord, isSentenceStart, type Candidate } from './candidates'

export interface Extractor {
  /**
   * Find service/concept mentions in a parsed note. `root` is the mdast tree (positions are lines in the
   * markdown passed to the parser); `sections` are the note's sections so each mention gets its section id.
   */
  extract(root: Root, sections: Section[]): Mention[]
}

export type { Ontology }

/** What a piece of text says about its surroundings: AWS is named, and which service families are. */
interface Signal {
  aws: boolean
  /** ids of named entities (strong names and capitalised feature names) and of their parents, with counts */
  families: Map<string, number>
  /** the same for strong names only */
  strongFamilies: Set<string>
}

const emptySignal = (): Signal => ({ aws: false, families: new Map(), strongFamilies: new Set() })
const merge = (into: Signal, s: Signal) => {
  if (s.aws) into.aws = true
  for (const [f, n] of s.families) into.families.set(f, (into.families.get(f) ?? 0) + n)
  for (const f of s.strongFamilies) into.strongFamilies.add(f)
}

/** Build the extractor once per ontology (compiling the matcher), then call `extract` per note. */
export function createExtractor(ontology: Ontology): Extractor {
  const matcher = new Matcher(ontology)
  const named = (name: string) => resolveName(name, ontology)
  return { extract: (root, sections) => extractMentions(root, sections, matcher, named) }
}

function extractMentions(root: Root, sections: Section[], matcher: Matcher, named: (n: string) => OntologyEntity | undefined): Mention[] {
  const { blocks, code } = collectBlocks(root)
  const sectionAt = sectionLocator(sections)

  // Pass 1: candidates everywhere, and the context signals of blocks, rows, groups and sections.
  const cands = blocks.map((b) => findCandidates(b, matcher))
  const blockSig = blocks.map((b, i) => signalOf(b, cands[i]))
  const rowSig = new Map<number, Signal>()
  const groupSig = new Map<number, Signal>()
  const sectionSig = new Map<string, Signal>()
  const headingSig = new Map<string, Signal>()
  blocks.forEach((b, i) => {
    const s = blockSig[i]
    if (b.row >= 0) merge(getOr(rowSig, b.row), s)
    if (b.group >= 0) merge(getOr(groupSig, b.group), s)
    const sec = sectionAt(b.line)
    merge(getOr(sectionSig, sec.id), s)
    if (b.kind === 'heading' && sec.section && sec.section.line === b.line) headingSig.set(sec.id, s)
  })
  // A section is about what its own text names plus what its ancestors' headings name.
  const sectionContext = new Map<string, Signal>()
  const sectionById = new Map(sections.map((s) => [s.id, s]))
  const contextOf = (id: string): Signal => {
    let ctx = sectionContext.get(id)
    if (ctx) return ctx
    ctx = emptySignal()
    merge(ctx, sectionSig.get(id) ?? emptySignal())
    let parent = sectionById.get(id)?.parent
    for (let guard = 0; parent !== undefined && guard < 20; guard++) {
      const h = headingSig.get(parent)
      if (h) merge(ctx, h)
      parent = sectionById.get(parent)?.parent
    }
    sectionContext.set(id, ctx)
    return ctx
  }

  const rowTexts = new Map<number, string>()
  blocks.forEach((b) => {
    if (b.row >= 0) rowTexts.set(b.row, (rowTexts.get(b.row) ?? '') + '\n' + b.text)
  })
  const rowText = (b: Block, i: number) => (b.row >= 0 ? (rowTexts.get(b.row) ?? b.text) : blocks[i].text)
  /** a short paragraph or heading right before a list or table ("**Endpoints**") labels it */
  const labelBefore = (i: number) => {
    const prev = blocks[i - 1]
    if (!prev || prev.row >= 0 || prev.group >= 0 || blocks[i].group < 0) return ''
    return prev.text.trim().split(/\s+/).length <= 4 ? prev.text : ''
  }
  const note = emptySignal()
  for (const sig of blockSig) merge(note, sig)

  // Pass 2: leftmost-longest choice among candidates whose context rule holds. A longer name that is
  // written but not accepted still hides the ordinary words inside it ("Batch" in "Batch Transform").
  const mentions: Mention[] = []
  blocks.forEach((b, i) => {
    // contexts nest (row ⊇ block, group ⊇ row), so each level is one precomputed signal
    let ctx: Context | undefined
    const context = (): Context => {
      const local = (b.row >= 0 ? rowSig.get(b.row) : undefined) ?? blockSig[i]
      const wide = (b.group >= 0 ? groupSig.get(b.group) : undefined) ?? local
      // a generic phrase is the feature when a cue word is in the same row or item, or when it is one option
      // in a row or a list of short items that names sibling features ("Real-time inference | Batch Transform")
      const cued = (c: Candidate) =>
        hasCue(c, rowText(b, i), labelBefore(i)) ||
        (b.kind === 'cell' && siblingNamed(c, local, matcher)) ||
        (b.group >= 0 && isShortItem(b) && siblingNamed(c, wide, matcher))
      return (ctx ??= { local, wide, section: contextOf(sectionAt(b.line).id), note, cued })
    }
    let nextFree = 0
    let hiddenUntil = -1
    for (const atStart of cands[i]) {
      if (atStart.length === 0 || atStart[0].startToken < nextFree) continue
      const hidden = atStart[0].startToken <= hiddenUntil
      const pick = atStart.find((c) => isStrong(c) || (!hidden && allowed(c, b, context())))
      if (!pick) {
        hiddenUntil = Math.max(hiddenUntil, atStart[0].endToken)
        continue
      }
      nextFree = pick.endToken + 1
      const pos = positionAt(b, pick.start)
      mentions.push({ entity: pick.entry.entity.id, text: b.text.slice(pick.start, pick.end), line: pos.line, column: pos.column, section: sectionAt(pos.line).id })
    }
  })

  if (note.aws) mentions.push(...familyMembers(blocks, mentions, matcher, sectionAt))
  for (const snip of code) mentions.push(...codeMentions(snip, matcher, named, sectionAt))
  mentions.sort((a, b) => a.line - b.line || a.column - b.column)
  return mentions
}

interface Context {
  /** the block itself and its table row or list item */
  local: Signal
  /** plus the whole table or list */
  wide: Signal
  /** the section's own text and its ancestors' headings */
  section: Signal
  note: Signal
  /** one of the entity's cue words is in the row or list item, or in a short label just before it */
  cued: (c: Candidate) => boolean
}

const isStrong = (c: Candidate) => !c.loose && (c.entry.mode === 'strong' || c.entry.mode === 'exact' || c.entry.mode === 'name')
/** The parent, a sibling or another mention of the feature is named in one of the contexts (not counting `c` itself). */
const nearFamily = (ctx: Signal[], c: Candidate) => {
  const e = c.entry.entity
  const own = c.contributes ? 1 : 0
  return ctx.some((s) => (s.families.get(e.parent ?? e.id) ?? 0) > own || (s.families.get(e.id) ?? 0) > own)
}

/** Whether the context lets this candidate stand for its entity (see AliasMode for the modes). */
function allowed(c: Candidate, b: Block, ctx: Context): boolean {
  if (c.loose) return ctx.cued(c)
  if (isStrong(c)) return true
  // an ordinary word glued into a compound ("micro-batch transforms") is not a name, nor is a single word
  // inside another capitalised name ("Visual Studio", "Google Translate"); headings capitalise every word
  if (inCompound(b.text, c)) return false
  if (c.entry.mode === 'word' && b.kind !== 'heading' && afterOtherName(b.text, c.start)) return false
  const e = c.entry.entity
  const mode = c.entry.mode
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
    if (verbLike(c, b)) return false
    if (ctx.local.aws || ctx.wide.aws) return true
    return !isSentenceStart(b.text, c.start) && ctx.section.aws
  }
  return awsNear || ctx.note.aws
}

/** The word before is capitalised, is not AWS/Amazon and does not open the sentence ("Visual Studio"). */
function afterOtherName(text: string, start: number): boolean {
  const m = /([A-Za-z][\w-]*) $/.exec(text.slice(Math.max(0, start - 40), start))
  if (!m || !/^[A-Z]/.test(m[1]) || m[1] === 'AWS' || m[1] === 'Amazon') return false
  return !isSentenceStart(text, start - m[0].length)
}

function inCompound(text: string, c: Candidate): boolean {
  return /[A-Za-z0-9]-$/.test(text.slice(Math.max(0, c.start - 2), c.start)) || /^-[A-Za-z0-9]/.test(text.slice(c.end, c.end + 2))
}

/** "Translate text", "Forecast sales": an ordinary word opening a sentence, followed by its object. */
function verbLike(c: Candidate, b: Block): boolean {
  return isSentenceStart(b.text, c.start) && followedByLowercaseWord(b.text, c.end)
}

const isShortItem = (b: Block) => b.text.trim().split(/\s+/).length <= 6

function siblingNamed(c: Candidate, s: Signal, matcher: Matcher): boolean {
  const e = c.entry.entity
  const siblings = e.parent ? matcher.family.get(e.parent) : undefined
  if (!siblings) return false
  for (const id of siblings) if (id !== e.id && (s.families.get(id) ?? 0) > 0) return true
  return false
}

function hasCue(c: Candidate, ...texts: string[]): boolean {
  const cues = c.entry.entity.cues ?? []
  return texts.some((t) => {
    const words = new Set<string>(t.toLowerCase().match(/[a-z0-9]+/g))
    return cues.some((cue) => words.has(cue))
  })
}

function signalOf(b: Block, cands: Candidate[][]): Signal {
  const s = emptySignal()
  if (/(?:^|[^A-Za-z0-9_])(?:AWS|Amazon)(?![A-Za-z0-9_.])/.test(b.text)) s.aws = true
  const words: Candidate[] = []
  for (const atStart of cands) {
    for (const c of atStart) {
      const e = c.entry.entity
      if (e.type !== 'service' || c.loose) continue
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

/**
 * "Lookout | Metrics, Vision, Equipment": a family word without a service of its own, with its members'
 * short names in the same table row or paragraph, names each member service.
 */
function familyMembers(blocks: Block[], found: Mention[], matcher: Matcher, sectionAt: SectionLocator): Mention[] {
  if (matcher.productFamilies.size === 0) return []
  const rows = new Map<string, Block[]>()
  blocks.forEach((b, i) => {
    const key = b.row >= 0 ? `r${b.row}` : `b${i}`
    rows.set(key, [...(rows.get(key) ?? []), b])
  })
  const taken = new Set(found.map((m) => `${m.line}:${m.column}`))
  const out: Mention[] = []
  for (const row of rows.values()) {
    for (const [family, members] of matcher.productFamilies) {
      const familyRe = new RegExp(`(?<![\\w-])${family}(?![\\w-])(?! for )`)
      if (!row.some((b) => familyRe.test(b.text))) continue
      for (const b of row) {
        for (const { member, entity } of members) {
          for (const m of b.text.matchAll(new RegExp(`(?<![\\w-])${member}(?![\\w-])`, 'g'))) {
            const pos = positionAt(b, m.index)
            if (taken.has(`${pos.line}:${pos.column}`)) continue
            out.push({ entity: entity.id, text: member, line: pos.line, column: pos.column, section: sectionAt(pos.line).id })
          }
        }
      }
    }
  }
  return out
}

function codeMentions(snip: CodeSnippet, matcher: Matcher, named: (n: string) => OntologyEntity | undefined, sectionAt: SectionLocator): Mention[] {
  return findCodeForms(snip.value, matcher, named).map((h) => {
    const before = snip.value.slice(0, h.at)
    const lines = before.split('\n')
    const line = snip.line + lines.length - 1
    const column = lines.length === 1 ? snip.column + before.length : lines[lines.length - 1].length + 1
    return { entity: h.entity.id, text: h.text, line, column, section: sectionAt(line).id }
  })
}

type SectionLocator = (line: number) => { id: string; section?: Section }

/** Innermost section containing a line ('' before the first heading). */
function sectionLocator(sections: Section[]): SectionLocator {
  const sorted = [...sections].sort((a, b) => a.line - b.line || a.depth - b.depth)
  const cache = new Map<number, { id: string; section?: Section }>()
  return (line) => {
    let hit = cache.get(line)
    if (hit) return hit
    let best: Section | undefined
    for (const s of sorted) {
      if (s.line > line) break
      if (s.endLine >= line) best = s
    }
    hit = best ? { id: best.id, section: best } : { id: '' }
    cache.set(line, hit)
    return hit
  }
}

function getOr(m: Map<number | string, Signal>, k: number | string): Signal {
  let s = m.get(k)
  if (!s) {
    s = emptySignal()
    m.set(k, s)
  }
  return s
}
