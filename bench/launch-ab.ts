// Cold launch of the bundled notes, A/B within one run: two web hosts (this checkout and a baseline copy with
// its own built renderer) take turns, so both see the same machine load. Also prints where one cold start's
// time went: the page's network timeline (HTML, each chunk, each API call) and the launch marks, and with
// `--trace` the main thread's self time by trace event (script compile/run, style, layout, paint, GC…).
//   npx tsx bench/launch-ab.ts --base /tmp/launch-base [--runs 5] [--trace]
// The baseline is a copy of another commit (git archive … | tar -x -C DIR, node_modules linked, renderer built
// into DIR/out/renderer). Without --base only this checkout is measured (the timeline is still printed).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/browser'
import { launchFramesPainted, recordLaunchFrames } from './launch-frames'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

interface Host { name: string; url: string; origin: string; auth: string; stop(): void }

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

/** The web host of checkout `dir` (its own electron/web/main.ts and out/renderer) on the bundled notes. */
function startHost(name: string, dir: string, stateDir: string, staticDir = path.join(dir, 'out/renderer')): Promise<Host> {
  const tsx = path.join(repo, 'node_modules/.bin/tsx')
  const child = spawn(tsx, [path.join(dir, 'electron/web/main.ts'), '--port', '0', '--notes', path.join(repo, 'content'), '--state', stateDir, '--static', staticDir], {
    cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
  })
  let log = ''
  return new Promise((resolve, reject) => {
    const onData = (c: Buffer) => {
      log += c.toString()
      const m = /Notes Graph web host: ((http:\/\/127\.0\.0\.1:\d+\/)\?token=([\w-]+))/.exec(log)
      if (m) resolve({ name, url: m[1], origin: m[2], auth: `Bearer ${m[3]}`, stop: () => child.kill('SIGTERM') })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (c: Buffer) => { log += c.toString() })
    child.once('exit', (code) => reject(new Error(`${name} host exited (${code}):\n${log}`)))
  })
}

async function call(host: Host, method: string, args: unknown[]): Promise<number> {
  const t0 = performance.now()
  const res = await fetch(`${host.origin}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: host.auth }, body: JSON.stringify(args) })
  await res.arrayBuffer()
  if (!res.ok) throw new Error(`${method}: ${res.status}`)
  return performance.now() - t0
}

/** Waits until the host has finished indexing (getGraph not partial). */
async function ready(host: Host): Promise<void> {
  for (;;) {
    const res = await fetch(`${host.origin}api/getGraph`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: host.auth }, body: '[]' })
    const g = (await res.json()) as { partial?: boolean }
    if (!g.partial) return
    await new Promise((r) => setTimeout(r, 300))
  }
}

/** `before`: the launch task's start (`phase:launch`): what runs before the graph is added (entry, app chunks, React's first render, the shell's frame) */
interface Run { interactive: number; settled: number; cpu: number; before: number; timeline: string[] }

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Self and total time per function (name, file:line) of a CPU profile. */
function profileSummary(p: Profile): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000
    const n = byId.get(id)!
    self.set(key(n), (self.get(key(n)) ?? 0) + dt)
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!)
      if (seen.has(k)) continue
      seen.add(k)
      total.set(k, (total.get(k) ?? 0) + dt)
    }
  })
  const top = (m: Map<string, number>, n: number) => [...m.entries()].filter(([k]) => !/^\((idle|root|program)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ms  ${k}`)
  return ['self time:', ...top(self, 30), 'total time:', ...top(total, 45), `(idle) ${(self.get('(idle) :0') ?? 0).toFixed(0)} ms, (program) ${(self.get('(program) :0') ?? 0).toFixed(0)} ms, GC ${(self.get('(garbage collector) :0') ?? 0).toFixed(0)} ms`]
}

