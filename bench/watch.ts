// `npx tsx bench/watch.ts [--sizes 2000,10000] [--idle 10]`: our watcher (electron/core/watch.ts, fs.watch
// recursive) vs chokidar 4 on generated vaults. Each watcher runs in its own process: time until it watches,
// memory it adds, CPU over an idle period, then one create / edit / delete / rename of a note and a symlink to a
// file outside the folder: how long until the batch arrives, how many batches, which paths. Prints figures.
import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { watch as chokidarWatch } from 'chokidar'
import { watchFolder } from '../electron/core/watch'
import { Vault } from '../electron/core/vault'
import { generateVault } from './generate'

type Batch = { at: number; paths: string[] }
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
const rssMb = () => process.memoryUsage().rss / 1048576
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** chokidar behind the same callback as ours: events debounced into one batch of relative paths. */
async function startChokidar(root: string, onChange: (paths: string[]) => void): Promise<() => Promise<void>> {
  let pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  const ignored = (p: string) => path.relative(root, p).split(path.sep).some((s) => s.startsWith('.') || s === 'node_modules')
  const w = chokidarWatch(root, { ignoreInitial: true, followSymlinks: false, ignored, persistent: true })
  w.on('all', (_event, p) => {
    pending.add(path.relative(root, p).split(path.sep).join('/'))
    clearTimeout(timer)
    timer = setTimeout(() => { const b = [...pending]; pending = new Set(); onChange(b) }, 100)
  })
  await new Promise<void>((r) => w.once('ready', () => r()))
  return () => w.close()
}

/** What the polling fallback pays every 5 s: one refresh of the index when nothing changed (warm index). */
async function rescan(dir: string): Promise<void> {
  const vault = await Vault.open(dir, { cacheDir: path.join(os.tmpdir(), 'ng-search-bench-cache') })
  const wall: number[] = []
  const cpus: number[] = []
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    const c = cpu()
    await vault.refresh()
    wall.push(performance.now() - t)
    cpus.push(cpu() - c)
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]
  console.log(`- one rescan of ${vault.noteCount} notes, nothing changed: ${med(wall).toFixed(0)} ms wall (${Math.min(...wall).toFixed(0)}–${Math.max(...wall).toFixed(0)}), ${med(cpus).toFixed(0)} ms CPU → every 5 s: ${((med(cpus) / 5000) * 100).toFixed(1)} % of a core`)
  await vault.close()
}

async function one(kind: string, dir: string, idleS: number): Promise<void> {
  if (kind === 'rescan') return rescan(dir)
  const batches: Batch[] = []
  const onChange = (paths: string[]) => batches.push({ at: performance.now(), paths })
  const rss0 = rssMb()
  const c0 = cpu()
  const t0 = performance.now()
  let close: () => unknown
  if (kind === 'ours') {
    const w = watchFolder(dir, onChange)
    close = () => w.close()
  } else {
    close = await startChokidar(dir, onChange)
  }
  const setupMs = performance.now() - t0
  const setupCpu = cpu() - c0
  await sleep(500) // let set-up work that runs after the call finish
  const rss1 = rssMb()
  const i0 = cpu()
  await sleep(idleS * 1000)
  const idleCpu = cpu() - i0
  const out: string[] = []
  out.push(`set-up ${setupMs.toFixed(0)} ms wall / ${setupCpu.toFixed(0)} ms CPU, RSS +${(rss1 - rss0).toFixed(0)} MB; idle ${idleS} s: ${idleCpu.toFixed(0)} ms CPU (${((idleCpu / (idleS * 1000)) * 100).toFixed(2)} % of a core)`)

  const outside = mkdtempSync(path.join(os.tmpdir(), 'ng-watch-outside-'))
  writeFileSync(path.join(outside, 'secret.md'), '# Secret\n')
  const ops: [string, () => void][] = [
    ['create', () => writeFileSync(path.join(dir, 'bench-new.md'), '# New\n')],
    ['edit', () => appendFileSync(path.join(dir, 'bench-new.md'), 'More.\n')],
    ['rename', () => renameSync(path.join(dir, 'bench-new.md'), path.join(dir, 'bench-renamed.md'))],
    ['delete', () => rmSync(path.join(dir, 'bench-renamed.md'))],
    ['symlink to a file outside', () => symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'bench-link.md'))],
    ['new folder with a note', () => { mkdirSync(path.join(dir, 'bench-dir')); writeFileSync(path.join(dir, 'bench-dir/a.md'), '# A\n') }],
    ['note added to that new folder later', () => writeFileSync(path.join(dir, 'bench-dir/b.md'), '# B\n')],
    ['folder of 2 notes moved in from outside', () => {
      mkdirSync(path.join(outside, 'moved'))
      writeFileSync(path.join(outside, 'moved/c.md'), '# C\n')
      writeFileSync(path.join(outside, 'moved/d.md'), '# D\n')
      renameSync(path.join(outside, 'moved'), path.join(dir, 'bench-dir/moved'))
    }],
    ['note edited inside the moved-in folder', () => appendFileSync(path.join(dir, 'bench-dir/moved/c.md'), 'More.\n')],
    ['folder deleted', () => rmSync(path.join(dir, 'bench-dir'), { recursive: true })],
  ]
  for (const [name, op] of ops) {
    const before = batches.length
    const t = performance.now()
    op()
    for (let i = 0; i < 300 && batches.length === before; i++) await sleep(10)
    await sleep(400) // any further batches for the same operation
    const got = batches.slice(before)
    const latency = got.length ? `${(got[0].at - t).toFixed(0)} ms` : 'none in 3 s'
    out.push(`${name}: ${got.length} batch(es), first after ${latency}, paths ${JSON.stringify(got.flatMap((b) => b.paths))}`)
  }
  rmSync(path.join(dir, 'bench-link.md'), { force: true })
  rmSync(path.join(dir, 'bench-dir'), { recursive: true, force: true })
  rmSync(outside, { recursive: true, force: true })
  await close()
  console.log(out.map((l) => `- ${l}`).join('\n'))
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const arg = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined }
  const idle = Number(arg('--idle') ?? 10)
  const single = arg('--one')
  if (single) return one(single, arg('--dir')!, idle)
  const sizes = (arg('--sizes') ?? '2000,10000').split(',').map(Number).filter((n) => n > 0)
  console.log(`# Watching: fs.watch recursive (ours) vs chokidar ${'4'} — Node ${process.version}, ${os.cpus().length} cores`)
  for (const n of sizes) {
    const gen = generateVault(path.join(os.tmpdir(), 'notes-graph-bench', String(n)), n)
    for (const kind of ['ours', 'chokidar', 'rescan']) {
      console.log(`\n## ${n} notes, ${kind === 'rescan' ? 'polling fallback (ours, when fs.watch fails)' : kind} — load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`)
      const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--one', kind, '--dir', gen.dir, '--idle', String(idle)], { stdio: 'inherit' })
      if (r.status !== 0) console.log(`(failed with ${r.status})`)
    }
  }
}

void main()
