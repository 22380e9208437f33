// `npx tsx bench/cli.ts [--runs 3] [--sizes 5000] [--parse-size 2000] [--only content|cache|parse]`: the command-line tool as a user meets it,
// each figure the whole process (start, index, output), from the built JavaScript (`npm run build` first;
// run-built.mjs builds when stale). Prints medians of --runs runs with their spread, and the load average.
//  1. warm `npm run --silent graph -- content` (and the built file without npm) against a bare `node -e 0`;
//  2. a synthetic folder with one --cache-dir: cold run (empty cache), then warm run (snapshot), per run;
//  3. a cold folder of --parse-size notes through the CLI against a single-thread bare parse of the same files.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateVault } from './generate'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name: string, def: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : def }
const runs = Number(arg('--runs', '3'))
const sizes = arg('--sizes', '5000').split(',').map(Number)
const parseSize = Number(arg('--parse-size', '2000'))
const benchDir = arg('--dir', path.join(os.tmpdir(), 'notes-graph-bench'))
/** one section only: content (1), cache (2) or parse (3) */
const only = arg('--only', '')
const section = (name: string) => only === '' || only === name

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)
const spread = (xs: number[]) => `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}, n=${xs.length})`
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ')

// CPU time of a whole process (user + system, all its threads and children), where GNU time is installed
const TIME = '/usr/bin/time'
const cpuOf = existsSync(TIME)
/** CPU times of the last `timed` calls, in order (ms) */
const cpuLog: number[] = []

/** Wall time of one whole process (its CPU time goes to cpuLog); throws when it fails. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const out = path.join(os.tmpdir(), `ng-cli-bench-time-${process.pid}`)
  const [c, a] = cpuOf ? [TIME, ['-o', out, '-f', '%U %S', cmd, ...args]] : [cmd, args]
  const t0 = performance.now()
  const r = spawnSync(c, a, { cwd: repo, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  const ms = performance.now() - t0
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`)
  if (cpuOf) {
    const [user, sys] = readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number)
    cpuLog.push(1000 * (user + sys))
    rmSync(out, { force: true })
  }
  return ms
}
/** the CPU time of the last timed process, as text */
const cpu = () => (cpuOf ? fmt(cpuLog[cpuLog.length - 1]) : '?')

const node = process.execPath
const cli = path.join(repo, 'scripts/run-built.mjs')
// build when stale, outside the timings
spawnSync(node, [cli, 'cli', '--help'], { cwd: repo, stdio: 'ignore' })

console.log(`## CLI (whole process, built JavaScript), load average ${load()}`)
if (section('content')) {
  const cache = mkdtempSync(path.join(os.tmpdir(), 'ng-cli-bench-'))
  try {
    const env = { ...process.env, XDG_CACHE_HOME: cache }
    timed(node, [cli, 'cli', 'content'], env) // cold: fills the cache
    const bare: number[] = []
    const npm: number[] = []
    const direct: number[] = []
    for (let i = 0; i < runs; i++) {
      bare.push(timed(node, ['-e', '0']))
      npm.push(timed('npm', ['run', '--silent', 'graph', '--', 'content'], env))
      direct.push(timed(node, [path.join(repo, 'out/main/cli.js'), 'content'], env))
    }
    console.log(`bare \`node -e 0\`: ${spread(bare)}`)
    console.log(`warm \`npm run --silent graph -- content\`: ${spread(npm)} = ${(median(npm) / median(bare)).toFixed(1)}× node -e 0 (target < 1 s)`)
    console.log(`warm \`node out/main/cli.js content\` (no npm): ${spread(direct)}; CPU of the last ${cpu()}`)
  } finally {
    rmSync(cache, { recursive: true, force: true })
  }
}

for (const n of section('cache') ? sizes : []) {
  const gen = generateVault(path.join(benchDir, String(n)), n)
  const cold: number[] = []
  const warm: number[] = []
  const coldCpu: number[] = []
  const warmCpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'ng-cli-bench-'))
    try {
      cold.push(timed(node, [cli, 'cli', gen.dir, '--cache-dir', cache]))
      coldCpu.push(cpuLog[cpuLog.length - 1])
      warm.push(timed(node, [cli, 'cli', gen.dir, '--cache-dir', cache]))
      warmCpu.push(cpuLog[cpuLog.length - 1])
    } finally {
      rmSync(cache, { recursive: true, force: true })
    }
  }
  const ratios = cold.map((c, i) => (100 * warm[i]) / c)
  console.log(`\n${n} notes, one --cache-dir (load average ${load()}): cold ${spread(cold)}; warm ${spread(warm)}; warm/cold per run ${ratios.map((r) => r.toFixed(1) + '%').join(', ')} (median ${median(ratios).toFixed(1)}%, target ≤ 5%)`)
  if (cpuOf) {
    const cpuRatios = coldCpu.map((c, i) => (100 * warmCpu[i]) / c)
    console.log(`  CPU (user + system, all threads): cold ${spread(coldCpu)}; warm ${spread(warmCpu)}; warm/cold per run ${cpuRatios.map((r) => r.toFixed(1) + '%').join(', ')}`)
  }
}

if (section('parse')) {
  const gen = generateVault(path.join(benchDir, String(parseSize)), parseSize)
  const state = mkdtempSync(path.join(os.tmpdir(), 'ng-cli-bench-'))
  const bare: number[] = []
  const cold: number[] = []
  const coldCpu: number[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(node, [...process.execArgv, path.join(repo, 'bench/phase.ts'), 'bare', gen.dir, state, '0'], { cwd: repo, encoding: 'utf8' })
      bare.push((JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { ms: number }).ms)
      cold.push(timed(node, [cli, 'cli', gen.dir, '--no-cache']))
      coldCpu.push(cpuLog[cpuLog.length - 1])
    }
  } finally {
    rmSync(state, { recursive: true, force: true })
  }
  const ratios = cold.map((c, i) => bare[i] / c)
  console.log(`\n${parseSize} notes cold through the CLI (--no-cache, whole process; load average ${load()}): ${spread(cold)}; single-thread bare parse ${spread(bare)}; bare / CLI per run ${ratios.map((r) => r.toFixed(2) + '×').join(', ')} (median ${median(ratios).toFixed(2)}×, target ≥ 1.2×)`)
  if (cpuOf) console.log(`  CLI CPU (user + system, all threads): ${spread(coldCpu)}`)
}
