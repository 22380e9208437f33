// The engine's diagnostics (bad YAML, unreadable files, broken links…), grouped by severity. The same problem
// repeated in one file (a note linking 900 times to one missing note) is one row with its count.
import { useMemo } from 'react'
import type { Diagnostic } from '../../../electron/core/types'

const ORDER = { error: 0, warning: 1, info: 2 } as const

interface Props {
  diagnostics: Diagnostic[]
  /** the notes in the graph: only those open (a skipped file has no note to open) */
  isNote(path: string): boolean
  onOpen(path: string, line?: number): void
  onClose(): void
}

interface Row { d: Diagnostic; count: number }

/** One row per file, code and message, at its first line. */
export function diagnosticRows(diagnostics: Diagnostic[]): Row[] {
  const rows = new Map<string, Row>()
  for (const d of diagnostics) {
    const key = `${d.severity}\n${d.file}\n${d.code}\n${d.message}`
    const row = rows.get(key)
    if (!row) rows.set(key, { d, count: 1 })
    else {
      row.count++
      if (d.line !== undefined && (row.d.line === undefined || d.line < row.d.line)) row.d = d
    }
  }
  return [...rows.values()].sort((a, b) => ORDER[a.d.severity] - ORDER[b.d.severity] || a.d.file.localeCompare(b.d.file) || (a.d.line ?? 0) - (b.d.line ?? 0))
}

export function DiagnosticsPanel({ diagnostics, isNote, onOpen, onClose }: Props) {
  const rows = useMemo(() => diagnosticRows(diagnostics), [diagnostics])
  return (
    <section className="diagnostics" aria-label="Diagnostics">
      <header>
        <h2>Diagnostics ({diagnostics.length})</h2>
        <button type="button" className="icon-button" aria-label="Close diagnostics" onClick={onClose}>✕</button>
      </header>
      {rows.length === 0 ? (
        <p className="muted">No problems found in this folder.</p>
      ) : (
        <ul>
          {rows.map(({ d, count }, i) => {
            const where = `${d.file || '(folder)'}${d.line ? `:${d.line}` : ''}`
            return (
              <li key={i} className={`diag diag-${d.severity}`}>
                <span className="diag-sev">{d.severity}</span>
                {d.file && isNote(d.file) ? (
                  <button type="button" className="linklike diag-file" onClick={() => onOpen(d.file, d.line)}>{where}</button>
                ) : (
                  <span className="diag-file">{where}</span>
                )}
                <code className="diag-code">{d.code}</code>
                <span className="diag-msg">
                  {d.message}
                  {count > 1 && <span className="diag-count">{` ${count} times in this file${d.line ? `, first at line ${d.line}` : ''}.`}</span>}
                </span>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
