// Reading the user's own state files (settings, view state, study progress) so that nothing is ever lost:
// a file that cannot be read or does not validate is moved aside as `<name>.corrupt-<timestamp>` and reported,
// and the caller starts from defaults without ever writing over the broken file.
import { existsSync, readFileSync, renameSync } from 'node:fs'
import path from 'node:path'

export interface StateProblem {
  /** the file that could not be used */
  file: string
  /** where it was kept (undefined when it could not even be moved) */
  backup?: string
  /** one sentence for the user, without absolute paths */
  message: string
}

export type StateRead<T> =
  | { status: 'missing' }
  | { status: 'ok'; value: T }
  | { status: 'corrupt'; problem: StateProblem }

/** Timestamp safe in file names on every OS: 2026-12-05T04-31-02-123Z. */
const stamp = (d = new Date()) => d.toISOString().replace(/[:.]/g, '-')

/**
 * Read and validate a JSON state file. `what` names it for the user ("settings", "study progress").
 * `parse` returns the typed value or undefined when the JSON is not of the expected shape.
 */
export function readJsonState<T>(file: string, what: string, parse: (raw: unknown) => T | undefined): StateRead<T> {
  if (!existsSync(file)) return { status: 'missing' }
  let value: T | undefined
  try {
    value = parse(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    value = undefined
  }
  if (value !== undefined) return { status: 'ok', value }
  const backup = `${file}.corrupt-${stamp()}`
  try {
    renameSync(file, backup)
    return {
      status: 'corrupt',
      problem: { file, backup, message: `Your ${what} file could not be read; it was kept as ${path.basename(backup)} and defaults are used.` },
    }
  } catch {
    return {
      status: 'corrupt',
      problem: { file, message: `Your ${what} file could not be read and could not be moved aside; it is left as it is.` },
    }
  }
}
