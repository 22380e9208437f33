// Access to the web host, as Jupyter does it: a random token made at each launch. The printed URL carries it
// once (`/?token=…`); that request gets an HttpOnly, SameSite=Strict cookie and a redirect to the same address
// without the token, so it leaves the address bar and history. Every other request needs the cookie (the page
// and its own fetches and event stream send it) or an `Authorization: Bearer <token>` header (scripts, tests).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type http from 'node:http'

export const TOKEN_PARAM = 'token'

/** 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Cookies are shared by every port of 127.0.0.1: one name per port keeps two hosts from clobbering each other. */
export function cookieName(port: number): string {
  return `notes-graph-token-${port}`
}

/** Constant-time comparison (hashes first, so lengths never leak either). */
export function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(token).digest()
  return timingSafeEqual(a, b)
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

/** Does the request carry this launch's token (cookie or bearer header)? */
export function hasAccess(headers: http.IncomingHttpHeaders, token: string, port: number): boolean {
  if (sameToken(cookieValue(headers.cookie, cookieName(port)), token)) return true
  const auth = headers.authorization
  const m = auth ? /^(?:Bearer|token)\s+(\S+)$/i.exec(auth) : null
  return sameToken(m?.[1], token)
}

/** The cookie the page gets once it was opened with the token. */
export function accessCookie(token: string, port: number): string {
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`
}

/** The address without the token parameter (other parameters kept); the browser keeps any #hash itself. */
export function withoutToken(url: URL): string {
  const rest = new URLSearchParams(url.searchParams)
  rest.delete(TOKEN_PARAM)
  const query = rest.toString()
  return `${url.pathname}${query ? `?${query}` : ''}`
}
