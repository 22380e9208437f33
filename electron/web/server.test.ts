import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import http from 'node:http'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Graph, GraphChange, GraphDelta } from '../core/types'
import { MAX_EVENT_CLIENTS, resolveStatic, startWebServer, type WebBackend, type WebServer } from './server'
import { VaultError } from '../core/errors'
import { fromWire, isWireGraph } from '../shared/graph-wire'
import { fromWireChange, isWireDelta, type WireChange } from '../shared/change-wire'
import { studyValidators, type StudyApi } from '../shared/study-contract'

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: string }

/** A request as the app makes it (with this launch's token) unless `auth: false`. */
function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string; auth?: boolean }): Promise<Reply> {
  const auth: Record<string, string> = opts.auth === false ? {} : { Authorization: `Bearer ${web.token}` }
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { Host: `127.0.0.1:${port}`, ...auth, ...opts.headers } },
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

const call = (port: number, method: string, args: unknown, headers: Record<string, string> = {}, auth = true) =>
  request(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof args === 'string' ? args : JSON.stringify(args),
    auth,
  })

let dir: string
let web: WebServer
/** settings the fake backend was asked to save (a refused request must add nothing) */
const settingsWrites: unknown[] = []
const changeListeners = new Set<(c: GraphChange) => void>()

function fakeBackend(): WebBackend {
  const notImplemented = () => { throw new Error('not in this test') }
  return {
    getFolder: () => ({ folder: '/notes', bundled: true, noteCount: 1 }),
    getGraph: () => ({ nodes: [{ id: 'note:a.md', type: 'note', label: 'A', path: 'a.md' }], edges: [], diagnostics: [] }),
    getNote: (p: string) => {
      if (p === 'boom.md') throw new Error('EIO: i/o error, read /home/someone/notes/boom.md')
      if (p.startsWith('../')) throw new VaultError('EOUTSIDE', `Note path must stay inside the notes folder: ${p}`)
      throw new VaultError('ENOENT', `no such note: ${p}`)
    },
    getNotes: () => [],
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
    getCards: () => ({ cards: [], diagnostics: [] }),
    search: () => [],
    serviceMap: () => [],
    openFolder: () => null,
    reload: () => ({ folder: '/notes', bundled: true, noteCount: 1 }),
    getSettings: () => ({ theme: 'system', recentFolders: [] }),
    setSettings: (patch) => { settingsWrites.push(patch); return { theme: 'dark', recentFolders: [] } },
    getViewState: () => ({}),
    setViewState: () => undefined,
    getNotices: () => [],
    getIndexProgress: () => null,
    graphVersion: () => 0,
    onChange: (l) => { changeListeners.add(l); return () => changeListeners.delete(l) },
    onProgress: () => () => undefined,
    close: () => undefined,
    ...(Object.fromEntries(Object.keys(studyValidators).map((m) => [m, notImplemented])) as unknown as Pick<WebBackend, keyof StudyApi>),
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
    expect(resolveStatic('/srv/app', '/assets/b.js')).toBe(path.resolve('/srv/app/assets/b.js'))
    // refused, not clamped (the HTTP layer has already folded plain dot segments)
    expect(resolveStatic('/srv/app', '/a/../b.js')).toBeNull()
    expect(resolveStatic('/srv/app', '/%2e%2e%2fetc/passwd')).toBeNull()
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

  it('answers each getGraph with the graph the backend holds then (a kept answer never outlives its graph)', async () => {
    const node = (id: string) => ({ id, type: 'note' as const, label: id, path: `${id}.md` })
    let graph: Graph = { nodes: [node('a')], edges: [], diagnostics: [] }
    let version = 1
    // like the core: a fresh wrapper per call around the same arrays until the graph changes
    const host = await startWebServer({ backend: { ...fakeBackend(), getGraph: () => ({ ...graph, version }) }, staticDir: path.join(dir, 'public'), token: web.token })
    try {
      const get = async () => fromWire(JSON.parse((await call(host.port, 'getGraph', [])).body) as unknown) as Graph
      expect(await get()).toEqual({ nodes: [node('a')], edges: [], diagnostics: [], version: 1 })
      expect(await get()).toEqual({ nodes: [node('a')], edges: [], diagnostics: [], version: 1 })
      version = 2
      expect((await get()).version).toBe(2)
      graph = { nodes: [node('a'), node('b')], edges: [], diagnostics: [] }
      expect((await get()).nodes.map((n) => n.id)).toEqual(['a', 'b'])
      // a graph still being indexed grows in place between two calls: each answer has what is there then
      const growing = [node('c')]
      graph = { nodes: growing, edges: [], diagnostics: [], partial: true }
      expect((await get()).nodes.map((n) => n.id)).toEqual(['c'])
      growing.push(node('d'))
      expect((await get()).nodes.map((n) => n.id)).toEqual(['c', 'd'])
    } finally {
      await host.close()
    }
  })

  it('serves a static file as it is on disk now, after it changed', async () => {
    const file = path.join(dir, 'public/assets/changing.js')
    fs.writeFileSync(file, 'one()')
    expect((await request(web.port, { path: '/assets/changing.js' })).body).toBe('one()')
    fs.writeFileSync(file, 'two(); two()')
    expect((await request(web.port, { path: '/assets/changing.js' })).body).toBe('two(); two()')
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
    // the reader's batch of notes ahead of clicks: a list of paths, a bounded one
    expect((await call(web.port, 'getNotes', [['a.md', 42]])).status).toBe(400)
    expect((await call(web.port, 'getNotes', [Array.from({ length: 201 }, (_, i) => `n${i}.md`)])).status).toBe(400)
    expect((await call(web.port, 'getNotes', [['a.md']])).status).toBe(200)
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
    expect(JSON.parse(broken.body)).toEqual({ error: 'The host could not complete getNote; the details are in its log.' })
    expect(broken.body).not.toContain('/home')
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
      const req = http.get({ host: '127.0.0.1', port: web.port, path: '/api/events', headers: { Host: `127.0.0.1:${web.port}`, Authorization: `Bearer ${web.token}` } }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream')
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => {
          text += c
          if (text.includes(': connected')) {
            for (const l of changeListeners) l({ folder: '/notes', changed: ['a.md'], version: 1, graph: fakeBackend().getGraph() as Graph })
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

  it('pushes a change as a compact delta when it is one, and the page reads it back exactly', async () => {
    const delta: GraphDelta = {
      addedNodes: [{ id: 'service:aws-glue', type: 'service', label: 'AWS Glue', noteCount: 1 }],
      updatedNodes: [], removedNodes: ['tag:old'],
      addedEdges: [{ id: 'mentions:note:a.md->service:aws-glue', source: 'note:a.md', target: 'service:aws-glue', type: 'mentions', weight: 1, refs: [{ line: 3, section: 'Intro' }] }],
      updatedEdges: [], removedEdges: ['tagged:note:a.md->tag:old'],
    }
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: web.port, path: '/api/events', headers: { Host: `127.0.0.1:${web.port}`, Authorization: `Bearer ${web.token}` } }, (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => {
          text += c
          if (text.includes(': connected')) for (const l of changeListeners) l({ folder: '/notes', changed: ['a.md'], version: 7, delta })
          if (text.includes('event: graphChanged')) { req.destroy(); resolve(text) }
        })
      })
      req.on('error', reject)
    })
    const change = JSON.parse(received.split('event: graphChanged\ndata: ')[1].split('\n')[0]) as WireChange
    expect(change.graph).toBeUndefined()
    expect(isWireDelta(change.delta)).toBe(true)
    expect(fromWireChange(change)).toEqual({ folder: '/notes', changed: ['a.md'], version: 7, delta })
  })
})

