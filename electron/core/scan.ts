// Recursive scan of a notes folder: .md/.markdown files, no dot-folders or node_modules, symlinks followed
// only inside the folder and never twice (a set of real paths stops loops).
import { promises as fsp, statSync, type Dirent, type Stats } from 'node:fs'
import path from 'node:path'
import type { Diagnostic } from './types'
import { VaultError } from './errors'
import { confine } from './confine'

export interface ScannedFile {
  /** relative to the folder, forward slashes */
  path: string
  abs: string
  size: number
  mtimeMs: number
  /** status-change time: set by the system on every write or time change, never put back (see index/verify.ts) */
  ctimeMs: number
}

export interface ScanResult {
  /** the folder's real path (symlinks resolved) */
  root: string
  files: ScannedFile[]
  diagnostics: Diagnostic[]
}

export const NOTE_FILE = /\.(md|markdown)$/i

/** Real path of a notes folder, or a VaultError with a one-line message. */
export async function resolveFolder(folder: string): Promise<string> {
  if (typeof folder !== 'string' || folder.trim() === '') throw new VaultError('EINVAL', 'No folder given.')
  const abs = path.resolve(folder)
  let st: Stats
  try {
    st = await fsp.stat(abs)
  } catch (e) {
    throw toVaultError(e, abs)
  }
  if (!st.isDirectory()) throw new VaultError('ENOTDIR', `Not a folder: ${abs}`)
  try {
    const real = await fsp.realpath(abs)
    await fsp.access(real, fsp.constants.R_OK | fsp.constants.X_OK)
    await fsp.readdir(real)
    return real
  } catch (e) {
    throw toVaultError(e, abs)
  }
}

function toVaultError(e: unknown, abs: string): VaultError {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return new VaultError('ENOENT', `Folder not found: ${abs}`)
  if (code === 'ENOTDIR') return new VaultError('ENOTDIR', `Not a folder: ${abs}`)
  if (code === 'EACCES' || code === 'EPERM') return new VaultError('EACCES', `Permission denied: cannot read folder ${abs}`)
  return new VaultError('EACCES', `Cannot read folder ${abs} (${code ?? String(e)})`)
}

/** What the scan and the update after a change say about a note path that leads out of the folder. */
export function outsideDiagnostic(rel: string): Diagnostic {
  return { file: rel, severity: 'warning', code: 'symlink-outside', message: 'Symbolic link points outside the notes folder; skipped.' }
}

/**
 * `syncStat`: stat the notes synchronously, for a one-shot run with nothing else to serve meanwhile (the CLI):
 * 5,000 stats took a third of the time that way (a promise and a thread-pool round trip each otherwise).
 * `onFile` is told the count of notes found so far (and the folder's real path) as the walk goes.
 */
export async function scanFolder(folder: string, opts: { syncStat?: boolean; onFile?: (count: number, root: string) => void } = {}): Promise<ScanResult> {
  const root = await resolveFolder(folder)
  const files: ScannedFile[] = []
  const diagnostics: Diagnostic[] = []
  const seenDirs = new Set<string>([root])
  const seenFiles = new Set<string>()
  const toRel = (abs: string) => path.relative(root, abs).split(path.sep).join('/')

  async function walk(dirAbs: string): Promise<void> {
    let entries: Dirent[]
    try {
      entries = await fsp.readdir(dirAbs, { withFileTypes: true })
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error'
      diagnostics.push({ file: toRel(dirAbs), severity: 'warning', code: 'read-error', message: `Could not read this folder (${code}); skipped.` })
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    const subdirs: string[] = []
    const pending: Promise<void>[] = []
    for (const ent of entries) {
      const name = ent.name
      const abs = path.join(dirAbs, name)
      const rel = toRel(abs)
      // a name whose bytes are not UTF-8 (an old Latin-1 file name) comes back with U+FFFD and cannot be opened by it
      if (name.includes('\uFFFD') && (NOTE_FILE.test(name) || ent.isDirectory())) {
        diagnostics.push({ file: rel, severity: 'warning', code: 'name-not-utf8', message: `The ${ent.isDirectory() ? 'folder' : 'file'} name is not valid UTF-8, so it cannot be opened; rename it to read it.` })
        continue
      }
      if (ent.isDirectory()) {
        if (name.startsWith('.') || name === 'node_modules') continue
        const real = path.join(dirAbs, name) // a plain folder inside root has its own real path
        if (!seenDirs.has(real)) { seenDirs.add(real); subdirs.push(real) }
        continue
      }
      if (ent.isSymbolicLink()) {
        if (name.startsWith('.') || name === 'node_modules') continue
        pending.push(followLink(abs, rel, name, subdirs))
        continue
      }
      if (ent.isFile() && NOTE_FILE.test(name)) pending.push(addFile(abs, abs, rel))
      else if (!ent.isFile() && NOTE_FILE.test(name)) {
        diagnostics.push({ file: rel, severity: 'warning', code: 'not-a-file', message: 'Not a regular file; skipped.' })
      }
    }
    await Promise.all(pending)
    for (const sub of subdirs) await walk(sub)
  }

  async function followLink(abs: string, rel: string, name: string, subdirs: string[]): Promise<void> {
    const broken = (code: string | undefined) => {
      if (code === 'ELOOP') diagnostics.push({ file: rel, severity: 'warning', code: 'symlink-loop', message: 'Symbolic link loops back on itself; skipped.' })
      else if (NOTE_FILE.test(name) || code !== 'ENOENT') diagnostics.push({ file: rel, severity: 'warning', code: 'read-error', message: `Broken symbolic link (${code ?? 'error'}); skipped.` })
    }
    const where = await confine(root, abs)
    if (where.status === 'missing') { broken(where.code); return }
    if (where.status === 'outside') { diagnostics.push(outsideDiagnostic(rel)); return }
    const real = where.real
    let st: Stats
    try {
      st = await fsp.stat(real)
    } catch (e) {
      broken((e as NodeJS.ErrnoException).code)
      return
    }
    if (st.isDirectory()) {
      if (seenDirs.has(real)) {
        diagnostics.push({ file: rel, severity: 'info', code: 'symlink-loop', message: 'Symbolic link to a folder already scanned; skipped to avoid a loop.' })
        return
      }
      seenDirs.add(real)
      subdirs.push(real)
      return
    }
    if (st.isFile() && NOTE_FILE.test(name)) await addFile(abs, real, rel, st)
  }

  async function addFile(abs: string, real: string, rel: string, known?: Stats): Promise<void> {
    if (seenFiles.has(real)) return // the same file reached twice through a link
    seenFiles.add(real)
    try {
      const st = known ?? (opts.syncStat ? statSync(abs) : await fsp.stat(abs))
      files.push({ path: rel, abs, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs })
      opts.onFile?.(files.length, root)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error'
      diagnostics.push({ file: rel, severity: 'error', code: 'read-error', message: `Could not read the file (${code}); skipped.` })
    }
  }

  await walk(root)
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  if (files.length === 0) {
    diagnostics.push({ file: '', severity: 'info', code: 'empty-folder', message: 'No .md or .markdown notes found in this folder.' })
  }
  return { root, files, diagnostics }
}
