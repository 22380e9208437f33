// Where a benchmark phase's CPU goes, per thread (Linux): runs `node --import tsx bench/phase.ts <args>` and
// samples /proc/<pid>/task/*/stat every 50 ms; prints the phase's own JSON line and each thread's CPU, grouped:
// main, V8 platform (GC helpers, concurrent compiler: the 4 threads started right after main), and the rest
// (worker threads, each with its own module-loader thread under tsx). Usage: npx tsx bench/threads.ts <phase args…>,
// or `npx tsx bench/threads.ts cli <dir> --no-cache` for the built command-line tool.
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const here = path.dirname(new URL(import.meta.url).pathname)
const flags = (process.env.THREADS_NODE_FLAGS ?? '').split(' ').filter(Boolean)
const [first, ...rest] = process.argv.slice(2)
// `cli <dir> [args]`: the built command-line tool (out/main/cli.js) instead of a phase
const args = first === 'cli' ? [path.join(here, '../out/main/cli.js'), ...rest] : ['--import', 'tsx', path.join(here, 'phase.ts'), first, ...rest]
const t0 = performance.now()
const child = spawn(process.execPath, [...flags, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
const pid = child.pid as number
const seen = new Map<number, number>()
function sample(): void {
  let tids: string[]
  try { tids = readdirSync(`/proc/${pid}/task`) } catch { return }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      seen.set(Number(tid), (Number(f[11]) + Number(f[12])) * 10)
    } catch { /* gone */ }
  }
}
const timer = setInterval(sample, 50)
let out = ''
child.stdout.on('data', (d: Buffer) => { out += d.toString() })
child.on('exit', () => {
  clearInterval(timer)
  const tids = [...seen.keys()].sort((a, b) => a - b)
  const main = seen.get(pid) ?? 0
  const platform = tids.filter((t) => t > pid).slice(0, 4).reduce((n, t) => n + (seen.get(t) ?? 0), 0)
  const rest = tids.filter((t) => t > pid).slice(4).map((t) => seen.get(t) ?? 0).filter((ms) => ms >= 20)
  console.log(first === 'cli' ? `cli wall ${Math.round(performance.now() - t0)} ms, ${out.length} bytes of output` : out.trim())
  console.log(JSON.stringify({ mainMs: main, v8PlatformMs: platform, otherThreadsMs: rest, totalMs: main + platform + rest.reduce((a, b) => a + b, 0) }))
})
