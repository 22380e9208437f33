// Regenerates services.json from the shared reference facts plus our additions.json.
// Run: npx tsx electron/core/ontology/build-ontology.ts [path/to/aws-exams-and-services.json]
// The app reads the committed services.json at runtime, never the reference file.
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildServices, serializeServices, type Additions, type RefService } from './build'

const here = dirname(fileURLToPath(import.meta.url))
const source = resolve(process.argv[2] ?? join(here, '../../../../shared/reference/aws-exams-and-services.json'))
const ref = JSON.parse(readFileSync(source, 'utf8')) as { services: RefService[] }
const additions = JSON.parse(readFileSync(join(here, 'additions.json'), 'utf8')) as Additions

const { entities, problems } = buildServices(ref, additions)
if (problems.length) {
  console.error(problems.map((p) => `- ${p}`).join('\n'))
  process.exitCode = 1
} else {
  const out = join(here, 'services.json')
  writeFileSync(out + '.tmp', serializeServices(entities))
  renameSync(out + '.tmp', out)
  console.log(`wrote ${entities.length} services (${entities.filter((e) => e.feature).length} features) to ${out}`)
}
