// The web host process at its start: a state path that is a file, and two hosts on one state folder. The host runs
// from built JavaScript (out/main/web.js, what `npm run web` runs), built first when missing or stale.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const repo = path.resolve(import.meta.dirname, '../..')
/** node on the built entry; tsx on the source only if the build failed */
let command: { file: string; args: string[] }
let tmp: string
let notes: string
const children: ChildProcess[] = []

interface Run { child: ChildProcess; out: () => string; err: () => string; exited: Promise<number | null>; url: Promise<string> }

function host(state: string): Run {
  const child = spawn(command.file, [...command.args, '--port', '0', '--notes', notes, '--state', state, '--static', tmp], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
    detached: true, // its own process group, so the end of a test takes everything it started
  })
  children.push(child)
  let out = ''
  let err = ''
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()))
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /Notes Graph web host: (\S+)/.exec(out)
      if (m) resolve(m[1])
    })
    void exited.then(() => reject(new Error(`exited: ${err}`)))
  })
  url.catch(() => undefined)
  return { child, out: () => out, err: () => err, exited, url }
}

beforeAll(async () => {
  const { ensureEntryBuilt } = await import('../../scripts/built-entry.mjs')
  const entry = ensureEntryBuilt('web')
  command = entry.endsWith('.ts') ? { file: path.join(repo, 'node_modules/.bin/tsx'), args: [entry] } : { file: process.execPath, args: [entry] }
}, 600_000)

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-host-'))
  notes = path.join(tmp, 'notes')
  mkdirSync(notes)
  writeFileSync(path.join(notes, 'a.md'), '# A\n\nAWS Glue.\n')
})

afterEach(() => {
  for (const c of children.splice(0)) {
    try { process.kill(-c.pid!, 'SIGKILL') } catch { /* already gone */ }
  }
  rmSync(tmp, { recursive: true, force: true })
})

describe('web host start', () => {
  it('--state pointing at a file: one line on stderr and exit 2', async () => {
    const file = path.join(tmp, 'state.txt')
    writeFileSync(file, 'x')
    const run = host(file)
    expect(await run.exited).toBe(2)
    expect(run.err().trim().split('\n')).toEqual([`Notes Graph web host: The state path ${file} is a file, not a folder.`])
  })

  it('a second host on the same state folder is refused with one line; after the first stops, the next one starts', async () => {
    const state = path.join(tmp, 'state')
    const first = host(state)
    expect(await first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/)
    const second = host(state)
    expect(await second.exited).toBe(3)
    expect(second.err().trim().split('\n')).toEqual([expect.stringMatching(/^Notes Graph web host: Another Notes Graph \(process \d+\) is using the state folder .*\(--state DIR\)\.$/)])
    // stopped, and a new one started at once: it waits for the first to let go instead of refusing
    first.child.kill('SIGTERM')
    const third = host(state)
    expect(await third.url).toMatch(/token=/)
    // it stops on the signal through its handler (tsx's relay, used only when the build failed, may end it by the signal: 143)
    expect(command.file === process.execPath ? [0] : [0, 143]).toContain(await first.exited)
  })
})
