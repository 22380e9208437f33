// Renderer figures in Chromium against the web host (run by `npm run bench`, or alone: `tsx bench/renderer.ts`):
//   1. bundled notes: launch → interactive graph, cold (no remembered positions: layout runs) and warm (preset)
//   2. click → note rendered, p50/p95 over 50 nodes
//   3. synthetic 5,000-node / 20,000-edge graph with cached positions: first paint, longest main-thread task
// Prints the figures with their targets and writes them into BENCHMARKS.md (renderer section).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/browser'
import { startWebHost, type RunningHost } from '../tests/e2e/webHost'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface RendererFigures {
  launchColdMs: number
  /** cold start: when the worker's force layout replaced the provisional placement */
  coldLaidOutMs: number
  launchWarmMs: number
  clickP50Ms: number
  clickP95Ms: number
  clicks: number
  synthNodes: number
  synthEdges: number
  synthPaintMs: number
  synthLongestTaskMs: number
  synthLongTasks: number
  /** every edge added and drawn (the edges follow the first paint) */
  synthAllDrawnMs: number
  /** longest main-thread task from the start until everything is drawn */
  synthLongestOverallMs: number
}

const TARGETS = { launch: 1000, clickP95: 100, synthPaint: 1500, longTask: 200 }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]

async function post(host: RunningHost, method: string, args: unknown[]): Promise<void> {
  const res = await fetch(`${host.origin}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: host.authorization }, body: JSON.stringify(args) })
  if (!res.ok) throw new Error(`${method}: ${res.status}`)
}

/** tsx keeps function names with a `__name` helper that page.evaluate bodies then call: provide it. */
async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } })
  await page.addInitScript('window.__name = (f) => f')
  return page
}

/** Navigation start → the first frame painted after the graph became interactive (layout done, handlers bound). */
async function launch(page: Page, url: string): Promise<number> {
  await page.goto(url)
  await page.waitForFunction(() => performance.getEntriesByName('notes-graph:interactive').length > 0, null, { timeout: 120_000 })
  return page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    return performance.now()
  })
}

async function measureLaunch(browser: Browser, host: RunningHost): Promise<{ cold: number; laidOut: number; warm: number; page: Page }> {
  const cold: number[] = []
  const laidOut: number[] = []
  const warm: number[] = []
  let page: Page | null = null
  for (let i = 0; i < 3; i++) {
    await post(host, 'setViewState', [{}])
    await page?.close()
    page = await newPage(browser)
    cold.push(await launch(page, host.url))
    // the readable default view settled (placed, labelled, nothing moving by itself): data-layout="settled"
    await page.waitForFunction(() => performance.getEntriesByName('notes-graph:settled').length > 0, null, { timeout: 120_000 }).catch(() => undefined)
    laidOut.push(await page.evaluate(() => performance.getEntriesByName('notes-graph:settled')[0]?.startTime ?? NaN))
    // the layout's positions are saved (debounced) after it stops; wait for them before the warm start
    await page.waitForTimeout(1500)
    warm.push(await launch(page, host.url))
  }
  return { cold: median(cold), laidOut: median(laidOut), warm: median(warm), page: page! }
}

async function measureClicks(page: Page, count: number): Promise<number[]> {
  await page.waitForTimeout(500)
  return page.evaluate(async (n) => {
    const cy = window.cy!
    const frame = () => new Promise((r) => requestAnimationFrame(r))
    const candidates = cy.nodes('[type = "service"], [type = "concept"], [type = "note"]').sort((a, b) => b.degree(false) - a.degree(false))
    const step = Math.max(1, Math.floor(candidates.length / n))
    const picks = candidates.filter((_node, i) => i % step === 0).slice(0, n)
    const times: number[] = []
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
      await new Promise((r) => setTimeout(r, 30))
    }
    return times
  }, count)
}

async function measureSynthetic(browser: Browser, url: string): Promise<Pick<RendererFigures, 'synthNodes' | 'synthEdges' | 'synthPaintMs' | 'synthLongestTaskMs' | 'synthLongTasks' | 'synthAllDrawnMs' | 'synthLongestOverallMs'>> {
  const page = await newPage(browser)
  await page.goto(`${url}&bench`) // url carries ?token=…; the host keeps ?bench when it drops the token
  await page.waitForFunction(() => typeof (window as unknown as { __loadSyntheticGraph?: unknown }).__loadSyntheticGraph === 'function' && window.cy !== undefined)
  await page.waitForTimeout(1000)
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
  await page.close()
  return {
    synthNodes: r.nodes, synthEdges: r.edges, synthPaintMs: r.paint, synthLongestTaskMs: r.longest, synthLongTasks: r.count,
    synthAllDrawnMs: r.allDrawn, synthLongestOverallMs: r.longestOverall,
  }
}

function report(f: RendererFigures): string {
  const fmt = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`)
  const mark = (ok: boolean) => (ok ? '✓' : '✗')
  const ratio = (x: number, t: number) => `${(x / t).toFixed(2)}× target`
  return [
    `| figure | measured | target | ratio |`,
    `|---|---:|---:|---:|`,
    `| bundled notes: launch → interactive graph, warm (remembered positions) | ${fmt(f.launchWarmMs)} | ≤ ${fmt(TARGETS.launch)} | ${ratio(f.launchWarmMs, TARGETS.launch)} ${mark(f.launchWarmMs <= TARGETS.launch)} |`,
    `| bundled notes: launch → interactive graph, cold (first start: a concentric-by-domain placement at once, the force layout computed in a worker animates in later) | ${fmt(f.launchColdMs)} | ≤ ${fmt(TARGETS.launch)} | ${ratio(f.launchColdMs, TARGETS.launch)} ${mark(f.launchColdMs <= TARGETS.launch)} |`,
    `| same, cold: readable default view settled (data-layout="settled") | ${fmt(f.coldLaidOutMs)} | — | — |`,
    `| click → note rendered, p95 over ${f.clicks} nodes (p50 ${fmt(f.clickP50Ms)}) | ${fmt(f.clickP95Ms)} | ≤ ${fmt(TARGETS.clickP95)} | ${ratio(f.clickP95Ms, TARGETS.clickP95)} ${mark(f.clickP95Ms <= TARGETS.clickP95)} |`,
    `| synthetic ${f.synthNodes} nodes / ${f.synthEdges} edges, cached positions: first paint (all nodes placed, hubs labelled, clickable) | ${fmt(f.synthPaintMs)} | ≤ ${fmt(TARGETS.synthPaint)} | ${ratio(f.synthPaintMs, TARGETS.synthPaint)} ${mark(f.synthPaintMs <= TARGETS.synthPaint)} |`,
    `| same: longest main-thread task until the first paint (${f.synthLongTasks} tasks > 50 ms) | ${fmt(f.synthLongestTaskMs)} | ≤ ${fmt(TARGETS.longTask)} | ${ratio(f.synthLongestTaskMs, TARGETS.longTask)} ${mark(f.synthLongestTaskMs <= TARGETS.longTask)} |`,
    `| same: all ${f.synthEdges} edges added and drawn | ${fmt(f.synthAllDrawnMs)} | — | — |`,
    `| same: longest task until everything is drawn (one full canvas frame of all elements) | ${fmt(f.synthLongestOverallMs)} | — | — |`,
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
      `load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} at the end of the run, ` +
      `headless Chromium (${browserPath}) with --disable-gpu against the web host. Clicks are dispatched as Cytoscape taps and timed to the ` +
      'first animation frame with the note in the panel; launch is navigation start → first frame after the graph became interactive. ' +
      'A graph of more than 1,500 elements loads in two steps of ≤ 40 ms slices: the nodes (first paint, clickable), then the edges in the ' +
      'frames after; the last row is the one canvas frame that then draws all 25,000 elements (software rendering, --disable-gpu). ' +
      'Other sessions share the 2 cores: read the load average before comparing runs.',
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
    const synthetic = await startWebHost({ notes: empty, stateDir: path.join(tmp, 'state-b') })
    hosts.push(synthetic)
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })

    // `--only synth|launch` (quick checks while tuning; nothing is written then)
    const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined
    if (only) opts.write = false
    const none = { cold: NaN, laidOut: NaN, warm: NaN, page: null }
    const { cold, laidOut, warm, page } = only === 'synth' ? none : await measureLaunch(browser, bundled)
    const clicks = page ? await measureClicks(page, 50) : [NaN]
    await page?.close()
    const noSynth = { synthNodes: 0, synthEdges: 0, synthPaintMs: NaN, synthLongestTaskMs: NaN, synthLongTasks: 0, synthAllDrawnMs: NaN, synthLongestOverallMs: NaN }
    const synth = only === 'launch' ? noSynth : await measureSynthetic(browser, synthetic.url)
    const figures: RendererFigures = {
      launchColdMs: cold,
      coldLaidOutMs: laidOut,
      launchWarmMs: warm,
      clickP50Ms: median(clicks),
      clickP95Ms: pct(clicks, 95),
      clicks: clicks.length,
      ...synth,
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
