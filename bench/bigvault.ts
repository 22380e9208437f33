// The real 10k-note vault in Chromium through the web host (run by `npm run bench`, or alone:
// `tsx bench/bigvault.ts [--notes 10000] [--runs 3] [--dir DIR] [--renderers canvas,webgl] [--vault DIR --state DIR]
// [--baseline TREE --baseline-state DIR]`). With --baseline, a second host runs from another checkout (its own built
// renderer, its own copy of the state folder) and the page loads take turns between the two: ratios within one run.
// The host's index is warm before the first run (a first start indexes the vault and keeps the index in
// DIR/bigvault-state-N), so this measures the UI: per renderer (Cytoscape's canvas and its WebGL mode,
// forced with ?webgl=0/1), over fresh page loads with no remembered positions:
//   first paint (every node placed and clickable), time to interactive (a real mouse click on a note right
//   after first paint opens it), settled (data-layout="settled"), longest main-thread task, click → note
//   p95, and the bytes of the graph sent. Medians of the runs with their spread, load average printed.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/browser'
import { startWebHost, type RunningHost } from '../tests/e2e/webHost'
import { generateVault } from './generate'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
type RendererName = 'canvas' | 'webgl'

interface Args { notes: number; runs: number; dir: string; renderers: RendererName[]; write: boolean; vault?: string; state?: string; baseline?: string; baselineState?: string }

function parseArgs(argv: string[]): Args {
  const a: Args = { notes: 10000, runs: 3, dir: path.join(os.tmpdir(), 'notes-graph-bench'), renderers: ['canvas', 'webgl'], write: true }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--notes') a.notes = Number(argv[++i])
    else if (argv[i] === '--runs') a.runs = Math.max(1, Number(argv[++i]))
    else if (argv[i] === '--dir') a.dir = path.resolve(argv[++i])
    else if (argv[i] === '--renderers') a.renderers = argv[++i].split(',').filter((r): r is RendererName => r === 'canvas' || r === 'webgl')
    else if (argv[i] === '--no-write') a.write = false
    // an already generated and indexed vault (its folder and the host's state folder)
    else if (argv[i] === '--vault') a.vault = path.resolve(argv[++i])
    else if (argv[i] === '--state') a.state = path.resolve(argv[++i])
    // another checkout (built) to compare with, and a state folder of its own (a copy of --state)
    else if (argv[i] === '--baseline') a.baseline = path.resolve(argv[++i])
    else if (argv[i] === '--baseline-state') a.baselineState = path.resolve(argv[++i])
  }
  return a
}

interface Run {
  firstPaint: number
  interactive: number
  settled: number
  /** main-thread CPU time from navigation (Chromium's ThreadTime) to first paint, to the click's note, to settled */
  cpuPaint: number
  cpuInteractive: number
  cpuSettled: number
  longestTask: number
  clickP50: number
  clickP95: number
  graphBytes: number
  graphServerMs: number
  nodes: number
  edges: number
  rendererString: string
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]
const fmt = (x: number) => (!Number.isFinite(x) ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`)
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ')

async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.addInitScript(() => {
    ;(window as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f // tsx's name helper in evaluate bodies
    const tasks: number[] = []
    ;(window as unknown as { __longTasks: number[] }).__longTasks = tasks
    try { new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(e.duration) }).observe({ type: 'longtask', buffered: true }) } catch { /* no long-task timing */ }
  })
  return page
}

async function post(host: RunningHost, method: string, args: unknown[]): Promise<void> {
  const res = await fetch(`${host.origin}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: host.authorization }, body: JSON.stringify(args) })
  if (!res.ok) throw new Error(`${method}: ${res.status}`)
}

