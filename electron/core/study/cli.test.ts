// The cards CLI as users run it: `npm run --silent cards -- <folder> [--json]`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
let tmp: string

function run(command: string) {
  const r = spawnSync('bash', ['-c', `set -o pipefail; ${command}`], { cwd: repo, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(tmp, 'cache') }, timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const cards = (...args: string[]) => run(`npm run --silent cards -- ${args.map((a) => `'${a}'`).join(' ')}`)

beforeAll(async () => {
  // `npm run cards` runs the built JavaScript, building it when stale: once here, outside the runs' timeouts
  const { ensureEntryBuilt } = await import('../../../scripts/built-entry.mjs')
  ensureEntryBuilt('cards-cli')
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-cards-cli-'))
  mkdirSync(path.join(tmp, 'notes', 'D1_prep'), { recursive: true })
  writeFileSync(path.join(tmp, 'notes', 'D1_prep', 'a.md'), '# Ingest\n\n- **AWS Glue**: serverless ETL that crawls Amazon S3.\n- When a question says "stream", think Amazon Kinesis Data Streams.\n\nWhat stores the raw data? :: Amazon S3\nEmpty answer ::\n')
}, 600_000)

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('cards cli', () => {
  it('--json prints one document with the cards and their diagnostics', () => {
    const r = cards(path.join(tmp, 'notes'), '--json')
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout) as { cards: Record<string, unknown>[]; diagnostics: Record<string, unknown>[] }
    expect(Object.keys(doc)).toEqual(['cards', 'diagnostics'])
    expect(doc.cards.map((c) => Object.keys(c))).toEqual(Array(3).fill(['id', 'kind', 'front', 'back', 'note', 'section', 'line', 'entities']))
    expect(doc.cards.map((c) => [c.kind, c.line, c.note, c.section])).toEqual([
      ['definition', 3, 'D1_prep/a.md', 'ingest'],
      ['tip', 4, 'D1_prep/a.md', 'ingest'],
      ['user', 6, 'D1_prep/a.md', 'ingest'],
    ])
    expect(doc.cards[0]).toMatchObject({ front: 'AWS Glue', back: 'serverless ETL that crawls Amazon S3', entities: expect.arrayContaining(['service:aws-glue', 'service:amazon-s3']) })
    expect(doc.cards[0].id).toMatch(/^[0-9a-f]{16}$/)
    expect(doc.diagnostics).toEqual([expect.objectContaining({ file: 'D1_prep/a.md', line: 7, code: 'card-empty-side' })])
  })

  it('prints counts per kind and per note, and samples, without --json', () => {
    const r = cards(path.join(tmp, 'notes'))
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/3 cards/)
    expect(r.stdout).toMatch(/definition\s+1/)
    expect(r.stdout).toMatch(/1\s+D1_prep\/a\.md|3\s+D1_prep\/a\.md/)
    expect(r.stdout).toMatch(/Q: AWS Glue/)
    expect(r.stdout).toMatch(/card-empty-side/)
  })

  it('exits 2 with one stderr line for a missing folder', () => {
    const r = cards(path.join(tmp, 'does-not-exist'), '--json')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/Folder not found/)
  })

  it('ends quietly when piped into head', () => {
    const r = run(`npm run --silent cards -- content --json | head -c 100`)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^\{"cards":\[/)
  })
})
