// Services in scope of two exams. Exams name services at different granularity (MLA-C01 lists
// "Amazon Kinesis", DEA-C01 "Amazon Kinesis Data Streams"), so a service also counts as shared when
// the other exam lists one of its ancestors or descendants (features → parent service).

export interface ExamOverlap {
  /** ids in scope of both, in the order of the first exam (related ones listed under the first exam's id) */
  shared: string[]
  /** for shared ids that matched through the family: the other exam's related ids */
  via: Record<string, string[]>
  /** every id to highlight: shared ids plus their related ids from the second exam */
  highlight: string[]
}

function ancestors(id: string, parentOf: (id: string) => string | undefined): string[] {
  const out: string[] = []
  let cur = parentOf(id)
  while (cur && !out.includes(cur) && out.length < 10) {
    out.push(cur)
    cur = parentOf(cur)
  }
  return out
}

export function examOverlap(a: string[], b: string[], parentOf: (id: string) => string | undefined): ExamOverlap {
  const inB = new Set(b)
  const shared: string[] = []
  const via: Record<string, string[]> = {}
  const highlight = new Set<string>()
  const bAncestors = new Map(b.map((id) => [id, ancestors(id, parentOf)]))
  for (const id of a) {
    if (inB.has(id)) {
      shared.push(id)
      highlight.add(id)
      continue
    }
    const up = ancestors(id, parentOf)
    const related = b.filter((other) => up.includes(other) || bAncestors.get(other)!.includes(id))
    if (related.length) {
      shared.push(id)
      via[id] = related
      highlight.add(id)
      for (const r of related) highlight.add(r)
    }
  }
  return { shared, via, highlight: [...highlight] }
}
