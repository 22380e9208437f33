// Exam domain of a note: `D1`…`D9` style ids.

/** Frontmatter `domain` values like `D1`, `d1`, `Domain 1`, `Domain 1: Data preparation`, `1` → `D1`. */
export function domainFromValue(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 && v < 100 ? `D${v}` : undefined
  if (typeof v !== 'string') return undefined
  const m = /^\s*(?:d|domain)?[\s_-]*(\d{1,2})(?!\d)/i.exec(v)
  return m && Number(m[1]) > 0 ? `D${Number(m[1])}` : undefined
}

/** Folder pattern of the bundled notes: the first folder named like `D1_…` (or `D1`) gives the domain. */
export function domainFromPath(relPath: string): string | undefined {
  const dirs = relPath.split('/').slice(0, -1)
  for (const dir of dirs) {
    const m = /^D(\d{1,2})(?:[_\-\s.]|$)/i.exec(dir)
    if (m && Number(m[1]) > 0) return `D${Number(m[1])}`
  }
  return undefined
}
