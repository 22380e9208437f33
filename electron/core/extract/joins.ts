// Lists and joins of services: "Glue, Batch or EMR Serverless", "Cost Explorer and Budgets", "Lex + Lambda".
// A short name that is too ambiguous alone ("Batch", "Budgets", "Config") or lacks its usual context names a
// service when it is one item of such an enumeration, next to a service the rules already accepted.
import type { Candidate } from './candidates'

/** An accepted service name in a block: offsets, entity, its parent, and whether the name is a strong one. */
export interface Accepted {
  start: number
  end: number
  entity: string
  parent: string | undefined
  /** written as a distinctive name ("Kinesis Data Streams"), not a generic phrase ("Real-Time Inference") */
  strong: boolean
}

/** What may stand between two items of one enumeration. */
const SEPARATOR = /^[\s\0]*(?:,|,?\s*(?:and|or|&|\+|\/))[\s\0]*$/
/** What may follow an item: the end, punctuation, or a word that continues the enumeration. */
const AFTER_ITEM = /^\0?(?:$|\s*[,.;:!?)\]|/+&—–\n]|\s+(?:and|or|as|are|is|for|to|with|in|on)\b|\s+-\s)/

const asItem = (c: Candidate): Accepted => ({ start: c.start, end: c.end, entity: c.entry.entity.id, parent: c.entry.entity.parent, strong: false })

/** Items of one enumeration: adjacent, with only a separator between them. */
function adjacent(text: string, a: Accepted, b: Accepted): boolean {
  const between = a.end <= b.start ? text.slice(a.end, b.start) : b.end <= a.start ? text.slice(b.end, a.start) : undefined
  return between !== undefined && between.length <= 8 && SEPARATOR.test(between)
}

/**
 * `item` may be read as a service beside `other`: a feature beside its parent or a sibling, a top-level service
 * beside another one or a distinctive product name ("Real-Time Inference or Batch" does not give AWS Batch).
 */
function fits(item: Accepted, other: Accepted): boolean {
  if (item.entity === other.entity) return false
  if (item.parent) return other.entity === item.parent || other.parent === item.parent
  return other.parent === undefined || other.strong
}

/**
 * Names turned down by their context (one per start, capitalised as the alias is, reading as names) that are
 * items of an enumeration of services. An item next to an accepted service counts, to a fixpoint so that chains
 * work ("Glue, Batch, Config and EMR"); in a note about AWS, two such names side by side vouch for each other
 * ("Glue, Batch").
 */
export function joinedItems(text: string, accepted: Accepted[], rejected: Candidate[], aws: boolean, readsAsName: (c: Candidate) => boolean): Candidate[] {
  const out: Candidate[] = []
  // `accepted` is in text order, so only the accepted names right before and after a candidate can be its
  // neighbours (binary search: a long paragraph holds thousands); names accepted here are few, kept apart
  const added: Accepted[] = []
  const near = (c: Candidate): Accepted[] => {
    let lo = 0
    let hi = accepted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (accepted[mid].start < c.start) lo = mid + 1
      else hi = mid
    }
    const around = [accepted[lo - 1], accepted[lo]].filter((a): a is Accepted => a !== undefined)
    return added.length ? [...around, ...added] : around
  }
  const free = (c: Candidate) => !near(c).some((a) => a.start < c.end && c.start < a.end)
  // (a one-letter name, "Q", is never read from a list: "Q and A")
  let pending = rejected.filter((c) => c.end - c.start > 1 && AFTER_ITEM.test(text.slice(c.end, c.end + 12)) && free(c) && readsAsName(c))
  const accept = (c: Candidate) => {
    out.push(c)
    added.push(asItem(c))
  }
  for (let changed = true; changed && pending.length; ) {
    changed = false
    pending = pending.filter((c) => {
      const item = asItem(c)
      if (!near(c).some((a) => adjacent(text, item, a) && fits(item, a))) return true
      accept(c)
      changed = true
      return false
    })
    if (changed || !aws) continue
    // no accepted neighbour left: let two turned-down names side by side vouch for each other
    const pair = pairOf(text, pending)
    if (pair) {
      pair.forEach(accept)
      pending = pending.filter((c) => !pair.includes(c))
      changed = true
    }
  }
  return out
}

function pairOf(text: string, pending: Candidate[]): Candidate[] | undefined {
  for (let i = 0; i + 1 < pending.length; i++) {
    const a = asItem(pending[i])
    const b = asItem(pending[i + 1])
    if (adjacent(text, a, b) && fits(a, b) && fits(b, a)) return [pending[i], pending[i + 1]]
  }
  return undefined
}

/** What may follow the name that opens an item: the end of the item, a colon, a dash or a parenthesis. */
const AFTER_OPENER = /^\0?\s*(?:$|[:—–(]|-\s)/

/** The name is the whole item or opens it as its title ("Batch: container jobs", "Budgets — alerts"). */
export const opensItem = (text: string, start: number, end: number) =>
  /^[\s\0]*$/.test(text.slice(0, start)) && AFTER_OPENER.test(text.slice(end, end + 4))

/**
 * A list or table whose items open with service names ("- Glue: ETL", "- Batch: container jobs"): a turned-down
 * name opening an item counts when a service opening another item fits it (see `fits`). In a note about AWS,
 * two or more top-level names of the ordinary-word kind ("- Lambda: …", "- Glue: …") vouch for each other.
 */
export function listedItems<T>(turnedDown: [T, Candidate][], openers: Accepted[], aws: boolean): [T, Candidate][] {
  const items = turnedDown.filter(([, c]) => c.end - c.start > 1)
  const words = items.filter(([, c]) => c.entry.mode === 'word' && !c.entry.entity.parent)
  const all = aws && words.length >= 2 ? [...openers, ...words.map(([, c]) => ({ ...asItem(c), strong: true }))] : openers
  return items.filter(([, c]) => all.some((a) => fits(asItem(c), a)))
}
