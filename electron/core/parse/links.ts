// Link targets: which note a relative markdown link or a [[wikilink]] points to.
import path from 'node:path'
import type { Diagnostic, NoteLink, NoteMeta } from '../types'

export type LinkTarget =
  | { kind: 'path'; path: string }
  | { kind: 'name'; name: string }
  | { kind: 'outside' }
  | { kind: 'ignore' }

const NOTE_EXT = /\.(md|markdown)$/i
const SCHEME = /^[a-z][a-z0-9+.-]*:/i

function safeDecode(s: string): string {
  try { return decodeURIComponent(s) } catch { return s }
}

/** Where a link points, relative to the folder, before looking at which notes exist. */
export function linkTarget(notePath: string, link: Pick<NoteLink, 'target' | 'kind'>): LinkTarget {
  const dir = path.posix.dirname(notePath)
  if (link.kind === 'markdown') {
    const url = link.target.trim()
    if (!url || url.startsWith('#') || url.startsWith('//') || SCHEME.test(url)) return { kind: 'ignore' }
    const p = safeDecode(url.replace(/[?#].*$/, ''))
    if (!p) return { kind: 'ignore' }
    const ext = path.posix.extname(p)
    if (ext && !NOTE_EXT.test(p)) return { kind: 'ignore' } // images, PDFs… are not notes
    if (p.startsWith('/')) return { kind: 'outside' }
    const joined = path.posix.normalize(path.posix.join(dir, p))
    return isOutside(joined) ? { kind: 'outside' } : { kind: 'path', path: joined }
  }
  const name = link.target.replace(/#.*$/, '').trim()
  if (!name) return { kind: 'ignore' } // [[#heading]] points into the same note
  if (name.startsWith('/')) return { kind: 'outside' }
  if (name.includes('/')) {
    const joined = path.posix.normalize(name)
    return isOutside(joined) ? { kind: 'outside' } : { kind: 'path', path: joined }
  }
  return { kind: 'name', name }
}

function isOutside(p: string): boolean {
  return p === '..' || p.startsWith('../') || path.posix.isAbsolute(p)
}

/** Lookup tables over the notes of a folder, rebuilt when notes are added or removed. */
export class LinkIndex {
  private byPath = new Map<string, string>()
  private byLowerPath = new Map<string, string>()
  private byName = new Map<string, string[]>()

  constructor(paths: Iterable<string>) {
    for (const p of paths) {
      this.byPath.set(p, p)
      this.byLowerPath.set(p.toLowerCase(), p)
      const name = path.posix.basename(p).replace(NOTE_EXT, '').toLowerCase()
      const list = this.byName.get(name)
      if (list) list.push(p)
      else this.byName.set(name, [p])
    }
  }

  private exact(p: string): string | undefined {
    for (const c of NOTE_EXT.test(p) ? [p] : [p, `${p}.md`, `${p}.markdown`]) {
      const hit = this.byPath.get(c) ?? this.byLowerPath.get(c.toLowerCase())
      if (hit) return hit
    }
    return undefined
  }

  resolve(notePath: string, link: Pick<NoteLink, 'target' | 'kind'>): string | undefined | 'outside' {
    const t = linkTarget(notePath, link)
    if (t.kind === 'outside') return 'outside'
    if (t.kind === 'ignore') return undefined
    if (t.kind === 'path') {
      if (link.kind === 'wikilink') {
        // [[folder/note]] is usually folder-relative; fall back to the note's own folder
        return this.exact(t.path) ?? this.exact(path.posix.normalize(path.posix.join(path.posix.dirname(notePath), t.path)))
      }
      return this.exact(t.path)
    }
    const candidates = this.byName.get(t.name.replace(NOTE_EXT, '').toLowerCase())
    if (!candidates) return undefined
    if (candidates.length === 1) return candidates[0]
    const dir = path.posix.dirname(notePath)
    return candidates.find((c) => path.posix.dirname(c) === dir) ?? [...candidates].sort((a, b) => a.length - b.length || a.localeCompare(b))[0]
  }
}

/** Fill `resolved` on every link of the note and report links that go nowhere or leave the folder. */
export function resolveNoteLinks(meta: NoteMeta, index: LinkIndex): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const link of meta.links) {
    const r = index.resolve(meta.path, link)
    delete link.resolved
    if (r === 'outside') {
      out.push({ file: meta.path, line: link.line, severity: 'warning', code: 'link-outside', message: `Link "${link.target}" points outside the notes folder; not followed.` })
    } else if (r) {
      link.resolved = r
    } else if (linkTarget(meta.path, link).kind !== 'ignore') {
      out.push({ file: meta.path, line: link.line, severity: 'warning', code: 'link-broken', message: `Link "${link.target}" does not lead to a note in this folder.` })
    }
  }
  return out
}
