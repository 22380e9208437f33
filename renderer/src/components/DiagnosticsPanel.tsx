// The engine's diagnostics (bad YAML, unreadable files, broken links…), grouped by severity.
import type { Diagnostic } from '../../../electron/core/types'

const ORDER = { error: 0, warning: 1, info: 2 } as const

interface Props {
  diagnostics: Diagnostic[]
  onOpen(path: string, line?: number): void
  onClose(): void
}

export function DiagnosticsPanel({ diagnostics, onOpen, onClose }: Props) {
  const sorted = [...diagnostics].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.file.localeCompare(b.file))
  return (
    <section className="diagnostics" aria-label="Diagnostics">
      <header>
        <h2>Diagnostics ({diagnostics.length})</h2>
        <button type="button" className="icon-button" aria-label="Close diagnostics" onClick={onClose}>✕</button>
      </header>
      {sorted.length === 0 ? (
        <p className="muted">No problems found in this folder.</p>
      ) : (
        <ul>
          {sorted.map((d, i) => (
            <li key={i} className={`diag diag-${d.severity}`}>
              <span className="diag-sev">{d.severity}</span>
              {d.file && d.file.endsWith('.md') ? (
                <button type="button" className="linklike" onClick={() => onOpen(d.file, d.line)}>
                  {d.file}{d.line ? `:${d.line}` : ''}
                </button>
              ) : (
                <span className="diag-file">{d.file || '(folder)'}{d.line ? `:${d.line}` : ''}</span>
              )}
              <span className="diag-msg">{d.message}</span>
              <code className="diag-code">{d.code}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
