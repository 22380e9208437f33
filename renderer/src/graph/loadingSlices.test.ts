import { afterEach, describe, expect, it, vi } from 'vitest'
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape'
import { Loader, nextStep } from './loading'
import { newGraphState } from './graphState'

describe('slice size of a big load', () => {
  it('moves towards 40 ms a slice, growing at most 1.5× at a time, within 200–4000 elements', () => {
    expect(nextStep(1000, 40)).toBe(1000)
    expect(nextStep(1000, 80)).toBe(500)
    // a fast slice (styles already cached) does not jump to a size a slow patch cannot afford
    expect(nextStep(1000, 2)).toBe(1500)
    expect(nextStep(3000, 1)).toBe(4000)
    expect(nextStep(250, 5000)).toBe(200)
  })
})

/** A loader on a headless core, with animation frames run by hand (`frame()`). */
function setup() {
  const frames: Array<() => void> = []
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => { frames.push(cb); return frames.length })
  const state = newGraphState()
  const cy: Core = cytoscape({ headless: true, styleEnabled: true })
  state.core = cy
  const notify = vi.spyOn(cy as unknown as { notify(e: string): void }, 'notify')
  const frame = async () => {
    for (const cb of frames.splice(0)) cb()
    await new Promise((r) => setTimeout(r, 5)) // the timers a frame's callbacks set
  }
  return { loader: new Loader(state), cy, notify, frame }
}

const nodes = (n: number, from = 0): ElementDefinition[] => Array.from({ length: n }, (_, i) => ({ data: { id: `n${from + i}` }, position: { x: i, y: 0 } }))
const edges = (n: number): ElementDefinition[] => Array.from({ length: n }, (_, i) => ({ data: { id: `e${i}`, source: 'n0', target: `n${i + 1}` } }))

describe('chunked first load', () => {
  afterEach(() => { vi.unstubAllGlobals() })

  it('adding nothing tells the renderer nothing (an "add" redraws every element: a frame as long as the first paint)', async () => {
    const { loader, cy, notify } = setup()
    expect(await loader.addInSlices(cy, [])).toBe(true)
    expect(notify).not.toHaveBeenCalled()
    expect(await loader.addInSlices(cy, nodes(3))).toBe(true)
    expect(cy.nodes().length).toBe(3)
    expect(notify).toHaveBeenCalledWith('add')
  })

  it('work after the nodes waits for the frame after theirs, so that frame comes at once', async () => {
    const { loader, frame } = setup()
    const ran: string[] = []
    loader.afterFollowingFrame(() => ran.push('follow-up'))
    loader.afterFirstPaint(() => ran.push('after paint'))
    await frame()
    expect(ran).toEqual(['after paint'])
    await frame()
    expect(ran).toEqual(['after paint', 'follow-up'])
  })

  it('the sidebars and the first notes wait for the frame after the first picture (not between the two)', async () => {
    const { loader, frame } = setup()
    const ran: string[] = []
    loader.afterGraphShown(() => ran.push('sidebars'))
    await frame()
    expect(ran).toEqual([])
    await frame()
    expect(ran).toEqual(['sidebars'])
  })

  it('the hidden edges start after the frame that follows the first picture, with a small slice (the first styled are the slowest), already classed', async () => {
    const { loader, cy, frame } = setup()
    await loader.addInSlices(cy, nodes(400))
    const add = vi.spyOn(cy, 'add')
    const done = new Promise<boolean>((resolve) => loader.backfill(cy, edges(300), () => () => 'vh', resolve))
    await frame()
    expect(add).not.toHaveBeenCalled() // the frame after the first picture is not held back by them
    await frame()
    expect(await done).toBe(true)
    expect(add.mock.calls[0][0]).toHaveLength(100)
    expect(cy.edges().length).toBe(300)
    expect(cy.edges('.vh').length).toBe(300)
  })
})
