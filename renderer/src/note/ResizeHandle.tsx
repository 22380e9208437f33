// The note panel's left edge: drag it to resize the panel, or focus it and use the arrow keys
// (Shift for bigger steps, Home/End for the smallest/largest width). A separator in ARIA terms.
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { clampWidth, MIN_PANEL_WIDTH, widthForKey } from './panelWidth'

/** Width of the panel the handle belongs to, as drawn now. */
function panelWidth(handle: HTMLElement): number {
  return (handle.parentElement ?? handle).getBoundingClientRect().width
}

export function ResizeHandle({ onWidth }: { onWidth(width: number): void }) {
  const drag = useRef<{ x: number; width: number } | null>(null)
  const [now, setNow] = useState<number | undefined>(undefined)

  const set = (w: number) => { setNow(w); onWidth(w) }

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return
    e.preventDefault()
    e.currentTarget.setPointerCapture(e.pointerId)
    drag.current = { x: e.clientX, width: panelWidth(e.currentTarget) }
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d) return
    // the handle is on the left edge: moving left widens the panel
    set(clampWidth(d.width + (d.x - e.clientX), window.innerWidth))
  }
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const w = widthForKey(e.key, panelWidth(e.currentTarget), e.shiftKey, window.innerWidth)
    if (w === undefined) return
    e.preventDefault()
    set(w)
  }

  return (
    <div
      className="note-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize note panel"
      aria-valuemin={MIN_PANEL_WIDTH}
      aria-valuenow={now !== undefined ? Math.round(now) : undefined}
      title="Drag or use ←/→ to resize"
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