async function coldStart(browser: Browser, host: Host, trace: boolean, profile = false): Promise<Run & { traceBuf?: Buffer; profile?: Profile }> {
  await call(host, 'setViewState', [{}])
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page: Page = await context.newPage()
  await recordLaunchFrames(page, { longTasks: true })
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  if (profile) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 250 }); await cdp.send('Profiler.start') }
  if (trace) await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'disabled-by-default-v8.cpu_profiler'] })
  await page.goto(host.url)
  await launchFramesPainted(cdp)
  const { metrics } = await cdp.send('Performance.getMetrics')
  const traceBuf = trace ? await browser.stopTracing() : undefined
  const prof = profile ? ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile : undefined
  const info = await page.evaluate(() => {
    const w = window as unknown as { __frames: Record<string, number>; __long: Array<[number, number]> }
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
    const rows: Array<[number, string]> = []
    const ms = (x: number) => x.toFixed(0).padStart(5)
    rows.push([nav.responseStart, `${ms(nav.requestStart)} → ${ms(nav.responseStart)} → ${ms(nav.responseEnd)}  page HTML`])
    rows.push([nav.domContentLoadedEventEnd, `${ms(nav.domContentLoadedEventEnd)}  DOMContentLoaded`])
    for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      const name = r.name.replace(location.origin, '').replace(/-[\w-]{8}\.(js|css)$/, '.$1')
      rows.push([r.startTime, `${ms(r.startTime)} → ${ms(r.responseStart)} → ${ms(r.responseEnd)}  ${name} (${(r.encodedBodySize / 1024).toFixed(0)} KB)`])
    }
    for (const m of performance.getEntriesByType('mark')) rows.push([m.startTime, `${ms(m.startTime)}  mark ${m.name}`])
    for (const [k, v] of Object.entries(w.__frames)) rows.push([v, `${ms(v)}  frame after ${k}`])
    for (const [s, d] of w.__long) rows.push([s, `${ms(s)} … ${ms(s + d)}  long task ${d.toFixed(0)} ms`])
    rows.sort((a, b) => a[0] - b[0])
    const before = performance.getEntriesByName('notes-graph:phase:launch')[0]?.startTime ?? NaN
    return { frames: w.__frames, before, timeline: rows.map((r) => r[1]) }
  })
  await context.close()
  const cpu = (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000
  return { interactive: info.frames.interactive, settled: info.frames.settled, cpu, before: info.before, timeline: info.timeline, traceBuf, profile: prof }
}

/** Main-thread self time by trace event name, from navigation to the end of the trace. */
function traceSummary(buf: Buffer): string[] {
  const events = (JSON.parse(buf.toString('utf8')) as { traceEvents: Array<{ name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: { url?: string } } }> }).traceEvents
  // the page's renderer main thread: the busiest CrRendererMain (others are blank pages)
  const busy = new Map<string, number>()
  for (const e of events) if (e.ph === 'X' && e.dur !== undefined) busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur)
  const main = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').sort((a, b) => (busy.get(`${b.pid}:${b.tid}`) ?? 0) - (busy.get(`${a.pid}:${a.tid}`) ?? 0))[0]
  if (!main) return ['(no renderer main thread in the trace)']
  const xs = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  const self = new Map<string, number>()
  const stack: Array<{ e: (typeof xs)[number]; child: number }> = []
  const close = (upTo: number) => {
    while (stack.length > 0 && stack[stack.length - 1].e.ts + stack[stack.length - 1].e.dur! <= upTo) {
      const top = stack.pop()!
      const name = top.e.name === 'EvaluateScript' || top.e.name === 'v8.compile' ? `${top.e.name} ${(top.e.args?.data?.url ?? '').replace(/^.*\//, '')}` : top.e.name
      self.set(name, (self.get(name) ?? 0) + top.e.dur! - top.child)
      if (stack.length > 0) stack[stack.length - 1].child += top.e.dur!
    }
  }
  for (const e of xs) { close(e.ts); stack.push({ e, child: 0 }) }
  close(Infinity)
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  return [`main thread busy ${(total / 1000).toFixed(0)} ms; self time by event:`, ...[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 22).map(([n, t]) => `  ${(t / 1000).toFixed(1).padStart(7)} ms  ${n}`)]
}

