// Which section a line belongs to: the innermost one whose [line, endLine] contains it.
import type { Section } from '../types'

export type SectionLocator = (line: number) => { id: string; section?: Section }

/** Innermost section containing a line ('' before the first heading). */
export function sectionLocator(sections: Section[]): SectionLocator {
  const sorted = [...sections].sort((a, b) => a.line - b.line || a.depth - b.depth)
  const cache = new Map<number, { id: string; section?: Section }>()
  return (line) => {
    let hit = cache.get(line)
    if (hit) return hit
    // the last section starting at or before the line that still contains it (binary search, then back)
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid].line <= line) lo = mid + 1
      else hi = mid
    }
    let best: Section | undefined
    for (let k = lo - 1; k >= 0 && !best; k--) if (sorted[k].endLine >= line) best = sorted[k]
    hit = best ? { id: best.id, section: best } : { id: '' }
    cache.set(line, hit)
    return hit
  }
}
