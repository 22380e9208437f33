// Entity extraction entry point (owned by the extraction helper; engine calls it once per note).
import type { Root } from 'mdast'
import type { Mention, Section } from '../types'
import type { Ontology, OntologyEntity } from '../ontology/types'
import { resolveName } from '../ontology/index'
import { collectBlocks, positionAt, type Block, type CodeSnippet } from './blocks'
import { findCodeForms } from './code-forms'
import { Matcher } from './matcher'
import { findCandidates, type Candidate } from './candidates'
import { joinedItems, listedItems, opensItem, type Accepted } from './joins'
import { allowed, readsAsName, emptySignal, getOr, hasCue, isShortItem, isStrong, merge, siblingNamed, signalOf, wordsOf, type Context, type Signal } from './context'
import { familyMembers } from './family-rows'
import { sectionLocator, type SectionLocator } from './sections'

export { EXTRACTOR_VERSION } from './version'

export interface Extractor {
  /**
   * Find service/concept mentions in a parsed note. `root` is the mdast tree (positions are lines in the
   * markdown passed to the parser); `sections` are the note's sections so each mention gets its section id.
   */
  extract(root: Root, sections: Section[]): Mention[]
}

export type { Ontology }

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
  const rowWordSets = new Map<number, Set<string>>()
  const rowWords = (b: Block, i: number): Set<string> => {
    if (b.row < 0) return wordsOf(blocks[i].text)
    let w = rowWordSets.get(b.row)
    if (!w) rowWordSets.set(b.row, (w = wordsOf(rowTexts.get(b.row) ?? b.text)))
    return w
  }
  /** a short paragraph or heading right before a list or table ("**Endpoints**") labels it */
  const labelBefore = (i: number) => {
    const prev = blocks[i - 1]
    if (!prev || prev.row >= 0 || prev.group >= 0 || blocks[i].group < 0) return ''
    return prev.text.trim().split(/\s+/).length <= 4 ? prev.text : ''
  }
  const note = emptySignal()
  for (const sig of blockSig) merge(note, sig)

  const known = (word: string) => matcher.step(undefined, word.toLowerCase())?.entries.some((e) => e.entity.type === 'service') ?? false

  // Pass 2: leftmost-longest choice among candidates whose context rule holds. A longer name that is
  // written but not accepted still hides the ordinary words inside it ("Batch" in "Batch Transform").
  const mentions: Mention[] = []
  // contexts nest (row ⊇ block, group ⊇ row), so each level is one precomputed signal
  const contextFor = (b: Block, i: number): Context => {
    const local = (b.row >= 0 ? rowSig.get(b.row) : undefined) ?? blockSig[i]
    const wide = (b.group >= 0 ? groupSig.get(b.group) : undefined) ?? local
    // a generic phrase is the feature when a cue word is in the same row or item, or when it is one option
    // in a row or a list of short items that names sibling features ("Real-time inference | Batch Transform")
    // (words and shortness computed once per block: a long paragraph has thousands of candidates)
    let words: Set<string>[] | undefined
    let short: boolean | undefined
    const cued = (c: Candidate) =>
      hasCue(c, ...(words ??= [rowWords(b, i), wordsOf(labelBefore(i))])) ||
      (b.kind === 'cell' && siblingNamed(c, local, matcher)) ||
      (b.group >= 0 && (short ??= isShortItem(b)) && siblingNamed(c, wide, matcher))
    return { local, wide, section: contextOf(sectionAt(b.line).id), note, cued, known }
  }
  // (plain loops, no callbacks per block or candidate group: this runs for every word of every note)
  const mention = (b: Block, c: Candidate, entity: string) => {
    const pos = positionAt(b, c.start)
    mentions.push({ entity, text: b.text.slice(c.start, c.end), line: pos.line, column: pos.column, section: sectionAt(pos.line).id })
  }
  // per list or table: the accepted names that open its items, and the turned-down ones ("- Batch: …")
  const openers = new Map<number, Accepted[]>()
  const openersTurnedDown = new Map<number, [Block, Candidate][]>()
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]
    const groups = cands[i]
    let ctx: Context | undefined
    let nextFree = 0
    let hiddenUntil = -1
    // services accepted in this block and names turned down, for lists and joins ("Glue, Batch")
    let accepted: Accepted[] | undefined
    let rejected: Candidate[] | undefined
    for (let g = 0; g < groups.length; g++) {
      const atStart = groups[g]
      if (atStart.length === 0 || atStart[0].startToken < nextFree) continue
      const hidden = atStart[0].startToken <= hiddenUntil
      let pick: Candidate | undefined
      for (const c of atStart) {
        if (isStrong(c) || (!hidden && c.entry.mode !== 'qualified' && allowed(c, b, (ctx ??= contextFor(b, i))))) {
          pick = c
          break
        }
      }
      if (!pick) {
        // a qualified name ("Model Evaluation") turned down hides nothing: alone it was never a name
        const longest = atStart.find((c) => c.entry.mode !== 'qualified')
        if (longest) hiddenUntil = Math.max(hiddenUntil, longest.endToken)
        const item = hidden ? undefined : atStart.find(listItemCandidate)
        if (item) (rejected ??= []).push(item)
        continue
      }
      nextFree = pick.endToken + 1
      const e = pick.entry.entity
      mention(b, pick, e.id)
      if (e.type === 'service') (accepted ??= []).push({ start: pick.start, end: pick.end, entity: e.id, parent: e.parent, strong: isStrong(pick) })
      // a concept named after a service names the service too ("IAM roles", "SSE-KMS", "VPC peering")
      else for (const inner of serviceInside(groups, g, pick)) mention(b, inner, inner.entry.entity.id)
    }
    const joined = rejected && (accepted || (rejected.length > 1 && note.aws)) ? joinedItems(b.text, accepted ?? [], rejected, note.aws, (c) => readsAsName(c, b, known)) : []
    for (const c of joined) mention(b, c, c.entry.entity.id)
    // the name that opens a list item, for lists of services written one per item (not table cells: a row
    // label column beside a column of services is not a list of services)
    if (b.group >= 0 && b.kind === 'paragraph') {
      // (only the first name of the item can open it)
      const open = accepted?.[0]
      if (open && opensItem(b.text, open.start, open.end)) getList(openers, b.group).push(open)
      const turned = rejected?.[0]
      if (turned && opensItem(b.text, turned.start, turned.end) && !joined.includes(turned) && readsAsName(turned, b, known)) getList(openersTurnedDown, b.group).push([b, turned])
    }
  }
  for (const [group, items] of openersTurnedDown) {
    for (const [b, c] of listedItems(items, openers.get(group) ?? [], note.aws)) mention(b, c, c.entry.entity.id)
  }

  if (note.aws) mentions.push(...familyMembers(blocks, mentions, matcher, sectionAt))
  for (const snip of code) mentions.push(...codeMentions(snip, matcher, named, sectionAt))
  mentions.sort((a, b) => a.line - b.line || a.column - b.column)
  return mentions
}

