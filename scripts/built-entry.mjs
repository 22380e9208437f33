// The command-line tools and the web host run from the built JavaScript in out/main (entries `cli`,
// `cards-cli`, `web` of electron.vite.config.ts's main build), not through a TypeScript loader at every start.
// An entry missing or older than its sources is built first (electron-vite build, as `npm run build` does);
// when that build fails, the source runs through tsx instead, so the tools still work.
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { repoRoot } from './build-renderer.mjs'

/** entry name → its source (the same entries as electron.vite.config.ts) */
export const ENTRIES = {
  cli: 'electron/core/cli.ts',
  'cards-cli': 'electron/core/study/cli.ts',
  web: 'electron/web/main.ts',
}
const SOURCES = ['electron', 'electron.vite.config.ts', 'package.json']

function newestSource(p) {
  let st
  try { st = fs.statSync(p) } catch { return 0 }
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(p) ? 0 : st.mtimeMs
  let max = 0
  for (const e of fs.readdirSync(p)) {
    if (e === 'node_modules' || e.startsWith('.')) continue
    max = Math.max(max, newestSource(path.join(p, e)))
  }
  return max
}

export const builtFile = (name) => path.join(repoRoot, 'out/main', `${name}.js`)

export function entryIsStale(name) {
  const out = builtFile(name)
  if (!fs.existsSync(out)) return true
  const built = fs.statSync(out).mtimeMs
  return SOURCES.some((s) => newestSource(path.join(repoRoot, s)) > built)
}

/** Every entry one build made: all of them are as new as their sources now. */
function markAllBuilt() {
  const now = new Date()
  for (const name of Object.keys(ENTRIES)) if (fs.existsSync(builtFile(name))) fs.utimesSync(builtFile(name), now, now)
}

const LOCK = path.join(repoRoot, 'out', '.build-lock')

function lockHolderGone() {
  let pid
  try { pid = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8')) } catch {
    // no pid yet: its holder is writing it, unless the lock is old
    try { return Date.now() - fs.statSync(LOCK).mtimeMs > 30_000 } catch { return true }
  }
  try { process.kill(pid, 0); return false } catch (e) { return e.code === 'ESRCH' }
}

/**
 * One build at a time across processes: test files running in parallel each ask for their entry, and two builds
 * emptying and writing out/ together would leave a half-written tree. A folder in out/ is the lock; a holder that
 * died leaves it behind and the next one takes it over.
 */
function withBuildLock(fn) {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true })
  const nap = new Int32Array(new SharedArrayBuffer(4))
  for (;;) {
    try { fs.mkdirSync(LOCK); break } catch (e) { if (e.code !== 'EEXIST') throw e }
    if (lockHolderGone()) fs.rmSync(LOCK, { recursive: true, force: true })
    else Atomics.wait(nap, 0, 0, 200) // a synchronous wait: this function is synchronous for its callers
  }
  try {
    fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid))
    return fn()
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true })
  }
}

/**
 * Build when the entry is missing or stale (progress on stderr: stdout belongs to the tool's output).
 * Returns the file to run: the built one, or the TypeScript source when the build failed.
 */
export function ensureEntryBuilt(name, { log = (m) => process.stderr.write(m + '\n') } = {}) {
  if (!entryIsStale(name)) return builtFile(name)
  return withBuildLock(() => {
    // another process may have built it while this one waited
    if (!entryIsStale(name)) return builtFile(name)
    log('Notes Graph: building (electron-vite build)…')
    const bin = path.join(repoRoot, 'node_modules/.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite')
    // the build's own output would mix with the tool's: it goes to stderr
    const r = spawnSync(bin, ['build'], { cwd: repoRoot, stdio: ['ignore', 2, 2] })
    if (r.status === 0 && fs.existsSync(builtFile(name))) {
      // the build may keep file times of unchanged chunks: mark the entries as newer than their sources
      markAllBuilt()
      return builtFile(name)
    }
    log('Notes Graph: the build failed; running from the TypeScript sources (tsx) instead.')
    return path.join(repoRoot, ENTRIES[name])
  })
}

/** Run an entry in this process, as if it had been started as `node <file> ...args`. */
export async function runEntry(file, args) {
  process.argv = [process.argv[0], file, ...args]
  if (file.endsWith('.ts')) {
    const { register } = await import('tsx/esm/api')
    register()
  }
  await import(pathToFileURL(file).href)
}
