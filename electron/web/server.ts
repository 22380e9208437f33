// The web host: serves the built renderer and the same Api as the desktop app over loopback HTTP.
// Pure Node (no 'electron'): `POST /api/<method>` with a JSON array of args, events over SSE.
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { API_METHODS, validators, type ApiArgs, type ApiMethod, type ApiResult } from '../shared/contract'
import type { Graph, GraphChange, IndexProgress } from '../core/types'
import { toWire } from '../shared/graph-wire'
import { toWireChange } from '../shared/change-wire'
import { contentSecurityPolicy, mimeType, resolveStaticFile, securityHeaders } from '../host/serve'
import { TOKEN_PARAM, accessCookie, hasAccess, newToken, sameToken, withoutToken } from './access'

/** Methods the core backend implements; openExternal and saveFile are answered by the host itself. */
export type CoreMethod = Exclude<ApiMethod, 'openExternal' | 'saveFile'>

export type WebBackend = {
  [M in CoreMethod]: (...args: ApiArgs<M>) => ApiResult<M> | Promise<ApiResult<M>>
} & {
  onChange(listener: (change: GraphChange) => void): (() => void) | void
  onProgress(listener: (progress: IndexProgress) => void): (() => void) | void
  close(): void | Promise<void>
}

export interface WebServerOptions {
  backend: WebBackend
  /** folder holding the built renderer (index.html) */
  staticDir: string
  port?: number
  /** access token of this launch (default: a new random one) */
  token?: string
}

export interface WebServer {
  /** open event streams (for tests and diagnostics) */
  eventClients(): number
  /** the origin, `http://127.0.0.1:PORT/` */
  url: string
  /** the address to open: the origin with `?token=…` */
  loginUrl: string
  token: string
  port: number
  server: http.Server
  close(): Promise<void>
}

/** The production policy both hosts send (electron/host/serve.ts). */
export const CSP = contentSecurityPolicy()

/** 8 MB: view state may be up to 5 M characters of JSON. */
const MAX_BODY = 8 * 1024 * 1024
const TOO_LARGE = 'The request is larger than the 8 MB the host accepts.'
/** Open event streams at most (each holds a socket and a share of every graph change). */
export const MAX_EVENT_CLIENTS = 32
/** A stream whose unsent backlog passes this is a reader that cannot keep up: it is dropped (it reconnects). */
export const MAX_EVENT_BACKLOG = 16 * 1024 * 1024

const BASE_HEADERS = securityHeaders(CSP)

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body === undefined ? null : body))
}

function sendJsonText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}

/** Do two objects hold the same values (by identity) under the same keys? Then they serialize the same. */
function sameFields(a: object, b: object): boolean {
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k])
}

function sendError(res: http.ServerResponse, status: number, message: string): void {
  if (res.headersSent) { res.destroy(); return }
  // after an oversized body the connection is not reused (the rest of the body may still be on its way)
  if (status === 413) res.setHeader('Connection', 'close')
  sendJson(res, status, { error: message })
}

/** Loopback names this server answers to; anything else is a DNS-rebinding attempt or a foreign page. */
function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

/** True when Host (and Origin, when sent) name this loopback server. Parsed with URL, never by prefix. */
export function isTrustedRequest(headers: http.IncomingHttpHeaders, port: number): boolean {
  const hosts = allowedHosts(port)
  const host = headers.host
  if (!host || !hosts.has(host.toLowerCase())) return false
  const origin = headers.origin
  if (origin !== undefined) {
    let url: URL
    try { url = new URL(origin) } catch { return false }
    if (url.protocol !== 'http:' || !hosts.has(url.host.toLowerCase())) return false
  }
  const site = headers['sec-fetch-site']
  if (site === 'cross-site') return false
  return true
}

/** Resolve a URL path inside `root`, or null (the one rule of both hosts). */
export const resolveStatic = resolveStaticFile

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > MAX_BODY) { reject(new HttpError(413, TOO_LARGE)); req.resume(); return }
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      if (over) return // drained and dropped, so the 413 answer reaches the client instead of a reset
      size += chunk.length
      if (size > MAX_BODY) { over = true; chunks.length = 0; reject(new HttpError(413, TOO_LARGE)); return }
      chunks.push(chunk)
    })
    req.on('end', () => { if (!over) resolve(Buffer.concat(chunks).toString('utf8')) })
    req.on('error', reject)
  })
}

