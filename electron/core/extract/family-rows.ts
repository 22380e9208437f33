// Product families without a service of their own ("Lookout") name their members only in an enumeration.
import type { Mention } from '../types'
import { positionAt, type Block } from './blocks'
import type { Matcher, ProductFamily } from './matcher'
import type { SectionLocator } from './sections'

/**
 * A family word followed by its members' short names ("Lookout: Metrics, Vision", "Lookout for Metrics,
 * Vision and Equipment"), or a table row whose name cell is the family word and one of whose cells lists only
 * members ("| Lookout | Anomaly detection | Metrics, Vision, Equipment |"), names each member service.
 * Member words elsewhere ("Computer Vision", "Metrics/Images/Sensors") do not count.
 */
export function familyMembers(blocks: Block[], found: Mention[], matcher: Matcher, sectionAt: SectionLocator): Mention[] {
  const anyFamily = matcher.productFamilyWord
  if (!anyFamily || !blocks.some((b) => anyFamily.test(b.text))) return []
  const out: Mention[] = []
  // a member already inside a full name ("Lookout for Metrics") is not named twice
  // (mentions indexed by line: a long paragraph may hold thousands of them)
  const byLine = new Map<number, Mention[]>()
  const index = (m: Mention) => {
    const list = byLine.get(m.line)
    if (list) list.push(m)
    else byLine.set(m.line, [m])
  }
  found.forEach(index)
  const covered = (line: number, column: number) =>
    byLine.get(line)?.some((m) => column >= m.column && column < m.column + m.text.length) ?? false
  const emit = (b: Block, f: ProductFamily, text: string, offset: number) => {
    for (const m of text.matchAll(f.member)) {
      const entity = f.members.get(m[0])
      const pos = positionAt(b, offset + m.index)
      if (!entity || covered(pos.line, pos.column)) continue
      const mention: Mention = { entity: entity.id, text: m[0], line: pos.line, column: pos.column, section: sectionAt(pos.line).id }
      out.push(mention)
      index(mention)
    }
  }
  blocks.forEach((b, i) => {
    if (!anyFamily.test(b.text)) return
    for (const f of matcher.productFamilies) {
      for (const m of b.text.matchAll(f.inline)) emit(b, f, m[1], m.index + m[0].length - m[1].length)
      if (b.kind !== 'cell' || !f.cell.test(b.text)) continue
      for (let k = i + 1; k < blocks.length && blocks[k].row === b.row; k++) {
        if (f.list.test(blocks[k].text)) emit(blocks[k], f, blocks[k].text, 0)
      }
    }
  })
  return out
}
