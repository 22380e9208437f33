// A dismissible banner for problems with the user's own files that the backend met since launch (a damaged
// settings, view or progress file kept aside, …). The words come from the backend and carry no paths.
import { useCallback, useEffect, useState } from 'react'
import type { RendererApi } from '../../../electron/shared/contract'
import './Notices.css'

export function Notices({ api }: { api: Pick<RendererApi, 'getNotices'> }) {
  const [notices, setNotices] = useState<string[]>([])
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
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
          <button type="button" className="notice-dismiss" aria-label="Dismiss notice" title="Dismiss" onClick={() => setDismissed((d) => new Set([...d, text]))}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
