// A page that starts listening to the host's changes after one went out: the event stream cannot send it that
// change again, so it tells the page the version it is at on (re)connecting, and a page holding an older graph
// knows it must fetch the graph again (renderer/src/graph/graphFollower.ts). Real backend, real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import http from 'node:http'
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openTestBackend, writeNote } from '../core/test-vault'
import type { Backend } from '../core/backend'
import { startWebServer, type WebServer } from './server'

let tmp: string
let notes: string
let backend: Backend | undefined
let web: WebServer | undefined

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-late-'))
  notes = path.join(tmp, 'notes')
  mkdirSync(path.join(tmp, 'public'))
  writeNote(notes, 'D1/a.md', '# A\n\nAWS Glue.\n')
})
afterEach(async () => {
  await web?.close()
  web = undefined
  await backend?.close()
  backend = undefined
  rmSync(tmp, { recursive: true, force: true })
})

const headers = () => ({ Host: `127.0.0.1:${web!.port}`, Authorization: `Bearer ${web!.token}` })

async function getGraphVersion(): Promise<number> {
  const res = await fetch(`${web!.url}api/getGraph`, { method: 'POST', headers: { ...headers(), 'Content-Type': 'application/json' }, body: '[]' })
  return ((await res.json()) as { version: number }).version
}

/** Open the event stream and resolve with the first event of `name` on it. */
function firstEvent(name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: web!.port, path: '/api/events', headers: headers() }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => {
        text += c
        const at = text.indexOf(`event: ${name}\ndata: `)
        const end = at < 0 ? -1 : text.indexOf('\n\n', at)
        if (end >= 0) { req.destroy(); resolve(text.slice(at + `event: ${name}\ndata: `.length, end)) }
      })
    })
    req.on('error', reject)
  })
}

describe('a page that listens late', () => {
  it('learns from the event stream that a change went out before it listened', async () => {
    backend = await openTestBackend(tmp, notes)
    web = await startWebServer({ backend, staticDir: path.join(tmp, 'public') })
    const held = await getGraphVersion() // the page loaded its graph…
    writeNote(notes, 'D1/b.md', '# B\n\nAmazon Kinesis.\n')
    const change = await backend.update(['D1/b.md']) // …the note's change goes out while no stream is open…
    expect(change?.version).toBe(held + 1)
    // …then the page's stream opens: it says where the host is, so the page sees it is one change behind
    expect(Number(await firstEvent('graphVersion'))).toBe(held + 1)
  })

  it('hears the version it holds when nothing was missed', async () => {
    backend = await openTestBackend(tmp, notes)
    web = await startWebServer({ backend, staticDir: path.join(tmp, 'public') })
    const held = await getGraphVersion()
    expect(Number(await firstEvent('graphVersion'))).toBe(held)
  })
})
