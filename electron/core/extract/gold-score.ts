// Scores extracted services against a gold annotation (format of ../shared/corpora/*.gold.json).
// Gold names are mapped to our ids through the ontology's names and aliases; configuration-level
// entities ("option": Glue crawlers, VPC endpoints) stand for their parent, as the gold convention says.
import type { Mention } from '../types'
import type { Ontology } from '../ontology/types'
import { resolveName } from '../ontology/index'

export interface GoldFile {
  services: string[]
  featureLevel: string[]
}

export interface Score {
  tp: number
  predicted: number
  gold: number
  precision: number
  recall: number
  f1: number
  /** per file: ids predicted but not in the gold, and gold ids not predicted */
  falsePositives: Record<string, string[]>
  falseNegatives: Record<string, string[]>
}

/** Gold name → our id ("Amazon SageMaker" → service:amazon-sagemaker-ai); unknown names keep a marker id. */
export function goldId(name: string, ontology: Ontology): string {
  return resolveName(name, ontology)?.id ?? `unknown:${name}`
}

/** Service ids a note's mentions count for: concepts dropped, options replaced by their parent. */
export function predictedServices(mentions: Mention[], ontology: Ontology): Set<string> {
  const out = new Set<string>()
  for (const m of mentions) {
    let e = ontology.byId.get(m.entity)
    for (let guard = 0; e?.option && e.parent && guard < 5; guard++) e = ontology.byId.get(e.parent)
    if (e && e.type === 'service') out.add(e.id)
  }
  return out
}

/**
 * Micro P/R/F1 over (file, service) pairs. `topLevelOnly` removes the gold's feature-level entries from the
 * gold and every globally feature-level name from the predictions (so sub-features neither help nor hurt).
 */
export function scoreServices(
  gold: Record<string, GoldFile>,
  predicted: Record<string, Set<string>>,
  ontology: Ontology,
  topLevelOnly: boolean,
): Score {
  const featureIds = new Set(Object.values(gold).flatMap((g) => g.featureLevel.map((n) => goldId(n, ontology))))
  let tp = 0
  let nPred = 0
  let nGold = 0
  const falsePositives: Record<string, string[]> = {}
  const falseNegatives: Record<string, string[]> = {}
  for (const [file, g] of Object.entries(gold)) {
    const goldSet = new Set(g.services.map((n) => goldId(n, ontology)))
    if (topLevelOnly) for (const n of g.featureLevel) goldSet.delete(goldId(n, ontology))
    const predSet = new Set([...(predicted[file] ?? [])].filter((id) => !topLevelOnly || !featureIds.has(id)))
    const fp = [...predSet].filter((id) => !goldSet.has(id))
    const fn = [...goldSet].filter((id) => !predSet.has(id))
    tp += predSet.size - fp.length
    nPred += predSet.size
    nGold += goldSet.size
    if (fp.length) falsePositives[file] = fp.sort()
    if (fn.length) falseNegatives[file] = fn.sort()
  }
  const precision = nPred ? tp / nPred : 0
  const recall = nGold ? tp / nGold : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return { tp, predicted: nPred, gold: nGold, precision, recall, f1, falsePositives, falseNegatives }
}
