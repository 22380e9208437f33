// Fails when a Cytoscape upgrade changes one of the undocumented methods cyPrivate.ts relies on.
import { describe, expect, it, vi } from 'vitest'
import cytoscape, { type Core } from 'cytoscape'
import { isHeadless, redraw, setRedraws, styleNow, withoutRedraws } from './cyPrivate'

/** The renderer behind a core; headless cores have a null renderer that still receives notify(). */
const rendererOf = (cy: Core) => (cy as unknown as { renderer(): { notify(e: string): void } }).renderer()

describe('Cytoscape private-API adapter', () => {
  it('relies on methods that exist on this Cytoscape version', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: [{ data: { id: 'a' } }] })
    const core = cy as unknown as Record<string, unknown>
    expect(typeof core.notifications).toBe('function')
    expect(typeof core.notify).toBe('function')
    expect(typeof core.headless).toBe('function')
    expect(typeof (cy.nodes() as unknown as Record<string, unknown>).cleanStyle).toBe('function')
  })

  it('keeps the renderer from hearing about changes while redraws are off, and tells it once after', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true })
    const notify = vi.spyOn(rendererOf(cy), 'notify')
    withoutRedraws(cy, () => { cy.add({ data: { id: 'a' } }) })
    expect(notify).not.toHaveBeenCalled()
    setRedraws(cy, false)
    cy.add({ data: { id: 'b' } })
    setRedraws(cy, true)
    expect(notify).not.toHaveBeenCalled()
    redraw(cy)
    expect(notify).toHaveBeenCalledTimes(1)
    expect(notify.mock.calls[0][0]).toBe('add')
    // notifications are back on: an ordinary change reaches the renderer again
    cy.add({ data: { id: 'c' } })
    expect(notify.mock.calls.length).toBeGreaterThan(1)
  })

  it('leaves redraws off after a quiet change made while a load had them off', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true })
    const notify = vi.spyOn(rendererOf(cy), 'notify')
    setRedraws(cy, false)
    withoutRedraws(cy, () => { cy.add({ data: { id: 'a' } }) })
    cy.add({ data: { id: 'b' } })
    expect(notify).not.toHaveBeenCalled()
    setRedraws(cy, true)
  })

  it('computes styles at once, so the next frame has nothing left to style', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: 'node', style: { width: 42 } }] })
    const added = cy.add([{ data: { id: 'a' } }, { data: { id: 'b' } }])
    const dirty = () => added.filter((n) => (n as unknown as { _private: { styleDirty: boolean } })._private.styleDirty).length
    expect(dirty()).toBe(2)
    styleNow(added)
    expect(dirty()).toBe(0)
    expect(added.first().style('width')).toBe('42px')
  })

  it('knows a headless core', () => {
    expect(isHeadless(cytoscape({ headless: true }))).toBe(true)
  })
})
