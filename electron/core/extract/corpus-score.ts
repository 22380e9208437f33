// Runs the extractor over a folder of notes and scores it against a gold file (used by the gold tests).
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Ontology } from '../ontology/types'
import { parseNote } from '../parse/note'
import { createExtractor } from './index'
import { goldId, predictedServices, scoreServices, type GoldFile, type Score } from './gold-score'

export interface CorpusScore {
  files: string[]
  /** gold names that no ontology entity resolves to (a broken gold file) */
  unknown: string[]
  all: Score
  top: Score
}

/** Relative paths (forward slashes) of every `.md` file under `dir`. */
export function markdownFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return markdownFiles(full, base)
    return name.endsWith('.md') ? [path.relative(base, full).split(path.sep).join('/')] : []
  })
}

export function scoreCorpus(dir: string, goldPath: string, ontology: Ontology): CorpusScore {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Record<string, GoldFile>
  const unknown = Object.values(gold)
    .flatMap((g) => g.services)
    .filter((n) => goldId(n, ontology).startsWith('unknown:'))
  const extractor = createExtractor(ontology)
  const predicted: Record<string, Set<string>> = {}
  const files = markdownFiles(dir).sort()
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8')
    const { meta } = parseNote({ path: file, text, size: text.length, mtimeMs: 0, hash: '' }, extractor)
    predicted[file] = predictedServices(meta.mentions, ontology)
  }
  return { files, unknown, all: scoreServices(gold, predicted, ontology, false), top: scoreServices(gold, predicted, ontology, true) }
}

const pct = (x: number) => (100 * x).toFixed(1)

export const formatScore = (label: string, s: Score) =>
  `${label}: P=${pct(s.precision)}% R=${pct(s.recall)}% F1=${pct(s.f1)}% (tp ${s.tp}, predicted ${s.predicted}, gold ${s.gold})`

export const formatMisses = (s: Score) =>
  [
    ...Object.entries(s.falsePositives).map(([f, ids]) => `  FP ${f}: ${ids.join(', ')}`),
    ...Object.entries(s.falseNegatives).map(([f, ids]) => `  FN ${f}: ${ids.join(', ')}`),
  ].join('\n')
