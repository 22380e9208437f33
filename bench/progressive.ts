// `tsx bench/progressive.ts [--sizes 2000] [--runs 3] [--browser-size 10000] [--browser-runs 3] [--no-browser]
//   [--no-in-process] [--no-complete] [--npm]`
// Open at once (issue 13), measured as a new user meets it, each run on a cold state folder:
//   1. `npm run web -- --notes DIR` (scripts/web.mjs, or with --npm through npm itself, the whole process from its
//      start): the URL printed, the page
//      answered (token → cookie → index.html), the first graph (every note and link, `partial`), the complete index
//      (a call that needs it answers);
//   2. a cold folder in Chromium: from the host's start to the first graph drawn (nodes on the canvas), and to the
//      complete graph (the indexing box gone); each run paired with the same index and no page open (the page's
//      drawing of the phases competes with the index for this machine's two cores).
// Figures are medians of the runs with their range, printed next to the load average; nothing passes or fails.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateVault } from './generate'
import { createBackend } from '../electron/core/backend'
import { toWireChange } from '../electron/shared/change-wire'
import type { GraphChange } from '../electron/core/types'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

interface Args { sizes: number[]; runs: number; browserSize: number; browserRuns: number; browser: boolean; inProcess: boolean; complete: boolean; npm: boolean; dir: string }

function parseArgs(argv: string[]): Args {
  const a: Args = { sizes: [2000], runs: 3, browserSize: 10000, browserRuns: 3, browser: true, inProcess: true, complete: true, npm: false, dir: path.join(os.tmpdir(), 'notes-graph-bench') }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sizes') a.sizes = argv[++i].split(',').map(Number).filter((n) => n > 0)
    else if (argv[i] === '--runs') a.runs = Math.max(1, Number(argv[++i]))
    else if (argv[i] === '--browser-size') a.browserSize = Number(argv[++i])
    else if (argv[i] === '--browser-runs') a.browserRuns = Math.max(1, Number(argv[++i]))
    else if (argv[i] === '--no-browser') a.browser = false
    else if (argv[i] === '--no-in-process') a.inProcess = false
    else if (argv[i] === '--npm') a.npm = true
    else if (argv[i] === '--no-complete') a.complete = false // stop each host after its first graph
    else if (argv[i] === '--dir') a.dir = path.resolve(argv[++i])
  }
  return a
}

const fmt = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`)
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ')
function summary(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b)
  return `median ${fmt(s[Math.floor(s.length / 2)])} (${s.map(fmt).join(', ')})`
}

interface Host { url: string; origin: string; auth: string; started: number; printed: number; stop(): Promise<void> }

/** `npm run web` as a user runs it (node scripts/web.mjs, or npm itself with `viaNpm`), timed from the spawn. */
function startHost(notes: string, state: string, viaNpm = false): Promise<Host> {
  const started = performance.now()
  const args = ['--port', '0', '--notes', notes, '--state', state]
  const [cmd, argv] = viaNpm ? ['npm', ['run', '--silent', 'web', '--', ...args]] : [process.execPath, [path.join(repo, 'scripts/web.mjs'), ...args]]
  // its own process group: npm's child (the host) is stopped with it
  const child = spawn(cmd, argv, {
    cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined }, detached: true,
  })
  let log = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      const m = /Notes Graph web host: ((http:\/\/127\.0\.0\.1:\d+\/)\?token=([\w-]+))/.exec(log)
      if (!m) return
      child.stdout.off('data', onData)
      resolve({
        url: m[1], origin: m[2], auth: `Bearer ${m[3]}`, started, printed: performance.now(),
        stop: () => new Promise<void>((done) => {
          if (child.exitCode !== null) { done(); return }
          child.once('exit', () => done())
          process.kill(-child.pid!, 'SIGTERM')
          setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL') } catch { /* gone */ } }, 5000).unref()
        }),
      })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (c: Buffer) => { log += c.toString() })
    child.once('exit', (code) => reject(new Error(`web host exited (${code}):\n${log}`)))
  })
}

async function api(host: Host, method: string, args: unknown[] = []): Promise<unknown> {
  const res = await fetch(`${host.origin}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: host.auth }, body: JSON.stringify(args) })
  if (!res.ok) throw new Error(`${method} → ${res.status}`)
  return res.json()
}

