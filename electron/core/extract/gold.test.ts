// Gold scoring: extract services from the shared study-notes corpus and compare with its hand annotation.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadOntology } from '../ontology/index'
import { formatMisses, formatScore, scoreCorpus } from './corpus-score'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const corpus = path.resolve(repoRoot, '../shared/corpora/mla-study-notes')
const goldPath = path.resolve(repoRoot, '../shared/corpora/mla-study-notes.gold.json')

describe('gold corpus (mla-study-notes)', () => {
  it('matches the hand annotation of services', () => {
    if (!existsSync(corpus) || !existsSync(goldPath)) {
      throw new Error(`Gold corpus not found at ${corpus} (and ${goldPath}); the test needs ../shared next to the repo.`)
    }
    const { files, unknown, all, top } = scoreCorpus(corpus, goldPath, loadOntology())
    expect(unknown, 'every gold name resolves to an ontology entity').toEqual([])
    expect(files).toEqual(Object.keys(JSON.parse(readFileSync(goldPath, 'utf8')) as object).sort())
    console.log(`${formatScore('services, all entries', all)}\n${formatScore('services, top-level only', top)}`)
    if (all.f1 < 1) console.log(`remaining differences (all entries):\n${formatMisses(all)}`)
    // floors at what the rules reach (top-level 100%, all 99.8% F1); the issue asks for ≥ 98% and ≥ 95%
    expect(top.f1).toBeGreaterThanOrEqual(0.995)
    expect(all.f1).toBeGreaterThanOrEqual(0.995)
  })
})
