// The read-only shared material (reference facts, the gold-labelled corpus) lives in `../shared` beside the
// repo on the team's machines and in CI, never in a user's clone. Tests that need it skip without it and
// say why in one line, so a fresh clone's `npm test` stays green and names what it did not check.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Absolute path of a file under `../shared` (relative to the repo root). */
export function sharedPath(rel: string): string {
  return path.resolve(repoRoot, '..', 'shared', rel)
}

/**
 * True when every listed `../shared` file exists; otherwise prints one line naming the skipped check and
 * the missing file, and returns false (use with `describe.skipIf(!…)`).
 */
export function hasShared(what: string, ...rels: string[]): boolean {
  const missing = rels.find((rel) => !existsSync(sharedPath(rel)))
  if (missing === undefined) return true
  console.log(`skipped: ${what} (needs ../shared/${missing} beside the repo; absent here)`)
  return false
}
