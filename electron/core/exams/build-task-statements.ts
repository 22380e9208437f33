// Regenerates task-statements.json (each exam's task statements: id, title, summary) from the shared reference
// file. Run: npx tsx electron/core/exams/build-task-statements.ts [path/to/aws-exams-and-services.json]
// The app reads the committed task-statements.json at runtime, never the reference file.
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

interface RefTask { id: string; title: string; summary?: string }
interface RefExam { code: string; domains: Array<{ id: string; tasks?: RefTask[] }> }

const here = dirname(fileURLToPath(import.meta.url))
const source = resolve(process.argv[2] ?? join(here, '../../../../shared/reference/aws-exams-and-services.json'))
const ref = JSON.parse(readFileSync(source, 'utf8')) as { exams: RefExam[] }

const out = ref.exams.map((e) => ({
  code: e.code,
  tasks: e.domains.flatMap((d) => (d.tasks ?? []).map((t) => ({ id: t.id, domain: d.id, title: t.title, summary: t.summary ?? '' }))),
}))

const file = join(here, 'task-statements.json')
writeFileSync(file + '.tmp', JSON.stringify(out, null, 2) + '\n')
renameSync(file + '.tmp', file)
console.log(`wrote ${out.reduce((n, e) => n + e.tasks.length, 0)} task statements of ${out.length} exams to ${file}`)
