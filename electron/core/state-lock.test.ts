import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LOCK_NAME, isRunning, lockStateDir } from './state-lock'

let tmp: string
beforeEach(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-lock-')) })
afterEach(() => rmSync(tmp, { recursive: true, force: true }))

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  const pid = Number(r.stdout)
  expect(isRunning(pid)).toBe(false)
  return pid
}

describe('state folder lock', () => {
  it('makes the folder, holds the lock with our pid, and lets go on release', async () => {
    const dir = path.join(tmp, 'state', 'nested')
    const lock = await lockStateDir(dir)
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_NAME), 'utf8')).pid).toBe(process.pid)
    lock.release()
    expect(existsSync(path.join(dir, LOCK_NAME))).toBe(false)
    lock.release() // twice is fine
  })

  it('refuses a second holder after waiting, with a message that says what to do', async () => {
    const lock = await lockStateDir(tmp)
    const t0 = Date.now()
    await expect(lockStateDir(tmp, { waitMs: 300 })).rejects.toThrow(/Another Notes Graph \(this process\) is using the state folder .*--state DIR/)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280)
    lock.release()
    ;(await lockStateDir(tmp)).release()
  })

  it('waits for a holder that lets go within the wait', async () => {
    const lock = await lockStateDir(tmp)
    setTimeout(() => lock.release(), 300)
    const next = await lockStateDir(tmp, { waitMs: 5000 })
    expect(JSON.parse(readFileSync(next.file, 'utf8')).pid).toBe(process.pid)
    next.release()
  })

  it('takes over a lock whose owner has exited, at once', async () => {
    writeFileSync(path.join(tmp, LOCK_NAME), JSON.stringify({ pid: deadPid() }))
    const t0 = Date.now()
    const lock = await lockStateDir(tmp, { waitMs: 5000 })
    expect(Date.now() - t0).toBeLessThan(1000)
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid)
    lock.release()
  })

  it('refuses while another live process holds it, and takes it once that process is gone', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
    try {
      writeFileSync(path.join(tmp, LOCK_NAME), JSON.stringify({ pid: child.pid }))
      await expect(lockStateDir(tmp, { waitMs: 200 })).rejects.toThrow(`(process ${child.pid})`)
      const gone = new Promise((r) => child.once('exit', r))
      child.kill('SIGKILL')
      await gone
      ;(await lockStateDir(tmp, { waitMs: 200 })).release()
    } finally {
      child.kill('SIGKILL')
    }
  })

  it('says in one line that a state path is a file', async () => {
    const file = path.join(tmp, 'state.json')
    writeFileSync(file, '{}')
    await expect(lockStateDir(file)).rejects.toThrow(`The state path ${file} is a file, not a folder.`)
    await expect(lockStateDir(path.join(file, 'sub'))).rejects.toThrow(/is inside a file, not a folder/)
  })
})