/** Map a backend error to an HTTP status: missing things are 404, refused paths 403, the rest 500. */
function statusOf(err: unknown): number {
  if (err instanceof HttpError) return err.status
  const e = err as { status?: unknown; statusCode?: unknown; code?: unknown }
  for (const s of [e?.status, e?.statusCode]) if (typeof s === 'number' && s >= 400 && s < 600) return s
  // the core's VaultError codes (electron/core/errors.ts)
  if (e?.code === 'ENOENT' || e?.code === 'ENOTDIR') return 404
  if (e?.code === 'EACCES' || e?.code === 'EOUTSIDE') return 403
  if (e?.code === 'EINVAL') return 400
  return 500
}

const METHODS = new Set<string>(API_METHODS)

/** A 5xx answer in words: what failed, never the exception's text (it may hold paths). */
function failedWords(url: string | undefined): string {
  const m = /^\/api\/(\w+)/.exec(new URL(url ?? '/', 'http://host').pathname)
  const method = m && METHODS.has(m[1]) ? m[1] : undefined
  return `${method ? `The host could not complete ${method}` : 'The host could not answer this request'}; the details are in its log.`
}

const TOKEN_HELP = 'This Notes Graph web host needs its access token: open the address it printed at its start (…/?token=…).'

export function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const { backend } = opts
  const staticDir = path.resolve(opts.staticDir)
  const sseClients = new Set<http.ServerResponse>()
  const token = opts.token ?? newToken()
  let port = 0

  const broadcast = (event: string, payload: unknown): void => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const client of sseClients) {
      if (client.writableLength > MAX_EVENT_BACKLOG) {
        // still holding earlier changes it has not read: drop it rather than buffer without bound
        sseClients.delete(client)
        client.destroy()
        continue
      }
      client.write(frame)
    }
  }
  const offChange = backend.onChange((change) => broadcast('graphChanged', toWireChange(change)))
  const offProgress = backend.onProgress((progress) => broadcast('progress', progress))

  // getGraph's answer as last written, for a complete graph: every page load asks for it, mostly for a graph
  // that has not changed since, and writing its ≈ 300 KB of JSON again took the host ≈ 20 ms of CPU from a
  // launch on two cores. The backend hands out a fresh wrapper per call around the same arrays and a new
  // version with any change; a graph still being indexed is always written afresh.
  let lastGraph: { graph: Graph; text: string } | null = null
  function graphJson(g: Graph): string {
    if (lastGraph && sameFields(lastGraph.graph, g)) return lastGraph.text
    const text = JSON.stringify(toWire(g)) // compact JSON; the renderer's client expands it
    lastGraph = g.partial ? null : { graph: g, text }
    return text
  }

  async function callApi(method: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!METHODS.has(method)) throw new HttpError(404, `unknown method: ${method}`)
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    if (type !== 'application/json') throw new HttpError(415, 'expected application/json')
    const text = await readBody(req)
    let args: unknown
    try { args = text.trim() === '' ? [] : JSON.parse(text) } catch { throw new HttpError(400, 'body is not valid JSON') }
    if (!Array.isArray(args)) throw new HttpError(400, 'body must be a JSON array of arguments')
    const m = method as ApiMethod
    if (!validators[m](args)) throw new HttpError(400, `invalid arguments for ${m}`)
    let result: unknown
    if (m === 'getGraph') { sendJsonText(res, 200, graphJson(await backend.getGraph())); return }
    if (m === 'openExternal') result = false // the browser opens the link itself (window.open, noopener)
    else if (m === 'saveFile') result = null // the browser downloads through an anchor
    else if (m === 'openFolder' && args[0] === undefined) result = null // no folder picker over HTTP
    else {
      const fn = backend[m] as (...a: unknown[]) => unknown
      result = await fn.apply(backend, args)
    }
    sendJson(res, 200, result)
  }

  function openEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (sseClients.size >= MAX_EVENT_CLIENTS) {
      throw new HttpError(503, `Too many open event streams (at most ${MAX_EVENT_CLIENTS}); close a tab of this app and reload.`)
    }
    res.writeHead(200, {
      ...BASE_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    res.write(': connected\n\n')
    sseClients.add(res)
    // where indexing stands now (a page that connects late still shows the progress, or learns it is over)
    void Promise.resolve(backend.getIndexProgress()).then(
      (p) => { if (!res.writableEnded) res.write(`event: progress\ndata: ${JSON.stringify(p ?? { done: 0, total: 0, phase: 'ready' })}\n\n`) },
      () => undefined,
    )
    // the graph version now: a page whose graph is older missed changes sent before this stream (it fetches the
    // graph again); the changes after this read come on the stream
    void Promise.resolve(backend.graphVersion()).then(
      (v) => { if (!res.writableEnded) res.write(`event: graphVersion\ndata: ${v}\n\n`) },
      () => undefined,
    )
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 20_000)
    req.on('close', () => { clearInterval(heartbeat); sseClients.delete(res) })
  }

  // The page's files are read on the main thread and kept (a few MB of built files): while a folder is indexed,
  // the file system's thread pool is queued with thousands of note reads, and the page would wait behind them.
  const staticFiles = new Map<string, { mtimeMs: number; size: number; body: Buffer }>()
  function staticFile(file: string): Buffer | null {
    const st = fs.statSync(file, { throwIfNoEntry: false })
    if (!st?.isFile()) return null
    const kept = staticFiles.get(file)
    if (kept && kept.mtimeMs === st.mtimeMs && kept.size === st.size) return kept.body
    const body = fs.readFileSync(file)
    staticFiles.set(file, { mtimeMs: st.mtimeMs, size: st.size, body })
    return body
  }

  function serveStatic(urlPath: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    const file = resolveStatic(staticDir, urlPath)
    let body: Buffer | null
    try { body = file ? staticFile(file) : null } catch { body = null }
    if (!file || !body) { sendError(res, 404, 'not found'); return }
    const isHtml = path.extname(file).toLowerCase() === '.html'
    res.writeHead(200, {
      ...BASE_HEADERS,
      'Content-Type': mimeType(file),
      'Content-Length': String(body.length),
      // hashed assets can be cached; the page itself must always be fresh
      'Cache-Control': isHtml ? 'no-cache' : 'public, max-age=3600',
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  const server = http.createServer((req, res) => {
    const handle = async (): Promise<void> => {
      if (!isTrustedRequest(req.headers, port)) throw new HttpError(403, 'forbidden host or origin')
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
      const isApi = url.pathname.startsWith('/api/')
      if (!isApi && url.searchParams.has(TOKEN_PARAM) && (req.method === 'GET' || req.method === 'HEAD')) {
        // the printed address: trade the token for a cookie and take it out of the address bar
        if (!sameToken(url.searchParams.get(TOKEN_PARAM) ?? undefined, token)) throw new HttpError(401, TOKEN_HELP)
        res.writeHead(302, { ...BASE_HEADERS, Location: withoutToken(url), 'Set-Cookie': accessCookie(token, port), 'Cache-Control': 'no-store' })
        res.end()
        return
      }
      if (!hasAccess(req.headers, token, port)) throw new HttpError(401, TOKEN_HELP)
      if (url.pathname === '/api/events') {
        if (req.method !== 'GET') throw new HttpError(405, 'use GET')
        openEvents(req, res)
        return
      }
      if (isApi) {
        if (req.method !== 'POST') throw new HttpError(405, 'use POST')
        await callApi(url.pathname.slice('/api/'.length), req, res)
        return
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed')
      serveStatic(url.pathname, req, res)
    }
    handle().catch((err: unknown) => {
      const status = statusOf(err)
      if (status >= 500 && !(err instanceof HttpError)) {
        // the details (paths, stack) go to the host's log; the page gets words
        console.error(`[web] ${req.method} ${new URL(req.url ?? '/', 'http://host').pathname}:`, err)
        sendError(res, status, failedWords(req.url))
        return
      }
      const message = err instanceof Error ? err.message : String(err)
      if (status === 401 && !(req.url ?? '/').startsWith('/api/') && !res.headersSent) {
        // someone opened the page without the token: a sentence for a person, not JSON
        res.writeHead(401, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
        res.end(`${message}\n`)
        return
      }
      sendError(res, status, message)
    })
  })
  server.on('clientError', (_err, socket) => socket.destroy())

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port
      const url = `http://127.0.0.1:${port}/`
      resolve({
        url,
        loginUrl: `${url}?${TOKEN_PARAM}=${token}`,
        eventClients: () => sseClients.size,
        token,
        port,
        server,
        close: async () => {
          if (typeof offChange === 'function') offChange()
          if (typeof offProgress === 'function') offProgress()
          for (const client of sseClients) client.end()
          sseClients.clear()
          server.closeAllConnections()
          await new Promise<void>((r) => server.close(() => r()))
        },
      })
    })
  })
}
