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

/**
 * Build when the entry is missing or stale (progress on stderr: stdout belongs to the tool's output).
 * Returns the file to run: the built one, or the TypeScript source when the build failed.
 */
export function ensureEntryBuilt(name, { log = (m) => process.stderr.write(m + '\n') } = {}) {
  if (!entryIsStale(name)) return builtFile(name)
  log('Notes Graph: building (electron-vite build)…')
  const bin = path.join(repoRoot, 'node_modules/.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite')
  // the build's own output would mix with the tool's: it goes to stderr
  const r = spawnSync(bin, ['build'], { cwd: repoRoot, stdio: ['ignore', 2, 2] })
  if (r.status === 0 && fs.existsSync(builtFile(name))) {
    // the build keeps file times of unchanged chunks: mark this entry as newer than its sources
    const now = new Date()
    fs.utimesSync(builtFile(name), now, now)
    return builtFile(name)
  }
  log('Notes Graph: the build failed; running from the TypeScript sources (tsx) instead.')
  return path.join(repoRoot, ENTRIES[name])
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
