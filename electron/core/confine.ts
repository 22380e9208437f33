// The one confinement rule for notes: a file belongs to the opened folder only when its real path (every
// symbolic link resolved, in the file's name and in its folders) lies inside the folder's real path. The scan,
// the update after a change on disk, note reads and snippet/search reads all go through here, so a link added
// while the folder is open is judged exactly as one found by the first scan.
import { promises as fsp, realpathSync } from 'node:fs'
import path from 'node:path'

/** Is `p` the folder `root` itself or inside it? Both must be real, absolute paths. */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

export type Confined =
  | { status: 'inside'; real: string }
  | { status: 'outside' }
  /** missing, a broken link, a loop, or unreadable: `code` says which */
  | { status: 'missing'; code: string }

function judge(root: string, real: string): Confined {
  return isInside(root, real) ? { status: 'inside', real } : { status: 'outside' }
}

const codeOf = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'error'

/** Where `abs` really is, and whether that is inside `root` (the folder's real path). */
export async function confine(root: string, abs: string): Promise<Confined> {
  try { return judge(root, await fsp.realpath(abs)) } catch (e) { return { status: 'missing', code: codeOf(e) } }
}

/** Synchronous `confine`, for reads on the calling thread (note reader, snippets). */
export function confineSync(root: string, abs: string): Confined {
  try { return judge(root, realpathSync(abs)) } catch (e) { return { status: 'missing', code: codeOf(e) } }
}
