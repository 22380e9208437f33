// The synthetic 5,000-node / 20,000-edge graph (bench/renderer.ts measureSynthetic), A/B within one run: two web
// hosts on an empty folder, one serving a baseline renderer build (`--base DIR`: a copy of another commit with its
// renderer built into DIR/out/renderer), one this checkout's, take turns so both see the same machine load.
// Prints each run's first paint and longest task before it, and B ÷ A per run.
// `--trace`: the last run of each side traced; prints the main thread's long tasks from the synthetic load to the
// first paint, each with its busiest trace events and JS functions (self time; names readable with an unminified
// build, `--static DIR` for this side).
//   npx tsx bench/synth-ab.ts --base /tmp/synth-base [--runs 5] [--trace] [--static DIR]
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/browser'
import { measureSynthetic, type SynthRun } from './renderer'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

interface Host { name: string; url: string; stop(): void }

/** This checkout's web host on an empty folder, serving the renderer build in `staticDir`. */
function startHost(name: string, notes: string, stateDir: string, staticDir: string): Promise<Host> {
  const tsx = path.join(repo, 'node_modules/.bin/tsx')
  const child = spawn(tsx, [path.join(repo, 'electron/web/main.ts'), '--port', '0', '--notes', notes, '--state', stateDir, '--static', staticDir], {
    cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
  })
  let log = ''
  return new Promise((resolve, reject) => {
    const onData = (c: Buffer) => {
      log += c.toString()
      const m = /Notes Graph web host: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(log)
      if (m) resolve({ name, url: m[1], stop: () => child.kill('SIGTERM') })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (c: Buffer) => { log += c.toString() })
    child.once('exit', (code) => reject(new Error(`${name} host exited (${code}):\n${log}`)))
  })
}

type Ev = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; id?: string; args?: Record<string, unknown> }
interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }

/**
 * Main-thread CPU (trace `tdur`, less sensitive to load than wall time) from the synthetic load's start to the
 * first paint: the longest task's CPU and the sum over tasks.
 */
function cpuFigures(buf: Buffer, paintMs: number): { longestCpu: number; cpuToPaint: number } {
  const events = (JSON.parse(buf.toString('utf8')) as { traceEvents: Ev[] }).traceEvents
  const start = events.find((e) => e.name === 'notes-graph:bench-synth-start')
  if (!start) return { longestCpu: NaN, cpuToPaint: NaN }
  const end = start.ts + paintMs * 1000
  const tasks = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.name === 'RunTask' && e.ph === 'X' && e.ts + (e.dur ?? 0) >= start.ts && e.ts <= end)
  const cpu = tasks.map((e) => Number((e as { tdur?: number }).tdur ?? 0) / 1000)
  return { longestCpu: Math.max(0, ...cpu), cpuToPaint: cpu.reduce((a, b) => a + b, 0) }
}

/** The main thread's tasks over 50 ms from the synthetic load's start to the first paint, with what filled them. */
function longTasks(buf: Buffer, paintMs: number): string[] {
  const events = (JSON.parse(buf.toString('utf8')) as { traceEvents: Ev[] }).traceEvents
  const start = events.find((e) => e.name === 'notes-graph:bench-synth-start')
  if (!start) return ['(no start mark in the trace)']
  const key = `${start.pid}:${start.tid}`
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === key && e.ph === 'X' && e.dur !== undefined)
  const end = start.ts + paintMs * 1000
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur! > 50_000 && e.ts + e.dur! >= start.ts && e.ts <= end).sort((a, b) => a.ts - b.ts)
  // JS samples: the profile's nodes and sample times (ProfileChunk events of this thread's profile)
  const nodes = new Map<number, { frame: CallFrame; parent?: number }>()
  const samples: Array<{ ts: number; node: number }> = []
  const profile = events.find((e) => e.name === 'Profile' && e.pid === start.pid)
  let ts = Number((profile?.args?.data as { startTime?: number } | undefined)?.startTime ?? 0)
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== start.pid || e.id !== profile?.id) continue
    const d = (e.args?.data ?? {}) as { cpuProfile?: { nodes?: Array<{ id: number; callFrame: CallFrame; parent?: number }>; samples?: number[] }; timeDeltas?: number[] }
    for (const n of d.cpuProfile?.nodes ?? []) nodes.set(n.id, { frame: n.callFrame, parent: n.parent })
    const ss = d.cpuProfile?.samples ?? []
    ss.forEach((s, i) => { ts += d.timeDeltas?.[i] ?? 0; samples.push({ ts, node: s }) })
  }
  const name = (f: CallFrame) => `${f.functionName || '(anon)'} ${(f.url ?? '').replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`
  const rows = [`long tasks, synthetic load → first paint (${tasks.length}):`]
  for (const t of tasks) {
    const inside = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!)
    const ev = new Map<string, number>()
    for (const e of inside) if (!['FunctionCall', 'v8.run', 'V8.Execute'].includes(e.name)) ev.set(e.name, (ev.get(e.name) ?? 0) + e.dur!)
    const self = new Map<string, number>()
    const total = new Map<string, number>()
    const inT = samples.filter((s) => s.ts >= t.ts && s.ts <= t.ts + t.dur!)
    for (const [i, s] of inT.entries()) {
      const dt = i + 1 < inT.length ? inT[i + 1].ts - s.ts : 0
      const n = nodes.get(s.node)
      if (!n) continue
      self.set(name(n.frame), (self.get(name(n.frame)) ?? 0) + dt)
      const seen = new Set<string>()
      for (let cur: number | undefined = s.node; cur !== undefined; cur = nodes.get(cur)?.parent) {
        const k = name(nodes.get(cur)!.frame)
        if (seen.has(k)) continue
        seen.add(k)
        total.set(k, (total.get(k) ?? 0) + dt)
      }
    }
    const top = (m: Map<string, number>, n: number) => [...m].filter(([k]) => !/^\((root|program|idle)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `      ${(v / 1000).toFixed(1).padStart(6)} ms  ${k}`)
    rows.push(`  at +${((t.ts - start.ts) / 1000).toFixed(0)} ms: ${(t.dur! / 1000).toFixed(0)} ms`)
    rows.push('    trace events (total, nested ones counted in their parents too):', ...top(ev, 8))
    rows.push('    JS self:', ...top(self, 14), '    JS total:', ...top(total, 22))
  }
  return rows
}

