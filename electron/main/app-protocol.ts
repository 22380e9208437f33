// Serves the built renderer from app://notes-graph/ instead of file://, confined to out/renderer.
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

/** Map a request URL to a file inside `root`, or null when it would leave it. */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname)
  } catch {
    return null
  }
  // Reject rather than clamp: a request that tries to climb out is never a request of ours.
  if (pathname.includes('\0') || pathname.split(/[/\\]/).includes('..')) return null
  const rel = normalize(pathname === '/' || pathname === '' ? '/index.html' : pathname).replace(/^([/\\])+/, '')
  const file = join(root, rel)
  const base = root.endsWith(sep) ? root : root + sep
  return file.startsWith(base) ? file : null
}

export async function appProtocolResponse(root: string, requestUrl: string, csp: string): Promise<Response> {
  const file = resolveAppFile(root, requestUrl)
  if (!file) return new Response('Forbidden', { status: 403 })
  try {
    const body = await readFile(file)
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
      },
    })
  } catch {
    return new Response('Not found', { status: 404 })
  }
}
