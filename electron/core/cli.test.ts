// The CLI as users run it: `npm run --silent graph -- <folder> [--json]`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCliArgs } from './cli'
import { parseArgs as parseWebArgs } from '../web/main'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
let tmp: string

function runGraph(...args: string[]) {
  const r = spawnSync('npm', ['run', '--silent', 'graph', '--', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache') },
    timeout: 60_000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

beforeAll(async () => {
  // `npm run graph` runs the built JavaScript and builds it when stale: build once here, with time to spare,
  // so each run below is timed as a user's (a fresh clone has no out/ yet)
  const { ensureEntryBuilt } = (await import('../../scripts/built-entry.mjs')) as { ensureEntryBuilt(name: string): string }
  ensureEntryBuilt('cli')
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-cli-'))
  const notes = path.join(tmp, 'notes')
  mkdirSync(path.join(notes, 'D1_prep'), { recursive: true })
  writeFileSync(path.join(notes, 'D1_prep', 'a.md'), '---\ntags: [ingest]\n---\n# Ingest with Glue\n\nAmazon S3 holds the data; AWS Glue crawls it. See [b](b.md).\n')
  writeFileSync(path.join(notes, 'D1_prep', 'b.md'), '---\ntitle: [broken\n---\n# B\n\nAmazon Kinesis Data Streams.\n')
}, 600_000)

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** the cache folder of the last runs (XDG_CACHE_HOME) */
const cacheFiles = () => readdirSync(path.join(tmp, 'cache', 'notes-graph'))

describe('cli', () => {
  it('--json prints exactly one JSON document with nodes, edges and diagnostics', () => {
    const r = runGraph(path.join(tmp, 'notes'), '--json')
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout) as { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[]; diagnostics: Record<string, unknown>[] }
    expect(Object.keys(doc)).toEqual(['nodes', 'edges', 'diagnostics'])
    expect(doc.nodes).toContainEqual({ id: 'note:D1_prep/a.md', type: 'note', label: 'Ingest with Glue', path: 'D1_prep/a.md', domain: 'D1' })
    expect(doc.nodes).toContainEqual(expect.objectContaining({ id: 'domain:D1', type: 'domain' }))
    expect(doc.nodes).toContainEqual(expect.objectContaining({ id: 'tag:ingest', type: 'tag' }))
    for (const n of doc.nodes) for (const k of Object.keys(n)) expect(['id', 'type', 'label', 'path', 'domain', 'category', 'parent']).toContain(k)
    expect(doc.edges).toContainEqual(expect.objectContaining({ source: 'note:D1_prep/a.md', target: 'note:D1_prep/b.md', type: 'links-to' }))
    expect(doc.diagnostics).toContainEqual(expect.objectContaining({ file: 'D1_prep/b.md', code: 'yaml-invalid' }))
  })

  it('prints a readable summary without --json', () => {
    const r = runGraph(path.join(tmp, 'notes'))
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Nodes by type:/)
    expect(r.stdout).toMatch(/note\s+2/)
    expect(r.stdout).toMatch(/Top services by number of notes:/)
    expect(r.stdout).toMatch(/yaml-invalid/)
  })

  it('a second run is a warm start from the snapshot, and still sees an edit that kept size and mtime', () => {
    const notes = path.join(tmp, 'notes')
    const first = runGraph(notes, '--json')
    expect(first.code).toBe(0)
    expect(cacheFiles().some((f) => f.endsWith('.snap'))).toBe(true)
    const second = runGraph(notes, '--json')
    expect(second.code).toBe(0)
    expect(second.stdout).toBe(first.stdout)
    // same size, mtime put back: the content hash finds it
    const b = path.join(notes, 'D1_prep', 'b.md')
    utimesSync(b, 1_700_000_000, 1_700_000_000)
    runGraph(notes, '--json')
    writeFileSync(b, '---\ntitle: [broken\n---\n# C\n\nAmazon Kinesis Data Streams.\n') // was '# B'
    utimesSync(b, 1_700_000_000, 1_700_000_000)
    const third = JSON.parse(runGraph(notes, '--json').stdout) as { nodes: { id: string; label: string }[] }
    expect(third.nodes.find((n) => n.id === 'note:D1_prep/b.md')?.label).toBe('C')
  }, 120_000)

  it('a warm summary (edges left packed, counted from the snapshot) is the cold one, but for the time', () => {
    const notes = path.join(tmp, 'notes')
    const cache = path.join(tmp, 'summary-cache')
    const untimed = (out: string) => out.replace(/^Indexed in [\d.]+ s: /m, 'Indexed: ')
    const cold = runGraph(notes, '--cache-dir', cache)
    expect(cold.code).toBe(0)
    expect(readdirSync(cache).some((f) => f.endsWith('.snap'))).toBe(true)
    const warm = runGraph(notes, '--cache-dir', cache)
    expect(warm.code).toBe(0)
    expect(untimed(warm.stdout)).toBe(untimed(cold.stdout))
    expect(warm.stdout).toMatch(/Indexed in [\d.]+ s: \d+ nodes, [1-9]\d* edges/)
    expect(warm.stdout).toMatch(/Edges by type:\n {2}\S+/)
  }, 120_000)

  it('exits 2 with one clear stderr line for a missing folder', () => {
    const r = runGraph(path.join(tmp, 'does-not-exist'), '--json')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/Folder not found: .*does-not-exist/)
  })

  it('exits 2 when the path is a file, not a folder', () => {
    const r = runGraph(path.join(tmp, 'notes', 'D1_prep', 'a.md'))
    expect(r.code).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/Not a folder/)
  })

  it('ends quietly with exit 0 when the reader closes the pipe early (| head -c 100)', () => {
    const r = spawnSync('bash', ['-c', 'npm run --silent graph -- content --json | head -c 100 >/dev/null; echo "${PIPESTATUS[0]}"'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache') },
      timeout: 60_000,
    })
    expect(r.stderr).toBe('')
    expect(r.stdout.trim()).toBe('0')
  })
})

describe('option parsing (node:util parseArgs)', () => {
  it('graph: the options it always had', () => {
    expect(parseCliArgs(['notes', '--json', '--workers', '2'])).toEqual({ folder: 'notes', json: true, workers: 2 })
    expect(parseCliArgs(['--no-cache', 'notes'])).toEqual({ folder: 'notes', json: false, cacheDir: null })
    expect(parseCliArgs(['notes', '--cache-dir', 'c'])).toMatchObject({ cacheDir: path.resolve('c') })
    expect(() => parseCliArgs([])).toThrow('missing <folder>')
    expect(() => parseCliArgs(['a', 'b'])).toThrow('unexpected argument b')
    expect(() => parseCliArgs(['a', '--bogus'])).toThrow("Unknown option '--bogus'")
    expect(() => parseCliArgs(['a', '--workers', 'many'])).toThrow('--workers must be an integer 0-64')
  })

  it('web host: --port, --notes, --state, --static', () => {
    expect(parseWebArgs(['--port', '8123', '--notes', 'n', '--state', 's'])).toMatchObject({ port: 8123, notes: path.resolve('n'), stateDir: path.resolve('s') })
    expect(() => parseWebArgs(['--port', '99999'])).toThrow('--port must be an integer 0-65535')
    expect(() => parseWebArgs(['--nope'])).toThrow("Unknown option '--nope' (use --port N, --notes DIR, --state DIR)")
    expect(() => parseWebArgs(['--notes'])).toThrow(/argument missing/)
  })
})
