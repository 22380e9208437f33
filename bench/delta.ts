// Graph changes as deltas (run by `npm run bench`, or alone: `tsx bench/delta.ts [--sizes 10000] [--chromium-sizes 2000]
// [--edits 20] [--vault DIR --state DIR]`); --vault/--state: an already indexed vault (its folder and a state folder
// with a warm index) for the Chromium part, instead of a fresh generated one. On the synthetic vaults (bench/generate.ts), one note edited at a time:
//   1. in-process backend (--sizes): bytes of the change event (event-stream JSON, and the plain object the
//      Electron IPC clones) against the whole graph it replaces; time of backend.update incl. the delta.
//   2. web host + Chromium (--chromium-sizes; the page must hold the graph): bytes the page receives on the
//      event stream, time to apply the delta on the canvas (controller.applyDelta, `notes-graph:apply-delta`),
//      and the host's memory after the edits.
// Prints medians with min–max; never pass/fail (timings on a busy machine are noisy).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright'
import { generateVault } from './generate'
import { createBackend } from '../electron/core/backend'
import type { GraphChange } from '../electron/core/types'
import { toWire } from '../electron/shared/graph-wire'
import { toWireChange } from '../electron/shared/change-wire'
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/browser'
import { startWebHost } from '../tests/e2e/webHost'

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}
const sizes = (s: string) => s.split(',').map(Number).filter((n) => n > 0)
const SIZES = sizes(arg('--delta-sizes', arg('--sizes', '10000')))
const CHROMIUM_SIZES = sizes(arg('--chromium-sizes', '2000'))
const EDITS = Math.max(3, Number(arg('--edits', '20')))
const DIR = path.resolve(arg('--dir', path.join(os.tmpdir(), 'notes-graph-bench')))
const VAULT = process.argv.includes('--vault') ? path.resolve(arg('--vault', '')) : undefined
const STATE = process.argv.includes('--state') ? path.resolve(arg('--state', '')) : undefined

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]
const spread = (xs: number[], unit: (x: number) => string) => `median ${unit(median(xs))} (min ${unit(Math.min(...xs))}, max ${unit(Math.max(...xs))}; n=${xs.length})`
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`
const ms = (x: number) => `${x.toFixed(1)} ms`

/** The k-th edit: a sentence with services (changes co-mentions) and a tag of its own (a node added, one removed). */
const edit = (original: string, k: number) => `${original}\nEdit ${k}: Amazon Kinesis Data Streams feeds AWS Glue here. #edited${k}\n`

function pickNote(dir: string): string {
  const notes: string[] = []
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name))
      else if (e.name.endsWith('.md')) notes.push(path.relative(dir, path.join(d, e.name)).split(path.sep).join('/'))
    }
  }
  walk(dir)
  notes.sort()
  return notes[Math.floor(notes.length / 2)]
}

async function inProcess(n: number): Promise<void> {
  const gen = generateVault(path.join(DIR, String(n)), n)
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'ng-delta-bench-'))
  const rel = pickNote(gen.dir)
  const abs = path.join(gen.dir, rel)
  const original = fs.readFileSync(abs, 'utf8')
  try {
    const backend = await createBackend({ folder: gen.dir, bundledFolder: gen.dir, cacheDir: path.join(state, 'cache'), settingsDir: path.join(state, 'settings') })
    await backend.whenReady()
    const full = backend.getGraph()
    const fullBytes = JSON.stringify(toWire(full)).length
    console.log(`\n## ${n} notes, in-process backend: graph ${full.nodes.length} nodes / ${full.edges.length} edges; the whole graph is ${kb(fullBytes)} on the event stream (compact form), ${kb(JSON.stringify(full).length)} as plain JSON`)
    const wire: number[] = []
    const plain: number[] = []
    const times: number[] = []
    const counts: string[] = []
    try {
      for (let k = 0; k < EDITS; k++) {
        fs.writeFileSync(abs, edit(original, k))
        const t = performance.now()
        const change = await backend.update([rel]) as GraphChange
        times.push(performance.now() - t)
        if (!change?.delta) throw new Error(`edit ${k} sent no delta`)
        wire.push(JSON.stringify(toWireChange(change)).length)
        plain.push(JSON.stringify(change).length)
        const d = change.delta
        counts.push(`+${d.addedNodes.length}/~${d.updatedNodes.length}/-${d.removedNodes.length} nodes, +${d.addedEdges.length}/~${d.updatedEdges.length}/-${d.removedEdges.length} edges`)
      }
    } finally {
      fs.writeFileSync(abs, original)
    }
    console.log(`one edited note → change event on the event stream: ${spread(wire, kb)} (target ≤ 50 KB) = ${(median(wire) / fullBytes * 100).toFixed(3)}% of the whole graph`)
    console.log(`same change as the plain object the Electron IPC clones: ${spread(plain, kb)}`)
    console.log(`delta of the last edit: ${counts.at(-1)}`)
    console.log(`backend.update (re-read, parse, graph, delta): ${spread(times, ms)}  [max RSS of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB]`)
    await backend.close()
  } finally {
    fs.rmSync(state, { recursive: true, force: true })
  }
}