describe('web host: access token', () => {
  it('prints a login address with a long random token, new at each launch', async () => {
    expect(web.loginUrl).toBe(`${web.url}?token=${web.token}`)
    expect(web.token).toMatch(/^[\w-]{40,}$/)
    const other = await startWebServer({ backend: fakeBackend(), staticDir: path.join(dir, 'public') })
    expect(other.token).not.toBe(web.token)
    await other.close()
  })

  it('refuses the page, static files, the API and the event stream without the token', async () => {
    for (const p of ['/', '/index.html', '/assets/app.js', '/api/events']) {
      const r = await request(web.port, { path: p, auth: false })
      expect(r.status, p).toBe(401)
      expect(r.body).toMatch(/needs its access token: open the address it printed/)
      expect(r.body).not.toContain('<title>')
      expect(r.body).not.toContain('console.log')
    }
    const before = settingsWrites.length
    const r = await call(web.port, 'setSettings', [{ theme: 'dark' }], {}, false)
    expect(r.status).toBe(401)
    expect(JSON.parse(r.body).error).toMatch(/access token/)
    expect(settingsWrites.length).toBe(before) // nothing changed
    expect((await call(web.port, 'getGraph', [], { Authorization: 'Bearer not-the-token' }, false)).status).toBe(401)
    expect((await call(web.port, 'getGraph', [], { Cookie: `notes-graph-token-${web.port}=nope` }, false)).status).toBe(401)
  })

  it('trades the token in the address for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const r = await request(web.port, { path: `/?bench=1&token=${web.token}`, auth: false })
    expect(r.status).toBe(302)
    expect(r.headers.location).toBe('/?bench=1')
    const cookie = r.headers['set-cookie']?.[0] ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const pair = cookie.split(';')[0]
    const page = await request(web.port, { path: '/', headers: { Cookie: pair }, auth: false })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>')
    expect((await call(web.port, 'getFolder', [], { Cookie: `other=1; ${pair}` }, false)).status).toBe(200)
    // the cookie of another port's host is not this one's
    const foreign = pair.replace(`-${web.port}=`, `-${web.port + 1}=`)
    expect((await request(web.port, { path: '/', headers: { Cookie: foreign }, auth: false })).status).toBe(401)
  })

  it('answers a wrong token in the address with 401 and no cookie', async () => {
    const r = await request(web.port, { path: '/?token=guess', auth: false })
    expect(r.status).toBe(401)
    expect(r.headers['set-cookie']).toBeUndefined()
  })

  it('still checks Host before anything else', async () => {
    const r = await request(web.port, { path: `/?token=${web.token}`, headers: { Host: `evil.example:${web.port}` }, auth: false })
    expect(r.status).toBe(403)
    expect(r.headers['set-cookie']).toBeUndefined()
  })
})