interface HostRun { printed: number; answered: number; first: number; complete: number; firstNotes: number; firstEntities: number; partial: boolean }

async function hostRun(notes: string, viaNpm: boolean, untilComplete: boolean): Promise<HostRun> {
  const state = mkdtempSync(path.join(os.tmpdir(), 'ng-bench-progressive-'))
  const host = await startHost(notes, state, viaNpm)
  try {
    // the address a person opens: token → cookie + redirect → the page
    const login = await fetch(host.url, { redirect: 'manual' })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
    const page = await fetch(host.origin, { headers: { cookie } })
    if (!page.ok) throw new Error(`page → ${page.status}`)
    await page.text()
    const answered = performance.now()
    const g = await api(host, 'getGraph') as { partial?: boolean; nodes: { type: string }[] }
    const first = performance.now()
    if (untilComplete) await api(host, 'exams') // waits for the complete index
    const complete = performance.now()
    return {
      printed: host.printed - host.started, answered: answered - host.started, first: first - host.started, complete: complete - host.started,
      firstNotes: g.nodes.filter((n) => n.type === 'note').length,
      firstEntities: g.nodes.filter((n) => n.type === 'service' || n.type === 'concept').length,
      partial: g.partial === true,
    }
  } finally {
    await host.stop()
    rmSync(state, { recursive: true, force: true })
  }
}

interface BrowserRun { printed: number; drawn: number; complete: number; drawnNodes: number }

async function browserRun(notes: string): Promise<BrowserRun> {
  const { chromium } = await import('playwright')
  const { CHROMIUM_ARGS, findChromium } = await import('../tests/e2e/browser')
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  const state = mkdtempSync(path.join(os.tmpdir(), 'ng-bench-progressive-'))
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const host = await startHost(notes, state)
    try {
      await page.goto(host.url, { waitUntil: 'commit', timeout: 600_000 })
      // (the page's globals through a cast: this file is type-checked without the DOM's types; the page's CSP
      // forbids evaluating strings)
      type PageGlobals = { cy?: { nodes(): { length: number } }; document: { querySelector(s: string): unknown } }
      await page.waitForFunction(() => ((globalThis as unknown as PageGlobals).cy?.nodes().length ?? 0) > 0, null, { timeout: 600_000, polling: 50 })
      const drawn = performance.now()
      const drawnNodes = await page.evaluate(() => (globalThis as unknown as PageGlobals).cy?.nodes().length ?? 0)
      await page.waitForFunction(() => {
        const doc = (globalThis as unknown as PageGlobals).document
        return doc.querySelector('.indexing-status') === null && doc.querySelector('progress[aria-label="Indexing progress"]') === null
      }, null, { timeout: 1_200_000, polling: 100 })
      const complete = performance.now()
      return { printed: host.printed - host.started, drawn: drawn - host.started, complete: complete - host.started, drawnNodes }
    } finally {
      await host.stop()
    }
  } finally {
    await browser.close()
    rmSync(state, { recursive: true, force: true })
  }
}

/**
 * The price of the phases, in this process (alternating, same vault, no persisted index): the complete index
 * one-shot, and progressive with each batch encoded as the web host sends it (compact JSON).
 */
