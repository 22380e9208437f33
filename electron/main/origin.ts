// Which origins may talk to the main process. Compared with a URL parser, never startsWith.

export const APP_SCHEME = 'app'
export const APP_HOST = 'notes-graph'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

export function originOf(raw: string | undefined | null): string | null {
  if (!raw) return null
  try {
    const url = new URL(raw)
    // Custom standard schemes report origin "null" in WHATWG URL; build it from the parts.
    if (url.protocol === `${APP_SCHEME}:`) return `${APP_SCHEME}://${url.host}`
    return url.origin
  } catch {
    return null
  }
}

export function trustedOrigins(devServerUrl?: string): Set<string> {
  const set = new Set([APP_ORIGIN])
  const dev = originOf(devServerUrl)
  if (dev) set.add(dev)
  return set
}

export function isTrustedUrl(raw: string | undefined | null, trusted: Set<string>): boolean {
  const origin = originOf(raw)
  return origin !== null && trusted.has(origin)
}
