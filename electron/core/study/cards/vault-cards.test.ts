// Cards of whole folders through the Vault: index pass, persisted index, incremental updates, copies of a folder,
// the bundled notes and the shared corpus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Vault } from '../../vault'
import type { Card, CardSet } from '../types'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')
const bundled = path.join(repo, 'content')
const corpus = path.resolve(repo, '../shared/corpora/mla-study-notes')

let tmp: string
const notes = () => path.join(tmp, 'notes')

function write(root: string, rel: string, text: string): void {
  const abs = path.join(root, rel)
  mkdirSync(path.dirname(abs), { recursive: true })
  writeFileSync(abs, text)
}

async function cardsIn(folder: string, opts: { cacheDir?: string | null; workers?: number; inProcessBelow?: number } = {}): Promise<CardSet> {
  const vault = await Vault.open(folder, { cacheDir: null, workers: 0, ...opts })
  const set = vault.cards()
  await vault.close()
  return set
}

/** Markdown inline syntax off a file line, to compare with card text. */
const plainLine = (line: string) => line.replace(/[*_`]|\[\[|\]\]|\[|\]\([^)]*\)|\]/g, '').replace(/\s+/g, ' ')
const holdsText = (line: string, c: Card) => {
  const l = plainLine(line)
  const piece = (s: string) => s.split(/\n|; /)[0].slice(0, 24).replace(/…$/, '').trim()
  // a generated front ("Which service? Header: cell", "Section: Label") holds the note's words after its prefix
  const tail = c.front.replace(/^Which [^?]+\? (?:[^:]+: )?/, '').replace(/^.*: (?=[^:]+$)/, '')
  const kept = line.replace(/[*`]/g, '') // underscores kept: `num_classes` is code, not emphasis
  return [c.front, c.back, tail].some((s) => piece(s).length > 0 && (l.includes(piece(s)) || kept.includes(piece(s))))
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-cards-'))
  write(notes(), 'D1_prep/storage.md', '---\ndomain: D1\n---\n# Storage\n\n- **Amazon S3**: object storage for the data lake.\n- **Amazon EFS**: shared file system.\n\nWhat holds the raw data? :: Amazon S3\n')
  write(notes(), 'D2_dev/tips.md', '# Tips\n\n- When a question says "tune many hyperparameters", think SageMaker Automatic Model Tuning.\n')
  write(notes(), 'a-first.md', '# First\n\n- **AWS Glue**: serverless ETL.\n')
})

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('cards of a folder', () => {
  it('lists every note\'s cards ordered by note path (code-unit order, as the index, numbers by value), then line', async () => {
    const { cards } = await cardsIn(notes())
    expect(cards.map((c) => `${c.note}:${c.line}:${c.kind}`)).toEqual([
      'D1_prep/storage.md:6:definition',
      'D1_prep/storage.md:7:definition',
      'D1_prep/storage.md:9:user',
      'D2_dev/tips.md:3:tip',
      'a-first.md:3:definition',
    ])
  })

  it('gives the same ids for the same notes in another folder and on every run', async () => {
    const copy = path.join(tmp, 'copy', 'elsewhere')
    cpSync(notes(), copy, { recursive: true })
    const a = await cardsIn(notes())
    expect(await cardsIn(notes())).toEqual(a)
    expect(await cardsIn(copy)).toEqual(a)
  })

  it('gives the same cards from worker threads as in-process', async () => {
    expect(await cardsIn(notes(), { workers: 1, inProcessBelow: 0 })).toEqual(await cardsIn(notes()))
  })

  it('keeps cards in the persisted index and updates one note\'s cards when it changes', async () => {
    const root = path.join(tmp, 'cached')
    cpSync(notes(), root, { recursive: true })
    const cacheDir = path.join(tmp, 'cache')
    const cold = await Vault.open(root, { cacheDir, workers: 0 })
    const before = cold.cards()
    await cold.close()

    const warm = await Vault.open(root, { cacheDir, workers: 0 })
    expect(warm.stats.parsed).toBe(0)
    expect(warm.cards()).toEqual(before)

    // reword one card: only that card's id changes; the other note is not re-parsed
    const file = path.join(root, 'D1_prep/storage.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('shared file system', 'shared NFS file system'))
    utimesSync(file, new Date(), new Date(Date.now() + 5000))
    const change = await warm.update(['D1_prep/storage.md'])
    expect(warm.stats.parsed).toBe(1)
    expect(change.upserted.map((m) => m.path)).toEqual(['D1_prep/storage.md'])
    const after = warm.cards()
    const changed = after.cards.filter((c) => !before.cards.some((b) => b.id === c.id))
    expect(changed.map((c) => c.back)).toEqual(['shared NFS file system'])
    expect(after.cards.length).toBe(before.cards.length)
    await warm.close()

    const again = await Vault.open(root, { cacheDir, workers: 0 })
    expect(again.stats.parsed).toBe(0)
    expect(again.cards()).toEqual(after)
    await again.close()
  })
})

describe('the bundled notes', () => {
  it('give at least 250 cards, each at a line of its note that holds its text, most naming an entity', async () => {
    const set = await cardsIn(bundled, { workers: 2 })
    expect(set.cards.length).toBeGreaterThanOrEqual(250)
    const lines = new Map<string, string[]>()
    const bad: string[] = []
    for (const c of set.cards) {
      const file = path.join(bundled, c.note)
      expect(existsSync(file), c.note).toBe(true)
      if (!lines.has(c.note)) lines.set(c.note, readFileSync(file, 'utf8').split('\n'))
      const line = lines.get(c.note)?.[c.line - 1] ?? ''
      if (!holdsText(line, c)) bad.push(`${c.note}:${c.line} ${c.front} | ${c.back}`)
    }
    expect(bad).toEqual([])
    const named = set.cards.filter((c) => c.entities.length > 0).length
    expect(named / set.cards.length).toBeGreaterThanOrEqual(0.8)
    for (const kind of ['tip', 'definition', 'table'] as const) expect(set.cards.some((c) => c.kind === kind), kind).toBe(true)
  })
})

const sharedTitle = existsSync(corpus) ? 'the shared corpus (../shared/corpora/mla-study-notes)' : `the shared corpus — skipped: ${corpus} is not there`
describe.skipIf(!existsSync(corpus))(sharedTitle, () => {
  it('gives at least 50 cards at lines that hold their text', async () => {
    const set = await cardsIn(corpus, { workers: 2 })
    expect(set.cards.length).toBeGreaterThanOrEqual(50)
    const bad = set.cards.filter((c) => !holdsText(readFileSync(path.join(corpus, c.note), 'utf8').split('\n')[c.line - 1] ?? '', c))
    expect(bad.map((c) => `${c.note}:${c.line} ${c.front}`)).toEqual([])
  })

  it('finds every :: and ? card written into its notes', async () => {
    const root = path.join(tmp, 'corpus')
    cpSync(corpus, root, { recursive: true })
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort()
    const expected: { note: string; line: number; front: string; back: string }[] = []
    files.slice(0, 6).forEach((rel, i) => {
      const file = path.join(root, rel)
      const text = readFileSync(file, 'utf8').replace(/\n*$/, '\n')
      const base = text.split('\n').length
      const note = rel.split(path.sep).join('/')
      const added = `\nWhat is card ${i} about? :: The answer of card ${i}\n\nWhich multi-line card ${i}\nhas two lines?\n?\nThis one, number ${i}\n`
      writeFileSync(file, text + added)
      expected.push({ note, line: base + 1, front: `What is card ${i} about?`, back: `The answer of card ${i}` })
      expected.push({ note, line: base + 3, front: `Which multi-line card ${i}\nhas two lines?`, back: `This one, number ${i}` })
    })
    const user = (await cardsIn(root, { workers: 2 })).cards.filter((c) => c.back.includes('card ') || c.back.includes('number '))
    expect(user.map(({ note, line, front, back }) => ({ note, line, front, back }))).toEqual(expect.arrayContaining(expected))
    expect(user.filter((c) => c.kind === 'user')).toHaveLength(expected.length)
  })
})