/** One fresh page load of the vault: first paint, a real click on a note at once, settled, then timed clicks. */
async function oneRun(browser: Browser, host: RunningHost, renderer: RendererName): Promise<Run> {
  await post(host, 'setViewState', [{}]) // no remembered positions: the first placement runs each time
  const page = await newPage(browser)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const cpu = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000
  let graphBytes = 0
  page.on('response', (res) => {
    if (res.url().endsWith('/api/getGraph')) void res.body().then((b) => { graphBytes = b.length }, () => undefined)
  })
  try {
    await page.goto(`${host.url}&webgl=${renderer === 'webgl' ? 1 : 0}`)
    await page.waitForFunction(() => performance.getEntriesByName('notes-graph:interactive').length > 0, null, { timeout: 300_000, polling: 20 })
    const firstPaint = await page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
      return performance.now()
    })
    const cpuPaint = await cpu()
    // time to interactive: a real mouse click on a note, as soon as the nodes are drawn, opens it
    const target = await page.evaluate(() => {
      const cy = window.cy!
      const box = cy.container()!.getBoundingClientRect()
      const inView = cy.nodes('[type = "note"]').filter((n) => {
        const p = n.renderedPosition()
        return p.x > 40 && p.y > 40 && p.x < box.width - 40 && p.y < box.height - 40
      })
      const n = inView.max((m) => m.renderedWidth()).ele
      if (!n) return null
      const p = n.renderedPosition()
      return { id: n.id(), label: String(n.data('label')), x: box.left + p.x, y: box.top + p.y }
    })
    let interactive = NaN
    if (target) {
      await page.mouse.click(target.x, target.y)
      interactive = await page.evaluate(async (label) => {
        const t0 = performance.now()
        for (;;) {
          const title = document.querySelector('[aria-label="Note"] .note-heading h2')?.textContent
          if (title === label && document.querySelector('[aria-label="Note"] .markdown > *')) return performance.now()
          if (performance.now() - t0 > 120_000) return NaN // the click missed (a node a pixel wide at fit zoom)
          await new Promise((r) => requestAnimationFrame(r))
        }
      }, target.label)
    }
    const cpuInteractive = target ? await cpu() : NaN
    await page.waitForSelector('[aria-label="Knowledge graph"][data-layout="settled"]', { timeout: 300_000 })
    const settled = await page.evaluate(() => performance.getEntriesByName('notes-graph:settled')[0]?.startTime ?? NaN)
    const cpuSettled = await cpu()
    const info = await page.evaluate(() => {
      const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/getGraph')) as PerformanceResourceTiming | undefined
      const c = document.createElement('canvas')
      const gl = c.getContext('webgl') as WebGLRenderingContext | null
      const ext = gl?.getExtension('WEBGL_debug_renderer_info')
      return {
        serverMs: entry ? entry.responseStart - entry.requestStart : NaN,
        nodes: window.cy!.nodes().length,
        edges: window.cy!.edges().length,
        longest: Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks),
        gl: gl ? String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : 'no WebGL',
      }
    })
    const clicks = await page.evaluate(async (n) => {
      const cy = window.cy!
      const frame = () => new Promise((r) => requestAnimationFrame(r))
      const notes = cy.nodes('[type = "note"], [type = "service"], [type = "concept"]')
      const step = Math.max(1, Math.floor(notes.length / n))
      const picks = notes.filter((_x, i) => i % step === 0).slice(0, n).toArray()
      const times: number[] = []
      for (const node of picks) {
        const label = node.data('label') as string
        const t0 = performance.now()
        node.emit('tap')
        for (;;) {
          await frame()
          const title = document.querySelector('[aria-label="Note"] .note-heading h2')?.textContent
          if (title === label && document.querySelector('[aria-label="Note"] .markdown > *')) break
          // a note that never shows is a failure of the note panel, not of the graph: counted as missing
          if (performance.now() - t0 > 15_000) return [...times, NaN]
        }
        times.push(performance.now() - t0)
        await new Promise((r) => setTimeout(r, 30))
      }
      return times
    }, 20)
    return {
      firstPaint, interactive, settled, cpuPaint, cpuInteractive, cpuSettled, longestTask: info.longest,
      clickP50: clicks.some(Number.isNaN) ? NaN : median(clicks), clickP95: clicks.some(Number.isNaN) ? NaN : pct(clicks, 95),
      graphBytes, graphServerMs: info.serverMs, nodes: info.nodes, edges: info.edges, rendererString: info.gl,
    }
  } catch (err) {
    const shot = path.join(os.tmpdir(), `bigvault-failed-${renderer}.png`)
    await page.screenshot({ path: shot }).catch(() => undefined)
    throw new Error(`${String(err)} (screenshot: ${shot})`, { cause: err })
  } finally {
    await page.close()
  }
}

