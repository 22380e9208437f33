// Product families without a service of their own ("Lookout") expand to their members in one row.
import type { Mention } from '../types'
import { positionAt, type Block } from './blocks'
import type { Matcher } from './matcher'
import type { SectionLocator } from './sections'

/**
 * "Lookout | Metrics, Vision, Equipment": a family word without a service of its own, with its members'
 * short names in the same table row or paragraph, names each member service.
 */
export function familyMembers(blocks: Block[], found: Mention[], matcher: Matcher, sectionAt: SectionLocator): Mention[] {
  const anyFamily = matcher.productFamilyWord
  if (!anyFamily || !blocks.some((b) => anyFamily.test(b.text))) return []
  const rows = new Map<string, Block[]>()
  blocks.forEach((b, i) => {
    const key = b.row >= 0 ? `r${b.row}` : `b${i}`
    const row = rows.get(key)
    if (row) row.push(b)
    else rows.set(key, [b])
  })
  const taken = new Set(found.map((m) => `${m.line}:${m.column}`))
  const out: Mention[] = []
  for (const row of rows.values()) {
    for (const [family, members] of matcher.productFamilies) {
      const familyRe = new RegExp(`(?<![\\w-])${family}(?![\\w-])(?! for )`)
      if (!row.some((b) => familyRe.test(b.text))) continue
      for (const b of row) {
        for (const { member, entity } of members) {
          for (const m of b.text.matchAll(new RegExp(`(?<![\\w-])${member}(?![\\w-])`, 'g'))) {
            const pos = positionAt(b, m.index)
            if (taken.has(`${pos.line}:${pos.column}`)) continue
            out.push({ entity: entity.id, text: member, line: pos.line, column: pos.column, section: sectionAt(pos.line).id })
          }
        }
      }
    }
  }
  return out
}
