// Serves the built renderer from app://notes-graph/ instead of file://, confined to out/renderer
// (the file rule, MIME types and headers are the web host's too: electron/host/serve.ts).
import { readFile } from 'node:fs/promises'
import { mimeType, resolveStaticFile, securityHeaders } from '../host/serve'

/** Map a request URL to a file inside `root`, or null when it would leave it. */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  let pathname: string
  try {
    pathname = new URL(requestUrl).pathname
  } catch {
    return null
  }
  return resolveStaticFile(root, pathname)
}

export async function appProtocolResponse(root: string, requestUrl: string, csp: string): Promise<Response> {
  const file = resolveAppFile(root, requestUrl)
  if (!file) return new Response('Forbidden', { status: 403 })
  try {
    const body = await readFile(file)
    return new Response(body, { status: 200, headers: { ...securityHeaders(csp), 'Content-Type': mimeType(file) } })
  } catch {
    return new Response('Not found', { status: 404 })
  }
}
