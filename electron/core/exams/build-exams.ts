// Regenerates exams.json (exam facts only) from the shared reference file.
// Run: npx tsx electron/core/exams/build-exams.ts [path/to/aws-exams-and-services.json]
// The app reads the committed exams.json at runtime, never the reference file.
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

interface RefDomain { id: string; name: string; weight: number }
interface RefExam { code: string; name: string; domains: RefDomain[]; inScopeServices: string[] }

const here = dirname(fileURLToPath(import.meta.url))
const source = resolve(process.argv[2] ?? join(here, '../../../../shared/reference/aws-exams-and-services.json'))
const ref = JSON.parse(readFileSync(source, 'utf8')) as { exams: RefExam[] }

const exams = ref.exams.map((e) => ({
  code: e.code,
  name: e.name,
  domains: e.domains.map((d) => ({ id: d.id, name: d.name, weight: d.weight })),
  inScopeServices: [...e.inScopeServices],
}))

const out = join(here, 'exams.json')
writeFileSync(out + '.tmp', JSON.stringify(exams, null, 2) + '\n')
renameSync(out + '.tmp', out)
console.log(`wrote ${exams.length} exams to ${out}`)
