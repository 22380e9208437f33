// `node --expose-gc --import tsx bench/note-cost.ts <vault dir> [notes] [passes]`: what a worker does per note
// beyond the bare parse, on one thread, in whole passes over the same notes, alternating kinds so a busy machine
// slows them alike (CPU time of this process, medians with their range):
//   bare  = read + remark-parse + remark-gfm (bench/phase.ts bare), the ceiling's work;
//   app   = read + the app's processor (frontmatter too), nothing else;
//   full  = parseFile as a worker runs it (read + hash + parse with frontmatter + extraction + cards), then packed
//           for the transfer (packResults).
// Add --cpu-prof to node's flags to see where `full` goes (the profile covers every pass).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import { loadEntities } from '../electron/core/entities'
import { parseFile } from '../electron/core/index/parse-file'
import { packResults } from '../electron/core/worker/pack'
import { parseMarkdown } from '../electron/core/parse/processor'

const [dir, nArg, passArg] = process.argv.slice(2)
const all = (JSON.parse(readFileSync(path.join(dir, '.bench-vault.json'), 'utf8')) as { files: string[] }).files
const n = Number(nArg ?? 500)
const step = Math.max(1, Math.floor(all.length / n))
const files = all.filter((_f, i) => i % step === 0).slice(0, n)
const passes = Number(passArg ?? 5)
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const processor = unified().use(remarkParse).use(remarkGfm)
const { extractor } = await loadEntities()
const jobs = files.map((f) => ({ path: f, abs: path.join(dir, f) }))
function bare() { for (const j of jobs) processor.parse(readFileSync(j.abs, 'utf8')) }
/** the app's processor (frontmatter too), nothing else */
function app() { for (const j of jobs) parseMarkdown(readFileSync(j.abs, 'utf8')) }
// in batches of 32, as the pool sends them
function full() { for (let i = 0; i < jobs.length; i += 32) packResults(jobs.slice(i, i + 32).map((j) => parseFile(j, extractor))) }

const times: Record<'bare' | 'app' | 'full', number[]> = { bare: [], app: [], full: [] }
for (let p = 0; p < passes + 1; p++) {
  for (const [name, fn] of [['bare', bare], ['app', app], ['full', full]] as const) {
    gc()
    const t = cpu()
    fn()
    if (p > 0) times[name].push(cpu() - t) // the first pass warms the JIT
  }
}
const ratio = (k: 'app' | 'full') => {
  const r = times[k].map((f, i) => f / times.bare[i])
  return `${k} / bare ${median(r).toFixed(3)} (${Math.min(...r).toFixed(3)}–${Math.max(...r).toFixed(3)})`
}
console.log(`${files.length} notes × ${passes} passes: bare ${median(times.bare).toFixed(0)} ms, app parse ${median(times.app).toFixed(0)} ms, full ${median(times.full).toFixed(0)} ms per pass; ${ratio('app')}; ${ratio('full')}`)