/** The host for the vault, its index warm: the first start ever indexes the vault (minutes), later ones reuse it. */
async function warmHost(vault: string, state: string): Promise<RunningHost> {
  const cache = path.join(state, 'cache')
  const cold = !fs.existsSync(cache) || fs.readdirSync(cache).length === 0
  const t0 = performance.now()
  const host = await startWebHost({ notes: vault, stateDir: state, timeoutMs: 1_800_000 })
  if (!cold) return host
  // it indexed cold: close it so the index is written, then start again from the warm index
  console.log(`(indexed the vault cold in ${fmt(performance.now() - t0)}; starting again from the warm index)`)
  await host.stop()
  return startWebHost({ notes: vault, stateDir: state, timeoutMs: 1_800_000 })
}

const spread = (xs: number[]) => `${fmt(median(xs))} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`

/** Columns: one per build and renderer ("canvas", or "baseline canvas" with --baseline). */
function table(results: Map<string, Run[]>, ratios: Map<string, number[]>): string {
  const rows: string[] = ['| figure | ' + [...results.keys()].map((r) => `${r} renderer: median (min–max)`).join(' | ') + ' |', '|---|' + [...results.keys()].map(() => '---:').join('|') + '|']
  const row = (name: string, f: (r: Run) => number, show = spread) => rows.push(`| ${name} | ${[...results.values()].map((runs) => show(runs.map(f))).join(' | ')} |`)
  row('first paint (navigation → every node drawn and clickable)', (r) => r.firstPaint)
  row('same: main-thread CPU time (Chromium ThreadTime) from navigation', (r) => r.cpuPaint)
  row('time to interactive (a mouse click on a note right after first paint → note shown, from navigation)', (r) => r.interactive)
  row('same: main-thread CPU time from navigation', (r) => r.cpuInteractive)
  row('settled (data-layout="settled", from navigation)', (r) => r.settled)
  row('same: main-thread CPU time from navigation', (r) => r.cpuSettled)
  row('longest main-thread task, navigation → settled', (r) => r.longestTask)
  row('click → note rendered, p50 over 20 nodes', (r) => r.clickP50)
  row('click → note rendered, p95 over 20 nodes', (r) => r.clickP95)
  row('getGraph: request → first byte (server)', (r) => r.graphServerMs)
  row('graph sent (bytes of getGraph)', (r) => r.graphBytes, (xs) => `${(median(xs) / 1048576).toFixed(2)} MB`)
  row('elements on the canvas at the end (nodes + edges)', (r) => r.nodes + r.edges, (xs) => String(median(xs)))
  const ratioLines = [...ratios].map(([name, xs]) => `| ${name} | ${xs.length ? `${median(xs).toFixed(2)}× (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}×)` : '—'} |`)
  return ratioLines.length ? `${rows.join('\n')}\n\n| this build ÷ baseline, same turn (median, min–max) | ratio |\n|---|---:|\n${ratioLines.join('\n')}` : rows.join('\n')
}

function writeBenchmarksMd(section: string): void {
  const file = path.join(repo, 'BENCHMARKS.md')
  const start = '<!-- bigvault-bench:start -->'
  const end = '<!-- bigvault-bench:end -->'
  const block = `${start}\n${section}\n${end}`
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n'
  const a = text.indexOf(start)
  const b = text.indexOf(end)
  text = a >= 0 && b > a ? `${text.slice(0, a)}${block}${text.slice(b + end.length)}` : `${text.trimEnd()}\n\n${block}\n`
  fs.writeFileSync(`${file}.tmp`, text)
  fs.renameSync(`${file}.tmp`, file)
}

