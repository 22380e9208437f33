// "Which service?": the cue is the side of a card that does not name the answer service; the three wrong options
// are services easily confused with it: the same family first (the Kinesis services), then the same category.
import type { OntologyEntity } from '../ontology/types'
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
    if (inBack && !inFront) return { answer: e, cue: card.front }
    if (inFront && !inBack && card.back.trim().length >= 12) return { answer: e, cue: card.back }
  }
  return undefined
}

/** Small deterministic hash: the same card always gets the same options in the same order. */
function hash(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

export function confusableWith(answer: OntologyEntity, services: readonly OntologyEntity[], exclude: ReadonlySet<string>, n = 3): OntologyEntity[] {
  const fam = familyOf(answer)
  const pool = services.filter((s) => s.id !== answer.id && !exclude.has(s.id) && !s.option)
  const key = (s: OntologyEntity) => hash(`${answer.id}|${s.id}`)
  const byKey = (a: OntologyEntity, b: OntologyEntity) => key(a) - key(b)
  const family = pool.filter((s) => familyOf(s) === fam).sort(byKey)
  const category = pool.filter((s) => familyOf(s) !== fam && s.category === answer.category).sort(byKey)
  const rest = pool.filter((s) => familyOf(s) !== fam && s.category !== answer.category).sort(byKey)
  return [...family, ...category, ...rest].slice(0, n)
}

export function drillQuestion(card: Card, byId: ReadonlyMap<string, OntologyEntity>, services: readonly OntologyEntity[]): DrillQuestion | undefined {
  const shape = drillShape(card, byId)
  if (!shape) return undefined
  // services the cue itself names would give the answer away or confuse the question
  const cueText = lower(shape.cue)
  const named = new Set(card.entities.filter((id) => { const e = byId.get(id); return e ? names(e).some((n) => cueText.includes(n)) : false }))
  const wrong = confusableWith(shape.answer, services, named)
  if (wrong.length < 3) return undefined
  const options = [shape.answer, ...wrong]
    .map((e) => ({ id: e.id, label: e.name }))
    .sort((a, b) => hash(`${card.id}|${a.id}`) - hash(`${card.id}|${b.id}`))
  return { card: card.id, cue: shape.cue, answer: shape.answer.id, options, note: card.note, section: card.section, line: card.line }
}
