import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import http from 'node:http'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Graph, GraphChange } from '../core/types'
import { resolveStatic, startWebServer, type WebBackend, type WebServer } from './server'
import { VaultError } from '../core/errors'
import { fromWire, isWireGraph } from '../shared/graph-wire'

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: string }

function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { Host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    if (opts.body !== undefined) req.write(opts.body)
    req.end()
  })
}

const call = (port: number, method: string, args: unknown, headers: Record<string, string> = {}) =>
  request(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof args === 'string' ? args : JSON.stringify(args),
  })

let dir: string
let web: WebServer
const changeListeners = new Set<(c: GraphChange) => void>()

function fakeBackend(): WebBackend {
  const notImplemented = () => { throw new Error('not in this test') }
  return {
    getFolder: () => ({ folder: '/notes', bundled: true, noteCount: 1 }),
    getGraph: () => ({ nodes: [{ id: 'note:a.md', type: 'note', label: 'A', path: 'a.md' }], edges: [], diagnostics: [] }),
    getNote: (p: string) => {
      if (p === 'boom.md') throw new Error('disk on fire')
      if (p.startsWith('../')) throw new VaultError('EOUTSIDE', `Note path must stay inside the notes folder: ${p}`)
      throw new VaultError('ENOENT', `no such note: ${p}`)
    },
    getMentions: (id: string) => ({ entity: id, mentions: [] }),
    neighbourhood: notImplemented,
    overlap: notImplemented,
    compare: notImplemented,
    confusables: () => ({ groups: [], pairs: [] }),
    examOverlap: notImplemented,
    centrality: () => ({ degree: {}, betweenness: {} }),
    exams: () => [],
    coverageGaps: () => [],
    renamed: () => [],
    search: () => [],
    serviceMap: () => [],
    openFolder: () => null,
    reload: () => ({ folder: '/notes', bundled: true, noteCount: 1 }),
    getSettings: () => ({ theme: 'system', recentFolders: [] }),
    setSettings: () => ({ theme: 'dark', recentFolders: [] }),
    getViewState: () => ({}),
    setViewState: () => undefined,
    onChange: (l) => { changeListeners.add(l); return () => changeListeners.delete(l) },
    onProgress: () => () => undefined,
    close: () => undefined,
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-host-'))
  fs.mkdirSync(path.join(dir, 'public/assets'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'public/index.html'), '<!doctype html><title>t</title>')
  fs.writeFileSync(path.join(dir, 'public/assets/app.js'), 'console.log(1)')
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'TOP SECRET')
  web = await startWebServer({ backend: fakeBackend(), staticDir: path.join(dir, 'public') })
})

afterAll(async () => {
  await web.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('web host: static files', () => {
  it('listens on loopback and serves index.html with the strict CSP', async () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const r = await request(web.port, { path: '/' })
    expect(r.status).toBe(200)
    expect(r.headers['content-type']).toContain('text/html')
    expect(r.headers['content-security-policy']).toContain("script-src 'self'")
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(r.headers['x-content-type-options']).toBe('nosniff')
  })

  it('sends JavaScript with a JavaScript MIME type', async () => {
    const r = await request(web.port, { path: '/assets/app.js' })
    expect(r.status).toBe(200)
    expect(r.headers['content-type']).toContain('text/javascript')
  })

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00index.html'])(
    'refuses path traversal %s',
    async (p) => {
      const r = await request(web.port, { path: p })
      expect(r.status).toBe(404)
      expect(r.body).not.toContain('TOP SECRET')
    },
  )

  it('resolveStatic keeps paths inside the root', () => {
    expect(resolveStatic('/srv/app', '/')).toBe(path.resolve('/srv/app/index.html'))
    expect(resolveStatic('/srv/app', '/a/../b.js')).toBe(path.resolve('/srv/app/b.js'))
    expect(resolveStatic('/srv/app', '/%2e%2e%2fetc/passwd')).toBe(path.resolve('/srv/app/etc/passwd'))
    expect(resolveStatic('/srv/app', '/%E0%A4%A')).toBeNull()
  })
})

