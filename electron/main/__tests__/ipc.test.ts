import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({}))

import { API_METHODS, channelOf } from '../../shared/contract'
import { registerIpc, type Handlers } from '../ipc'
import { menuTemplate } from '../menu'

type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>

function setup() {
  const registered = new Map<string, Invoke>()
  const ipcMain = {
    handle: (channel: string, fn: Invoke) => registered.set(channel, fn),
    removeHandler: (channel: string) => registered.delete(channel),
  }
  const calls: Array<[string, unknown[]]> = []
  const handlers = new Proxy({}, {
    get: (_t, method: string) => (...args: unknown[]) => {
      calls.push([method, args])
      return `result of ${method}`
    },
  }) as Handlers
  const trustedFrame = { url: 'app://notes-graph/index.html' }
  const log = vi.fn()
  const unregister = registerIpc(ipcMain as never, handlers, (e) => (e as { senderFrame: unknown }).senderFrame === trustedFrame, log)
  const trusted = { senderFrame: trustedFrame }
  const stranger = { senderFrame: { url: 'https://evil.example/' } }
  return { registered, calls, trusted, stranger, log, unregister }
}

describe('IPC wiring', () => {
  it('registers every method of the contract, and removes them all again', () => {
    const { registered, unregister } = setup()
    expect([...registered.keys()].sort()).toEqual(API_METHODS.map(channelOf).sort())
    unregister()
    expect(registered.size).toBe(0)
  })

  it('passes valid calls from the app window to the handler', async () => {
    const { registered, calls, trusted } = setup()
    await expect(registered.get('api:getNote')!(trusted, 'D1/a.md')).resolves.toBe('result of getNote')
    await expect(registered.get('api:neighbourhood')!(trusted, 'service:aws-glue', 2)).resolves.toBe('result of neighbourhood')
    expect(calls).toEqual([['getNote', ['D1/a.md']], ['neighbourhood', ['service:aws-glue', 2]]])
  })

  it('rejects calls from any other sender before the handler runs', async () => {
    const { registered, calls, stranger, log } = setup()
    await expect(registered.get('api:getGraph')!(stranger)).rejects.toThrow(/sender not allowed/)
    await expect(registered.get('api:openExternal')!({ senderFrame: null }, 'https://a.b')).rejects.toThrow(/sender not allowed/)
    expect(calls).toEqual([])
    expect(log).toHaveBeenCalled()
  })

  it('rejects malformed arguments', async () => {
    const { registered, calls, trusted } = setup()
    const bad: Array<[string, unknown[]]> = [
      ['getNote', []],
      ['getNote', [42]],
      ['getNote', ['a.md', 'extra']],
      ['getNote', ['x'.repeat(10_000)]],
      ['neighbourhood', ['service:aws-glue', 9]],
      ['neighbourhood', ['service:aws-glue', 1.5]],
      ['overlap', [['only-one']]],
      ['overlap', [['a', 'b', 'c', 'd', 'e']]],
      ['search', [{ q: 1 }, 10]],
      ['setSettings', [{ theme: 'neon' }]],
      ['setSettings', [{ unknownKey: true }]],
      ['setViewState', [[1, 2]]],
      ['openExternal', [{ toString: () => 'https://x' }]],
      ['getGraph', ['unexpected']],
    ]
    for (const [method, args] of bad) {
      await expect(registered.get(channelOf(method as never))!(trusted, ...args), `${method} ${JSON.stringify(args)}`).rejects.toThrow(/invalid arguments/)
    }
    expect(calls).toEqual([])
  })
})

describe('menu', () => {
  it('offers the documented commands with their shortcuts', () => {
    const sent: string[] = []
    const template = menuTemplate((c) => sent.push(c), { isMac: false, dev: false, appName: 'Notes Graph' })
    const items = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))
    const byLabel = new Map(items.filter((i) => i.label).map((i) => [i.label!, i]))
    expect(byLabel.get('Open Notes Folder…')?.accelerator).toBe('CmdOrCtrl+O')
    expect(byLabel.get('Search')?.accelerator).toBe('CmdOrCtrl+K')
    expect(byLabel.has('Reload Notes')).toBe(true)
    expect(byLabel.has('Toggle Theme')).toBe(true)
    for (const label of ['Zoom In', 'Zoom Out', 'Fit Graph', 'Open Notes Folder…', 'Search', 'Toggle Theme']) {
      ;(byLabel.get(label)!.click as () => void)()
    }
    expect(sent).toEqual(['zoom-in', 'zoom-out', 'zoom-fit', 'open-folder', 'search', 'toggle-theme'])
    expect(items.some((i) => i.role === 'toggleDevTools')).toBe(false)
    const devItems = menuTemplate(() => {}, { isMac: false, dev: true, appName: 'x' }).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))
    expect(devItems.some((i) => i.role === 'toggleDevTools')).toBe(true)
  })
})