/**
 * Where one cold start's time went, phase by phase (the app's `notes-graph:phase:*` marks, then the frames):
 * wall time, the page's main thread busy, and the page's other threads (script compile, raster) busy; then
 * the busiest threads of every process in the same window (the browser's own pages compete for the 2 cores).
 */
function phaseSummary(buf: Buffer): string[] {
  type Ev = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } }
  const events = (JSON.parse(buf.toString('utf8')) as { traceEvents: Ev[] }).traceEvents
  const threadName = new Map<string, string>()
  const procName = new Map<number, string>()
  const spans = new Map<string, Ev[]>()
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`
    if (e.ph === 'M' && e.name === 'thread_name') threadName.set(k, e.args?.name ?? '')
    if (e.ph === 'M' && e.name === 'process_name') procName.set(e.pid, e.args?.name ?? '')
    if (e.ph === 'X' && e.dur) { if (!spans.has(k)) spans.set(k, []); spans.get(k)!.push(e) }
  }
  const sum = (xs: Ev[] = []) => xs.reduce((a, e) => a + e.dur!, 0)
  const main = [...threadName].filter(([, n]) => n === 'CrRendererMain').sort((a, b) => sum(spans.get(b[0])) - sum(spans.get(a[0])))[0]?.[0]
  if (!main) return []
  const pid = Number(main.split(':')[0])
  const t0 = events.filter((e) => e.pid === pid && e.name === 'navigationStart').sort((a, b) => a.ts - b.ts)[0]?.ts
  if (t0 === undefined) return []
  /** time in [a, b) covered by a thread's outermost spans */
  const busy = (k: string, a: number, b: number) => {
    let s = 0
    let end = a
    for (const e of [...(spans.get(k) ?? [])].sort((x, y) => x.ts - y.ts)) {
      const x = Math.max(e.ts, end)
      const y = Math.min(e.ts + e.dur!, b)
      if (y > x) { s += y - x; end = y }
    }
    return s / 1000
  }
  const others = [...threadName.keys()].filter((k) => k.startsWith(`${pid}:`) && k !== main)
  const marks = events.filter((e) => e.pid === pid && /^notes-graph:(phase:|interactive|settled)/.test(e.name) && e.ph !== 'e').sort((a, b) => a.ts - b.ts)
  const inter = marks.find((m) => m.name === 'notes-graph:interactive')
  // one FireAnimationFrame per callback: a frame's callbacks run back to back, the next frame's come after a gap
  const frames: Ev[] = []
  let frameEnd = -Infinity
  for (const e of inter ? events.filter((x) => `${x.pid}:${x.tid}` === main && x.name === 'FireAnimationFrame' && x.ts > inter.ts).sort((a, b) => a.ts - b.ts) : []) {
    if (e.ts > frameEnd + 2000) frames.push(e)
    frameEnd = Math.max(frameEnd, e.ts + (e.dur ?? 0))
  }
  const points = [...marks.map((m) => ({ name: m.name.replace('notes-graph:', ''), ts: m.ts })), ...frames.slice(0, 2).map((f, i) => ({ name: i === 0 ? 'first frame after the launch (rAF starts)' : 'next frame (rAF starts)', ts: f.ts }))]
  const rows = ['phases (ms from navigation: + wall since the previous one, page main thread busy, page other threads busy):']
  let prev = t0
  for (const p of points) {
    rows.push(`  ${((p.ts - t0) / 1000).toFixed(0).padStart(6)}  +${((p.ts - prev) / 1000).toFixed(0).padStart(5)}  main ${busy(main, prev, p.ts).toFixed(0).padStart(5)}  other ${others.reduce((a, k) => a + busy(k, prev, p.ts), 0).toFixed(0).padStart(5)}  ${p.name}`)
    prev = p.ts
  }
  const end = points.at(-1)?.ts ?? t0
  const top = [...spans.keys()].map((k) => [k, busy(k, t0, end)] as const).filter(([, v]) => v > 20).sort((a, b) => b[1] - a[1]).slice(0, 8)
  rows.push('  busiest threads, navigation → last row: ' + top.map(([k, v]) => `${procName.get(Number(k.split(':')[0])) ?? k}/${threadName.get(k) ?? k} ${v.toFixed(0)} ms`).join(', '))
  return rows
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2 }
const fmt = (xs: number[]) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`

