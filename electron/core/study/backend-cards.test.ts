// getCards through the backend: the cards of the open folder, updated when a note changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createBackend, type Backend } from '../backend'
import { validators } from '../../shared/contract'

let tmp: string
let notes: string
let backend: Backend | undefined

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-backend-cards-'))
  notes = path.join(tmp, 'notes')
  mkdirSync(path.join(notes, 'D1'), { recursive: true })
  writeFileSync(path.join(notes, 'D1', 'a.md'), '# A\n\n- **Amazon S3**: object storage.\n')
})

afterEach(async () => {
  await backend?.close()
  backend = undefined
  rmSync(tmp, { recursive: true, force: true })
})

describe('getCards', () => {
  it('answers the folder\'s cards and follows an edited note', async () => {
    backend = await createBackend({ folder: notes, bundledFolder: notes, cacheDir: path.join(tmp, 'cache'), settingsDir: path.join(tmp, 'settings'), workers: 0 })
    expect(validators.getCards([])).toBe(true)
    expect(validators.getCards(['x'])).toBe(false)
    expect(backend.getCards().cards.map((c) => [c.front, c.back])).toEqual([['Amazon S3', 'object storage']])
    const file = path.join(notes, 'D1', 'a.md')
    writeFileSync(file, '# A\n\n- **Amazon S3**: object storage.\n- **Amazon EFS**: shared file system.\n')
    utimesSync(file, new Date(), new Date(Date.now() + 5000))
    await backend.update(['D1/a.md'])
    expect(backend.getCards().cards.map((c) => c.front)).toEqual(['Amazon S3', 'Amazon EFS'])
  })
})
