// Fails when a Cytoscape upgrade changes one of the undocumented methods cyPrivate.ts relies on.
import { describe, expect, it, vi } from 'vitest'
import cytoscape, { type Core } from 'cytoscape'
import { blankLayersUntilDrawn, drawDirect, isHeadless, redraw, setRedraws, styleNow, withoutRedraws } from './cyPrivate'

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
    expect(typeof (cy.style() as unknown as Record<string, unknown>).apply).toBe('function')
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

  it('styles only the dirty elements, all in one stylesheet pass, as cleanStyle would', () => {
    const sheet = [{ selector: 'node', style: { width: 20 } }, { selector: 'node.big', style: { width: 60, 'background-color': '#123456' } }]
    const cy = cytoscape({ headless: true, styleEnabled: true, style: sheet })
    const ref = cytoscape({ headless: true, styleEnabled: true, style: sheet })
    const defs = [{ data: { id: 'a' } }, { data: { id: 'b' }, classes: 'big' }, { data: { id: 'c' } }]
    styleNow(cy.add(defs))
    ;(ref.add(defs) as unknown as { cleanStyle(): void }).cleanStyle()
    cy.getElementById('c').addClass('big')
    ref.getElementById('c').addClass('big')
    const apply = vi.spyOn(cy.style() as unknown as { apply(e: ArrayLike<unknown>): unknown }, 'apply')
    styleNow(cy.elements())
    ;(ref.nodes() as unknown as { cleanStyle(): void }).cleanStyle()
    expect(apply).toHaveBeenCalledTimes(1)
    expect(apply.mock.calls[0][0].length).toBe(1)
    for (const id of ['a', 'b', 'c']) {
      expect(cy.getElementById(id).style('width')).toBe(ref.getElementById(id).style('width'))
      expect(cy.getElementById(id).style('background-color')).toBe(ref.getElementById(id).style('background-color'))
    }
    expect(cy.getElementById('c').style('width')).toBe('60px')
  })

  it('styles new elements without a bounds event per property, and later changes still move their bounds', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: 'node', style: { width: 20, height: 20 } }, { selector: 'node.big', style: { width: 60 } }] })
    const added = cy.add([{ data: { id: 'a' }, position: { x: 0, y: 0 } }, { data: { id: 'b' }, position: { x: 100, y: 0 } }, { data: { id: 'e', source: 'a', target: 'b' } }])
    let bounds = 0
    cy.on('bounds', () => { bounds++ })
    styleNow(added)
    expect(bounds).toBe(0)
    // the per-property triggers are back for everything styled after
    expect(Object.prototype.hasOwnProperty.call(cy.style(), 'checkTriggers')).toBe(false)
    const a = cy.getElementById('a')
    const small = a.boundingBox({ includeLabels: false }).w
    a.addClass('big')
    styleNow(a)
    expect(bounds).toBeGreaterThan(0)
    expect(a.boundingBox({ includeLabels: false }).w).toBeCloseTo(small + 40, 5)
  })

  it('knows a headless core', () => {
    expect(isHeadless(cytoscape({ headless: true }))).toBe(true)
  })
})

