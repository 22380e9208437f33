// `npm run bench [-- --core-only] [--sizes 1000,10000] [--dir DIR] [--updates 20]`: core figures on synthetic vaults.
// Prints, per size: single-thread bare remark-parse+remark-gfm over the files, our cold index (workers),
// warm start from the persisted index, one-changed-note update, then peak memory and ratios vs targets.
// Runs bench/delta.ts (graph changes as deltas), bench/renderer.ts and bench/labels.ts afterwards when they exist
// (unless --core-only), then bench/bigvault.ts (the 10k vault in Chromium) when the sizes include 10000.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateVault } from './generate'
import { defaultPoolSize } from '../electron/core/worker/pool'
import { formatCardCost, shareText, type CardCost } from './cards'

const here = path.dirname(fileURLToPath(import.meta.url))

interface Args { coreOnly: boolean; sizes: number[]; dir: string; updates: number }

function parseArgs(argv: string[]): Args {
  const a: Args = { coreOnly: false, sizes: [1000, 10000], dir: path.join(os.tmpdir(), 'notes-graph-bench'), updates: 20 }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--core-only') a.coreOnly = true
    else if (argv[i] === '--sizes') a.sizes = argv[++i].split(',').map(Number).filter((n) => n > 0)
    else if (argv[i] === '--dir') a.dir = path.resolve(argv[++i])
    else if (argv[i] === '--updates') a.updates = Number(argv[++i])
  }
  return a
}

const fmt = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
/** nearest-rank 95th percentile (of 20 edits: the second largest) */
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(0.95 * xs.length) - 1)]

interface SizeResult { cards: CardCost; notes: number; mb: number; bare: number; ceiling: number; cold: number; warm: number; warmReady: number; warmParsed: number; updateMedian: number; updateP95: number; updateMax: number; peakMb: number }

