#!/usr/bin/env node
// `npm start`: build when sources changed, then start the desktop app on the bundled notes.
// When Electron cannot start here (no binary can be downloaded, no display), say so in one
// line and serve the same UI from the web host instead.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)

function newestMtime(dir) {
  let newest = 0
  if (!existsSync(dir)) return newest
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const full = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
  }
  return newest
}

function buildIfNeeded() {
  const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => join(root, p))
  const built = outputs.every(existsSync) ? Math.min(...outputs.map((p) => statSync(p).mtimeMs)) : 0
  const sources = Math.max(newestMtime(join(root, 'electron')), newestMtime(join(root, 'renderer')), statSync(join(root, 'electron.vite.config.ts')).mtimeMs)
  if (built > sources) return
  console.log('Building Notes Graph…')
  const result = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.')
    process.exit(result.status ?? 1)
  }
}

/** Resolve Electron's binary in a child process: requiring 'electron' downloads it on first use. */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
  })
  if (probe.status === 0 && probe.stdout && existsSync(probe.stdout)) return { path: probe.stdout }
  const text = `${probe.stderr ?? ''}\n${probe.error?.message ?? ''}`
  const reason = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(text)
    ? 'its binary could not be downloaded (no network access)'
    : probe.error?.code === 'ETIMEDOUT'
      ? 'downloading its binary timed out'
      : 'its binary is not installed'
  return { reason }
}

function startWebHost(reason) {
  console.log(`Electron could not start: ${reason}. Starting the web host on the bundled notes instead; open the address it prints (it carries this launch's access token).`)
  const child = spawn(process.execPath, [join(root, 'scripts', 'web.mjs'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
}

buildIfNeeded()

const electron = electronBinary()
if (!electron.path) {
  startWebHost(electron.reason)
} else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  startWebHost('no graphical display is available')
} else {
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  const started = Date.now()
  let output = ''
  const child = spawn(electron.path, ['.'], { cwd: root, env, stdio: ['inherit', 'inherit', 'pipe'] })
  child.stderr.on('data', (chunk) => {
    output += chunk
    process.stderr.write(chunk)
  })
  child.on('error', (err) => startWebHost(`it failed to launch: ${err.message}`))
  child.on('exit', (code, signal) => {
    // A crash in the first seconds is a start failure (missing libraries, sandbox): fall back.
    if (code !== 0 && Date.now() - started < 8000) {
      const line = output.trim().split('\n').pop() ?? ''
      startWebHost(`it exited at start${signal ? ` (${signal})` : ` with code ${code}`}${line ? `: ${line.slice(0, 160)}` : ''}`)
    } else {
      process.exit(code ?? 0)
    }
  })
  for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s))
}