describe('drawDirect (a launch\'s frames without element textures)', () => {
  /** A canvas core in jsdom: a 2D context that accepts every call (nothing is drawn here). */
  function canvasCore(): Core {
    const ctx = new Proxy({}, { get: (t: Record<string | symbol, unknown>, k) => (k in t ? t[k] : () => ({ width: 0 })), set: (t, k, v) => { t[k] = v; return true } })
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never)
    const container = document.createElement('div')
    document.body.append(container)
    const cy = cytoscape({ container, layout: { name: 'preset' }, elements: [{ data: { id: 'a' } }, { data: { id: 'b' } }, { data: { id: 'e', source: 'a', target: 'b' } }] })
    // jsdom's teardown would make the renderer destroy itself through its container observer, which fails there
    ;(cy as unknown as { renderer(): { removeObserver?: MutationObserver } }).renderer().removeObserver?.disconnect()
    return cy
  }
  const dataOf = (cy: Core) => (cy as unknown as { renderer(): { data: Record<string, { getElement?: unknown; firstGet?: unknown }> } }).renderer().data

  it('finds the texture caches and the layer cache\'s first-frame flag on this Cytoscape version', () => {
    const data = dataOf(canvasCore())
    for (const k of ['eleTxrCache', 'lblTxrCache', 'slbTxrCache', 'tlbTxrCache']) expect(typeof data[k]?.getElement).toBe('function')
    expect(data.lyrTxrCache?.firstGet).toBe(true)
    // the renderer draws an element itself when its cache gives no texture
    const renderer = cytoscape('renderer', 'canvas') as unknown as { prototype: Record<string, (...a: unknown[]) => unknown> }
    expect(String(renderer.prototype.drawCachedElementPortion)).toMatch(/getElement\([\s\S]*drawElement\(/)
  })

  it('gives no textures until restored, then the caches work as before', () => {
    const cy = canvasCore()
    const data = dataOf(cy)
    const own = data.eleTxrCache.getElement
    const restore = drawDirect(cy)
    expect(data.lyrTxrCache.firstGet).toBe(false)
    const bb = { x1: 0, y1: 0, x2: 10, y2: 10, w: 10, h: 10 }
    expect((data.eleTxrCache.getElement as (...a: unknown[]) => unknown)(cy.getElementById('a'), bb, 1, 0)).toBeNull()
    cy.emit('render')
    expect((data.lblTxrCache.getElement as (...a: unknown[]) => unknown)(cy.getElementById('a'), bb, 1, 0)).toBeNull()
    // nothing was drawn into a texture meanwhile: a change has nothing to invalidate
    const invalidate = vi.spyOn(Object.getPrototypeOf(data.eleTxrCache) as { invalidateElement(e: unknown): void }, 'invalidateElement')
    cy.getElementById('a').addClass('changed')
    cy.emit('render')
    ;(data.eleTxrCache as unknown as { invalidateElements(e: unknown): void }).invalidateElements(cy.nodes())
    expect(invalidate).not.toHaveBeenCalled()
    restore()
    expect(data.eleTxrCache.getElement).toBe(own)
    expect(Object.prototype.hasOwnProperty.call(data.lblTxrCache, 'getElement')).toBe(false)
    ;(data.eleTxrCache as unknown as { invalidateElements(e: unknown): void }).invalidateElements(cy.nodes())
    expect(invalidate).toHaveBeenCalled()
  })

  it('does nothing on a headless core', () => {
    expect(() => drawDirect(cytoscape({ headless: true }))()).not.toThrow()
  })
})

describe('blankLayersUntilDrawn (the drag and tap layers are not touched while empty)', () => {
  /** A 2D context that records what reaches it (jsdom has none). */
  class RecordingContext {
    calls: string[] = []
    canvas = { width: 0, height: 0 }
    clearRect(): void { this.calls.push('clearRect') }
    setTransform(...a: number[]): void { this.calls.push(`setTransform(${a.join(',')})`) }
    translate(x: number, y: number): void { this.calls.push(`translate(${x},${y})`) }
    scale(x: number, y: number): void { this.calls.push(`scale(${x},${y})`) }
    save(): void { this.calls.push('save') }
    restore(): void { this.calls.push('restore') }
    beginPath(): void { this.calls.push('beginPath') }
    arc(): void { this.calls.push('arc') }
    fill(): void { this.calls.push('fill') }
    fillRect(): void { this.calls.push('fillRect') }
  }
  interface Layers { DRAG: number; SELECT_BOX: number; NODE: number; data: { contexts: RecordingContext[] } }

  function layers(): Layers {
    vi.stubGlobal('CanvasRenderingContext2D', RecordingContext)
    // what the class does not record, the renderer's own drawing, is accepted and ignored
    const accepting = () => new Proxy(new RecordingContext(), { get: (t, k) => (k in t ? (t as unknown as Record<string | symbol, unknown>)[k] : () => ({ width: 0 })) })
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => accepting() as never)
    const container = document.createElement('div')
    document.body.append(container)
    const cy = cytoscape({ container, layout: { name: 'preset' }, elements: [{ data: { id: 'a' } }] })
    const r = (cy as unknown as { renderer(): Layers & { removeObserver?: MutationObserver } }).renderer()
    r.removeObserver?.disconnect()
    blankLayersUntilDrawn(cy)
    for (const ctx of r.data.contexts) ctx.calls = []
    return r
  }

  it('finds the two layers on this Cytoscape version', () => {
    const r = layers()
    expect(new Set([r.DRAG, r.SELECT_BOX, r.NODE]).size).toBe(3)
    expect(r.data.contexts[r.DRAG]).toBeInstanceOf(RecordingContext)
    vi.unstubAllGlobals()
  })

  it('lets clears and coordinate changes wait, then replays them before the first drawing call', () => {
    const r = layers()
    const drag = r.data.contexts[r.DRAG]
    // a redraw of the empty layer, twice: nothing reaches the canvas
    for (const zoom of [2, 3]) {
      drag.setTransform(1, 0, 0, 1, 0, 0)
      drag.clearRect()
      drag.translate(10, 20)
      drag.scale(zoom, zoom)
    }
    expect(drag.calls).toEqual([])
    // something is drawn: the coordinates it is drawn in are set first, from the last absolute matrix on
    drag.save()
    drag.fill()
    expect(drag.calls).toEqual(['setTransform(1,0,0,1,0,0)', 'translate(10,20)', 'scale(3,3)', 'save', 'fill'])
    // from then on every call goes through, clears included
    drag.clearRect()
    drag.translate(1, 1)
    expect(drag.calls.slice(-2)).toEqual(['clearRect', 'translate(1,1)'])
    vi.unstubAllGlobals()
  })

  it('waits on the selection-box layer too, and never on the elements\' own layer', () => {
    const r = layers()
    const box = r.data.contexts[r.SELECT_BOX]
    const node = r.data.contexts[r.NODE]
    box.clearRect()
    node.clearRect()
    node.translate(5, 5)
    expect(box.calls).toEqual([])
    expect(node.calls).toEqual(['clearRect', 'translate(5,5)'])
    box.fillRect()
    expect(box.calls).toEqual(['fillRect'])
    vi.unstubAllGlobals()
  })
})