async function main(): Promise<void> {
  const runs = Number(arg('--runs') ?? 5)
  const base = arg('--base')
  const trace = process.argv.includes('--trace')
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-ab-'))
  fs.mkdirSync(path.join(tmp, 'empty'))
  const hosts: Host[] = []
  const browser: Browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  try {
    if (base) hosts.push(await startHost('A (base)', path.join(tmp, 'empty'), path.join(tmp, 'a'), path.join(path.resolve(base), 'out/renderer')))
    hosts.push(await startHost('B (this)', path.join(tmp, 'empty'), path.join(tmp, 'b'), path.resolve(arg('--static') ?? path.join(repo, 'out/renderer'))))
    const res = new Map<string, Array<SynthRun & { longestCpu: number; cpuToPaint: number }>>(hosts.map((h) => [h.name, []]))
    const loads: number[] = []
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? hosts : [...hosts].reverse()
      const row: string[] = []
      for (const h of order) {
        let buf: Buffer | undefined
        const traced = trace && i === runs - 1
        // every run traced (the same overhead on both sides) for the CPU figures; JS samples only when asked
        const categories = ['toplevel', 'devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline', ...(traced ? ['v8.execute', 'disabled-by-default-v8.cpu_profiler'] : [])]
        const r = await measureSynthetic(browser, h.url, {
          beforeLoad: (page) => browser.startTracing(page, { categories }),
          afterLoad: async () => { buf = await browser.stopTracing() },
        })
        const c = cpuFigures(buf!, r.paint)
        res.get(h.name)!.push({ ...r, ...c })
        row.push(`${h.name[0]} paint ${r.paint.toFixed(0)} longest ${r.longest.toFixed(0)} (CPU ${c.longestCpu.toFixed(0)}, to paint ${c.cpuToPaint.toFixed(0)}) all drawn ${r.allDrawn.toFixed(0)}`)
        if (buf && traced) {
          const file = path.join(os.tmpdir(), `synth-trace-${h.name[0]}.json`)
          fs.writeFileSync(file, buf)
          console.log(`\n${h.name}, traced run (${file}):`)
          for (const line of longTasks(buf, r.paint)) console.log(line)
        }
      }
      loads.push(os.loadavg()[0])
      console.log(`run ${i + 1} (load ${os.loadavg()[0].toFixed(1)}): ${row.join(' | ')}`)
    }
    const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2 }
    const f = (xs: number[], d = 0) => `${median(xs).toFixed(d)} (${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)})`
    console.log(`\nload average (1 min) over the runs: ${f(loads, 1)}; median (min–max) of ${runs} interleaved runs each`)
    for (const h of hosts) {
      const rs = res.get(h.name)!
      console.log(`${h.name}: first paint ${f(rs.map((r) => r.paint))} ms, longest task before it ${f(rs.map((r) => r.longest))} ms (CPU ${f(rs.map((r) => r.longestCpu))}), main-thread CPU to paint ${f(rs.map((r) => r.cpuToPaint))} ms, all drawn ${f(rs.map((r) => r.allDrawn))} ms, longest overall ${f(rs.map((r) => r.longestOverall))} ms`)
    }
    if (hosts.length === 2) {
      const [a, b] = hosts.map((h) => res.get(h.name)!)
      const ratio = (k: 'paint' | 'longest' | 'longestCpu' | 'cpuToPaint') => a.map((r, i) => b[i][k] / r[k])
      const show = (k: 'paint' | 'longest' | 'longestCpu' | 'cpuToPaint') => `${ratio(k).map((x) => x.toFixed(2)).join(' ')} → ${f(ratio(k), 2)}`
      console.log(`B ÷ A per run: first paint ${show('paint')}; longest task ${show('longest')}; longest task CPU ${show('longestCpu')}; CPU to paint ${show('cpuToPaint')}`)
    }
  } finally {
    await browser.close()
    for (const h of hosts) h.stop()
    setTimeout(() => fs.rmSync(tmp, { recursive: true, force: true }), 2000)
  }
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1 })
