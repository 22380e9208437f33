// The CLI's warm run leaves the snapshot's full edges and notes' details on disk until its output needs them:
// damage found there only then still ends in the right output, with the usual message, and a fresh snapshot.
import { afterAll, describe, expect, it, vi } from 'vitest'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import { runCli } from './cli'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-cli-warm-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

async function run(...args: string[]): Promise<string> {
  let out = ''
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out += String(chunk); return true })
  try {
    expect(await runCli(args)).toBe(0)
  } finally {
    write.mockRestore()
  }
  return out
}

/** Flip the last byte of the snapshot's first block of this kind. */
function damage(cache: string, kind: string): void {
  const file = path.join(cache, readdirSync(cache).find((f) => f.endsWith('.snap'))!)
  const bytes = readFileSync(file)
  for (let at = 16; at < bytes.length;) {
    const len = bytes.readUInt32LE(at)
    if ((v8.deserialize(bytes.subarray(at + 8, at + 8 + len)) as { kind?: string }).kind === kind) {
      bytes[at + 8 + len - 1] ^= 1
      writeFileSync(file, bytes)
      return
    }
    at += 8 + len
  }
  throw new Error(`no ${kind} block`)
}

describe('CLI warm run with a snapshot damaged where it reads late', () => {
  it('prints the same graph with the damaged-index message, and the next run is warm and clean again', async () => {
    const notes = path.join(tmp, 'notes')
    const cache = path.join(tmp, 'cache')
    mkdirSync(path.join(notes, 'D1_prep'), { recursive: true })
    writeFileSync(path.join(notes, 'D1_prep', 'a.md'), '# Ingest\n\nAmazon S3 holds the data; AWS Glue crawls it. See [b](b.md).\n')
    writeFileSync(path.join(notes, 'D1_prep', 'b.md'), '# B\n\nAmazon Kinesis Data Streams and Amazon S3.\n')
    const cold = JSON.parse(await run(notes, '--json', '--cache-dir', cache)) as { edges: unknown[]; diagnostics: { code: string }[] }
    expect(cold.edges.length).toBeGreaterThan(0)

    damage(cache, 'edges')
    // the summary counts edges from the snapshot: the damaged block is not read
    expect(await run(notes, '--cache-dir', cache)).toMatch(/Edges by type:/)
    const found = JSON.parse(await run(notes, '--json', '--cache-dir', cache)) as typeof cold
    expect(found.diagnostics.map((d) => d.code)).toContain('snapshot-corrupt')
    expect({ ...found, diagnostics: found.diagnostics.filter((d) => d.code !== 'snapshot-corrupt') }).toEqual(cold)
    expect(JSON.parse(await run(notes, '--json', '--cache-dir', cache))).toEqual(cold) // rebuilt, no message
  }, 120_000)
})
