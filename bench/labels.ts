// `node --import tsx bench/labels.ts [--runs 5] [--nodes 5000 --edges 20000]`: labels on the synthetic
// big graph in Chromium at 1400×900. Loads a deterministic graph (clusters of notes, services and concepts
// with names of realistic lengths) into the web host's page, waits until it is loaded and settled, then
// zooms to a few levels and back; at each level it reads how long the label pick took (the
// `notes-graph:label-pick` measure of renderer/src/graph/labels.ts, classes applied included) and checks
// the shown labels with the same rule as the e2e map check (tests/e2e/mapCheck.ts): count, overlapping
// label boxes, overlapping nodes. Prints medians with their spread; never pass/fail.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/browser'
import { mapReport } from '../tests/e2e/mapCheck'
import { startWebHost, type RunningHost } from '../tests/e2e/webHost'
import { mulberry32 } from '../electron/core/prng'

interface Args { runs: number; nodes: number; edges: number }

function parseArgs(argv: string[]): Args {
  const a: Args = { runs: 5, nodes: 5000, edges: 20000 }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') a.runs = Math.max(3, Number(argv[++i]) || 5)
    else if (argv[i] === '--nodes') a.nodes = Number(argv[++i]) || a.nodes
    else if (argv[i] === '--edges') a.edges = Number(argv[++i]) || a.edges
  }
  return a
}

const WORDS = ['stream', 'feature', 'store', 'pipeline', 'endpoint', 'model', 'batch', 'inference', 'catalog', 'drift', 'monitor', 'tuning', 'registry', 'shard', 'bias', 'vector', 'label', 'ingest']