describe('web host: answers under load and abuse', () => {
  it('answers an oversized body with 413 (declared or streamed), not a reset', async () => {
    const big = `["${'x'.repeat(9 * 1024 * 1024)}"]`
    const declared = await call(web.port, 'setViewState', big)
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body).error).toMatch(/larger than the 8 MB/)
    // streamed without a length: the host reads past the limit, then answers
    const streamed = await new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: web.port, method: 'POST', path: '/api/setViewState', headers: { Host: `127.0.0.1:${web.port}`, Authorization: `Bearer ${web.token}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } },
        (res) => {
          let body = ''
          res.setEncoding('utf8')
          res.on('data', (c: string) => (body += c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        },
      )
      req.on('error', reject)
      const chunk = 'x'.repeat(1024 * 1024)
      for (let i = 0; i < 9; i++) req.write(chunk)
      req.end()
    })
    expect(streamed.status).toBe(413)
    expect((await call(web.port, 'getFolder', [])).status).toBe(200)
  })

  it('takes at most 32 event streams and answers the next with 503 in words', async () => {
    const open: http.ClientRequest[] = []
    const connect = () => new Promise<number>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: web.port, path: '/api/events', headers: { Host: `127.0.0.1:${web.port}`, Authorization: `Bearer ${web.token}` } }, (res) => {
        resolve(res.statusCode ?? 0)
        if (res.statusCode !== 200) res.resume()
      })
      req.on('error', reject)
      open.push(req)
    })
    try {
      for (let i = 0; i < MAX_EVENT_CLIENTS; i++) expect(await connect()).toBe(200)
      expect(web.eventClients()).toBe(MAX_EVENT_CLIENTS)
      expect(await connect()).toBe(503)
      open.shift()!.destroy()
      await expect.poll(() => web.eventClients()).toBe(MAX_EVENT_CLIENTS - 1)
      expect(await connect()).toBe(200)
    } finally {
      for (const r of open) r.destroy()
    }
    await expect.poll(() => web.eventClients()).toBe(0)
  })

  it('drops an event stream that does not read', async () => {
    let closed = false
    const slow = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: web.port, path: '/api/events', headers: { Host: `127.0.0.1:${web.port}`, Authorization: `Bearer ${web.token}` } }, (res) => {
        res.pause() // a reader that never reads
        res.socket.on('close', () => { closed = true })
        resolve(res)
      })
      req.on('error', () => { closed = true })
      void reject
    })
    await expect.poll(() => web.eventClients()).toBe(1)
    // 2 MB changes, more than the kernel buffers and the backlog limit hold together
    const label = 'n'.repeat(2 * 1024 * 1024)
    const graph = { nodes: [{ id: 'note:a.md', type: 'note', label, path: 'a.md' }], edges: [], diagnostics: [] } as unknown as Graph
    for (let i = 0; i < 40 && web.eventClients() > 0; i++) {
      for (const l of changeListeners) l({ folder: '/notes', changed: ['a.md'], version: i + 1, graph })
      await new Promise((r) => setTimeout(r, 20))
    }
    expect(web.eventClients()).toBe(0)
    slow.resume() // reading again, the client finds its stream ended by the host
    slow.on('error', () => undefined)
    await expect.poll(() => closed, { timeout: 10_000 }).toBe(true)
    slow.destroy()
  })
})
