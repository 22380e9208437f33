// Build the renderer into out/renderer when it is missing or older than its sources.
// With the desktop config (electron.vite.config.ts) electron-vite builds everything; without it, or if
// that build fails, Vite builds the renderer alone with the same settings (root renderer/, base './').
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const rendererOut = path.join(repoRoot, 'out/renderer')
const SOURCES = ['renderer', 'electron/shared', 'electron/core/types.ts', 'electron/core/parse/slug.ts']

function newestMtime(p) {
  let st
  try { st = fs.statSync(p) } catch { return 0 }
  // a test file is no part of the build: editing one must not rebuild (and replace out/ under a running suite)
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(p) ? 0 : st.mtimeMs
  let max = st.mtimeMs
  for (const e of fs.readdirSync(p)) {
    if (e === 'node_modules' || e.startsWith('.')) continue
    max = Math.max(max, newestMtime(path.join(p, e)))
  }
  return max
}

export function rendererIsStale() {
  const index = path.join(rendererOut, 'index.html')
  if (!fs.existsSync(index)) return true
  const built = fs.statSync(index).mtimeMs
  return SOURCES.some((s) => newestMtime(path.join(repoRoot, s)) > built)
}

async function viteBuildRenderer() {
  const { build } = await import('vite')
  const react = (await import('@vitejs/plugin-react')).default
  const { launchChunks, preloadAppChunk } = await import('./preload-app-chunk.mjs')
  await build({
    configFile: false,
    root: path.join(repoRoot, 'renderer'),
    base: './',
    logLevel: 'warn',
    plugins: [react(), preloadAppChunk()],
    build: { outDir: rendererOut, emptyOutDir: true, chunkSizeWarningLimit: 2000, minify: true, rollupOptions: { output: { codeSplitting: launchChunks } } },
  })
}

/** Build when needed; `force` rebuilds anyway. Returns true when a build ran. */
export async function ensureRendererBuilt({ force = false, log = console.log } = {}) {
  if (!force && !rendererIsStale()) return false
  if (fs.existsSync(path.join(repoRoot, 'electron.vite.config.ts'))) {
    log('Building the app (electron-vite build)…')
    const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit' })
    if (r.status === 0 && fs.existsSync(path.join(rendererOut, 'index.html'))) return true
    log('electron-vite build failed; building the renderer alone with Vite.')
  } else log('Building the renderer (vite build)…')
  await viteBuildRenderer()
  // touch index.html so the staleness check sees this build as newer than the sources
  const now = new Date()
  fs.utimesSync(path.join(rendererOut, 'index.html'), now, now)
  return true
}
