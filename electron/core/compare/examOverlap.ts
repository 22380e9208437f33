// Services in scope of two exams. Exams name services at different granularity (MLA-C01 lists "Amazon
// Kinesis", DEA-C01 "Amazon Kinesis Data Streams"), so a service also counts as shared when the other
// exam lists one of its ancestors or descendants in the ontology (feature → parent service).
import type { Ontology } from '../ontology/types'
import type { ExamInfo } from '../types'

export interface ExamOverlap {
  a: string
  b: string
  /** ids in scope of both, in the order of the first exam (family matches listed under the first exam's id) */
  shared: string[]
  /** shared ids that matched through the family → the other exam's related ids */
  via: Record<string, string[]>
  /** every id to highlight: shared ids plus their related ids from the second exam */
  highlight: string[]
}

function ancestors(id: string, ontology: Ontology): string[] {
  const out: string[] = []
  for (let cur = ontology.byId.get(id)?.parent; cur && !out.includes(cur) && out.length < 10; cur = ontology.byId.get(cur)?.parent) out.push(cur)
  return out
}

export function examOverlapOf(ontology: Ontology, a: ExamInfo | undefined, b: ExamInfo | undefined): ExamOverlap {
  const result: ExamOverlap = { a: a?.code ?? '', b: b?.code ?? '', shared: [], via: {}, highlight: [] }
  if (!a || !b) return result
  const inB = new Set(b.inScope)
  const bAncestors = new Map(b.inScope.map((id) => [id, ancestors(id, ontology)]))
  const highlight = new Set<string>()
  for (const id of a.inScope) {
    if (inB.has(id)) {
      result.shared.push(id)
      highlight.add(id)
      continue
    }
    const up = ancestors(id, ontology)
    const related = b.inScope.filter((other) => up.includes(other) || bAncestors.get(other)!.includes(id))
    if (related.length) {
      result.shared.push(id)
      result.via[id] = related
      highlight.add(id)
      for (const r of related) highlight.add(r)
    }
  }
  result.highlight = [...highlight]
  return result
}
