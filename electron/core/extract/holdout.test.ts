// Hold-out scoring: notes we wrote (fixtures/holdout) that the extractor was never tuned on, labelled by hand
// with the shared gold conventions before the first run (see fixtures/holdout.notes.md). Measures how the
// rules generalise beyond the shared corpus.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadOntology } from '../ontology/index'
import { formatMisses, formatScore, scoreCorpus } from './corpus-score'

const here = path.dirname(fileURLToPath(import.meta.url))
const corpus = path.join(here, 'fixtures/holdout')
const goldPath = path.join(here, 'fixtures/holdout.gold.json')

describe('hold-out corpus (fixtures/holdout)', () => {
  it('matches the hand annotation of services on notes the rules were not fitted to', () => {
    const { files, unknown, all, top } = scoreCorpus(corpus, goldPath, loadOntology())
    expect(unknown, 'every gold name resolves to an ontology entity').toEqual([])
    expect(files).toEqual(Object.keys(JSON.parse(readFileSync(goldPath, 'utf8')) as object).sort())
    console.log(`hold-out ${formatScore('services, all entries', all)}\nhold-out ${formatScore('services, top-level only', top)}`)
    if (all.f1 < 1) console.log(`hold-out differences (all entries):\n${formatMisses(all)}`)
    // floors at what the rules reach (all 99.3%, top-level 99.2% F1); the remaining miss is "[[Glue streaming ETL]]"
    expect(all.f1).toBeGreaterThanOrEqual(0.99)
    expect(top.f1).toBeGreaterThanOrEqual(0.99)
  })
})
