// Exam readiness: per domain, the share of its in-scope services and of their cards that the student has in
// review or mastered; the domains weighted by the exam's weights into one figure; the weakest domain named.
import type { ExamInfo } from '../types'
import type { Card, ProgressState } from './types'
import type { DomainReadiness, Readiness } from './study-types'

const READY = (s: ProgressState | undefined) => s === 'review' || s === 'mastered'

export interface ReadinessInput {
  exam: ExamInfo
  /** true when the notes' domains (D1…) are this exam's domains */
  mapped: boolean
  /** service id → the domains of the notes that mention it */
  serviceDomains: ReadonlyMap<string, ReadonlySet<string>>
  cards: readonly Card[]
  /** the note's domain of a card */
  cardDomain: (card: Card) => string | undefined
  cardState: (card: Card) => ProgressState
  nodeState: (id: string) => ProgressState | undefined
}

function share(ready: number, all: number): number | undefined {
  return all === 0 ? undefined : ready / all
}

function bucket(input: ReadinessInput, services: string[], inDomain: (c: Card) => boolean): Omit<DomainReadiness, 'id' | 'name' | 'weight'> {
  const set = new Set(services)
  let cards = 0
  let cardsReady = 0
  for (const c of input.cards) {
    if (!inDomain(c) || !c.entities.some((e) => set.has(e))) continue
    cards++
    if (READY(input.cardState(c))) cardsReady++
  }
  const servicesReady = services.filter((s) => READY(input.nodeState(s))).length
  const parts = [share(servicesReady, services.length), share(cardsReady, cards)].filter((x): x is number => x !== undefined)
  const score = parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 0
  return { services: services.length, servicesReady, cards, cardsReady, score }
}

export function examReadiness(input: ReadinessInput): Readiness {
  const { exam } = input
  if (!input.mapped) {
    const all = bucket(input, exam.inScope, () => true)
    return { exam: exam.code, name: exam.name, overall: all.score, mapped: false, domains: [] }
  }
  const domains: DomainReadiness[] = exam.domains.map((d) => {
    const services = exam.inScope.filter((s) => input.serviceDomains.get(s)?.has(d.id))
    return { id: d.id, name: d.name, weight: d.weight, ...bucket(input, services, (c) => input.cardDomain(c) === d.id) }
  })
  const counted = domains.filter((d) => d.services + d.cards > 0)
  const weights = counted.reduce((n, d) => n + d.weight, 0)
  const overall = weights > 0 ? counted.reduce((n, d) => n + d.weight * d.score, 0) / weights : 0
  let weakest: DomainReadiness | undefined
  for (const d of counted) if (!weakest || d.score < weakest.score || (d.score === weakest.score && d.weight > weakest.weight)) weakest = d
  return { exam: exam.code, name: exam.name, overall, mapped: true, domains, weakest: weakest && { id: weakest.id, name: weakest.name } }
}
