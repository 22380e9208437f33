// Width of the note panel: set by dragging its edge or with the arrow keys on the handle, kept within what
// leaves the graph usable, and remembered in the folder's view state (key `reader`).
import { useCallback, useEffect, useRef, useState } from 'react'
import type { RendererApi } from '../../../electron/shared/contract'
import { updateViewState } from '../viewStateWrites'

export const MIN_PANEL_WIDTH = 320
/** room the graph keeps beside the panel (and the sidebar, when shown) */
const GRAPH_ROOM = 360
/** one arrow-key step; Shift takes bigger steps */
export const KEY_STEP = 24

/** A width the window can hold: at least MIN_PANEL_WIDTH, leaving the graph GRAPH_ROOM + the sidebar. */
export function clampWidth(width: number, viewport: number, sidebar = 300): number {
  const max = Math.max(MIN_PANEL_WIDTH, viewport - sidebar - GRAPH_ROOM)
  return Math.round(Math.min(max, Math.max(MIN_PANEL_WIDTH, width)))
}

/** The width for a key on the resize handle (the handle sits on the panel's left edge), or undefined. */
export function widthForKey(key: string, width: number, shift: boolean, viewport: number): number | undefined {
  const step = shift ? KEY_STEP * 4 : KEY_STEP
  if (key === 'ArrowLeft') return clampWidth(width + step, viewport)
  if (key === 'ArrowRight') return clampWidth(width - step, viewport)
  if (key === 'Home') return clampWidth(MIN_PANEL_WIDTH, viewport)
  if (key === 'End') return clampWidth(Number.MAX_SAFE_INTEGER, viewport)
  return undefined
}

function savedWidth(viewState: unknown): number | undefined {
  const w = (viewState as { reader?: { width?: unknown } } | null)?.reader?.width
  return typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : undefined
}

/** The remembered width (undefined = the stylesheet's default) and a setter that saves it, debounced. */
export function usePanelWidth(api: RendererApi): [number | undefined, (w: number) => void] {
  const [width, setWidth] = useState<number | undefined>(undefined)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)

  useEffect(() => {
    let live = true
    const load = () => {
      api.getViewState().then((v) => { if (live) setWidth(savedWidth(v)) }, () => undefined)
    }
    load()
    // another folder has its own remembered width
    window.addEventListener('notes-graph:folder-opened', load)
    return () => { live = false; window.removeEventListener('notes-graph:folder-opened', load) }
  }, [api])

  const change = useCallback((w: number) => {
    setWidth(w)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      updateViewState(api, (all) => ({ ...all, reader: { width: w } }))
        .catch(() => undefined) // remembering the width is a convenience
    }, 400)
  }, [api])

  useEffect(() => () => clearTimeout(timer.current), [])
  return [width, change]
}
