// YAML frontmatter → the few fields the core reads (title, domain, tags), with diagnostics for bad YAML.
import { parseDocument } from 'yaml'
import type { Diagnostic } from '../types'
import { readSimpleYaml } from './simple-yaml'

export interface FrontmatterData {
  title?: string
  domain?: unknown
  tags: string[]
}

/**
 * Parse the YAML block. `firstLine` is the file line of the first YAML line (2 when the block starts the
 * file), so diagnostics point at file lines. Broken YAML yields a `yaml-invalid` diagnostic and no data.
 */
export function readFrontmatter(yaml: string, firstLine: number, file: string, diagnostics: Diagnostic[]): FrontmatterData {
  const out: FrontmatterData = { tags: [] }
  const simple = readSimpleYaml(yaml)
  if (simple) return fromMapping(simple, out)
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: false })
  if (doc.errors.length > 0) {
    const err = doc.errors[0]
    const line = err.linePos?.[0]?.line
    diagnostics.push({
      file,
      line: line !== undefined ? firstLine + line - 1 : firstLine,
      severity: 'warning',
      code: 'yaml-invalid',
      message: `Frontmatter is not valid YAML (${firstLineOf(err.message)}); the note is indexed without it.`,
    })
    return out
  }
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 100 })
  } catch (e) {
    diagnostics.push({ file, line: firstLine, severity: 'warning', code: 'yaml-invalid', message: `Frontmatter could not be read: ${firstLineOf(String(e))}` })
    return out
  }
  if (data === null || data === undefined) return out
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push({ file, line: firstLine, severity: 'info', code: 'yaml-not-mapping', message: 'Frontmatter is not a key/value mapping; ignored.' })
    return out
  }
  return fromMapping(data as Record<string, unknown>, out)
}

function fromMapping(rec: Record<string, unknown>, out: FrontmatterData): FrontmatterData {
  if (typeof rec.title === 'string' && rec.title.trim()) out.title = rec.title.trim()
  else if (typeof rec.title === 'number') out.title = String(rec.title)
  out.domain = rec.domain
  out.tags = tagList(rec.tags)
  return out
}

/** `tags: [a, b]`, `tags: "a, b"` or `tags: a b` → normalised tag names. */
function tagList(v: unknown): string[] {
  const raw: unknown[] = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,\s]+/) : []
  const out: string[] = []
  for (const t of raw) {
    if (typeof t !== 'string' && typeof t !== 'number') continue
    const tag = normaliseTag(String(t))
    if (tag) out.push(tag)
  }
  return out
}

export function normaliseTag(t: string): string {
  return t.trim().replace(/^#+/, '').toLowerCase()
}

function firstLineOf(s: string): string {
  return s.split('\n')[0].slice(0, 200)
}
