// `npm run test:e2e`: the Playwright end-to-end tests in Chromium against the web host (and the
// Electron spec, which skips where Electron's binary is missing). Never downloads a browser.
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { ensureRendererBuilt, repoRoot } from './build-renderer.mjs'

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const full = path.join(dir, name)
    try { fs.accessSync(full, fs.constants.X_OK); return full } catch { /* keep looking */ }
  }
  return undefined
}

/** Same search order as tests/e2e/browser.ts. */
function findBrowser() {
  if (process.env.CHROMIUM_PATH) return fs.existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined
  for (const p of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) if (fs.existsSync(p)) return p
  for (const name of ['chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = onPath(name)
    if (found) return found
  }
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('playwright').chromium.executablePath())"], { cwd: repoRoot, encoding: 'utf8' })
  if (r.status === 0 && r.stdout && fs.existsSync(r.stdout)) return r.stdout
  return undefined
}

const browser = findBrowser()
if (!browser) {
  console.error([
    'End-to-end tests need Chromium, and none was found.',
    '  Debian/Ubuntu:            sudo apt-get install -y chromium',
    '  where the network allows: npx playwright install chromium',
    '  or point CHROMIUM_PATH at a Chromium/Chrome executable.',
  ].join('\n'))
  process.exit(1)
}
console.log(`Chromium: ${browser}`)

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1'
try {
  await ensureRendererBuilt()
} catch (err) {
  console.error(`Could not build the renderer: ${err instanceof Error ? err.message : err}`)
  process.exit(1)
}
const args = ['playwright', 'test', ...process.argv.slice(2)]
const r = spawnSync('npx', args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: browser } })
process.exit(r.status ?? 1)
