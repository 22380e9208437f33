// Content-Security-Policy for the app's pages. Production is strict; development adds what
// Vite's hot reload needs (an inline refresh preamble and a ws: connection) and nothing more.

const PRODUCTION: Record<string, string> = {
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

export function contentSecurityPolicy(dev: boolean, devServerUrl?: string): string {
  const policy = { ...PRODUCTION }
  if (dev) {
    const origin = devServerUrl ? new URL(devServerUrl).origin : ''
    const ws = origin.replace(/^http/, 'ws')
    policy['script-src'] = `'self' 'unsafe-inline' ${origin}`.trim()
    policy['connect-src'] = `'self' ${origin} ${ws}`.trim()
  }
  return Object.entries(policy)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ')
}
