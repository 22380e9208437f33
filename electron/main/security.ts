// Session- and webContents-level guards from Electron's security checklist.
import type { App, Session, WebContents } from 'electron'
import { contentSecurityPolicy } from './csp'
import { isTrustedUrl } from './origin'

export interface SecurityOptions {
  dev: boolean
  devServerUrl?: string
  trusted: Set<string>
  openExternal: (url: string) => Promise<boolean>
}

/** CSP on every response the app's session serves, and every permission request denied. */
export function secureSession(session: Session, opts: SecurityOptions): void {
  const csp = contentSecurityPolicy(opts.dev, opts.devServerUrl)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } })
  })
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/** No navigation away from the app, no new windows (http(s) links go to the system browser), no webviews. */
export function secureWebContents(contents: WebContents, opts: SecurityOptions): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url, opts.trusted)) {
      event.preventDefault()
      void opts.openExternal(url)
    }
  })
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url, opts.trusted)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    void opts.openExternal(url)
    return { action: 'deny' }
  })
}

export function secureApp(app: App, opts: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => secureWebContents(contents, opts))
}
