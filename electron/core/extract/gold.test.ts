// Gold scoring: extract services from the shared study-notes corpus and compare with its hand annotation.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadOntology } from '../ontology/index'
import { parseNote } from '../parse/note'
import { createExtractor } from './index'
import { goldId, predictedServices, scoreServices, type GoldFile, type Score } from './gold-score'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const corpus = path.resolve(repoRoot, '../shared/corpora/mla-study-notes')
const goldPath = path.resolve(repoRoot, '../shared/corpora/mla-study-notes.gold.json')

function markdownFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return markdownFiles(full, base)
    return name.endsWith('.md') ? [path.relative(base, full).split(path.sep).join('/')] : []
  })
}

const pct = (x: number) => (100 * x).toFixed(1)
const report = (label: string, s: Score) =>
  `${label}: P=${pct(s.precision)}% R=${pct(s.recall)}% F1=${pct(s.f1)}% (tp ${s.tp}, predicted ${s.predicted}, gold ${s.gold})`
const misses = (s: Score) =>
  [
    ...Object.entries(s.falsePositives).map(([f, ids]) => `  FP ${f}: ${ids.join(', ')}`),
    ...Object.entries(s.falseNegatives).map(([f, ids]) => `  FN ${f}: ${ids.join(', ')}`),
  ].join('\n')

describe('gold corpus (mla-study-notes)', () => {
  it('matches the hand annotation of services', () => {
    if (!existsSync(corpus) || !existsSync(goldPath)) {
      throw new Error(`Gold corpus not found at ${corpus} (and ${goldPath}); the test needs ../shared next to the repo.`)
    }
    const ontology = loadOntology()
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Record<string, GoldFile>
    const unknown = Object.values(gold)
      .flatMap((g) => g.services)
      .filter((n) => goldId(n, ontology).startsWith('unknown:'))
    expect(unknown, 'every gold name resolves to an ontology entity').toEqual([])

    const extractor = createExtractor(ontology)
    const predicted: Record<string, Set<string>> = {}
    const files = markdownFiles(corpus)
    expect(files.sort()).toEqual(Object.keys(gold).sort())
    for (const file of files) {
      const text = readFileSync(path.join(corpus, file), 'utf8')
      const { meta } = parseNote({ path: file, text, size: text.length, mtimeMs: 0, hash: '' }, extractor)
      predicted[file] = predictedServices(meta.mentions, ontology)
    }

    const all = scoreServices(gold, predicted, ontology, false)
    const top = scoreServices(gold, predicted, ontology, true)
    console.log(`${report('services, all entries', all)}\n${report('services, top-level only', top)}`)
    if (all.f1 < 1) console.log(`remaining differences (all entries):\n${misses(all)}`)
    expect(top.f1).toBeGreaterThanOrEqual(0.95)
    expect(all.f1).toBeGreaterThanOrEqual(0.9)
  })
})
