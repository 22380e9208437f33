// Exam readiness, rolled up domain → task statement → entities and cards:
//  - a task statement: the mean of two shares, of its entities (those its text names that the notes mention) and of
//    its cards (cards naming those entities or in notes filed under the task), that are in review or mastered;
//  - a domain: the mean of its task statements that the notes hold something of; for an exam without task
//    statements, the share of its in-scope services (mentioned by the domain's notes) and of their cards;
//  - the exam: the domains weighted by the exam's weights; the weakest domain and task statement named.
import type { ExamInfo } from '../types'
import type { Card, ProgressState } from './types'
import type { DomainReadiness, Readiness, TaskReadiness } from './study-types'

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
  /** the exam's task statements mapped onto this graph */
  tasks?: readonly TaskInput[]
}

export interface TaskInput {
  id: string
  domain: string
  title: string
  /** graph entity ids the task statement names (only those the graph has) */
  entities: readonly string[]
  /** note paths filed under the task */
  notes: readonly string[]
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

export function taskReadiness(input: Pick<ReadinessInput, 'cards' | 'cardState' | 'nodeState'>, task: TaskInput): TaskReadiness {
  const entities = new Set(task.entities)
  const notes = new Set(task.notes)
  let cards = 0
  let cardsReady = 0
  for (const c of input.cards) {
    if (!notes.has(c.note) && !c.entities.some((e) => entities.has(e))) continue
    cards++
    if (READY(input.cardState(c))) cardsReady++
  }
  const entitiesReady = task.entities.filter((e) => READY(input.nodeState(e))).length
  const parts = [share(entitiesReady, entities.size), share(cardsReady, cards)].filter((x): x is number => x !== undefined)
  const nodes = [...task.entities, ...task.notes.map((p) => `note:${p}`)]
  const out: TaskReadiness = { id: task.id, title: task.title, entities: entities.size, entitiesReady, cards, cardsReady, nodes }
  if (parts.length) out.score = parts.reduce((a, b) => a + b, 0) / parts.length
  return out
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

export function examReadiness(input: ReadinessInput): Readiness {
  const { exam } = input
  const taskList = input.tasks ?? []
  if (!input.mapped && taskList.length === 0) {
    const all = bucket(input, exam.inScope, () => true)
    return { exam: exam.code, name: exam.name, overall: all.score, mapped: false, domains: [] }
  }
  const tasks = taskList.map((t) => ({ domain: t.domain, r: taskReadiness(input, t) }))
  const domains: DomainReadiness[] = exam.domains.map((d) => {
    const services = input.mapped ? exam.inScope.filter((s) => input.serviceDomains.get(s)?.has(d.id)) : []
    const own = bucket(input, services, (c) => input.mapped && input.cardDomain(c) === d.id)
    const dt = tasks.filter((t) => t.domain === d.id).map((t) => t.r)
    const scored = dt.map((t) => t.score).filter((x): x is number => x !== undefined)
    return { id: d.id, name: d.name, weight: d.weight, ...own, ...(scored.length ? { score: mean(scored) } : {}), ...(taskList.length ? { tasks: dt } : {}) }
  })
  const counted = domains.filter((d) => d.services + d.cards > 0 || d.tasks?.some((t) => t.score !== undefined))
  const weights = counted.reduce((n, d) => n + d.weight, 0)
  const overall = weights > 0 ? counted.reduce((n, d) => n + d.weight * d.score, 0) / weights : 0
  let weakest: DomainReadiness | undefined
  for (const d of counted) if (!weakest || d.score < weakest.score || (d.score === weakest.score && d.weight > weakest.weight)) weakest = d
  let weakTask: { t: TaskReadiness; domain: string } | undefined
  for (const { domain, r: t } of tasks) {
    if (t.score === undefined) continue
    if (!weakTask || t.score < weakTask.t.score! || (t.score === weakTask.t.score && t.cards > weakTask.t.cards)) weakTask = { t, domain }
  }
  return {
    exam: exam.code, name: exam.name, overall, mapped: input.mapped, domains,
    weakest: weakest && { id: weakest.id, name: weakest.name },
    ...(weakTask ? { weakestTask: { id: weakTask.t.id, title: weakTask.t.title, domain: weakTask.domain, nodes: weakTask.t.nodes } } : {}),
  }
}
