// One benchmark phase in its own process, so each reports its own peak memory (max RSS, workers included)
// and no phase inherits another's heap or JIT state. Prints one JSON line on stdout. Used by run.ts.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import { Worker } from 'node:worker_threads'
import { PerformanceObserver } from 'node:perf_hooks'
import { createBackend } from '../electron/core/backend'
import { WORKER_YOUNG_GENERATION_MB, defaultPoolSize } from '../electron/core/worker/pool'

const [phase, dir, stateDir, updatesArg] = process.argv.slice(2)
const files: string[] = (JSON.parse(readFileSync(path.join(dir, '.bench-vault.json'), 'utf8')) as { files: string[] }).files
const maxRssMb = () => process.resourceUsage().maxRSS / 1024
const since = (t0: number) => performance.now() - t0
/** CPU time of the whole process (every thread), ms: unlike wall time, hardly affected by other processes' load */
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
// the hosts' settings: above 60,000 edges (NOTES_GRAPH_DISPLAY_ABOVE_EDGES) getGraph and the change events carry
// the display graph, which is what a host serves and sends after each edit; queries keep the full graph
const opts = { folder: dir, bundledFolder: dir, cacheDir: path.join(stateDir, 'cache'), settingsDir: path.join(stateDir, 'settings') }
const out: Record<string, unknown> = { phase }

