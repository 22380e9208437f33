// Renderer figures in Chromium against the web host (run by `npm run bench`, or alone: `tsx bench/renderer.ts`):
//   1. bundled notes: launch → interactive graph and → settled readable view, cold and warm, with the
//      main-thread CPU time (5 runs by default, `--runs N`)
//   2. click → note rendered, p50/p95 over 50 nodes in each run
//   3. synthetic 5,000-node / 20,000-edge graph with cached positions: first paint, longest main-thread task
//      (3 runs, `--synth-runs N`)
// Prints each figure as the median of its runs with the min–max spread and the load average (figures, not
// pass/fail), and writes them into BENCHMARKS.md (renderer section) unless `--only launch|synth`.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/browser'
import { startWebHost, type RunningHost } from '../tests/e2e/webHost'
import { launchFramesPainted, recordLaunchFrames } from './launch-frames'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** One figure over several runs: the median with its spread. */
export interface Spread { median: number; min: number; max: number; runs: number }

export interface RendererFigures {
  /** bundled notes, fresh view state and browser cache: navigation → first frame after the graph is clickable */
  launchCold: Spread
  /** same run: navigation → first frame after `data-layout="settled"` (the readable default view) */
  settledCold: Spread
  /** same run: main-thread CPU time from navigation to that frame (steadier than wall time on a busy machine) */
  cpuToSettledCold: Spread
  /** the same page loaded again (HTTP cache warm): navigation → first frame after clickable / settled */
  launchWarm: Spread
  settledWarm: Spread
  /** within each run: settled ÷ interactive (cold), warm ÷ cold (interactive) */
  settledOverInteractive: Spread
  warmOverCold: Spread
  /** click → note rendered, per run the p50 and p95 over `clicks` nodes */
  clickP50: Spread
  clickP95: Spread
  clicks: number
  synthNodes: number
  synthEdges: number
  synthPaint: Spread
  synthLongestTask: Spread
  synthLongTasks: number
  /** every edge added and drawn (the edges follow the first paint) */
  synthAllDrawn: Spread
  /** longest main-thread task from the start until everything is drawn */
  synthLongestOverall: Spread
  loadStart: number[]
  loadEnd: number[]
}

const TARGETS = { launch: 1000, settled: 1500, clickP95: 100, synthPaint: 1500, longTask: 200 }
const sorted = (xs: number[]) => [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
const median = (xs: number[]) => { const s = sorted(xs); return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2 }
const pct = (xs: number[], p: number) => { const s = sorted(xs); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN }
export function spread(xs: number[]): Spread {
  const s = sorted(xs)
  return { median: median(s), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, runs: s.length }
}
const NONE: Spread = { median: NaN, min: NaN, max: NaN, runs: 0 }

/** `--runs N` (launch and clicks; ≥ 5 by default), `--synth-runs N` (3 by default). */
function intArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name)
  const n = i >= 0 ? Number(process.argv[i + 1]) : NaN
  return Number.isInteger(n) && n > 0 ? n : fallback
}

