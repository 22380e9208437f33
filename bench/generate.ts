// Deterministic synthetic notes vaults for the benchmark: study-note-like markdown (frontmatter, headings,
// paragraphs, lists, tables, code, links, wikilinks, #tags) of 2–10 KB, named after real services/concepts.
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { loadOntology } from '../electron/core/ontology/index'
import { mulberry32 } from '../electron/core/prng'

/** Seeded: same seed → same vault, on every machine. */
export const prng = mulberry32

const DOMAINS = ['D1_data_preparation', 'D2_model_development', 'D3_deployment', 'D4_monitoring']
const TOPICS = ['ingestion', 'storage', 'features', 'training', 'tuning', 'evaluation', 'hosting', 'pipelines', 'security', 'costs', 'drift', 'governance']
const WORDS = ('the a model data pipeline training job endpoint feature batch stream latency cost throughput metric dataset label ' +
  'schema partition shard replica instance container image notebook experiment baseline drift bias variance accuracy recall ' +
  'precision threshold checkpoint artifact registry version rollback canary traffic autoscaling quota encryption key role policy ' +
  'network subnet bucket prefix table query catalog crawler job trigger schedule alarm dashboard log trace budget').split(' ')
const VERBS = ['stores', 'reads', 'writes', 'trains', 'scales', 'monitors', 'transforms', 'validates', 'deploys', 'encrypts', 'logs', 'queries']

export interface GeneratedVault {
  dir: string
  files: string[]
  bytes: number
}

/** Write `count` notes under `dir` (wiped first unless a matching vault is already there). */
export function generateVault(dir: string, count: number, seed = 42): GeneratedVault {
  const stamp = path.join(dir, '.bench-vault.json')
  const want = { count, seed, v: 3 }
  if (existsSync(stamp)) {
    try {
      const have = JSON.parse(readFileSync(stamp, 'utf8')) as typeof want & { files: string[]; bytes: number }
      if (have.count === count && have.seed === seed && have.v === want.v) return { dir, files: have.files, bytes: have.bytes }
    } catch { /* regenerate */ }
  }
  rmSync(dir, { recursive: true, force: true })
  const rnd = prng(seed)
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]
  const ontology = loadOntology()
  const services = ontology.entities.filter((e) => e.type === 'service').map((e) => e.name)
  const concepts = ontology.entities.filter((e) => e.type === 'concept').map((e) => e.name)
  const names = services.length ? services : ['Amazon S3', 'AWS Glue', 'Amazon SageMaker AI', 'Amazon Kinesis Data Streams']
  const ideas = concepts.length ? concepts : ['overfitting', 'class imbalance', 'data drift']

  const files: string[] = []
  for (let i = 0; i < count; i++) {
    const d = i % DOMAINS.length
    const topic = TOPICS[Math.floor(i / DOMAINS.length) % TOPICS.length]
    files.push(`${DOMAINS[d]}/${topic}/${d + 1}.${i}_${topic}_${i}.md`)
  }

  // Each note talks about a handful of services and concepts (like real notes do), mostly shared with
  // its topic folder, with an occasional service from anywhere.
  let focus: string[] = names
  let focusIdeas: string[] = ideas
  const topicPool = (seedIdx: number, from: string[], k: number) => {
    const r = prng(seedIdx)
    return Array.from({ length: k }, () => from[Math.floor(r() * from.length)])
  }
  const sentence = (): string => {
    const n = 8 + Math.floor(rnd() * 14)
    const parts: string[] = []
    for (let k = 0; k < n; k++) {
      const r = rnd()
      if (r < 0.035) parts.push(rnd() < 0.9 ? pick(focus) : pick(names))
      else if (r < 0.05) parts.push(pick(focusIdeas))
      else if (r < 0.12) parts.push(pick(VERBS))
      else parts.push(pick(WORDS))
    }
    const s = parts.join(' ')
    return s[0].toUpperCase() + s.slice(1) + '.'
  }
  const paragraph = () => Array.from({ length: 2 + Math.floor(rnd() * 4) }, sentence).join(' ')
  const relLink = (from: string, to: string) => path.posix.relative(path.posix.dirname(from), to)

  let bytes = 0
  for (let i = 0; i < count; i++) {
    const file = files[i]
    const cluster = (i % DOMAINS.length) * 100 + (Math.floor(i / DOMAINS.length) % TOPICS.length)
    const shared = topicPool(cluster + 1, names, 12)
    focus = [...Array.from({ length: 4 }, () => pick(shared)), ...Array.from({ length: 2 }, () => pick(names))]
    focusIdeas = [...topicPool(cluster + 7, ideas, 6).slice(0, 3), pick(ideas)]
    const target = 2048 + Math.floor(Math.pow(rnd(), 1.6) * 8192) // 2–10 KB, most notes in the lower half
    const tags = [TOPICS[i % TOPICS.length], pick(TOPICS), pick(['exam', 'review', 'lab', 'todo'])]
    const out: string[] = ['---', `domain: D${(i % 4) + 1}`, `tags: [${[...new Set(tags)].join(', ')}]`, '---', `# ${i}. ${pick(focus)} for ${pick(TOPICS)}`, '', paragraph(), '']
    let section = 0
    while (out.join('\n').length < target) {
      section++
      out.push(`## ${pick(focus)} and ${pick(focusIdeas)}`, '', paragraph(), '')
      const r = rnd()
      if (r < 0.35) {
        for (let k = 0; k < 3 + Math.floor(rnd() * 4); k++) out.push(`- **${pick(focus)}**: ${sentence()}`)
        out.push('')
      } else if (r < 0.55) {
        out.push('| Service | Use | Notes |', '|---|---|---|')
        for (let k = 0; k < 3 + Math.floor(rnd() * 4); k++) out.push(`| ${pick(focus)} | ${pick(VERBS)} ${pick(WORDS)} | ${pick(focusIdeas)} |`)
        out.push('')
      } else if (r < 0.65) {
        out.push('```python', "import boto3", `client = boto3.client('${pick(['s3', 'sagemaker', 'glue', 'kinesis'])}')`, `client.${pick(VERBS)}(Name='${pick(WORDS)}')`, '```', '')
      } else if (r < 0.8) {
        out.push(`### ${pick(focusIdeas)} in practice`, '', paragraph(), '')
      }
      if (rnd() < 0.5) out.push(`See [${pick(TOPICS)}](${relLink(file, files[Math.floor(rnd() * count)])}) and [[${path.posix.basename(pick(files), '.md')}]]. #${pick(TOPICS)}`, '')
      if (section > 40) break
    }
    const text = out.join('\n') + '\n'
    const abs = path.join(dir, file)
    mkdirSync(path.dirname(abs), { recursive: true })
    writeFileSync(abs, text)
    bytes += Buffer.byteLength(text)
  }
  writeFileSync(stamp, JSON.stringify({ ...want, files, bytes }))
  return { dir, files, bytes }
}
