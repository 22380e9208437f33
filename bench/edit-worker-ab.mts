// One edited note -> updated graph, edits alternately parsed by the edit worker and on the main thread in one
// process (same heap, same load), so the two are compared under the same conditions. Wall and CPU (all threads).
// npx tsx bench/edit-worker-ab.mts <vault dir> <state dir> <edits>
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createBackend } from '../electron/core/backend'
const [dir, stateDir, n] = process.argv.slice(2)
const files: string[] = JSON.parse(readFileSync(path.join(dir, '.bench-vault.json'), 'utf8')).files
const b = await createBackend({ folder: dir, bundledFolder: dir, cacheDir: path.join(stateDir, 'cache'), settingsDir: path.join(stateDir, 'settings') })
b.getGraph()
await b.whenReady()
const v = b.vault as unknown as { editParser?: unknown }
const ep = v.editParser
// warm the in-thread parser as much as the worker
{ const { parseFile } = await import('../electron/core/index/parse-file'); const { loadEntities } = await import('../electron/core/entities'); const e = await loadEntities(); for (let i = 0; i < 12; i++) parseFile({ path: files[i], abs: path.join(dir, files[i]) }, e.extractor) }
const target = files[Math.floor(files.length / 2)]
const abs = path.join(dir, target)
const original = readFileSync(abs, 'utf8')
const res: Record<string, { wall: number[]; cpu: number[] }> = { worker: { wall: [], cpu: [] }, thread: { wall: [], cpu: [] } }
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
try {
  for (let k = 0; k < Number(n); k++) {
    const mode = k % 2 ? 'thread' : 'worker'
    v.editParser = mode === 'worker' ? ep : undefined
    appendFileSync(abs, `\nEdit ${k}: Amazon Kinesis Data Streams feeds AWS Glue here. #edited${k}\n`)
    const t = performance.now(); const c = cpu()
    await b.update([target]); b.getGraph()
    res[mode].wall.push(performance.now() - t); res[mode].cpu.push(cpu() - c)
    await new Promise((r) => setImmediate(r))
  }
} finally { writeFileSync(abs, original); v.editParser = ep }
const q = (a: number[], p: number) => { const s = [...a].sort((x, y) => x - y); return +s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)].toFixed(1) }
for (const [m, r] of Object.entries(res)) console.log(m, 'wall p50', q(r.wall, 0.5), 'p95', q(r.wall, 0.95), 'max', q(r.wall, 1), '| cpu p50', q(r.cpu, 0.5), 'p95', q(r.cpu, 0.95))
await b.update([target]); await b.close()
