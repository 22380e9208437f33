// `npx tsx bench/search.ts [--sizes 2000,10000] [--real 2000] [--runs 5]`: full-text search, the line scan vs the MiniSearch
// index (electron/core/graph/fulltext.ts), on the bundled notes, the shared corpus (when present) and generated
// vaults (and with --real, copies of the real notes up to that many). Per corpus (each in its own process, so heaps do not mix): per-query latency of the whole search
// call (node ranking + text hits + snippets) both ways, index build time and the heap it keeps, and how long
// the background build takes in slices. Prints figures (medians of --runs with min–max), never pass/fail.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Vault } from '../electron/core/vault'
import { GraphBuilder } from '../electron/core/graph/builder'
import { loadEntities } from '../electron/core/entities'
import { readNoteFile } from '../electron/core/parse/read'
import { search } from '../electron/core/graph/search'
import { FullTextIndex } from '../electron/core/graph/fulltext'
import { generateVault } from './generate'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '..')

/** Queries a student types: common words, phrases, prefixes, typos, a word in no note. */
const QUERIES = ['model', 'data pipeline', 'real time', 'canary traffic', 'sage', 'feature store', 'kinesiss', 'pipelne', 'rollback', 'zzyzx quux']

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
/** CPU time of this thread's process, ms: on a machine shared with other work, steadier than wall time */
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
const spread = (xs: number[]) => `${median(xs).toFixed(2)} ms (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`
const heapMb = () => { (globalThis as { gc?: () => void }).gc?.(); return process.memoryUsage().heapUsed / 1048576 }

