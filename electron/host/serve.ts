// What both hosts of the renderer share when they serve its files: the desktop app's app:// protocol
// (electron/main/app-protocol.ts) and the web host (electron/web/server.ts). One MIME table, one rule for which
// file a URL may name, one Content-Security-Policy and one set of security headers, so the two cannot drift.
// Pure Node (no 'electron').
import path from 'node:path'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
}

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file inside `root` that a URL path names, or null. Rejects rather than clamps: a path with a `..`
 * segment (also percent-encoded), a backslash, a NUL or broken percent-encoding is never a request of ours.
 * `/` is index.html.
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string
  try { decoded = decodeURIComponent(urlPath) } catch { return null }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  if (decoded.split('/').includes('..')) return null
  if (decoded === '/' || decoded === '') decoded = '/index.html'
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded))
  const rel = path.relative(root, full)
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null
  return full
}

const PRODUCTION_CSP: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  // Cytoscape and React set style attributes; no inline <style> from notes can reach the page (sanitized).
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'worker-src': "'self' blob:",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
}

/** Production is strict; development adds what Vite's hot reload needs (inline preamble, ws:) and no more. */
export function contentSecurityPolicy(dev = false, devServerUrl?: string): string {
  const policy = { ...PRODUCTION_CSP }
  if (dev) {
    const origin = devServerUrl ? new URL(devServerUrl).origin : ''
    const ws = origin.replace(/^http/, 'ws')
    policy['script-src'] = `'self' 'unsafe-inline' ${origin}`.trim()
    policy['connect-src'] = `'self' ${origin} ${ws}`.trim()
  }
  return Object.entries(policy).map(([k, v]) => `${k} ${v}`).join('; ')
}

/** The production policy as index.html's meta tag holds it (frame-ancestors has no effect in a meta tag). */
export function metaContentSecurityPolicy(): string {
  return contentSecurityPolicy(false).split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ')
}

/**
 * Headers on every file and answer either host sends. No Cross-Origin-Opener-Policy: it makes Chromium throw
 * away the renderer process it starts while the page is requested and start another once the answer is in
 * (a new browsing context group), 60–90 ms of every launch here. What it would guard is a window reference
 * held by a page that opened ours: such a page is cross-site, so it gets no SameSite=Strict cookie and only
 * the 401 sentence (web host), the app listens to no window messages, and site isolation keeps it in another
 * process anyway. Framing is refused by the policy's frame-ancestors.
 */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  }
}
