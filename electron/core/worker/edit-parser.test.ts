// Edits parsed by the edit worker give exactly what parsing on this thread gives, also while the worker is
// stopped for a write and after it died.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Vault } from '../vault'
import { loadEntities } from '../entities'
import { parseFile } from '../index/parse-file'
import { resolveNoteLinks, LinkIndex } from '../parse/links'

let tmp: string
let root: string
const note = (k: number) => `---\ndomain: D1\ntags: [edit]\n---\n# Edited ${k}\n\nAmazon SageMaker Pipelines feeds AWS Glue; see [other](other.md) and https://example.com/${k}.\n\n- [ ] a task #tag${k}\n\n| Service | Use |\n|---|---|\n| Amazon S3 | stores |\n`

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-edit-'))
  root = path.join(tmp, 'notes')
  mkdirSync(root)
  writeFileSync(path.join(root, 'edited.md'), note(0))
  writeFileSync(path.join(root, 'other.md'), '# Other\n\nAmazon Kinesis Data Streams.\n')
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** the note as this thread parses it, links resolved as the vault resolves them */
async function inThread(rel: string) {
  const { extractor } = await loadEntities()
  const r = parseFile({ path: rel, abs: path.join(root, rel) }, extractor)
  resolveNoteLinks(r.meta!, new LinkIndex(['edited.md', 'other.md']))
  return r.meta
}

describe('edit worker', () => {
  it('parses edited notes to the same result as this thread, before, while and after a write stops it', async () => {
    const v = await Vault.open(root, { cacheDir: path.join(tmp, 'cache'), workers: 1 })
    await v.primeParser(2)
    const internal = v as unknown as { editParser?: { alive: boolean; close(): Promise<void> } }
    expect(internal.editParser?.alive).toBe(true)
    const edit = async (k: number) => {
      writeFileSync(path.join(root, 'edited.md'), note(k))
      const change = await v.update(['edited.md'])
      expect(change.upserted.map((m) => m.path)).toEqual(['edited.md'])
      expect(change.upserted[0]).toEqual(await inThread('edited.md'))
      expect(v.meta('edited.md')?.tags).toContain(`tag${k}`)
    }
    await edit(1)
    await new Promise((r) => setTimeout(r, 50)) // the worker collects its nursery after a reply: it still answers
    await edit(4)
    expect(internal.editParser?.alive).toBe(true)
    // a persistence write stops the worker; an edit meanwhile is parsed here
    let during: Promise<void> | undefined
    await v.withoutEditWorker(async () => {
      expect(internal.editParser).toBeUndefined()
      during = edit(2)
      await during
    })
    // the worker dies: the edit still goes through, on this thread
    const again = internal.editParser ?? (await v.primeParser(1), internal.editParser)
    await again?.close()
    await edit(3)
    await v.close()
  }, 30_000)
})