async function one(dir: string, runs: number): Promise<void> {
  const cacheDir = path.join(os.tmpdir(), 'ng-search-bench-cache')
  mkdirSync(cacheDir, { recursive: true })
  const vault = await Vault.open(dir, { cacheDir })
  const builder = new GraphBuilder((await loadEntities()).ontology)
  for (const m of vault.metas()) builder.setNote(m)
  const cache = new Map<string, string[]>()
  const getLines = (p: string) => {
    let l = cache.get(p)
    if (!l) {
      const real = vault.notePath(p)
      const text = real ? readNoteFile(real, p).text : undefined
      if (text === undefined) return undefined
      l = text.split(/\r?\n/)
      cache.set(p, l)
    }
    return l
  }
  const src = { notes: () => builder.notes(), get notesVersion() { return builder.notesVersion }, getLines }
  const chars = vault.metas().reduce((n, m) => n + m.size, 0)
  console.log(`\n## ${path.relative(root, dir) || dir}: ${vault.noteCount} notes, ${(chars / 1048576).toFixed(1)} MB, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`)

  // the scan's first query reads every file (rare word): the cost the line cache then saves
  let t0 = performance.now()
  let c0 = cpu()
  search({ graph: builder.graph(), notes: builder.notes(), getLines }, 'zzyzx', 30)
  console.log(`first scan, reading every note from disk: ${(performance.now() - t0).toFixed(0)} ms wall, ${(cpu() - c0).toFixed(0)} ms CPU`)

  // index build with the lines in memory: the index's own cost, and the heap it keeps
  const before = heapMb()
  t0 = performance.now()
  c0 = cpu()
  const index = new FullTextIndex(src)
  index.buildNow()
  const buildMs = performance.now() - t0
  const buildCpu = cpu() - c0
  const after = heapMb()
  console.log(`MiniSearch build (lines already read): ${buildMs.toFixed(0)} ms wall, ${buildCpu.toFixed(0)} ms CPU, heap kept ${(after - before).toFixed(1)} MB (${index.size} documents)`)
  // the background build the app does: slices of 12 ms between other work
  const bg = new FullTextIndex(src)
  let worstGap = 0
  let last = performance.now()
  const tick = setInterval(() => { const now = performance.now(); worstGap = Math.max(worstGap, now - last); last = now }, 1)
  t0 = performance.now()
  await bg.buildInBackground()
  clearInterval(tick)
  console.log(`background build in 12 ms slices: ${(performance.now() - t0).toFixed(0)} ms wall, longest time the thread was held ≈ ${worstGap.toFixed(0)} ms`)

  console.log('Per query: CPU ms of the whole search call (nodes + text + snippets), median (min–max) of the runs')
  console.log('| query | scan (today) | MiniSearch | text hits scan / MiniSearch | exact-line hits scan / MiniSearch |')
  console.log('|---|---|---|---|---|')
  const ratios: number[] = []
  for (const q of QUERIES) {
    const scanT: number[] = []
    const msT: number[] = []
    let scanHits = search({ graph: builder.graph(), notes: builder.notes(), getLines }, q, 30)
    let msHits = search({ graph: builder.graph(), notes: builder.notes(), getLines, fulltext: index }, q, 30)
    for (let r = 0; r < runs; r++) {
      let t = cpu()
      scanHits = search({ graph: builder.graph(), notes: builder.notes(), getLines }, q, 30)
      scanT.push(cpu() - t)
      t = cpu()
      msHits = search({ graph: builder.graph(), notes: builder.notes(), getLines, fulltext: index }, q, 30)
      msT.push(cpu() - t)
    }
    const text = (h: typeof scanHits) => h.filter((x) => x.kind === 'text')
    const exact = (h: typeof scanHits) => text(h).filter((x) => x.score > 90).length
    ratios.push(median(scanT) / median(msT))
    console.log(`| ${q} | ${spread(scanT)} | ${spread(msT)} | ${text(scanHits).length} / ${text(msHits).length} | ${exact(scanHits)} / ${exact(msHits)} |`)
  }
  console.log(`scan / MiniSearch per-query time, median over the queries: ${median(ratios).toFixed(2)}×`)
  console.log(`max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
  await vault.close()
}

/**
 * Real notes at vault size: copies of the bundled notes and the shared corpus, `copy-K/...`, until `n` notes.
 * The words keep the frequencies of real notes (generated notes draw from ~80 words, so every common word is in
 * nearly every note: the inverted index's worst case and the scan's best).
 */
function replicateReal(n: number, sources: string[]): string {
  const dir = path.join(os.tmpdir(), 'notes-graph-bench', `real-${n}`)
  const count = () => (existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.md')).length : 0)
  if (count() === n) return dir
  rmSync(dir, { recursive: true, force: true })
  const files = sources.flatMap((src) => readdirSync(src, { recursive: true }).map(String).filter((f) => f.endsWith('.md') && !f.startsWith('.')).map((f) => [src, f]))
  for (let i = 0; i < n; i++) {
    const [src, f] = files[i % files.length]
    cpSync(path.join(src, f), path.join(dir, `copy-${Math.floor(i / files.length)}`, path.basename(src), f))
  }
  return dir
}

function main(): void {
  const argv = process.argv.slice(2)
  const arg = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined }
  const runs = Number(arg('--runs') ?? 5)
  const single = arg('--one')
  if (single) { void one(single, runs); return }
  const sizes = (arg('--sizes') ?? '2000,10000').split(',').map(Number).filter((n) => n > 0)
  const shared = path.resolve(root, '../shared/corpora/mla-study-notes')
  const dirs = [path.join(root, 'content'), ...(existsSync(shared) ? [shared] : [])]
  for (const n of (arg('--real') ?? '').split(',').map(Number).filter((x) => x > 0)) dirs.push(replicateReal(n, dirs.slice(0, 2)))
  for (const n of sizes) dirs.push(generateVault(path.join(os.tmpdir(), 'notes-graph-bench', String(n)), n).dir)
  console.log(`# Full-text search: line scan vs MiniSearch — Node ${process.version}, ${os.cpus().length} cores`)
  for (const dir of dirs) {
    const r = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), '--one', dir, '--runs', String(runs)], { stdio: 'inherit' })
    if (r.status !== 0) console.log(`(${dir}: failed with ${r.status})`)
  }
}

main()
