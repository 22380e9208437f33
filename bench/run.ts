// `npm run bench [-- --core-only] [--sizes 1000,10000] [--dir DIR]`: core figures on synthetic vaults.
// Prints, per size: single-thread bare remark-parse+remark-gfm over the files, our cold index (workers),
// warm start from the persisted index, one-changed-note update, then peak memory and ratios vs targets.
// Runs bench/renderer.ts afterwards when it exists (unless --core-only).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import { generateVault } from './generate'
import { createBackend } from '../electron/core/backend'
import { defaultPoolSize } from '../electron/core/worker/pool'

const here = path.dirname(fileURLToPath(import.meta.url))

interface Args { coreOnly: boolean; sizes: number[]; dir: string; updates: number }

function parseArgs(argv: string[]): Args {
  const a: Args = { coreOnly: false, sizes: [1000, 10000], dir: path.join(os.tmpdir(), 'notes-graph-bench'), updates: 7 }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--core-only') a.coreOnly = true
    else if (argv[i] === '--sizes') a.sizes = argv[++i].split(',').map(Number).filter((n) => n > 0)
    else if (argv[i] === '--dir') a.dir = path.resolve(argv[++i])
    else if (argv[i] === '--updates') a.updates = Number(argv[++i])
  }
  return a
}

const ms = (t0: number) => performance.now() - t0
const fmt = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
let peakHeap = 0
const sampleMem = () => { peakHeap = Math.max(peakHeap, process.memoryUsage().rss) }

interface SizeResult { notes: number; mb: number; bare: number; cold: number; warm: number; warmReady: number; warmParsed: number; updateMedian: number; updateMax: number; coldWorkers: boolean }

function bareParse(dir: string, files: string[]): number {
  const processor = unified().use(remarkParse).use(remarkGfm)
  const t0 = performance.now()
  for (const f of files) processor.parse(readFileSync(path.join(dir, f), 'utf8'))
  return ms(t0)
}

async function runSize(args: Args, n: number): Promise<SizeResult> {
  const gen = generateVault(path.join(args.dir, String(n)), n)
  const mb = gen.bytes / 1048576
  console.log(`\n## ${n} notes (${mb.toFixed(1)} MB, avg ${(gen.bytes / n / 1024).toFixed(1)} KB)`)
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'ng-bench-state-'))
  const memTimer = setInterval(sampleMem, 50)
  try {
    const bare = bareParse(gen.dir, gen.files)
    console.log(`bare remark-parse+gfm (1 thread): ${fmt(bare)}`)

    const opts = { folder: gen.dir, bundledFolder: gen.dir, cacheDir: path.join(scratch, 'cache'), settingsDir: path.join(scratch, 'settings') }
    let t0 = performance.now()
    const cold = await createBackend(opts)
    const coldMs = ms(t0)
    const graph = cold.getGraph()
    const coldWorkers = cold.vault.stats.usedWorkers
    console.log(`cold index (${coldWorkers ? `${defaultPoolSize()} workers` : 'in-process'}): ${fmt(coldMs)}  — parsed ${cold.vault.stats.parsed} in ${fmt(cold.vault.stats.ms)}, graph ${graph.nodes.length} nodes / ${graph.edges.length} edges`)
    t0 = performance.now()
    await cold.close() // writes the persisted index
    console.log(`persist index: ${fmt(ms(t0))}`)

    t0 = performance.now()
    const warm = await createBackend(opts)
    const warmMs = ms(t0)
    const warmParsed = warm.vault.stats.parsed
    const warmGraph = warm.getGraph()
    console.log(`warm start (graph available): ${fmt(warmMs)}  — parsed ${warmParsed}, reused ${warm.vault.stats.reused}, index ${fmt(warm.vault.stats.ms)}, graph ${warmGraph.nodes.length} nodes / ${warmGraph.edges.length} edges`)
    await warm.whenReady()
    const readyMs = ms(t0)
    console.log(`warm start, incremental builder complete (background): ${fmt(readyMs)}`)

    const target = gen.files[Math.floor(n / 2)]
    const abs = path.join(gen.dir, target)
    const original = readFileSync(abs, 'utf8')
    const times: number[] = []
    try {
      for (let k = 0; k < args.updates; k++) {
        appendFileSync(abs, `\nEdit ${k}: Amazon Kinesis Data Streams feeds AWS Glue here. #edited${k}\n`)
        t0 = performance.now()
        const change = await warm.update([target])
        warm.getGraph()
        times.push(ms(t0))
        if (!change) throw new Error('update produced no change')
      }
    } finally {
      writeFileSync(abs, original)
    }
    console.log(`one changed note → updated graph: median ${fmt(median(times))}, max ${fmt(Math.max(...times))} (${times.length} edits)`)
    await warm.close()
    return { notes: n, mb, bare, cold: coldMs, warm: warmMs, warmReady: readyMs, warmParsed, updateMedian: median(times), updateMax: Math.max(...times), coldWorkers }
  } finally {
    clearInterval(memTimer)
    sampleMem()
    rmSync(scratch, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  console.log(`# Notes Graph core benchmark — Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), pool ${defaultPoolSize()}`)
  const results: SizeResult[] = []
  for (const n of args.sizes) results.push(await runSize(args, n))
  const maxRssMb = process.resourceUsage().maxRSS / 1024
  const peakMb = Math.max(maxRssMb, peakHeap / 1048576)

  console.log('\n## Summary vs targets')
  console.log('| notes | MB | bare parse | cold index | speed-up (≥1.6×) | warm | warm/cold (≤5%) | warm, builder complete | update median / max (≤50 ms) |')
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  let ok = true
  for (const r of results) {
    const speed = r.bare / r.cold
    const warmPct = (r.warm / r.cold) * 100
    const big = r.notes >= 10000
    if (big) ok &&= speed >= 1.6 && warmPct <= 5 && r.updateMedian <= 50 && r.warmParsed === 0
    const mark = (pass: boolean) => (big ? (pass ? ' ✓' : ' ✗') : '')
    console.log(`| ${r.notes} | ${r.mb.toFixed(1)} | ${fmt(r.bare)} | ${fmt(r.cold)} | ${speed.toFixed(2)}×${mark(speed >= 1.6)} | ${fmt(r.warm)} | ${warmPct.toFixed(1)}%${mark(warmPct <= 5)} | ${fmt(r.warmReady)} | ${fmt(r.updateMedian)} / ${fmt(r.updateMax)}${mark(r.updateMedian <= 50)} |`)
  }
  const memOk = peakMb <= 1024
  ok &&= memOk
  console.log(`\npeak memory (max RSS, whole process incl. workers): ${peakMb.toFixed(0)} MB ${memOk ? '✓' : '✗'} (≤ 1024 MB)`)
  console.log(`core targets: ${ok ? 'all met' : 'NOT all met'} (targets apply to the 10k vault)`)

  const renderer = path.join(here, 'renderer.ts')
  if (!args.coreOnly && existsSync(renderer)) {
    console.log('\n# Renderer benchmark (bench/renderer.ts)')
    const r = spawnSync(process.execPath, [...process.execArgv, renderer, ...process.argv.slice(2)], { stdio: 'inherit' })
    if (r.status !== 0) process.exitCode = r.status ?? 1
  }
}

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? e.stack : String(e)}`)
  process.exitCode = 1
})
