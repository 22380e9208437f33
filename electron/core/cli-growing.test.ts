// The CLI builds its graph while the workers parse (GrowingGraph): the result must be the one-shot build's.
import { afterAll, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { graphToJson, runCli } from './cli'
import { Vault } from './vault'
import { GraphBuilder } from './graph/index'
import { generateVault } from '../../bench/generate'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-cli-growing-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('CLI graph built during the parse', () => {
  it('equals the graph built from the finished index in one go (workers, a skipped file, links to it)', async () => {
    const dir = generateVault(path.join(tmp, 'notes'), 160).dir
    // a file the index skips, linked from a note: its links resolve differently once the final note set is known
    writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01]))
    writeFileSync(path.join(dir, 'links-to-binary.md'), '# Links\n\nSee [it](binary.md) and [[binary]]; Amazon S3 and AWS Glue.\n')
    let out = ''
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out += String(chunk); return true })
    try {
      expect(await runCli([dir, '--json', '--no-cache', '--workers', '2'])).toBe(0)
    } finally {
      write.mockRestore()
    }
    const vault = await Vault.open(dir, { cacheDir: null, workers: 0 })
    const builder = new GraphBuilder(vault.entities.ontology)
    for (const m of vault.metas()) builder.setNote(m)
    builder.setDiagnostics(vault.diagnostics())
    await vault.close()
    const oneShot = JSON.parse(JSON.stringify(graphToJson(builder.graph()))) as { nodes: unknown[]; edges: unknown[]; diagnostics: unknown[] }
    const cli = JSON.parse(out) as typeof oneShot
    expect(cli.nodes.length).toBeGreaterThan(160)
    expect(cli.diagnostics.some((d) => JSON.stringify(d).includes('binary.md'))).toBe(true)
    expect(cli).toEqual(oneShot)
  }, 300_000)
})