async function inProcess(dir: string, progressive: boolean): Promise<{ first: number; complete: number; batches: number; encodeMs: number }> {
  const state = mkdtempSync(path.join(os.tmpdir(), 'ng-bench-progressive-'))
  let batches = 0
  let encodeMs = 0
  const onChange = (c: GraphChange) => {
    const t = performance.now()
    JSON.stringify(toWireChange(c))
    encodeMs += performance.now() - t
    batches++
  }
  const t0 = performance.now()
  const b = await createBackend({ folder: dir, bundledFolder: dir, cacheDir: null, settingsDir: state, ...(progressive ? { progressiveFrom: 0, onChange } : {}) })
  const first = performance.now() - t0
  await b.whenIndexed()
  const complete = performance.now() - t0
  await b.close()
  rmSync(state, { recursive: true, force: true })
  return { first, complete, batches, encodeMs }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  console.log(`# Open at once — Node ${process.version}, ${os.cpus().length} cores; every run on a cold state folder`)
  for (const n of args.sizes) {
    const gen = generateVault(path.join(args.dir, String(n)), n)
    const how = args.npm ? 'npm run --silent web --' : 'node scripts/web.mjs'
    console.log(`\n## ${how} --notes <${n} notes, ${(gen.bytes / 1048576).toFixed(1)} MB>, ${args.runs} runs; load average ${load()}`)
    const runs: HostRun[] = []
    for (let i = 0; i < args.runs; i++) runs.push(await hostRun(gen.dir, args.npm, args.complete))
    const r0 = runs[0]
    console.log(`URL printed:                        ${summary(runs.map((r) => r.printed))}`)
    console.log(`page answered (target ≤ 3 s):       ${summary(runs.map((r) => r.answered))}`)
    console.log(`first graph (notes + links):        ${summary(runs.map((r) => r.first))}  — ${r0.firstNotes} notes, ${r0.firstEntities} services/concepts, partial: ${r0.partial}`)
    if (args.complete) {
      console.log(`complete graph (index done):        ${summary(runs.map((r) => r.complete))}`)
      console.log(`first graph / complete, per run:    ${runs.map((r) => `${((100 * r.first) / r.complete).toFixed(0)}%`).join(', ')}`)
    }
    console.log(`(load average now ${load()})`)
    if (!args.inProcess) continue
    const oneShot: number[] = []
    const phased: Awaited<ReturnType<typeof inProcess>>[] = []
    for (let i = 0; i < args.runs; i++) {
      oneShot.push((await inProcess(gen.dir, false)).complete)
      phased.push(await inProcess(gen.dir, true))
    }
    console.log(`in-process, one-shot index:         ${summary(oneShot)}`)
    console.log(`in-process, progressive: first      ${summary(phased.map((r) => r.first))}; complete ${summary(phased.map((r) => r.complete))}`)
    console.log(`  progressive / one-shot, per pair: ${phased.map((r, i) => (r.complete / oneShot[i]).toFixed(2)).join(', ')}; batches ${phased.map((r) => r.batches).join(', ')}, encoding them ${phased.map((r) => fmt(r.encodeMs)).join(', ')}  (load average now ${load()})`)
  }
  if (args.browser) {
    const n = args.browserSize
    const gen = generateVault(path.join(args.dir, String(n)), n)
    console.log(`\n## Chromium, cold ${n}-note folder (${(gen.bytes / 1048576).toFixed(1)} MB), ${args.browserRuns} runs; load average ${load()}`)
    const runs: BrowserRun[] = []
    // each paired with the same cold index and no page open: what drawing the phases costs the index
    const alone: number[] = []
    for (let i = 0; i < args.browserRuns; i++) {
      runs.push(await browserRun(gen.dir))
      alone.push((await hostRun(gen.dir, false, true)).complete)
    }
    console.log(`host start → URL printed:           ${summary(runs.map((r) => r.printed))}`)
    console.log(`host start → first graph drawn:     ${summary(runs.map((r) => r.drawn))}  — ${runs[0].drawnNodes} nodes on the canvas`)
    console.log(`host start → complete graph shown:  ${summary(runs.map((r) => r.complete))}`)
    console.log(`same index, no page open:           ${summary(alone)}`)
    console.log(`page open ÷ no page, per pair:      ${runs.map((r, i) => (r.complete / alone[i]).toFixed(2)).join(', ')}  (load average now ${load()})`)
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : String(err))
  process.exit(1)
})
