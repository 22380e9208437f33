// `npm run web -- [--port N] [--notes DIR] [--state DIR]`: build the renderer if needed, then start the web host,
// which prints `Notes Graph web host: http://127.0.0.1:PORT/?token=…` (the address to open; new token each launch).
import { spawn } from 'node:child_process'
import path from 'node:path'
import { ensureRendererBuilt, repoRoot } from './build-renderer.mjs'

try {
  await ensureRendererBuilt({ log: (m) => console.error(m) })
} catch (err) {
  console.error(`Notes Graph: could not build the renderer: ${err instanceof Error ? err.message : err}`)
  process.exit(1)
}
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx')
const child = spawn(tsx, [path.join(repoRoot, 'electron/web/main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' })
const forward = (sig) => () => child.kill(sig)
process.on('SIGINT', forward('SIGINT'))
process.on('SIGTERM', forward('SIGTERM'))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
