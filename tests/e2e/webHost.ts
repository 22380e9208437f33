// Start `electron/web/main.ts` as a child process on a free port and wait for its URL line.
import { spawn } from 'node:child_process'
import path from 'node:path'

export interface RunningHost { url: string; stop(): Promise<void> }

export function startWebHost(opts: { notes: string; stateDir: string; timeoutMs?: number }): Promise<RunningHost> {
  const repo = path.resolve(import.meta.dirname, '../..')
  const tsx = path.join(repo, 'node_modules/.bin/tsx')
  const child = spawn(tsx, [path.join(repo, 'electron/web/main.ts'), '--port', '0', '--notes', opts.notes, '--state', opts.stateDir], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
  })
  let log = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill(); reject(new Error(`web host did not start:\n${log}`)) }, opts.timeoutMs ?? 60_000)
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      const m = /Notes Graph web host: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log)
      if (!m) return
      clearTimeout(timer)
      resolve({
        url: m[1],
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
