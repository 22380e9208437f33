// Notes written while the host runs always reach the graph, however their writes and the watcher's updates
// interleave: a file made empty and then written, writes that come while an update is being applied, a new
// folder with notes in it, and a rewrite that keeps the file's size and timestamp.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openTestBackend, writeNote } from './test-vault'
import type { Backend } from './backend'

let tmp: string
let notes: string
let backend: Backend | undefined

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-races-'))
  notes = path.join(tmp, 'notes')
  writeNote(notes, 'D1/a.md', '# A\n\nAWS Glue.\n')
})
afterEach(async () => {
  await backend?.close()
  backend = undefined
  rmSync(tmp, { recursive: true, force: true })
})

const at = (rel: string) => path.join(notes, rel)
const node = (rel: string) => backend!.getGraph().nodes.find((n) => n.id === `note:${rel}`)
const mentions = (rel: string, service: string) => backend!.getGraph().edges.some((e) => e.id === `mentions:note:${rel}->service:${service}`)
const until = (cond: () => boolean) => vi.waitFor(() => expect(cond()).toBe(true), { timeout: 8000, interval: 20 })

/** Hold the vault's next updates at their start until `release()`; `started` resolves when one is held. */
function gateUpdates(b: Backend) {
  const vault = b.vault
  const original = vault.update.bind(vault)
  let release = () => {}
  const gate = new Promise<void>((r) => (release = r))
  let started = () => {}
  const held = new Promise<void>((r) => (started = r))
  vault.update = async (paths) => { started(); await gate; return original(paths) }
  return { held, release }
}

describe('the watcher and the update queue', () => {
  it('a note created empty and then written shows its content', async () => {
    backend = await openTestBackend(tmp, notes, { watch: true })
    writeFileSync(at('D1/two-step.md'), '')
    await until(() => node('D1/two-step.md') !== undefined)
    writeFileSync(at('D1/two-step.md'), '# Two steps\n\nAmazon Kinesis.\n')
    await until(() => node('D1/two-step.md')?.label === 'Two steps' && mentions('D1/two-step.md', 'amazon-kinesis'))
  })

  it('notes written while an update is being applied arrive after it', async () => {
    backend = await openTestBackend(tmp, notes, { watch: true })
    const gate = gateUpdates(backend)
    writeFileSync(at('D1/first.md'), '')
    await gate.held // the first note's update has started and waits
    writeFileSync(at('D1/first.md'), '# First\n\nAmazon Kinesis.\n') // its second step, while its update runs
    writeFileSync(at('D1/second.md'), '# Second\n\nAmazon S3.\n')
    writeFileSync(at('D1/a.md'), '# A again\n\nAWS Glue and Amazon Athena.\n')
    gate.release()
    await until(() => node('D1/first.md')?.label === 'First' && mentions('D1/first.md', 'amazon-kinesis')
      && node('D1/second.md')?.label === 'Second' && node('D1/a.md')?.label === 'A again' && mentions('D1/a.md', 'amazon-athena'))
  })

  it('a new folder with notes in it, made in one go', async () => {
    backend = await openTestBackend(tmp, notes, { watch: true })
    mkdirSync(at('D9/deeper'), { recursive: true })
    writeFileSync(at('D9/deeper/new.md'), '# New\n')
    writeFileSync(at('D9/top.md'), '# Top\n')
    await until(() => node('D9/deeper/new.md') !== undefined && node('D9/top.md') !== undefined)
  })

  it('a rewrite of the same size within the same timestamp tick is not taken for "unchanged"', async () => {
    backend = await openTestBackend(tmp, notes)
    writeNote(notes, 'D1/tick.md', '# Tick\n\nAWS Glue.\n')
    const tick = Math.floor(Date.now() / 1000) // a whole second: utimes sets it exactly
    utimesSync(at('D1/tick.md'), tick, tick)
    await backend.update(['D1/tick.md'])
    expect(mentions('D1/tick.md', 'aws-glue')).toBe(true)
    // same length, other service; the file system's clock has not moved on (coarse timestamps, a quick second save)
    writeFileSync(at('D1/tick.md'), '# Tick\n\nAmazon S3\n')
    utimesSync(at('D1/tick.md'), tick, tick)
    expect(statSync(at('D1/tick.md')).mtimeMs).toBe(tick * 1000)
    await backend.update(['D1/tick.md'])
    expect(mentions('D1/tick.md', 'aws-glue')).toBe(false)
    expect(mentions('D1/tick.md', 'amazon-s3')).toBe(true)
  })
})