function getList<T>(m: Map<number, T[]>, k: number): T[] {
  let l = m.get(k)
  if (!l) m.set(k, (l = []))
  return l
}

/** A name turned down by its context that may still be an item of a list of services. */
const listItemCandidate = (c: Candidate) => c.capitalised && c.titled && !c.loose && c.end - c.start > 1 && c.entry.entity.type === 'service'

/** The service a concept's name is built on: a strong service name inside the concept's words. */
function serviceInside(groups: Candidate[][], g: number, concept: Candidate): Candidate[] {
  for (let k = g; k < groups.length && groups[k][0].startToken <= concept.endToken; k++) {
    const inner = groups[k].find((c) => c.entry.entity.type === 'service' && isStrong(c) && c.endToken <= concept.endToken)
    if (inner) return [inner]
  }
  return []
}

function codeMentions(snip: CodeSnippet, matcher: Matcher, named: (n: string) => OntologyEntity | undefined, sectionAt: SectionLocator): Mention[] {
  let lineStarts: number[] | undefined
  return findCodeForms(snip.value, matcher, named, !snip.fenced).map((h) => {
    // newlines before the hit, counted from a table of line starts (a huge code block has many hits)
    const starts = (lineStarts ??= lineStartsOf(snip.value))
    const k = lastAtOrBefore(starts, h.at)
    const line = snip.line + k
    const column = k === 0 ? snip.column + h.at : h.at - starts[k] + 1
    return { entity: h.entity.id, text: h.text, line, column, section: sectionAt(line).id }
  })
}

/** Offsets where each line of a text starts (0 first). */
function lineStartsOf(text: string): number[] {
  const out = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1)
  return out
}

/** Index of the last value ≤ x in an ascending array whose first value is ≤ x. */
function lastAtOrBefore(sorted: number[], x: number): number {
  let lo = 0
  let hi = sorted.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (sorted[mid] <= x) lo = mid
    else hi = mid - 1
  }
  return lo
}
