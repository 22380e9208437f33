import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({}))

import { contentSecurityPolicy } from '../csp'
import { openExternalSafely } from '../external'
import { trustedOrigins, isTrustedUrl } from '../origin'
import { secureSession, secureWebContents, type SecurityOptions } from '../security'
import { windowOptions } from '../window-options'
import { resolveAppFile } from '../app-protocol'

function options(overrides: Partial<SecurityOptions> = {}): SecurityOptions {
  return { dev: false, trusted: trustedOrigins(), openExternal: vi.fn(async () => true), ...overrides }
}

describe('window options', () => {
  const prefs = windowOptions('/app/out/preload/index.cjs').webPreferences!
  it('isolates the renderer from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
  })
  it('clamps a tiny remembered window to a usable size', () => {
    const o = windowOptions('/p', { width: 10, height: 10 })
    expect(o.width).toBeGreaterThanOrEqual(640)
    expect(o.height).toBeGreaterThanOrEqual(480)
  })
})

describe('content security policy', () => {
  it('is strict in production', () => {
    const csp = contentSecurityPolicy(false)
    expect(csp).toContain("default-src 'self'")
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("base-uri 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
  })
  it('relaxes only what hot reload needs in development', () => {
    const csp = contentSecurityPolicy(true, 'http://localhost:5173/')
    expect(csp).toMatch(/script-src[^;]*'unsafe-inline'/)
    expect(csp).toContain('ws://localhost:5173')
    expect(csp).not.toContain('unsafe-eval')
  })
})

describe('navigation and new windows', () => {
  function fakeContents() {
    const emitter = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (h: (d: { url: string }) => unknown) => void; openHandler?: (d: { url: string }) => unknown }
    emitter.setWindowOpenHandler = (h) => (emitter.openHandler = h)
    return emitter
  }
  it('blocks navigation away from the app and sends http(s) to the system browser', () => {
    const contents = fakeContents()
    const opts = options()
    secureWebContents(contents as never, opts)
    const outside = { preventDefault: vi.fn() }
    contents.emit('will-navigate', outside, 'https://example.com/page')
    expect(outside.preventDefault).toHaveBeenCalled()
    expect(opts.openExternal).toHaveBeenCalledWith('https://example.com/page')
    const inside = { preventDefault: vi.fn() }
    contents.emit('will-navigate', inside, 'app://notes-graph/index.html#?select=x')
    expect(inside.preventDefault).not.toHaveBeenCalled()
  })
  it('denies every new window', () => {
    const contents = fakeContents()
    const opts = options()
    secureWebContents(contents as never, opts)
    expect(contents.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' })
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
  })
  it('refuses to attach webviews', () => {
    const contents = fakeContents()
    secureWebContents(contents as never, options())
    const e = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', e)
    expect(e.preventDefault).toHaveBeenCalled()
  })
})

describe('session', () => {
  it('denies permission requests and adds the CSP header to responses', () => {
    let permission: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined
    let check: (() => boolean) | undefined
    let headers: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined
    const session = {
      webRequest: { onHeadersReceived: (h: typeof headers) => (headers = h) },
      setPermissionRequestHandler: (h: typeof permission) => (permission = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
    }
    secureSession(session as never, options())
    const cb = vi.fn()
    permission!({}, 'media', cb)
    expect(cb).toHaveBeenCalledWith(false)
    expect(check!()).toBe(false)
    const out = vi.fn()
    headers!({ responseHeaders: { 'X-Other': ['1'] } }, out)
    const sent = out.mock.calls[0][0].responseHeaders
    expect(sent['Content-Security-Policy'][0]).toContain("script-src 'self'")
    expect(sent['X-Other']).toEqual(['1'])
  })
})

describe('external links', () => {
  it('opens only http(s) URLs after parsing them', async () => {
    const open = vi.fn(async () => {})
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'smb://host/share', 'not a url', 'https://user:pw@example.com/', 'vbscript:x']) {
      expect(await openExternalSafely(bad, open)).toBe(false)
    }
    expect(open).not.toHaveBeenCalled()
    expect(await openExternalSafely('https://docs.aws.amazon.com/sagemaker/', open)).toBe(true)
    expect(await openExternalSafely('http://example.com', open)).toBe(true)
    expect(open).toHaveBeenCalledTimes(2)
  })
})

describe('origins', () => {
  it('trusts the app scheme and the dev server only, compared by parsed origin', () => {
    const t = trustedOrigins('http://localhost:5173')
    expect(isTrustedUrl('app://notes-graph/index.html', t)).toBe(true)
    expect(isTrustedUrl('http://localhost:5173/x', t)).toBe(true)
    expect(isTrustedUrl('http://localhost:5173.evil.com/', t)).toBe(false)
    expect(isTrustedUrl('app://notes-graph.evil/x', t)).toBe(false)
    expect(isTrustedUrl('file:///app/index.html', t)).toBe(false)
    expect(isTrustedUrl(undefined, t)).toBe(false)
  })
})

describe('app protocol', () => {
  it('serves files only from inside the renderer folder', () => {
    expect(resolveAppFile('/app/out/renderer', 'app://notes-graph/')).toBe('/app/out/renderer/index.html')
    expect(resolveAppFile('/app/out/renderer', 'app://notes-graph/assets/a.js')).toBe('/app/out/renderer/assets/a.js')
    expect(resolveAppFile('/app/out/renderer', 'app://notes-graph/..%2F..%2Fmain%2Findex.js')).toBeNull()
    // The URL parser already folds dot segments; whatever it yields stays under the root.
    expect(resolveAppFile('/app/out/renderer', 'app://notes-graph/%2e%2e/%2e%2e/etc/passwd')).toBe('/app/out/renderer/etc/passwd')
  })
})