/** Deterministic graph: 60 clusters, names of 1–4 words, 85 % of edges inside a cluster. */
export function syntheticGraph(n: number, e: number, seed = 7) {
  const rnd = mulberry32(seed)
  const types = ['note', 'service', 'concept'] as const
  const clusters = 60
  const nodes = Array.from({ length: n }, (_, i) => {
    const words = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => WORDS[Math.floor(rnd() * WORDS.length)])
    const type = types[i % 3]
    return { id: `n${i}`, type, label: `${words.join(' ')} ${i}`, domain: `D${(i % 4) + 1}`, ...(type === 'note' ? { path: `c${i % clusters}/n${i}.md` } : { category: `Cat${i % 12}` }) }
  })
  const positions: Record<string, { x: number; y: number }> = {}
  nodes.forEach((node, i) => {
    const c = i % clusters
    const r = 3000 * (0.4 + (c % 5) / 6)
    const a = rnd() * Math.PI * 2
    const d = Math.sqrt(rnd()) * 260
    positions[node.id] = { x: Math.cos((c / clusters) * Math.PI * 2) * r + Math.cos(a) * d, y: Math.sin((c / clusters) * Math.PI * 2) * r + Math.sin(a) * d }
  })
  const edges: Array<{ id: string; source: string; target: string; type: 'mentions'; weight: number }> = []
  const seen = new Set<string>()
  while (edges.length < e) {
    const s = Math.floor(rnd() * n)
    const t = rnd() < 0.85 ? (s + clusters * (1 + Math.floor(rnd() * 8))) % n : Math.floor(rnd() * n)
    const id = `e${s}-${t}`
    if (s === t || seen.has(id)) continue
    seen.add(id)
    edges.push({ id, source: `n${s}`, target: `n${t}`, type: 'mentions', weight: 1 })
  }
  return { graph: { nodes, edges, diagnostics: [] }, positions }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`

interface Level { zoom: number; pickMs: number; labels: number; labelOverlaps: number; nodeOverlaps: number }

/** Pick times recorded since `from` (performance.now() in the page). */
const picksSince = (page: Page, from: number) =>
  page.evaluate((t) => performance.getEntriesByName('notes-graph:label-pick').filter((m) => m.startTime >= t).map((m) => m.duration), from)

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[aria-label="Knowledge graph"]')?.getAttribute('data-layout') === 'settled', null, { timeout: 120_000 })
}

async function measure(browser: Browser, url: string, args: Args): Promise<Level[]> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.addInitScript('window.__name = (f) => f')
  await page.goto(`${url}&bench`)
  await page.waitForFunction(() => typeof (window as unknown as { __loadSyntheticGraph?: unknown }).__loadSyntheticGraph === 'function' && window.cy !== undefined)
  const { graph, positions } = syntheticGraph(args.nodes, args.edges)
  await page.evaluate(({ g, p }) => {
    performance.clearMarks('notes-graph:loaded')
    ;(window as unknown as { __loadSyntheticGraph(g: unknown, p: unknown): void }).__loadSyntheticGraph(g, p)
  }, { g: graph, p: positions })
  await page.waitForFunction((n) => window.cy!.nodes().length >= n && performance.getEntriesByName('notes-graph:loaded').length > 0, args.nodes, { timeout: 180_000 })
  await settle(page)
  const levels: Level[] = []
  const fit = await page.evaluate(() => window.cy!.zoom())
  // fit zoom first, then in and out again: each zoom picks labels again
  const factors = [1, 2, 4, 1.5, 1, 3, 1][Symbol.iterator]()
  for (let i = 0; i < args.runs; i++) {
    const f = factors.next().value ?? 1 + i
    const t0 = await page.evaluate(() => performance.now())
    await page.evaluate((z) => {
      const cy = window.cy!
      cy.zoom({ level: z * 1.0001, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })
    }, fit * f)
    await page.waitForFunction((t) => performance.getEntriesByName('notes-graph:label-pick').some((m) => m.startTime >= t), t0, { timeout: 30_000 })
    await settle(page)
    const picks = await picksSince(page, t0)
    const r = await mapReport(page)
    levels.push({ zoom: fit * f, pickMs: picks[picks.length - 1], labels: r.labels, labelOverlaps: r.labelOverlaps.length, nodeOverlaps: r.nodeOverlaps.length })
  }
  await page.close()
  return levels
}

export async function runLabelBench(argv = process.argv.slice(2)): Promise<Level[]> {
  const args = parseArgs(argv)
  const executablePath = findChromium()
  if (!executablePath) throw new Error('no Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH')
  // @ts-expect-error plain ESM helper shared with scripts/web.mjs (no type declarations)
  const { ensureRendererBuilt } = (await import('../scripts/build-renderer.mjs')) as { ensureRendererBuilt(o?: { log?: (m: string) => void }): Promise<boolean> }
  await ensureRendererBuilt({ log: (m: string) => console.log(m) })
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-graph-lbench-'))
  fs.mkdirSync(path.join(tmp, 'empty'))
  let host: RunningHost | null = null
  let browser: Browser | null = null
  try {
    host = await startWebHost({ notes: path.join(tmp, 'empty'), stateDir: path.join(tmp, 'state') })
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
    const levels = await measure(browser, host.url, args)
    const picks = levels.map((l) => l.pickMs)
    console.log(`\n## Labels on the synthetic ${args.nodes}-node / ${args.edges}-edge graph (1400×900, ${levels.length} zoom levels), load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`)
    console.log('| zoom | label pick (ms) | labels shown | overlapping labels | overlapping nodes (the synthetic cached positions, not packed) |')
    console.log('| ---: | ---: | ---: | ---: | ---: |')
    for (const l of levels) console.log(`| ${l.zoom.toFixed(3)} | ${l.pickMs.toFixed(1)} | ${l.labels} | ${l.labelOverlaps} | ${l.nodeOverlaps} |`)
    console.log(`label pick: median ${median(picks).toFixed(1)} ms (${spread(picks)}); labels shown: median ${median(levels.map((l) => l.labels))}; overlapping labels: max ${Math.max(...levels.map((l) => l.labelOverlaps))}; overlapping nodes: max ${Math.max(...levels.map((l) => l.nodeOverlaps))}`)
    return levels
  } finally {
    await browser?.close()
    await host?.stop()
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runLabelBench().catch((err: unknown) => {
    console.error(`label bench failed: ${err instanceof Error ? err.stack : String(err)}`)
    process.exitCode = 1
  })
}
