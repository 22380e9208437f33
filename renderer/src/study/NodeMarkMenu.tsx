// Right-click (cxttap) on a service, concept or note node opens a small menu to mark it; Esc, a click elsewhere,
// a pan or a zoom closes it. It follows the controller's core, which is created after the first render.
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Core, EventObject } from 'cytoscape'
import type { RendererApi } from '../../../electron/shared/contract'
import type { NodeMark } from '../../../electron/core/study/types'
import type { CyGraphController } from '../graph/cyController'
import { useStudy } from './studyStore'
import { MARKABLE, setNodeMark } from './setNodeMark'
import './marks.css'

interface Open { id: string; x: number; y: number }

export function NodeMarkMenu({ api, controller }: { api: RendererApi; controller: CyGraphController }) {
  const [open, setOpen] = useState<Open | null>(null)
  const [error, setError] = useState('')
  const menu = useRef<HTMLDivElement>(null)
  const mark = useStudy((s) => (open ? s.progress?.marks[open.id] : undefined))

  useEffect(() => {
    let core: Core | null = null
    const onNode = (e: EventObject) => {
      const id = e.target.id() as string
      if (!MARKABLE.test(id)) return
      const box = e.cy.container()?.getBoundingClientRect()
      setError('')
      // an emitted event has no position: the node's centre then
      const at = (e.renderedPosition as { x: number; y: number } | undefined) ?? e.target.renderedPosition()
      setOpen({ id, x: (box?.left ?? 0) + at.x, y: (box?.top ?? 0) + at.y })
    }
    const close = () => setOpen(null)
    const follow = () => {
      const now = controller.cy()
      if (now === core) return
      core?.off('cxttap', 'node', onNode)
      core?.off('tap viewport', close)
      core = now
      core?.on('cxttap', 'node', onNode)
      core?.on('tap viewport', close)
    }
    follow()
    const unsubscribe = controller.subscribe(follow)
    return () => { unsubscribe(); core?.off('cxttap', 'node', onNode); core?.off('tap viewport', close) }
  }, [controller])

  // In the commit that shows the menu, not in a passive effect: a key or click arriving between the two (input
  // runs ahead of React's scheduled work on a busy page) would otherwise miss the menu, and the app's window
  // Esc handler would close the note panel instead.
  useLayoutEffect(() => {
    if (!open) return
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    // Esc closes only the menu, not the note panel too (the app's Esc handler listens on window)
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') { e.stopPropagation(); setOpen(null) } }
    const onDown = (e: PointerEvent) => { if (!menu.current?.contains(e.target as Node)) setOpen(null) }
    document.addEventListener('keydown', onKey, true)
    document.addEventListener('pointerdown', onDown)
    return () => { document.removeEventListener('keydown', onKey, true); document.removeEventListener('pointerdown', onDown) }
  }, [open])

  if (!open && !error) return null
  const choose = (m: NodeMark | null) => {
    if (!open) return
    const id = open.id
    setOpen(null)
    setNodeMark(api, id, m).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
  }
  const move = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    e.preventDefault()
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLElement)
    items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus()
  }
  if (!open) return <p className="node-mark-error error" role="alert" onClick={() => setError('')}>{error}</p>
  const label = controller.node(open.id)?.label ?? open.id
  return (
    <div ref={menu} className="node-mark-menu" role="menu" aria-label={`Mark ${label}`} style={{ left: Math.max(0, Math.min(open.x, window.innerWidth - 160)), top: Math.max(0, Math.min(open.y, window.innerHeight - 120)) }} onKeyDown={move}>
      <button type="button" role="menuitem" onClick={() => choose('learned')}>Mark learned</button>
      <button type="button" role="menuitem" onClick={() => choose('needs-review')}>Needs review</button>
      <button type="button" role="menuitem" disabled={!mark} onClick={() => choose(null)}>Clear mark</button>
    </div>
  )
}
