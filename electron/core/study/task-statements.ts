// Exam task statements (1.1 "Ingest and store data"…) mapped onto the graph, for any notes:
//  - the entities the task statement's own text names, found by the same extractor the notes go through;
//  - the notes that file themselves under a task: a frontmatter field (`task: 1.1`, `tasks: [1.1, 1.2]`), a
//    heading ("Task 1.2 Transform data"), or the note's introduction ("Task 1.1 of MLA-C01 asks…").
// A filing that names an exam code only counts for that exam; one without a code counts for every exam.
import type { Heading } from 'mdast'
import type { Section } from '../types'
import type { Extractor } from '../extract/index'
import { parseMarkdown } from '../parse/processor'
import { buildSections } from '../parse/note'
import taskData from '../exams/task-statements.json'

export interface TaskStatement {
  /** "1.1" */
  id: string
  /** exam domain id, "D1" */
  domain: string
  title: string
  summary: string
}

const TASKS = new Map((taskData as Array<{ code: string; tasks: TaskStatement[] }>).map((e) => [e.code, e.tasks]))

/** The exam's task statements in domain order (empty for an exam without any on record). */
export function taskStatementsOf(code: string): readonly TaskStatement[] {
  return TASKS.get(code.trim().toUpperCase()) ?? []
}

const entityCache = new WeakMap<Extractor, Map<string, string[]>>()

/** Service and concept ids the task statement's title and summary name (the extractor decides, as for a note). */
export function taskEntities(extractor: Extractor, task: Pick<TaskStatement, 'title' | 'summary'>): string[] {
  let cache = entityCache.get(extractor)
  if (!cache) entityCache.set(extractor, (cache = new Map()))
  const text = `# ${task.title}\n\n${task.summary}\n`
  const hit = cache.get(text)
  if (hit) return hit
  const root = parseMarkdown(text)
  const headings = root.children.filter((n): n is Heading => n.type === 'heading')
  const sections = buildSections(headings, text.split('\n').length)
  const ids = [...new Set(extractor.extract(root, sections).map((m) => m.entity))]
  cache.set(text, ids)
  return ids
}

/** A task a note files itself under; `exam` when the filing names one. */
export interface Filing {
  task: string
  exam?: string
}

const TASK_IDS = /\btasks?(?:[\s_-]+statements?)?\s*:?\s*((?:\d{1,2}\.\d{1,2})(?:\s*(?:,|and|&|or|\/)\s*\d{1,2}\.\d{1,2})*)/gi
/** frontmatter keys that file a note under tasks; `domain: 1.2` counts too (a task number, not a domain id) */
const TASK_KEY = /^\s*(?:task|tasks|task[\s_-]?statements?|taskStatements?|domains?)\s*:\s*(.*)$/i
const EXAM_CODE = /\b[A-Z]{3}-C\d{2}\b/g
const NUMBER = /\b\d{1,2}\.\d{1,2}\b/g
/** lines of a note's introduction (before its second heading) searched for "task 1.1" */
const INTRO_LINES = 40

function filingsIn(text: string, out: Filing[], numbersOnly = false): void {
  const exams = [...new Set(text.match(EXAM_CODE) ?? [])]
  const tasks: string[] = []
  if (numbersOnly) tasks.push(...(text.match(NUMBER) ?? []))
  else for (const m of text.matchAll(TASK_IDS)) tasks.push(...(m[1].match(NUMBER) ?? []))
  for (const task of tasks) {
    if (exams.length === 0) out.push({ task })
    else for (const exam of exams) out.push({ task, exam })
  }
}

/**
 * Tasks a note files itself under. `lines` are the note's file lines (frontmatter included); `sections` its
 * headings as the index found them (file lines).
 */
export function noteFilings(lines: readonly string[] | undefined, sections: readonly Pick<Section, 'title' | 'line'>[]): Filing[] {
  const out: Filing[] = []
  let body = 0
  if (lines && lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(l))
    if (end > 0) {
      body = end + 1
      for (let i = 1; i < end; i++) {
        const m = TASK_KEY.exec(lines[i])
        if (!m) continue
        filingsIn(m[1], out, true)
        // a YAML list below the key: `tasks:` then `  - 1.1`
        for (let j = i + 1; j < end && /^\s*-\s/.test(lines[j]); j++) filingsIn(lines[j], out, true)
      }
    }
  }
  for (const s of sections) filingsIn(s.title, out)
  if (lines) {
    // the introduction: from the first line of text up to the next heading (a title heading starts it)
    let first = body
    while (first < lines.length && !lines[first].trim()) first++
    const next = sections.map((s) => s.line).sort((a, b) => a - b).find((line) => line - 1 > first)
    const stop = Math.min(lines.length, next ? next - 1 : lines.length, body + INTRO_LINES)
    for (let i = body; i < stop; i++) if (!/^\s*#/.test(lines[i])) filingsIn(lines[i], out)
  }
  const seen = new Set<string>()
  return out.filter((f) => {
    const key = `${f.task}|${f.exam ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Task ids of `exam` a note's filings name. */
export function filedUnder(filings: readonly Filing[], exam: string): string[] {
  return [...new Set(filings.filter((f) => !f.exam || f.exam === exam).map((f) => f.task))]
}