/** Run one phase (bench/phase.ts) in a child process and return its JSON report. */
function phase(name: string, dir: string, stateDir: string, updates: number): Record<string, unknown> {
  const gc = name === 'cards' ? ['--expose-gc'] : [] // the card phase starts each timed pass on a clean heap
  const r = spawnSync(process.execPath, [...gc, ...process.execArgv, path.join(here, 'phase.ts'), name, dir, stateDir, String(updates)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (r.status !== 0) throw new Error(`phase ${name} failed (${r.status}): ${r.stderr.trim().split('\n').slice(-5).join(' | ')}`)
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>
}

async function runSize(args: Args, n: number): Promise<SizeResult> {
  const gen = generateVault(path.join(args.dir, String(n)), n)
  const mb = gen.bytes / 1048576
  console.log(`\n## ${n} notes (${mb.toFixed(1)} MB, avg ${(gen.bytes / n / 1024).toFixed(1)} KB), load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`)
  const state = mkdtempSync(path.join(os.tmpdir(), 'ng-bench-state-'))
  try {
    const bare = phase('bare', gen.dir, state, 0)
    console.log(`bare remark-parse+gfm (1 thread, read+parse): ${fmt(bare.ms as number)}  [CPU ${fmt(bare.cpuMs as number)}; max RSS ${(bare.maxRssMb as number).toFixed(0)} MB]`)
    const ceiling = phase('bare-parallel', gen.dir, state, 0)
    console.log(`bare parse split over ${ceiling.workers} worker threads (the ceiling for any worker design here): ${fmt(ceiling.ms as number)} = ${((bare.ms as number) / (ceiling.ms as number)).toFixed(2)}× the 1-thread bare parse  [CPU ${fmt(ceiling.cpuMs as number)}]`)
    // the index parses without GFM's autolink literals (parse/processor.ts): the same split with its own processor
    const leanCeiling = phase('bare-parallel-index', gen.dir, state, 0)
    console.log(`same split with the index's own processor (GFM without autolink literals, frontmatter): ${fmt(leanCeiling.ms as number)} = ${((ceiling.ms as number) / (leanCeiling.ms as number)).toFixed(2)}× faster than the remark-gfm split  [CPU ${fmt(leanCeiling.cpuMs as number)}]`)
    const cold = phase('cold', gen.dir, state, 0)
    console.log(`cold index (${cold.workers ? `${defaultPoolSize()} workers` : 'in-process'}; read+parse+extract+graph): ${fmt(cold.ms as number)}  — parsed ${cold.parsed}, graph ${cold.nodes} nodes / ${cold.edges} edges  [CPU, all threads: ${fmt(cold.cpuMs as number)} = ${((cold.cpuMs as number) / (bare.cpuMs as number)).toFixed(2)}× bare; max RSS ${(cold.maxRssMb as number).toFixed(0)} MB]`)
    console.log(`cold ÷ ceilings, this run: remark-gfm split ${((100 * (ceiling.ms as number)) / (cold.ms as number)).toFixed(1)}% (target ≥ 90%), index-processor split ${((100 * (leanCeiling.ms as number)) / (cold.ms as number)).toFixed(1)}%`)
    console.log(`persist index + graph snapshot (on close): ${fmt(cold.persistMs as number)}`)
    const warm = phase('warm', gen.dir, state, args.updates)
    console.log(`warm start (createBackend until the graph a host serves is there): ${fmt(warm.ms as number)} = ${((100 * (warm.ms as number)) / (cold.ms as number)).toFixed(1)}% of cold's wall [CPU ${fmt(warm.cpuMs as number)} = ${((100 * (warm.cpuMs as number)) / (cold.cpuMs as number)).toFixed(1)}% of cold's; max RSS then ${(warm.servedRssMb as number).toFixed(0)} MB]  — parsed ${warm.parsed}, reused ${warm.reused}, graph ${warm.nodes} nodes / ${warm.edges} edges, ${warm.shownEdges} of them served`)
    console.log(`warm start, then graph builder built (on first query/update; whenReady): ${fmt(warm.readyMs as number)} [CPU ${fmt(warm.readyCpuMs as number)}]`)
    const times = warm.updates as number[]
    console.log(`one changed note → updated graph: median ${fmt(median(times))}, p95 ${fmt(p95(times))}, max ${fmt(Math.max(...times))} (${times.length} edits; of which re-reading + parsing the note: median ${fmt(median(warm.updateIndexMs as number[]))}; CPU time per edit, all threads: median ${fmt(median(warm.updateCpuMs as number[]))}, p95 ${fmt(p95(warm.updateCpuMs as number[]))}, max ${fmt(Math.max(...(warm.updateCpuMs as number[])))})  [max RSS: after the edits ${(warm.editsRssMb as number).toFixed(0)} MB, with close (index + snapshot written) ${(warm.maxRssMb as number).toFixed(0)} MB]`)
    const gcs = warm.updateGcMs as number[] | undefined
    if (gcs) console.log(`  GC on the main thread during each edit: median ${fmt(median(gcs))}, p95 ${fmt(p95(gcs))}, max ${fmt(Math.max(...gcs))}`)
    // one note changed while the app was closed: the snapshot's graph is served, the note follows as a delta
    const touched = phase('warm-touched', gen.dir, state, 3)
    console.log(`warm start with one note changed while closed: ${fmt(touched.ms as number)} [CPU ${fmt(touched.cpuMs as number)}]  — parsed ${touched.parsed} before serving, ${touched.deferred} left for the update after; that note's delta out at ${fmt(touched.caughtUpMs as number)}`)
    const cards = phase('cards', gen.dir, state, 0) as unknown as CardCost
    console.log(formatCardCost('sample of this vault, CPU time', cards))
    return {
      cards, notes: n, mb, bare: bare.ms as number, ceiling: ceiling.ms as number, cold: cold.ms as number, warm: warm.ms as number, warmReady: warm.readyMs as number,
      warmParsed: warm.parsed as number, updateMedian: median(times), updateP95: p95(times), updateMax: Math.max(...times),
      peakMb: Math.max(cold.maxRssMb as number, warm.maxRssMb as number),
    }
  } finally {
    rmSync(state, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  console.log(`# Notes Graph core benchmark — Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), pool ${defaultPoolSize()}`)
  const results: SizeResult[] = []
  for (const n of args.sizes) results.push(await runSize(args, n))
  const peakMb = Math.max(...results.map((r) => r.peakMb))

  console.log('\n## Summary vs targets')
  console.log('| notes | MB | bare parse | bare parse split over the workers (ceiling) | cold index | speed-up (≥1.6×) | ceiling speed-up | warm | warm/cold (≤5%) | warm + builder built | update median / p95 / max (p95 ≤50 ms) |')
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  let ok = true
  for (const r of results) {
    const speed = r.bare / r.cold
    const warmPct = (r.warm / r.cold) * 100
    const big = r.notes >= 10000
    if (big) ok &&= speed >= 1.6 && warmPct <= 5 && r.updateP95 <= 50 && r.warmParsed === 0
    const mark = (pass: boolean) => (big ? (pass ? ' ✓' : ' ✗') : '')
    console.log(`| ${r.notes} | ${r.mb.toFixed(1)} | ${fmt(r.bare)} | ${fmt(r.ceiling)} | ${fmt(r.cold)} | ${speed.toFixed(2)}×${mark(speed >= 1.6)} | ${(r.bare / r.ceiling).toFixed(2)}× | ${fmt(r.warm)} | ${warmPct.toFixed(1)}%${mark(warmPct <= 5)} | ${fmt(r.warmReady)} | ${fmt(r.updateMedian)} / ${fmt(r.updateP95)} / ${fmt(r.updateMax)}${mark(r.updateP95 <= 50)} |`)
  }
  for (const r of results) {
    const cardsOk = r.cards.sharePct <= 3
    if (r.notes >= 10000) ok &&= cardsOk
    console.log(`card extraction, ${r.notes} notes: +${shareText(r.cards)} of the per-note parse ${r.notes >= 10000 ? (cardsOk ? '✓' : '✗') : ''} (≤ 3%)`)
  }
  const memOk = peakMb <= 1024
  ok &&= memOk
  console.log(`\npeak memory of the indexing process (max RSS incl. worker threads, cold and warm phases): ${peakMb.toFixed(0)} MB ${memOk ? '✓' : '✗'} (≤ 1024 MB)`)
  console.log(`core targets: ${ok ? 'all met' : 'NOT all met'} (targets apply to the 10k vault)`)

  // the command-line tool, whole processes (warm start vs node -e 0, 5k cold/warm, 2k cold vs bare parse)
  console.log('')
  const cli = spawnSync(process.execPath, [...process.execArgv, path.join(here, 'cli.ts'), '--dir', args.dir], { stdio: 'inherit' })
  if (cli.status !== 0) process.exitCode = cli.status ?? 1

  const study = path.join(here, 'study.ts')
  if (existsSync(study)) {
    console.log('')
    const r = spawnSync(process.execPath, [...process.execArgv, study], { stdio: 'inherit' })
    if (r.status !== 0) process.exitCode = r.status ?? 1
  }
  const studyPanel = path.join(here, 'study-renderer.ts')
  if (!args.coreOnly && existsSync(studyPanel)) {
    console.log('')
    const r = spawnSync(process.execPath, [...process.execArgv, studyPanel], { stdio: 'inherit' })
    if (r.status !== 0) process.exitCode = r.status ?? 1
  }

  // graph changes as deltas: bytes per edited note, apply time in Chromium, host memory (bench/delta.ts)
  const deltas = path.join(here, 'delta.ts')
  if (existsSync(deltas)) {
    console.log('')
    const r = spawnSync(process.execPath, [...process.execArgv, deltas, ...process.argv.slice(2)], { stdio: 'inherit' })
    if (r.status !== 0) process.exitCode = r.status ?? 1
  }

  const renderer = path.join(here, 'renderer.ts')
  if (!args.coreOnly && existsSync(renderer)) {
    console.log('\n# Renderer benchmark (bench/renderer.ts)')
    const r = spawnSync(process.execPath, [...process.execArgv, renderer, ...process.argv.slice(2)], { stdio: 'inherit' })
    if (r.status !== 0) process.exitCode = r.status ?? 1
  }
  const labels = path.join(here, 'labels.ts')
  if (!args.coreOnly && existsSync(labels)) {
    console.log('\n# Label benchmark (bench/labels.ts)')
    const r = spawnSync(process.execPath, [...process.execArgv, labels], { stdio: 'inherit' })
    if (r.status !== 0) process.exitCode = r.status ?? 1
  }
}

/** The 10k-note vault in Chromium (bench/bigvault.ts), when the 10k size is benchmarked. */
function runBigVault(args: Args): void {
  const big = path.join(here, 'bigvault.ts')
  if (args.coreOnly || !existsSync(big) || !args.sizes.includes(10000)) return
  console.log('')
  const r = spawnSync(process.execPath, [...process.execArgv, big, '--notes', '10000', '--dir', args.dir], { stdio: 'inherit' })
  if (r.status !== 0) process.exitCode = r.status ?? 1
}

main().then(() => runBigVault(parseArgs(process.argv.slice(2)))).catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? e.stack : String(e)}`)
  process.exitCode = 1
})
