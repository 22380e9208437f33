// Where a link in a note goes: another note (in-app), an anchor in this note, an external http(s)
// page (system browser), or nowhere (everything else is rendered inert).
import { isSafeExternalUrl } from '../../../electron/shared/contract'

export type LinkTarget =
  | { kind: 'note'; path: string; section?: string }
  | { kind: 'anchor'; section: string }
  | { kind: 'external'; url: string }
  | { kind: 'inert' }

/** decodeURIComponent that answers undefined for malformed escapes (`%E0%A4%A`) instead of throwing. */
export function safeDecode(s: string): string | undefined {
  try { return decodeURIComponent(s) } catch { return undefined }
}

/**
 * Resolve `href` written in the note at `fromPath` (both relative to the notes folder). Never throws:
 * a note's text is untrusted, and a malformed link must not take the reader down with it.
 */
export function classifyLink(href: string | undefined, fromPath: string): LinkTarget {
  if (!href) return { kind: 'inert' }
  if (href.startsWith('#')) {
    const section = href.length > 1 ? safeDecode(href.slice(1)) : undefined
    return section ? { kind: 'anchor', section } : { kind: 'inert' }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return isSafeExternalUrl(href) ? { kind: 'external', url: href } : { kind: 'inert' }
  if (href.startsWith('//')) return { kind: 'inert' }
  const [rawPath, hash] = href.split('#', 2)
  const decoded = safeDecode(rawPath)
  const section = hash ? safeDecode(hash) : undefined
  if (decoded === undefined || (hash && section === undefined)) return { kind: 'inert' }
  if (!/\.md$/i.test(decoded)) return { kind: 'inert' }
  const base = decoded.startsWith('/') ? [] : fromPath.split('/').slice(0, -1)
  for (const part of decoded.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') { if (base.length === 0) return { kind: 'inert' }; base.pop() }
    else base.push(part)
  }
  return { kind: 'note', path: base.join('/'), section: section || undefined }
}