export async function runBigVaultBench(args: Args): Promise<void> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('no Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH')
  // @ts-expect-error plain ESM helper shared with scripts/web.mjs (no type declarations)
  const { ensureRendererBuilt } = (await import('../scripts/build-renderer.mjs')) as { ensureRendererBuilt(o?: { log?: (m: string) => void }): Promise<boolean> }
  await ensureRendererBuilt({ log: (m: string) => console.log(m) })
  const gen = args.vault ? { dir: args.vault, bytes: NaN } : generateVault(path.join(args.dir, String(args.notes)), args.notes)
  console.log(`# Big vault in Chromium (bench/bigvault.ts): ${args.notes} notes, ${(gen.bytes / 1048576).toFixed(1)} MB; load average ${load()} at the start`)
  const host = await warmHost(gen.dir, args.state ?? path.join(args.dir, `bigvault-state-${args.notes}`))
  // the baseline's host: its own checkout's web host and built renderer, on its own copy of the state folder
  let base: RunningHost | null = null
  if (args.baseline) {
    const { startWebHost: startBaseline } = (await import(path.join(args.baseline, 'tests/e2e/webHost.ts'))) as typeof import('../tests/e2e/webHost')
    base = await startBaseline({ notes: gen.dir, stateDir: args.baselineState ?? `${args.state}-baseline`, timeoutMs: 1_800_000 })
  }
  const targets: Array<{ name: string; host: RunningHost }> = [{ name: '', host }, ...(base ? [{ name: 'baseline ', host: base }] : [])]
  let browser: Browser | null = null
  const results = new Map<string, Run[]>()
  const ratios = new Map<string, number[]>()
  const ratio = (name: string, x: number) => { if (Number.isFinite(x)) ratios.set(name, [...(ratios.get(name) ?? []), x]) }
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
    // one unmeasured load first: the host's first getGraph builds the display graph, the browser compiles the app
    for (const t of targets) await oneRun(browser, t.host, 'canvas').catch((e: unknown) => console.log(`warm-up run failed: ${String(e)}`))
    // builds and renderers take turns, so a change of the machine's load hits all alike
    for (let i = 0; i < args.runs; i++) {
      for (const r of args.renderers) {
        const turn: Run[] = []
        for (const t of targets) {
          const run = await oneRun(browser, t.host, r)
          turn.push(run)
          console.log(`${t.name}${r} run ${i + 1}: first paint ${fmt(run.firstPaint)} (CPU ${fmt(run.cpuPaint)}), interactive ${fmt(run.interactive)} (CPU ${fmt(run.cpuInteractive)}), settled ${fmt(run.settled)} (CPU ${fmt(run.cpuSettled)}), longest task ${fmt(run.longestTask)}, click p95 ${fmt(run.clickP95)}, ${run.nodes} nodes + ${run.edges} edges, graph ${(run.graphBytes / 1048576).toFixed(2)} MB — load ${load()}`)
          results.set(`${t.name}${r}`, [...(results.get(`${t.name}${r}`) ?? []), run])
        }
        if (turn.length === 2) {
          const [a, b] = turn
          ratio(`${r}: first paint`, a.firstPaint / b.firstPaint)
          ratio(`${r}: first paint, main-thread CPU`, a.cpuPaint / b.cpuPaint)
          ratio(`${r}: time to interactive`, a.interactive / b.interactive)
          ratio(`${r}: time to interactive, main-thread CPU`, a.cpuInteractive / b.cpuInteractive)
          ratio(`${r}: settled`, a.settled / b.settled)
          ratio(`${r}: settled, main-thread CPU`, a.cpuSettled / b.cpuSettled)
          ratio(`${r}: click → note p95`, a.clickP95 / b.clickP95)
        }
      }
    }
  } finally {
    await browser?.close()
    await host.stop()
    await base?.stop()
  }
  const gl = [...results.values()][0]?.[0]?.rendererString ?? '?'
  const t = table(results, ratios)
  console.log(`\n${t}\n\nWebGL here: ${gl}; load average at the end ${load()}`)
  if (args.write) {
    writeBenchmarksMd([
      `## Big vault in Chromium (bench/bigvault.ts)`,
      '',
      `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${args.notes}-note synthetic vault (bench/generate.ts), warm index, web host, ` +
        `headless Chromium (${executablePath}, WebGL: ${gl}), ${os.cpus().length} cores, load average ${load()} at the end; ` +
        `${args.runs} fresh page loads per renderer (taking turns), no remembered positions` +
        (args.baseline ? `; baseline: ${args.baseline} (its own host and built renderer), taking turns with this build.` : '.'),
      '',
      t,
    ].join('\n'))
    console.log('big-vault figures written to BENCHMARKS.md')
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runBigVaultBench(parseArgs(process.argv.slice(2))).catch((err: unknown) => {
    console.error(`big-vault bench failed: ${err instanceof Error ? err.stack : String(err)}`)
    process.exitCode = 1
  })
}
