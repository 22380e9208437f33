// Start the web host as a child process on a free port and wait for its URL line. It runs from built JavaScript
// (out/main/web.js, what `npm run web` runs), built first when missing or older than its sources: a TypeScript
// loader at every start cost seconds per host on a loaded machine.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { ensureEntryBuilt } from '../../scripts/built-entry.mjs'

export interface RunningHost {
  /** the address the host printed, with its access token: open it, or append `#?…` to it */
  url: string
  /** `http://127.0.0.1:PORT/`, for API calls (with `authorization`) */
  origin: string
  token: string
  /** the header that lets a script call the API without the page's cookie */
  authorization: string
  stop(): Promise<void>
}

const repo = path.resolve(import.meta.dirname, '../..')
let entry: string | undefined

/**
 * The command that starts the host: node on out/main/web.js, built once per process when stale (the global setup
 * builds it before any spec runs). Should the build fail, the TypeScript source through tsx, as `npm run web` does.
 */
export function webHostCommand(log: (m: string) => void = (m) => console.log(`[e2e] ${m}`)): { command: string; args: string[] } {
  entry ??= ensureEntryBuilt('web', { log })
  return entry.endsWith('.ts')
    ? { command: path.join(repo, 'node_modules/.bin/tsx'), args: [entry] }
    : { command: process.execPath, args: [entry] }
}

export function startWebHost(opts: { notes: string; stateDir: string; timeoutMs?: number; env?: Record<string, string> }): Promise<RunningHost> {
  const { command, args } = webHostCommand()
  const child = spawn(command, [...args, '--port', '0', '--notes', opts.notes, '--state', opts.stateDir], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined, ...opts.env },
  })
  let log = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill(); reject(new Error(`web host did not start:\n${log}`)) }, opts.timeoutMs ?? 60_000)
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      const m = /Notes Graph web host: ((http:\/\/127\.0\.0\.1:\d+\/)\?token=([\w-]+))/.exec(log)
      if (!m) return
      clearTimeout(timer)
      resolve({
        url: m[1],
        origin: m[2],
        token: m[3],
        authorization: `Bearer ${m[3]}`,
        stop: () => new Promise<void>((done) => {
          if (child.exitCode !== null) { done(); return }
          child.once('exit', () => done())
          child.kill('SIGTERM')
          setTimeout(() => child.kill('SIGKILL'), 5000).unref()
        }),
      })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (c: Buffer) => { log += c.toString() })
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`web host exited (${code}):\n${log}`)) })
  })
}