describe('web host: API', () => {
  it('returns a method result as JSON', async () => {
    const r = await call(web.port, 'getFolder', [])
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({ folder: '/notes', bundled: true, noteCount: 1 })
  })

  it('sends the graph in its compact form, which expands to the backend graph', async () => {
    const r = await call(web.port, 'getGraph', [])
    const body = JSON.parse(r.body) as unknown
    expect(isWireGraph(body)).toBe(true)
    expect(fromWire(body)).toEqual(fakeBackend().getGraph())
  })

  it('rejects bad arguments with 400', async () => {
    for (const args of [[], [42], ['a.md', 'extra']]) {
      const r = await call(web.port, 'getNote', args)
      expect(r.status).toBe(400)
      expect(JSON.parse(r.body).error).toMatch(/invalid arguments/)
    }
    expect((await call(web.port, 'getNote', '{"not":"an array"}')).status).toBe(400)
    expect((await call(web.port, 'getNote', '[unterminated')).status).toBe(400)
    expect((await call(web.port, 'setSettings', [{ theme: 'neon' }])).status).toBe(400)
  })

  it('answers 404 for unknown methods, 405 for GET on a method', async () => {
    expect((await call(web.port, 'deleteEverything', [])).status).toBe(404)
    expect((await call(web.port, 'constructor', [])).status).toBe(404)
    expect((await request(web.port, { path: '/api/getGraph' })).status).toBe(405)
  })

  it('turns backend errors into JSON errors and keeps serving', async () => {
    const missing = await call(web.port, 'getNote', ['nope.md'])
    expect(missing.status).toBe(404)
    expect(JSON.parse(missing.body).error).toContain('no such note')
    const broken = await call(web.port, 'getNote', ['boom.md'])
    expect(broken.status).toBe(500)
    expect((await call(web.port, 'getNote', ['../secret.md'])).status).toBe(403)
    expect(JSON.parse(broken.body)).toEqual({ error: 'disk on fire' })
    expect((await call(web.port, 'getGraph', [])).status).toBe(200)
  })

  it('answers openExternal with false and saveFile with null (the browser does both itself)', async () => {
    expect(JSON.parse((await call(web.port, 'openExternal', ['https://aws.amazon.com/'])).body)).toBe(false)
    expect(JSON.parse((await call(web.port, 'saveFile', [{ defaultName: 'g.json', data: '{}' }])).body)).toBeNull()
    expect(JSON.parse((await call(web.port, 'openFolder', [])).body)).toBeNull()
  })
})

describe('web host: DNS rebinding and cross-origin protection', () => {
  it('rejects a foreign Host header', async () => {
    const r = await request(web.port, { path: '/', headers: { Host: `evil.example:${web.port}` } })
    expect(r.status).toBe(403)
    const api = await call(web.port, 'getGraph', [], { Host: 'evil.example' })
    expect(api.status).toBe(403)
  })

  it('rejects a foreign Origin, accepts the loopback origin', async () => {
    expect((await call(web.port, 'getGraph', [], { Origin: 'http://evil.example' })).status).toBe(403)
    expect((await call(web.port, 'getGraph', [], { Origin: `http://127.0.0.1:${web.port + 1}` })).status).toBe(403)
    expect((await call(web.port, 'getGraph', [], { Origin: 'null' })).status).toBe(403)
    expect((await call(web.port, 'getGraph', [], { Origin: `http://127.0.0.1:${web.port}` })).status).toBe(200)
    expect((await call(web.port, 'getGraph', [], { Origin: `http://localhost:${web.port}`, Host: `localhost:${web.port}` })).status).toBe(200)
  })

  it('requires a JSON content type on API calls (no simple cross-site form posts)', async () => {
    const r = await request(web.port, { method: 'POST', path: '/api/getGraph', headers: { 'Content-Type': 'text/plain' }, body: '[]' })
    expect(r.status).toBe(415)
  })
})

describe('web host: events', () => {
  it('pushes graphChanged over server-sent events', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: web.port, path: '/api/events', headers: { Host: `127.0.0.1:${web.port}` } }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream')
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => {
          text += c
          if (text.includes(': connected')) {
            for (const l of changeListeners) l({ folder: '/notes', changed: ['a.md'], graph: fakeBackend().getGraph() as Graph })
          }
          if (text.includes('event: graphChanged')) { req.destroy(); resolve(text) }
        })
      })
      req.on('error', reject)
    })
    const data = received.split('event: graphChanged\ndata: ')[1].split('\n')[0]
    const change = JSON.parse(data) as GraphChange
    expect(change.changed).toEqual(['a.md'])
    expect(isWireGraph(change.graph)).toBe(true)
    expect(fromWire(change.graph)).toEqual(fakeBackend().getGraph())
  })
})