if (phase === 'bare') {
  // the baseline: single thread, read + remark-parse + remark-gfm, nothing else
  const processor = unified().use(remarkParse).use(remarkGfm)
  const t0 = performance.now()
  const c0 = cpuMs()
  for (const f of files) processor.parse(readFileSync(path.join(dir, f), 'utf8'))
  out.ms = since(t0)
  out.cpuMs = cpuMs() - c0
} else if (phase === 'bare-parallel' || phase === 'bare-parallel-index') {
  // the ceiling of any worker design on this machine: the bare parse alone, split over as many worker threads
  // as the pool uses (same young generation), nothing sent back, no extraction, no graph.
  // bare-parallel-index: the same with the index's own processor (parse/processor.ts: GFM without autolink
  // literals, frontmatter), the ceiling for the parse the index actually runs
  const size = defaultPoolSize()
  const processorCode = phase === 'bare-parallel' ? `
    Promise.all([import('unified'), import('remark-parse'), import('remark-gfm')]).then(([u, rp, rg]) => u.unified().use(rp.default).use(rg.default))` : `
    Promise.all(['unified', 'remark-parse', 'remark-frontmatter', 'micromark-extension-gfm-footnote', 'micromark-extension-gfm-strikethrough',
      'micromark-extension-gfm-table', 'micromark-extension-gfm-task-list-item', 'mdast-util-gfm-footnote', 'mdast-util-gfm-strikethrough',
      'mdast-util-gfm-table', 'mdast-util-gfm-task-list-item'].map((m) => import(m))).then(([u, rp, fm, a, b, c, d, e, f, g, h]) =>
      u.unified().use(rp.default).use(function () {
        const data = this.data()
        ;(data.micromarkExtensions ??= []).push(a.gfmFootnote(), b.gfmStrikethrough(), c.gfmTable(), d.gfmTaskListItem())
        ;(data.fromMarkdownExtensions ??= []).push(e.gfmFootnoteFromMarkdown(), f.gfmStrikethroughFromMarkdown(), g.gfmTableFromMarkdown(), h.gfmTaskListItemFromMarkdown())
      }).use(fm.default, ['yaml']))`
  const code = `
    const { parentPort, workerData } = require('node:worker_threads')
    const fs = require('node:fs'); const path = require('node:path')
    ${processorCode.trim()}.then((p) => {
      for (const f of workerData.files) p.parse(fs.readFileSync(path.join(workerData.dir, f), 'utf8'))
      parentPort.postMessage('done')
    })`
  const t0 = performance.now()
  const c0 = cpuMs()
  await Promise.all(Array.from({ length: size }, (_, k) => new Promise<void>((resolve, reject) => {
    const mine = files.filter((_f, i) => i % size === k)
    const w = new Worker(code, { eval: true, workerData: { dir, files: mine }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } })
    w.once('message', () => { resolve(); void w.terminate() })
    w.once('error', reject)
  })))
  out.ms = since(t0)
  out.cpuMs = cpuMs() - c0
  out.workers = size
} else if (phase === 'cold') {
  const t0 = performance.now()
  const c0 = cpuMs()
  const b = await createBackend(opts)
  const g = b.getGraph() // what a host serves: ready when this returns
  out.ms = since(t0)
  // the same clock as --cpu-prof profiles' timestamps, to line the served graph up with the workers' last note
  out.servedHrUs = Number(process.hrtime.bigint() / 1000n)
  out.cpuMs = cpuMs() - c0
  Object.assign(out, { parsed: b.vault.stats.parsed, workers: b.vault.stats.usedWorkers, nodes: g.nodes.length, edges: g.display?.totalEdges ?? g.edges.length, shownEdges: g.edges.length })
  const t1 = performance.now()
  await b.close() // writes the persisted index and the graph snapshot
  out.persistMs = since(t1)
} else if (phase === 'warm' || phase === 'warm-touched') {
  // warm-touched: one note (not the one edited below) changed while the app was closed; the graph is served
  // from the snapshot and that note follows as one delta (caughtUpMs)
  const touchedRel = files[Math.floor(files.length / 3)]
  const touched = phase === 'warm-touched' ? path.join(dir, touchedRel) : undefined
  const touchedText = touched && readFileSync(touched, 'utf8')
  if (touched) appendFileSync(touched, `\nTouched while closed: Amazon SageMaker Pipelines and AWS Glue. #touched\n`)
  // GC pauses on the main thread, to see what makes a slow edit slow
  let gcMs = 0
  const gc = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration })
  gc.observe({ entryTypes: ['gc'] })
  const t0 = performance.now()
  const c0 = cpuMs()
  const b = await createBackend(opts)
  out.createMs = since(t0)
  if (touched) b.onChange((c) => { if (out.caughtUpMs === undefined) { out.caughtUpMs = since(t0); out.caughtUpChanged = c.changed } })
  {
    // the warm start ends when the graph a host serves is there; counted, then let go, as a host does after sending it
    const g = b.getGraph()
    out.ms = since(t0)
    out.cpuMs = cpuMs() - c0
    Object.assign(out, { parsed: b.vault.stats.parsed, reused: b.vault.stats.reused, deferred: b.vault.stats.deferred ?? 0, nodes: g.nodes.length, edges: g.display?.totalEdges ?? g.edges.length, shownEdges: g.edges.length })
  }
  out.servedRssMb = maxRssMb()
  await b.whenReady()
  out.readyMs = since(t0)
  out.readyCpuMs = cpuMs() - c0
  // one changed note → updated graph, a few times
  const target = files[Math.floor(files.length / 2)]
  const abs = path.join(dir, target)
  const original = readFileSync(abs, 'utf8')
  const times: number[] = []
  const cpuTimes: number[] = []
  const indexTimes: number[] = []
  const gcTimes: number[] = []
  try {
    for (let k = 0; k < Number(updatesArg ?? 7); k++) {
      appendFileSync(abs, `\nEdit ${k}: Amazon Kinesis Data Streams feeds AWS Glue here. #edited${k}\n`)
      const t = performance.now()
      const c = cpuMs()
      const g = gcMs
      const change = await b.update([target])
      b.getGraph()
      times.push(since(t))
      cpuTimes.push(cpuMs() - c)
      await new Promise((r) => setImmediate(r)) // GC entries arrive a turn later
      gcTimes.push(gcMs - g)
      indexTimes.push(b.vault.stats.ms)
      if (!change) throw new Error('update produced no change')
    }
  } finally {
    writeFileSync(abs, original)
    if (touched) writeFileSync(touched, touchedText!)
  }
  // the index and snapshot written on close then match the notes: the next warm start has nothing to catch up
  await b.update(touched ? [target, touchedRel] : [target])
  gc.disconnect()
  out.updates = times
  out.updateCpuMs = cpuTimes
  out.updateIndexMs = indexTimes
  out.updateGcMs = gcTimes
  out.editsRssMb = maxRssMb() // before close, which writes the index and the snapshot
  await b.close()
} else if (phase === 'cards') {
  // study-card extraction vs the parse it rides on, on a sample of the vault (see bench/cards.ts)
  const { measureCardCost } = await import('./cards')
  // enough notes per pass that the card code runs as hot as in a real cold index
  const step = Math.max(1, Math.floor(files.length / 800))
  Object.assign(out, await measureCardCost(dir, files.filter((_f, i) => i % step === 0), 5))
} else {
  throw new Error(`unknown phase ${phase}`)
}
out.maxRssMb = maxRssMb()
process.stdout.write(JSON.stringify(out) + '\n')
