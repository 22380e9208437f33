// Graph-module figures on a synthetic 10k-note index (no files, no parsing): first build, one-note
// update, and the queries behind the panels. Run: npx tsx bench/graph.ts [notes]
// CPU time is printed next to wall time because this machine is often shared.
import { loadOntology } from '../electron/core/ontology'
import { GraphBuilder, createGraphQueries } from '../electron/core/graph'
import type { Mention, NoteMeta } from '../electron/core/types'

const N = Number(process.argv[2] ?? 10_000)
const MENTIONS_PER_NOTE = 30
const ontology = loadOntology()
const entities = ontology.entities.map((e) => e.id)
let seed = 42
const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296
// skewed choice: a few services appear in most notes, as in real notes
const pick = () => entities[Math.floor(Math.pow(rnd(), 2) * entities.length)]

function note(i: number, shift = 0): NoteMeta {
  const domain = `D${(i % 4) + 1}`
  const sections = Array.from({ length: 6 }, (_, s) => ({ id: `s${s}`, title: `Section ${s}`, depth: 2, line: s * 20 + 1, endLine: s * 20 + 20 }))
  const mentions: Mention[] = []
  for (let k = 0; k < MENTIONS_PER_NOTE; k++) {
    const s = k % 6
    mentions.push({ entity: pick(), text: 'x', line: s * 20 + 2 + (k % 15) + shift, column: 1, section: `s${s}` })
  }
  mentions.sort((a, b) => a.line - b.line)
  const links = [1, 2, 3].map((d) => {
    const j = (i + d) % N
    return { target: 'x', kind: 'markdown' as const, line: 1, resolved: `D${(j % 4) + 1}/note${j}.md` }
  })
  return { path: `${domain}/note${i}.md`, title: `Note ${i}`, domain, tags: [`t${i % 50}`, `t${(i * 7) % 50}`], sections, links, mentions, size: 4000, mtimeMs: 0, hash: String(i) }
}

function measure<T>(label: string, fn: () => T): T {
  const c0 = process.cpuUsage()
  const w0 = performance.now()
  const out = fn()
  const c = process.cpuUsage(c0)
  console.log(`${label.padEnd(34)} cpu ${((c.user + c.system) / 1000).toFixed(1).padStart(8)} ms   wall ${(performance.now() - w0).toFixed(1).padStart(8)} ms`)
  return out
}

const metas = Array.from({ length: N }, (_, i) => note(i))
const builder = new GraphBuilder(ontology)
measure(`first build: setNotes (${N} notes)`, () => builder.setNotes(metas))
const g = measure('first build: graph() materialization', () => builder.graph())
console.log(`  ${g.nodes.length} nodes, ${g.edges.length} edges, ${N * MENTIONS_PER_NOTE} mentions`)
builder.takeDelta()

const cpu: number[] = []
for (let r = 0; r < 30; r++) {
  const changed = note(Math.floor(rnd() * N), r + 1)
  const c0 = process.cpuUsage()
  builder.setNote(changed)
  builder.graph()
  const c = process.cpuUsage(c0)
  cpu.push((c.user + c.system) / 1000)
}
cpu.sort((a, b) => a - b)
console.log(`one-note update + graph() (30 runs)  cpu median ${cpu[15].toFixed(1)} ms, max ${cpu[29].toFixed(1)} ms (budget 50 ms)`)
measure('takeDelta', () => builder.takeDelta())

const q = createGraphQueries(builder, () => undefined)
measure('adjacency index + neighbourhood', () => q.neighbourhood('service:aws-glue', 2))
measure('centrality (sampled Brandes)', () => q.centrality())
measure('search "kdf" (first, builds name cache)', () => q.search('kdf', 20))
measure('search "kinesis firehose"', () => q.search('kinesis firehose', 20))
measure('overlap Glue + S3', () => q.overlap(['service:aws-glue', 'service:amazon-s3']))
measure('confusedPairs', () => q.confusedPairs(10))
measure('getMentions Glue', () => q.getMentions('service:aws-glue'))
measure('renamed', () => q.renamed())
console.log(`heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`)
