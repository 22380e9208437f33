// The node menu at the moment it appears: keys and clicks that arrive before React's passive effects run
// (a loaded machine, a quick user) must already reach the menu, not the app behind it.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, render } from '@testing-library/react'
import type { EventObject } from 'cytoscape'
import type { RendererApi } from '../../../electron/shared/contract'
import type { CyGraphController } from '../graph/cyController'
import { NodeMarkMenu } from './NodeMarkMenu'

const ID = 'service:aws-glue'

/** A controller whose core records its handlers, so the test can right-click a node itself. */
function fakeController() {
  const handlers = new Map<string, (e: EventObject) => void>()
  const core = {
    on: (events: string, selOrFn: unknown, fn?: (e: EventObject) => void) => { handlers.set(events, (fn ?? selOrFn) as (e: EventObject) => void) },
    off: () => undefined,
    container: () => null,
  }
  const controller = { cy: () => core, subscribe: () => () => undefined, node: () => ({ id: ID, label: 'AWS Glue' }) } as unknown as CyGraphController
  const rightClick = () => handlers.get('cxttap')!({
    target: { id: () => ID, renderedPosition: () => ({ x: 10, y: 10 }) },
    cy: core,
    renderedPosition: { x: 10, y: 10 },
  } as unknown as EventObject)
  return { controller, rightClick }
}

/** Resolves with the menu in the same microtask checkpoint as React's commit, before any later task. */
function whenMenuAppears(root: HTMLElement): Promise<HTMLElement> {
  return new Promise((resolve) => {
    const obs = new MutationObserver(() => {
      const menu = root.querySelector<HTMLElement>('[role="menu"]')
      if (menu) { obs.disconnect(); resolve(menu) }
    })
    obs.observe(root, { childList: true, subtree: true })
  })
}

describe('NodeMarkMenu', () => {
  const g = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
  const actEnv = g.IS_REACT_ACT_ENVIRONMENT
  afterEach(() => { cleanup(); g.IS_REACT_ACT_ENVIRONMENT = actEnv })

  it('Esc pressed the moment the menu shows closes the menu only, never reaching the app (which closes the note panel)', async () => {
    // a real browser schedules the render like this (no act): input may come between the commit and the passive effects
    g.IS_REACT_ACT_ENVIRONMENT = false
    const { controller, rightClick } = fakeController()
    const appEsc = vi.fn()
    window.addEventListener('keydown', appEsc)
    try {
      const { container } = render(<NodeMarkMenu api={{} as RendererApi} controller={controller} />)
      const appeared = whenMenuAppears(container)
      rightClick()
      // the key goes where the focus is, in the microtask after the commit: no task (passive effect) ran yet
      const focused = await appeared.then((menu) => {
        const now = document.activeElement
        ;(now ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
        return { now, first: menu.querySelector('[role="menuitem"]') }
      })
      expect(appEsc).not.toHaveBeenCalled()
      expect(focused.now).toBe(focused.first)
      await vi.waitFor(() => expect(container.querySelector('[role="menu"]')).toBeNull())
    } finally {
      window.removeEventListener('keydown', appEsc)
    }
  })
})
