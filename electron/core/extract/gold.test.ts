// Gold scoring: extract services from the shared study-notes corpus and compare with its hand annotation.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadOntology } from '../ontology/index'
import { formatMisses, formatScore, scoreCorpus } from './corpus-score'
import { hasShared, sharedPath } from '../../../tests/unit/shared-material'

const corpus = sharedPath('corpora/mla-study-notes')
const goldPath = sharedPath('corpora/mla-study-notes.gold.json')
const present = hasShared('gold corpus score', 'corpora/mla-study-notes', 'corpora/mla-study-notes.gold.json')

describe.skipIf(!present)('gold corpus (mla-study-notes)', () => {
  it('matches the hand annotation of services', () => {
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
