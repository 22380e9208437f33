// The toolbar's back and forward arrows for the reader (same history as Alt+Left / Alt+Right).
import type { ReaderNav } from './useReaderHistory'

export function ReaderNavButtons({ nav }: { nav: ReaderNav }) {
  return (
    <div className="reader-nav" role="group" aria-label="Reader history">
      <button type="button" className="reader-nav-button" aria-label="Back" title="Back (Alt+←)" disabled={!nav.canBack} onClick={nav.back}>←</button>
      <button type="button" className="reader-nav-button" aria-label="Forward" title="Forward (Alt+→)" disabled={!nav.canForward} onClick={nav.forward}>→</button>
    </div>
  )
}
