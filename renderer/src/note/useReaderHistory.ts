// The reader's history in React: records each place the reader shows, walks back and forward on
// Alt+Left / Alt+Right, the mouse's back/forward buttons and the browser's own Back (popstate), and hands
// the place to go to back to the shell, which owns the selection and the note target.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { ReaderHistory, type ReaderEntry } from './readerHistory'

export interface ReaderNav {
  back(): void
  forward(): void
  canBack: boolean
  canForward: boolean
  /** the panel showing `path` was scrolled to `y` */
  onScroll(path: string | undefined, y: number): void
}

/** Keys typed into a field are the field's (Alt+Left moves by word on macOS). */
function inField(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null
  return !!el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT')
}

/** Mouse buttons 3 and 4 are the side buttons "back" and "forward". */
const MOUSE_BACK = 3
const MOUSE_FORWARD = 4

export function useReaderHistory(place: ReaderEntry, restore: (entry: ReaderEntry) => void): ReaderNav {
  const [history] = useState(() => new ReaderHistory(window.history, () => location.href))
  const restoreRef = useRef(restore)
  useEffect(() => { restoreRef.current = restore })

  const { node, path, section, line } = place
  useEffect(() => {
    history.record({ node, path, section, line })
  }, [history, node, path, section, line])

  useEffect(() => {
    const onPop = (e: PopStateEvent) => {
      const entry = history.popped(e.state)
      if (entry) restoreRef.current(entry)
    }
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || inField(e.target)) return
      if (e.key === 'ArrowLeft') { e.preventDefault(); history.back() }
      else if (e.key === 'ArrowRight') { e.preventDefault(); history.forward() }
    }
    // the browser would navigate on its own at mouseup; it is told not to, so Back never leaves the app
    const onMouse = (e: MouseEvent) => {
      if (e.button !== MOUSE_BACK && e.button !== MOUSE_FORWARD) return
      e.preventDefault()
      if (e.type !== 'mouseup') return
      if (e.button === MOUSE_BACK) history.back()
      else history.forward()
    }
    window.addEventListener('popstate', onPop)
    window.addEventListener('keydown', onKey)
    window.addEventListener('mousedown', onMouse)
    window.addEventListener('mouseup', onMouse)
    return () => {
      window.removeEventListener('popstate', onPop)
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('mousedown', onMouse)
      window.removeEventListener('mouseup', onMouse)
    }
  }, [history])

  const canBack = useSyncExternalStore(useCallback((l) => history.subscribe(l), [history]), () => history.canBack)
  const canForward = useSyncExternalStore(useCallback((l) => history.subscribe(l), [history]), () => history.canForward)
  const back = useCallback(() => { history.back() }, [history])
  const forward = useCallback(() => { history.forward() }, [history])
  const onScroll = useCallback((p: string | undefined, y: number) => history.setScroll(p, y), [history])
  return { back, forward, canBack, canForward, onScroll }
}