async function post(host: RunningHost, method: string, args: unknown[]): Promise<void> {
  const res = await fetch(`${host.origin}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: host.authorization }, body: JSON.stringify(args) })
  if (!res.ok) throw new Error(`${method}: ${res.status}`)
}

/** The host has read every note (the launch figures are for a host already running with its index ready). */
async function whenIndexed(host: RunningHost): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 120_000;) {
    const res = await fetch(`${host.origin}api/getGraph`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: host.authorization }, body: '[]' })
    if (res.ok && !((await res.json()) as { partial?: boolean }).partial) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('the web host did not finish indexing the bundled notes within 2 minutes')
}

/** A fresh page (its own context: empty HTTP cache) recording the launch marks' first painted frames. */
async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await recordLaunchFrames(page)
  return page
}

interface LaunchRun { interactive: number; settled: number; cpu: number }

/** Navigation → the first frames painted after the graph became interactive and after it settled. */
async function launch(page: Page, url: string): Promise<LaunchRun> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  await page.goto(url)
  await launchFramesPainted(cdp)
  const { metrics } = await cdp.send('Performance.getMetrics')
  const frames = await page.evaluate(() => (window as unknown as { __frames: Record<string, number> }).__frames)
  await cdp.detach()
  // ThreadTime: CPU seconds of the page's main thread so far (Chromium's Performance domain)
  const cpu = (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000
  return { interactive: frames.interactive, settled: frames.settled, cpu }
}

interface LaunchFigures { cold: LaunchRun[]; warm: LaunchRun[]; clicks: number[][] }

/** `runs` times: a cold start (fresh view state and cache), then the same page again (warm), then the clicks. */
async function measureLaunch(browser: Browser, host: RunningHost, runs: number, clicks: number): Promise<LaunchFigures> {
  const out: LaunchFigures = { cold: [], warm: [], clicks: [] }
  for (let i = 0; i < runs; i++) {
    await post(host, 'setViewState', [{}])
    const page = await newPage(browser)
    try {
      out.cold.push(await launch(page, host.url))
      out.warm.push(await launch(page, host.url))
      if (clicks > 0) out.clicks.push(await measureClicks(page, clicks))
    } finally {
      await page.close()
    }
  }
  return out
}

async function measureClicks(page: Page, count: number): Promise<number[]> {
  await page.waitForTimeout(500)
  const r = await page.evaluate(async (n) => {
    const cy = window.cy!
    const frame = () => new Promise((r) => requestAnimationFrame(r))
    const candidates = cy.nodes('[type = "service"], [type = "concept"], [type = "note"]').sort((a, b) => b.degree(false) - a.degree(false))
    const step = Math.max(1, Math.floor(candidates.length / n))
    const picks = candidates.filter((_node, i) => i % step === 0).slice(0, n)
    const times: number[] = []
    const slow: Array<[number, string]> = []
    for (const node of picks.toArray()) {
      const label = node.data('label') as string
      const t0 = performance.now()
      node.emit('tap')
      for (;;) {
        await frame()
        const title = document.querySelector('[aria-label="Note"] .note-heading h2')?.textContent
        const body = document.querySelector('[aria-label="Note"] .markdown > *')
        if (title === label && body) break
        if (performance.now() - t0 > 10_000) throw new Error(`note for ${node.id()} did not render`)
      }
      times.push(performance.now() - t0)
      slow.push([performance.now() - t0, node.id()])
      await new Promise((r) => setTimeout(r, 30))
    }
    return { times, slowest: slow.sort((a, b) => b[0] - a[0]).slice(0, 5).map(([t, what]) => `${t.toFixed(0)} ms ${what}`) }
  }, count)
  if (process.argv.includes('--slow-clicks')) console.log(`slowest clicks: ${r.slowest.join(', ')}`)
  return r.times
}

export interface SynthRun { nodes: number; edges: number; paint: number; allDrawn: number; longest: number; longestOverall: number; count: number }

/** `beforeLoad` runs on the page just before the graph is handed over (a trace starts there, see synth-ab.ts). */
export async function measureSynthetic(browser: Browser, url: string, hooks: { beforeLoad?(page: Page): Promise<void>; afterLoad?(page: Page): Promise<void> } = {}): Promise<SynthRun> {
  const page = await newPage(browser)
  await page.goto(`${url}&bench`) // url carries ?token=…; the host keeps ?bench when it drops the token
  await page.waitForFunction(() => typeof (window as unknown as { __loadSyntheticGraph?: unknown }).__loadSyntheticGraph === 'function' && window.cy !== undefined)
  await page.waitForTimeout(1000)
  await hooks.beforeLoad?.(page)
  const r = await page.evaluate(async ({ N, E }) => {
    // deterministic synthetic graph: clusters of notes with their services/concepts, positions on a disc per cluster
    let seed = 42
    const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296)
    const types = ['note', 'service', 'concept'] as const
    const nodes = Array.from({ length: N }, (_, i) => ({ id: `n${i}`, type: types[i % 3], label: `${types[i % 3]} ${i}`, domain: `D${(i % 4) + 1}` }))
    const clusters = 60
    const positions: Record<string, { x: number; y: number }> = {}
    nodes.forEach((n, i) => {
      const c = i % clusters
      const cx = Math.cos((c / clusters) * Math.PI * 2) * 3000 * (0.4 + (c % 5) / 6)
      const cy = Math.sin((c / clusters) * Math.PI * 2) * 3000 * (0.4 + (c % 5) / 6)
      const a = rnd() * Math.PI * 2
      const d = Math.sqrt(rnd()) * 260
      positions[n.id] = { x: cx + Math.cos(a) * d, y: cy + Math.sin(a) * d }
    })
    const edges = []
    const seen = new Set<string>()
    while (edges.length < E) {
      const s = Math.floor(rnd() * N)
      // mostly within the cluster, sometimes across
      const t = rnd() < 0.85 ? (s + clusters * (1 + Math.floor(rnd() * 8))) % N : Math.floor(rnd() * N)
      if (s === t) continue
      const id = `e${s}-${t}`
      if (seen.has(id)) continue
      seen.add(id)
      edges.push({ id, source: `n${s}`, target: `n${t}`, type: 'mentions' as const, weight: 1 })
    }
    const graph = { nodes, edges, diagnostics: [] }

    const tasks: Array<{ start: number; duration: number }> = []
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration })
    })
    observer.observe({ type: 'longtask' })
    performance.clearMarks('notes-graph:interactive')
    performance.clearMarks('notes-graph:loaded')
    await new Promise((res) => setTimeout(res, 50))
    const t0 = performance.now()
    performance.mark('notes-graph:bench-synth-start')
    ;(window as unknown as { __loadSyntheticGraph(g: unknown, p: unknown): void }).__loadSyntheticGraph(graph, positions)
    while (performance.getEntriesByName('notes-graph:interactive').length === 0) await new Promise((res) => setTimeout(res, 5))
    await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)))
    const paint = performance.now() - t0
    // a big graph's edges come after the first paint: wait until they are in and drawn too
    const started = performance.now()
    while (performance.getEntriesByName('notes-graph:loaded').length === 0 && performance.now() - started < 60_000) await new Promise((res) => setTimeout(res, 5))
    await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)))
    const allDrawn = performance.now() - t0
    await new Promise((res) => setTimeout(res, 300)) // let the observer deliver the last entries
    observer.disconnect()
    const mine = tasks.filter((t) => t.start >= t0 - 1)
    return {
      nodes: window.cy!.nodes().length,
      edges: window.cy!.edges().length,
      paint,
      allDrawn,
      longest: Math.max(0, ...mine.filter((t) => t.start <= t0 + paint).map((t) => t.duration)),
      longestOverall: Math.max(0, ...mine.filter((t) => t.start <= t0 + allDrawn).map((t) => t.duration)),
      count: mine.filter((t) => t.start <= t0 + paint).length,
    }
  }, { N: 5000, E: 20000 })
  await hooks.afterLoad?.(page)
  await page.close()
  return r
}

function report(f: RendererFigures): string {
  const fmt = (x: number) => (!Number.isFinite(x) ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`)
  const cell = (sp: Spread, unit: (x: number) => string = fmt) => sp.runs === 0 ? '— | — | 0' : `${unit(sp.median)} | ${unit(sp.min)}–${unit(sp.max)} | ${sp.runs}`
  const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—')
  const rows: Array<[string, string, string]> = [
    ['bundled notes, cold: launch → interactive graph (first frame after it)', cell(f.launchCold), `≤ ${fmt(TARGETS.launch)}`],
    ['same run: launch → readable default view settled (`data-layout="settled"`, first frame after it)', cell(f.settledCold), `≤ ${fmt(TARGETS.settled)}`],
    ['same run: main-thread CPU time, launch → settled frame', cell(f.cpuToSettledCold), '—'],
    ['same run: settled ÷ interactive', cell(f.settledOverInteractive, ratio), '—'],
    ['bundled notes, warm (same page again, HTTP cache warm): launch → interactive', cell(f.launchWarm), `≤ ${fmt(TARGETS.launch)}`],
    ['same: launch → settled', cell(f.settledWarm), '—'],
    ['warm ÷ cold (interactive, same run)', cell(f.warmOverCold, ratio), '—'],
    [`click → note rendered, p95 over ${f.clicks} nodes per run`, cell(f.clickP95), `≤ ${fmt(TARGETS.clickP95)}`],
    ['same: p50', cell(f.clickP50), '—'],
    [`synthetic ${f.synthNodes} nodes / ${f.synthEdges} edges, cached positions: first paint (all nodes placed, hubs labelled, clickable)`, cell(f.synthPaint), `≤ ${fmt(TARGETS.synthPaint)}`],
    [`same: longest main-thread task until the first paint (last run: ${f.synthLongTasks} tasks > 50 ms)`, cell(f.synthLongestTask), `≤ ${fmt(TARGETS.longTask)}`],
    [`same: all ${f.synthEdges} edges added and drawn`, cell(f.synthAllDrawn), '—'],
    ['same: longest task until everything is drawn (one full canvas frame of all elements)', cell(f.synthLongestOverall), '—'],
  ]
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ')
  return [
    `Load average (1 / 5 / 15 min): ${load(f.loadStart)} at the start, ${load(f.loadEnd)} at the end.`,
    '',
    '| figure | median | min–max | runs | target |',
    '|---|---:|---:|---:|---:|',
    ...rows.map(([name, c, t]) => `| ${name} | ${c} | ${t} |`),
  ].join('\n')
}