async function main(): Promise<void> {
  const runs = Number(arg('--runs') ?? 5)
  const base = arg('--base')
  const trace = process.argv.includes('--trace')
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-ab-'))
  const hosts: Host[] = []
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  try {
    if (base) hosts.push(await startHost('A (base)', path.resolve(base), path.join(tmp, 'a')))
    // `--static DIR`: this checkout's host serving another build (e.g. an unminified one for --profile)
    hosts.push(await startHost('B (this)', repo, path.join(tmp, 'b'), arg('--static') && path.resolve(arg('--static')!)))
    for (const h of hosts) await ready(h)
    // the host's side: each launch call's first and later answer times, seen from outside the page
    for (const h of hosts) {
      const row: string[] = []
      for (const m of ['getGraph', 'getFolder', 'getViewState', 'getSettings']) row.push(`${m} ${(await call(h, m, [])).toFixed(0)}/${(await call(h, m, [])).toFixed(0)} ms`)
      console.log(`${h.name} host answers (1st/2nd): ${row.join(', ')}`)
    }
    const load0 = os.loadavg()
    const res = new Map<string, Run[]>(hosts.map((h) => [h.name, []]))
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? hosts : [...hosts].reverse()
      for (const h of order) {
        const r = await coldStart(browser, h, trace && i === runs - 1, process.argv.includes('--profile') && i === runs - 1)
        res.get(h.name)!.push(r)
        if (i === runs - 1) {
          console.log(`\n${h.name}, last cold start (ms from navigation; start → first byte → end):`)
          for (const line of r.timeline) console.log(`  ${line}`)
          if (r.profile) {
            for (const line of profileSummary(r.profile)) console.log(`  ${line}`)
            fs.writeFileSync(path.join(os.tmpdir(), `launch-profile-${h.name[0]}.json`), JSON.stringify(r.profile))
          }
          if (r.traceBuf) {
            const file = path.join(os.tmpdir(), `launch-trace-${h.name[0]}.json`)
            fs.writeFileSync(file, r.traceBuf)
            for (const line of [...phaseSummary(r.traceBuf), ...traceSummary(r.traceBuf)]) console.log(`  ${line}`)
            console.log(`  (trace: ${file})`)
          }
        }
      }
    }
    const load1 = os.loadavg()
    console.log(`\nload average ${load0.map((x) => x.toFixed(1)).join(' / ')} → ${load1.map((x) => x.toFixed(1)).join(' / ')}; ${runs} interleaved cold starts each; median (min–max) ms`)
    for (const h of hosts) {
      const rs = res.get(h.name)!
      console.log(`${h.name}: interactive ${fmt(rs.map((r) => r.interactive))}, settled ${fmt(rs.map((r) => r.settled))}, main-thread CPU ${fmt(rs.map((r) => r.cpu))}, launch task starts ${fmt(rs.map((r) => r.before))}`)
    }
    if (hosts.length === 2) {
      const [a, b] = hosts.map((h) => res.get(h.name)!)
      const ratio = (k: keyof Run) => a.map((r, i) => (b[i][k] as number) / (r[k] as number))
      const f = (xs: number[]) => `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`
      console.log(`B ÷ A per run: interactive ${f(ratio('interactive'))}, settled ${f(ratio('settled'))}, CPU ${f(ratio('cpu'))}, launch task starts ${f(ratio('before'))}`)
    }
  } finally {
    await browser.close()
    for (const h of hosts) h.stop()
    setTimeout(() => fs.rmSync(tmp, { recursive: true, force: true }), 2000)
  }
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1 })
