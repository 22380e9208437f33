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
    let best: Section | undefined
    for (const s of sorted) {
      if (s.line > line) break
      if (s.endLine >= line) best = s
    }
    hit = best ? { id: best.id, section: best } : { id: '' }
    cache.set(line, hit)
    return hit
  }
}
