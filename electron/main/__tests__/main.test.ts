// The main process wired end to end against a mocked `electron` and a fake backend:
// what a window is created with, what IPC accepts, what leaves the app.
/* eslint-disable @typescript-eslint/no-explicit-any -- a hand-built fake of Electron's loosely typed API */
import { EventEmitter } from 'node:events'
import { beforeAll, describe, expect, it, vi } from 'vitest'

const h = vi.hoisted(() => {
  // vi.hoisted runs before imports are bound, so the fake takes node:events with require
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EventEmitter } = require('node:events') as typeof import('node:events')
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    name: 'Notes Graph',
    getAppPath: () => '/repo',
    getPath: () => '/tmp/notes-graph-test-userdata',
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    quit: () => {},
  })
  const handlers = new Map<string, (e: unknown, ...a: unknown[]) => unknown>()
  const windows: Array<{ options: any; loaded?: string; webContents: any }> = []
  class BrowserWindow extends EventEmitter {
    webContents: any
    options: any
    constructor(options: any) {
      super()
      this.options = options
      this.webContents = Object.assign(new EventEmitter(), { mainFrame: { url: 'app://notes-graph/index.html' }, send: vi.fn() })
      windows.push(this as any)
    }
    loadURL(url: string) { (this as any).loaded = url; return Promise.resolve() }
    once() { return this }
    maximize() {}
    isDestroyed() { return false }
    isMaximized() { return false }
    getNormalBounds() { return { x: 0, y: 0, width: 1400, height: 900 } }
  }
  let permissionHandler: any
  const session = {
    defaultSession: {
      webRequest: { onHeadersReceived: vi.fn() },
      setPermissionRequestHandler: (fn: any) => (permissionHandler = fn),
      setPermissionCheckHandler: vi.fn(),
    },
  }
  const electron = {
    app,
    BrowserWindow,
    ipcMain: { handle: (c: string, fn: any) => handlers.set(c, fn), removeHandler: (c: string) => handlers.delete(c) },
    Menu: { buildFromTemplate: vi.fn((t) => t), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session,
    shell: { openExternal: vi.fn(async () => {}) },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showErrorBox: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  }
  const backend = new Proxy({ onChange: () => () => {}, onProgress: () => () => {}, close: async () => {} } as Record<string, unknown>, {
    // not a thenable: `await createBackend()` must resolve to the proxy itself
    get: (t, k: string) => (k in t ? t[k] : k === 'then' ? undefined : (...args: unknown[]) => ({ method: k, args })),
  })
  return { electron, handlers, windows, backend, getPermissionHandler: () => permissionHandler }
})

vi.mock('electron', () => ({ ...h.electron, default: h.electron }))
vi.mock('../../core/backend', () => ({ createBackend: vi.fn(async () => h.backend) }))

import { createBackend } from '../../core/backend'

beforeAll(async () => {
  await import('../index')
  await new Promise((r) => setTimeout(r, 20))
})

describe('main process', () => {
  it('registers the app:// scheme as a secure standard scheme before ready', () => {
    const calls = h.electron.protocol.registerSchemesAsPrivileged.mock.calls
    expect(calls[0][0][0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } })
  })

  it('opens one sandboxed, isolated window on the app protocol', () => {
    expect(h.windows).toHaveLength(1)
    const prefs = h.windows[0].options.webPreferences
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false })
    // built layout: out/main/index.js next to out/preload/index.cjs
    expect(prefs.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/)
    expect(h.windows[0].loaded).toBe('app://notes-graph/index.html')
  })

  it('opens the bundled notes through the core backend', () => {
    expect(vi.mocked(createBackend).mock.calls[0][0]).toMatchObject({ bundledFolder: '/repo/content', watch: true })
  })

  it('answers IPC only from the app window and only with valid arguments', async () => {
    const getNote = h.handlers.get('api:getNote')!
    const fromApp = { senderFrame: h.windows[0].webContents.mainFrame }
    await expect(getNote(fromApp, 'D1_data_preparation_ml/1.1_data_formats.md')).resolves.toEqual({
      method: 'getNote',
      args: ['D1_data_preparation_ml/1.1_data_formats.md'],
    })
    await expect(getNote({ senderFrame: { url: 'app://notes-graph/index.html' } }, 'x.md')).rejects.toThrow(/sender/)
    await expect(getNote(fromApp, 7)).rejects.toThrow(/invalid arguments/)
  })

  it('sends only http(s) links to the system browser', async () => {
    const openExternal = h.handlers.get('api:openExternal')!
    const fromApp = { senderFrame: h.windows[0].webContents.mainFrame }
    await expect(openExternal(fromApp, 'javascript:alert(1)')).resolves.toBe(false)
    await expect(openExternal(fromApp, 'file:///etc/passwd')).resolves.toBe(false)
    expect(h.electron.shell.openExternal).not.toHaveBeenCalled()
    await expect(openExternal(fromApp, 'https://aws.amazon.com/sagemaker/')).resolves.toBe(true)
    expect(h.electron.shell.openExternal).toHaveBeenCalledWith('https://aws.amazon.com/sagemaker/')
  })

  it('denies permission requests from web content', () => {
    const cb = vi.fn()
    h.getPermissionHandler()({}, 'notifications', cb)
    expect(cb).toHaveBeenCalledWith(false)
  })

  it('secures every web contents created later', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
    h.electron.app.emit('web-contents-created', {}, contents)
    const handler = contents.setWindowOpenHandler.mock.calls[0][0]
    expect(handler({ url: 'https://example.com' })).toEqual({ action: 'deny' })
  })
})
