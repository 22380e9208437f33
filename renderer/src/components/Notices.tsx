// A dismissible banner for problems with the user's own files that the backend met since launch (a damaged
// settings, view or progress file kept aside, …). The words come from the backend and carry no paths.
import { useCallback, useEffect, useState } from 'react'
import type { RendererApi } from '../../../electron/shared/contract'
import './Notices.css'

// A dismissed notice stays dismissed across reloads (its words name the kept file, so a new problem is a new notice).
const DISMISSED_KEY = 'notes-graph:dismissed-notices'

function loadDismissed(): ReadonlySet<string> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? '[]')
    return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [])
  } catch {
    return new Set()
  }
}

function saveDismissed(d: ReadonlySet<string>): void {
  try { localStorage.setItem(DISMISSED_KEY, JSON.stringify([...d].slice(-50))) } catch { /* storage full or blocked: forget */ }
}

export function Notices({ api }: { api: Pick<RendererApi, 'getNotices'> }) {
  const [notices, setNotices] = useState<string[]>([])
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(loadDismissed)
  const check = useCallback(() => api.getNotices().then(setNotices, () => undefined), [api])

  useEffect(() => {
    // on launch, and when the user comes back to the window (a problem may have been met meanwhile)
    void check()
    const onFocus = () => void check()
    window.addEventListener('focus', onFocus)
    return () => window.removeEventListener('focus', onFocus)
  }, [check])

  const shown = notices.filter((n) => !dismissed.has(n))
  if (shown.length === 0) return null
  return (
    <div className="notices" role="status" aria-label="Notices">
      {shown.map((text) => (
        <div className="notice" key={text}>
          <span className="notice-icon" aria-hidden="true">⚠</span>
          <span className="notice-text">{text}</span>
          <button type="button" className="notice-dismiss" aria-label="Dismiss notice" title="Dismiss" onClick={() => setDismissed((d) => { const next = new Set([...d, text]); saveDismissed(next); return next })}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
