// "Which service?": the cue is the side of a card that does not name the answer service; the three wrong options
// are services easily confused with it, in this order: the members of the core's confusable groups that hold the
// answer (rows of one comparison table, "X vs Y", the Kinesis family — strongest group first), then the same family
// by name, then the same category. Never an unrelated service: a card without three such options is skipped.
import type { OntologyEntity } from '../ontology/types'
import type { ConfusableGroup } from '../compare/types'
import type { Card } from './types'
import type { DrillQuestion } from './study-types'

const lower = (s: string) => s.toLowerCase()

/** Names a text may use for a service: its name, aliases and former names (3+ characters). */
function names(e: OntologyEntity): string[] {
  return [e.name, ...e.aliases, ...(e.formerNames ?? [])].filter((n) => n.length >= 3).map(lower)
}

/** "Amazon Kinesis Data Streams" → "kinesis": the family word after the vendor prefix. */
export function familyOf(e: OntologyEntity): string {
  const words = e.name.replace(/^(Amazon|AWS)\s+/i, '').split(/\s+/)
  return lower(words[0] ?? '')
}

/** Fewer words than this after a card's "Section: " prefix is a term, not a cue ("Availability" → Debugger). */
export const MIN_CUE_WORDS = 4

/** Does the text say enough to point to one service? Its last "…: " part counts (the heading before it is context). */
export function isCue(text: string): boolean {
  const own = text.slice(text.lastIndexOf(': ') + 1)
  return own.split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length >= MIN_CUE_WORDS
}

/** The answer service of a card and the side to show as the cue, or undefined when the card does not fit. */
export function drillShape(card: Card, byId: ReadonlyMap<string, OntologyEntity>): { answer: OntologyEntity; cue: string } | undefined {
  const front = lower(card.front)
  const back = lower(card.back)
  for (const id of card.entities) {
    const e = byId.get(id)
    if (!e || e.type !== 'service') continue
    const ns = names(e)
    const inFront = ns.some((n) => front.includes(n))
    const inBack = ns.some((n) => back.includes(n))
    if (inBack && !inFront) return isCue(card.front) ? { answer: e, cue: card.front } : undefined
    if (inFront && !inBack && card.back.trim().length >= 12) return isCue(card.back) ? { answer: e, cue: card.back } : undefined
  }
  return undefined
}

/** Small deterministic hash: the same card always gets the same options in the same order. */
function hash(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

/** True when `a` is `b`'s ancestor: the parent of the answer is no wrong option (Kinesis for Kinesis Data Streams). */
function isAncestor(byId: ReadonlyMap<string, OntologyEntity>, a: string, b: string): boolean {
  for (let cur = byId.get(b)?.parent, n = 0; cur && n < 10; cur = byId.get(cur)?.parent, n++) if (cur === a) return true
  return false
}

export function confusableWith(
  answer: OntologyEntity,
  services: readonly OntologyEntity[],
  exclude: ReadonlySet<string>,
  n = 3,
  groups: readonly ConfusableGroup[] = [],
): OntologyEntity[] {
  const fam = familyOf(answer)
  const byId = new Map(services.map((s) => [s.id, s]))
  const pool = services.filter((s) => s.id !== answer.id && !exclude.has(s.id) && !s.option
    && !isAncestor(byId, s.id, answer.id) && !isAncestor(byId, answer.id, s.id))
  const inPool = new Map(pool.map((s) => [s.id, s]))
  const key = (s: OntologyEntity) => hash(`${answer.id}|${s.id}`)
  const byKey = (a: OntologyEntity, b: OntologyEntity) => key(a) - key(b)
  const picked: OntologyEntity[] = []
  const add = (list: OntologyEntity[]) => { for (const s of list.sort(byKey)) if (picked.length < n && !picked.includes(s)) picked.push(s) }
  for (const g of groups) {
    if (picked.length >= n) break
    if (g.members.includes(answer.id)) add(g.members.map((id) => inPool.get(id)).filter((s): s is OntologyEntity => !!s))
  }
  add(pool.filter((s) => familyOf(s) === fam))
  add(pool.filter((s) => s.category === answer.category))
  return picked
}

export function drillQuestion(
  card: Card,
  byId: ReadonlyMap<string, OntologyEntity>,
  services: readonly OntologyEntity[],
  groups: readonly ConfusableGroup[] = [],
): DrillQuestion | undefined {
  const shape = drillShape(card, byId)
  if (!shape) return undefined
  // services the cue itself names would give the answer away or confuse the question
  const cueText = lower(shape.cue)
  const named = new Set(card.entities.filter((id) => { const e = byId.get(id); return e ? names(e).some((n) => cueText.includes(n)) : false }))
  const wrong = confusableWith(shape.answer, services, named, 3, groups)
  if (wrong.length < 3) return undefined
  const options = [shape.answer, ...wrong]
    .map((e) => ({ id: e.id, label: e.name }))
    .sort((a, b) => hash(`${card.id}|${a.id}`) - hash(`${card.id}|${b.id}`))
  return { card: card.id, cue: shape.cue, answer: shape.answer.id, options, note: card.note, section: card.section, line: card.line }
}
