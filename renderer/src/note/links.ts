// Where a link in a note goes: another note (in-app), an anchor in this note, an external http(s)
// page (system browser), or nowhere (everything else is rendered inert).
import { isSafeExternalUrl } from '../../../electron/shared/contract'

export type LinkTarget =
  | { kind: 'note'; path: string; section?: string }
  | { kind: 'anchor'; section: string }
  | { kind: 'external'; url: string }
  | { kind: 'inert'; why: string }

/** Why a link is not followed, in the words its tooltip shows. */
export const INERT_WHY = {
  // also what a javascript: or data: link arrives as: the sanitizer has taken its address away
  empty: 'Not opened: a note opens only notes in its folder and http(s) pages',
  scheme: 'Not opened: only http(s) links open, in your browser',
  outside: 'Not opened: it points outside the notes folder',
  notNote: 'Not opened: links inside the folder open notes (.md files)',
  malformed: 'Not opened: its address is malformed',
} as const
const inert = (why: keyof typeof INERT_WHY): LinkTarget => ({ kind: 'inert', why: INERT_WHY[why] })

/** decodeURIComponent that answers undefined for malformed escapes (`%E0%A4%A`) instead of throwing. */
export function safeDecode(s: string): string | undefined {
  try { return decodeURIComponent(s) } catch { return undefined }
}

/**
 * Resolve `href` written in the note at `fromPath` (both relative to the notes folder). Never throws:
 * a note's text is untrusted, and a malformed link must not take the reader down with it.
 */
export function classifyLink(href: string | undefined, fromPath: string): LinkTarget {
  if (!href) return inert('empty')
  if (href.startsWith('#')) {
    if (href.length === 1) return inert('empty')
    const section = safeDecode(href.slice(1))
    return section ? { kind: 'anchor', section } : inert('malformed')
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return isSafeExternalUrl(href) ? { kind: 'external', url: href } : inert('scheme')
  if (href.startsWith('//')) return inert('scheme')
  const [rawPath, hash] = href.split('#', 2)
  const decoded = safeDecode(rawPath)
  const section = hash ? safeDecode(hash) : undefined
  if (decoded === undefined || (hash && section === undefined)) return inert('malformed')
  if (!/\.md$/i.test(decoded)) return inert('notNote')
  const base = decoded.startsWith('/') ? [] : fromPath.split('/').slice(0, -1)
  for (const part of decoded.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') { if (base.length === 0) return inert('outside'); base.pop() }
    else base.push(part)
  }
  return { kind: 'note', path: base.join('/'), section: section || undefined }
}