/**
 * Resident memory of the web host serving `notes` from `state`, MB: the processes whose arguments are
 * `--notes <notes>` and `--state <state>` (the built host and a TypeScript loader's child alike; the entry's
 * file name is no part of the match, it changed from electron/web/main.ts to out/main/web.js once already).
 */
function hostRssMb(notes: string, state: string): number {
  let rss = 0
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
      const at = (flag: string) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : undefined }
      if (at('--notes') !== notes || at('--state') !== state) continue
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
      // a loader parent (tsx) and its node child both carry the arguments: the host is the bigger one
      if (m) rss = Math.max(rss, Number(m[1]) / 1024)
    } catch { /* gone */ }
  }
  return rss
}

async function inChromium(n: number): Promise<void> {
  const executablePath = findChromium()
  if (!executablePath) { console.log('no Chromium: the renderer part is skipped'); return }
  // @ts-expect-error plain ESM helper shared with scripts/web.mjs (no type declarations)
  const { ensureRendererBuilt } = (await import('../scripts/build-renderer.mjs')) as { ensureRendererBuilt(o?: { log?: (m: string) => void }): Promise<boolean> }
  await ensureRendererBuilt({ log: (m: string) => console.log(m) })
  const gen = VAULT ? { dir: VAULT } : generateVault(path.join(DIR, String(n)), n)
  const state = STATE ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ng-delta-bench-'))
  const rel = pickNote(gen.dir)
  const abs = path.join(gen.dir, rel)
  const original = fs.readFileSync(abs, 'utf8')
  const host = await startWebHost({ notes: gen.dir, stateDir: state, timeoutMs: 1_800_000 })
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  try {
    const page: Page = await browser.newPage({ viewport: { width: 1400, height: 860 } })
    await page.addInitScript('window.__name = (f) => f')
    await page.goto(host.url, { timeout: 300_000 }) // a loaded machine takes more than the default 30 s
    // every edge on the canvas (a big graph's hidden edges come after it settles), so a delta is applied in place
    await page.waitForFunction(() => performance.getEntriesByName('notes-graph:loaded').length > 0, null, { timeout: 900_000 })
    const shown = await page.evaluate(() => { const cy = window.cy; return cy ? `${cy.nodes().length} nodes / ${cy.edges().length} edges on the canvas` : 'canvas not exposed' })
    console.log(`\n## ${n} notes, web host + Chromium: ${shown}; host memory after open ${hostRssMb(gen.dir, state).toFixed(0)} MB`)
    // the bytes the page receives: a second listener on the same event stream
    await page.evaluate(() => new Promise<void>((resolve) => {
      const w = window as unknown as { __deltaBytes: number[] }
      w.__deltaBytes = []
      const source = new EventSource('./api/events')
      source.addEventListener('graphChanged', (e) => { w.__deltaBytes.push((e as MessageEvent<string>).data.length) })
      source.addEventListener('open', () => resolve())
    }))
    const applied: number[] = []
    const rssAfter: number[] = []
    try {
      for (let k = 0; k < EDITS; k++) {
        fs.writeFileSync(abs, edit(original, k))
        await page.waitForFunction((count) => performance.getEntriesByName('notes-graph:apply-delta').length > count, k, { timeout: 120_000 })
        applied.push(await page.evaluate((i) => performance.getEntriesByName('notes-graph:apply-delta')[i].duration, k))
        rssAfter.push(hostRssMb(gen.dir, state))
      }
      const bytes = await page.evaluate(() => (window as unknown as { __deltaBytes: number[] }).__deltaBytes)
      const rss = hostRssMb(gen.dir, state)
      console.log(`bytes the page received per edit (event stream): ${spread(bytes, kb)} (target ≤ 50 KB)`)
      console.log(`delta applied on the canvas (controller.applyDelta, one cy.batch + the changed nodes' data): ${spread(applied, ms)} (target ≤ 100 ms); in order: ${applied.map((x) => x.toFixed(0)).join(', ')} ms`)
      console.log(`web host memory after ${EDITS} edits: ${rss.toFixed(0)} MB (whole graph per edit: 553 MB at 2,000 notes after 20 edits); after each edit: ${rssAfter.map((x) => x.toFixed(0)).join(', ')} MB`)
    } finally {
      fs.writeFileSync(abs, original)
    }
  } finally {
    await browser.close()
    await host.stop()
    if (!STATE) fs.rmSync(state, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  console.log(`# Graph deltas (bench/delta.ts) — Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`)
  for (const n of SIZES) await inProcess(n)
  if (!process.argv.includes('--core-only')) for (const n of CHROMIUM_SIZES) await inChromium(n)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(`delta bench failed: ${err instanceof Error ? err.stack : String(err)}`)
    process.exitCode = 1
  })
}