function writeBenchmarksMd(table: string, browserPath: string): void {
  const file = path.join(repo, 'BENCHMARKS.md')
  const start = '<!-- renderer-bench:start -->'
  const end = '<!-- renderer-bench:end -->'
  const section = [
    start,
    '## Renderer (bench/renderer.ts)',
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ` +
      `headless Chromium (${browserPath}) with --disable-gpu against the web host, 1400×900. Every figure is the median of its runs ` +
      'with the min–max spread; ratios are taken within each run. Launch figures are navigation start → the first frame painted ' +
      'after the mark (interactive: the graph clickable; settled: the readable default view, `data-layout="settled"`); cold is a ' +
      'fresh view state and browser cache, warm the same page loaded again. A graph that fits one task (≤ 5,000 elements) is added ' +
      'at once with its view\'s placement and classes, the edges the view hides after the first frame; bigger ones come in ≤ 40 ms ' +
      'slices (nodes, then edges). Clicks are Cytoscape taps timed to the first frame with the note in the panel. Other sessions ' +
      'share the 2 cores: read the load average before comparing runs; the CPU-time row moves least with it.',
    '',
    table,
    end,
  ].join('\n')
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n'
  const a = text.indexOf(start)
  const b = text.indexOf(end)
  if (a >= 0 && b > a) text = `${text.slice(0, a)}${section}${text.slice(b + end.length)}`
  else text = `${text.trimEnd()}\n\n${section}\n`
  fs.writeFileSync(`${file}.tmp`, text)
  fs.renameSync(`${file}.tmp`, file)
}

export async function runRendererBench(opts: { write?: boolean } = {}): Promise<RendererFigures> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('no Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH')
  // @ts-expect-error plain ESM helper shared with scripts/web.mjs (no type declarations)
  const { ensureRendererBuilt } = (await import('../scripts/build-renderer.mjs')) as { ensureRendererBuilt(o?: { log?: (m: string) => void }): Promise<boolean> }
  await ensureRendererBuilt({ log: (m: string) => console.log(m) })

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-graph-rbench-'))
  const empty = path.join(tmp, 'empty')
  fs.mkdirSync(empty)
  const hosts: RunningHost[] = []
  let browser: Browser | null = null
  try {
    const bundled = await startWebHost({ notes: path.join(repo, 'content'), stateDir: path.join(tmp, 'state-a') })
    hosts.push(bundled)
    await whenIndexed(bundled)
    const synthetic = await startWebHost({ notes: empty, stateDir: path.join(tmp, 'state-b') })
    hosts.push(synthetic)
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })

    // `--only synth|launch` (quick checks while tuning; nothing is written then); `--runs N`, `--synth-runs N`
    const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined
    if (only) opts.write = false
    const runs = intArg('--runs', 5)
    const loadStart = os.loadavg()
    const l = only === 'synth' ? { cold: [], warm: [], clicks: [] } : await measureLaunch(browser, bundled, runs, 50)
    const synth: SynthRun[] = []
    if (only !== 'launch') for (let i = 0, n = intArg('--synth-runs', 3); i < n; i++) synth.push(await measureSynthetic(browser, synthetic.url))
    const last = synth[synth.length - 1]
    const figures: RendererFigures = {
      launchCold: spread(l.cold.map((r) => r.interactive)),
      settledCold: spread(l.cold.map((r) => r.settled)),
      cpuToSettledCold: spread(l.cold.map((r) => r.cpu)),
      launchWarm: spread(l.warm.map((r) => r.interactive)),
      settledWarm: spread(l.warm.map((r) => r.settled)),
      settledOverInteractive: spread(l.cold.map((r) => r.settled / r.interactive)),
      warmOverCold: spread(l.warm.map((r, i) => r.interactive / l.cold[i].interactive)),
      clickP50: l.clicks.length ? spread(l.clicks.map((c) => median(c))) : NONE,
      clickP95: l.clicks.length ? spread(l.clicks.map((c) => pct(c, 95))) : NONE,
      clicks: l.clicks[0]?.length ?? 0,
      synthNodes: last?.nodes ?? 0,
      synthEdges: last?.edges ?? 0,
      synthPaint: spread(synth.map((r) => r.paint)),
      synthLongestTask: spread(synth.map((r) => r.longest)),
      synthLongTasks: last?.count ?? 0,
      synthAllDrawn: spread(synth.map((r) => r.allDrawn)),
      synthLongestOverall: spread(synth.map((r) => r.longestOverall)),
      loadStart,
      loadEnd: os.loadavg(),
    }
    const table = report(figures)
    console.log(table)
    if (opts.write !== false) {
      writeBenchmarksMd(table, executablePath)
      console.log('\nrenderer figures written to BENCHMARKS.md')
    }
    return figures
  } finally {
    await browser?.close()
    for (const h of hosts) await h.stop()
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runRendererBench().catch((err: unknown) => {
    console.error(`renderer bench failed: ${err instanceof Error ? err.stack : String(err)}`)
    process.exitCode = 1
  })
}
