// A fast reader for the frontmatter most notes have (`domain: D2`, `tags: [a, b]`, `title: "…"`, a block list of
// tags): the `yaml` library's document model took ~5% of a cold index's worker time for two-line blocks. Anything
// outside this narrow grammar returns undefined and goes to the library, so results are the library's own.

/** A plain scalar the YAML 1.2 core schema reads as this very string: starts with a letter or `_`, no `#`, `:`, quotes, brackets. */
const PLAIN = /^[A-Za-z_][A-Za-z0-9_ ./-]*$/
/** plain scalars the core schema reads as null or booleans */
const RESERVED = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:$| (.*)$)/
const ITEM_LINE = /^( *)- (.*)$/

function plain(s: string): string | undefined {
  return PLAIN.test(s) && !s.endsWith(' ') && !RESERVED.test(s) && !s.includes(' -') && !s.includes('- ') ? s : undefined
}

/** A one-line value: a plain or simply quoted string, or a flow list of plain strings; undefined when unsure. */
function scalarOrFlow(v: string): string | string[] | undefined {
  if (v.startsWith('"')) return /^"[^"\\]*"$/.test(v) ? v.slice(1, -1) : undefined
  if (v.startsWith("'")) return /^'[^']*'$/.test(v) ? v.slice(1, -1) : undefined
  if (v.startsWith('[')) {
    if (!v.endsWith(']')) return undefined
    const inner = v.slice(1, -1).trim()
    if (inner === '') return []
    const items: string[] = []
    for (const part of inner.split(',')) {
      const item = plain(part.trim())
      if (item === undefined) return undefined
      items.push(item)
    }
    return items
  }
  return plain(v)
}

/**
 * The mapping a simple frontmatter block holds, exactly as `parseDocument(yaml).toJS()` gives it; undefined when
 * the block uses anything else (comments, numbers, nesting, anchors, multi-line strings, duplicate keys…).
 */
export function readSimpleYaml(yaml: string): Record<string, unknown> | undefined {
  if (yaml.includes('\r') || yaml.includes('\t')) return undefined
  const lines = yaml.split('\n')
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  let keys = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') continue
    const m = KEY_LINE.exec(line)
    if (!m) return undefined
    const key = m[1]
    if (key in out || RESERVED.test(key)) return undefined
    keys++
    if (m[2] !== undefined && m[2] !== '') {
      const v = scalarOrFlow(m[2])
      if (v === undefined) return undefined
      out[key] = v
      continue
    }
    if (m[2] === '') return undefined // `key: ` with a trailing space: leave it to the library
    // `key:` alone: a block list of plain items below it (same indent), or null
    const items: string[] = []
    let indent: string | undefined
    while (i + 1 < lines.length) {
      const item = ITEM_LINE.exec(lines[i + 1])
      if (!item) break
      if (indent === undefined) indent = item[1]
      else if (item[1] !== indent) return undefined
      const v = plain(item[2])
      if (v === undefined) return undefined
      items.push(v)
      i++
    }
    out[key] = items.length ? items : null
  }
  return keys ? out : undefined
}
