// A note edited on disk while the page is open: the change arrives as a delta on the event stream and is
// applied in place (no reload, nothing that was there moves).
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { authHeader, hostOrigin, notesDir, openApp } from './helpers'

const REL = 'D1_data_preparation_ml/1.1_data_formats.md'
const NOTE = `note:${REL}`
const MENTION = `mentions:${NOTE}->service:amazon-kendra`
const LINK = `links-to:${NOTE}->note:D4_ml_maintenance/4.2_drifts.md`

declare global {
  interface Window { __changes?: Array<{ bytes: number; version: number; graph: boolean; delta: boolean }>; __sameDocument?: boolean }
}

test('a note edited on disk arrives as a delta and is applied without a reload or moving anything', async ({ page }) => {
  test.setTimeout(120_000) // a first open on a busy machine takes a good part of the default minute
  const file = path.join(notesDir(), REL)
  const original = fs.readFileSync(file, 'utf8')
  const target = path.join(notesDir(), 'D4_ml_maintenance/4.2_drifts.md')
  expect(fs.existsSync(target), 'the linked note exists').toBe(true)
  expect(original).not.toMatch(/Kendra/)
  try {
    await openApp(page)
    // listen to the same event stream the app listens to, and mark this document (a reload would drop both)
    await page.evaluate(() => {
      window.__sameDocument = true
      window.__changes = []
      const source = new EventSource('./api/events')
      source.addEventListener('graphChanged', (e) => {
        const text = (e as MessageEvent<string>).data
        const c = JSON.parse(text) as { version: number; graph?: unknown; delta?: unknown }
        window.__changes!.push({ bytes: text.length, version: c.version, graph: c.graph !== undefined, delta: c.delta !== undefined })
      })
      return new Promise<void>((resolve) => source.addEventListener('open', () => resolve()))
    })
    const before = await page.evaluate(() => Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), { ...n.position() }])))
    expect(await page.evaluate((id) => window.cy!.getElementById(id).empty(), MENTION)).toBe(true)

    // written in place (an editor's save); the host's watcher follows the file
    fs.writeFileSync(file, `${original}\n\n## Search\n\nAmazon Kendra indexes these files; see [monitoring](../D4_ml_maintenance/4.2_drifts.md). #delta-check\n`)

    await page.waitForFunction(([m, l]) => window.cy!.getElementById(m).nonempty() && window.cy!.getElementById(l).nonempty(), [MENTION, LINK], { timeout: 20_000 })
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true)
    // the event carried a delta, not the graph, and a small one
    const changes = await page.evaluate(() => window.__changes!)
    expect(changes.length).toBeGreaterThan(0)
    for (const c of changes) expect(c).toMatchObject({ graph: false, delta: true })
    expect(changes[0].bytes).toBeLessThan(50_000)
    // nothing that was on the canvas moved; the new tag (a new node) sits near the note that has it
    await page.waitForFunction(() => window.cy!.getElementById('tag:delta-check').nonempty())
    const after = await page.evaluate(() => Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), { ...n.position() }])))
    for (const [id, p] of Object.entries(before)) expect(after[id], id).toEqual(p)
    const tag = after['tag:delta-check']
    expect(Math.hypot(tag.x - after[NOTE].x, tag.y - after[NOTE].y)).toBeLessThan(300)
    // the page's graph data follows too: the node list finds the new service without a reload
    await page.getByRole('button', { name: 'Nodes' }).click()
    await page.getByLabel('Filter nodes').fill('Kendra')
    await expect(page.getByLabel('Node list').getByText('Amazon Kendra').first()).toBeVisible()
  } finally {
    fs.writeFileSync(file, original)
  }
  await page.waitForFunction((m) => window.cy!.getElementById(m).empty() && window.cy!.getElementById('tag:delta-check').empty(), MENTION, { timeout: 20_000 })
})

test('a note written while the page is not yet listening to changes still reaches its graph', async ({ page }) => {
  test.setTimeout(120_000)
  const rel = 'D1_data_preparation_ml/zz_e2e_unheard.md'
  const file = path.join(notesDir(), rel)
  // the page's event stream is held back until the host has published the new note: the change goes out
  // while nobody listens, as when a page loads its graph just before a note is saved
  let release = () => {}
  const published = new Promise<void>((r) => (release = r))
  await page.route('**/api/events', async (route) => { await published; await route.continue() })
  try {
    await openApp(page)
    expect(await page.evaluate((id) => window.cy!.getElementById(id).empty(), `note:${rel}`)).toBe(true)
    fs.writeFileSync(`${file}.tmp`, '# Unheard\n\nAmazon Kinesis streams records.\n')
    fs.renameSync(`${file}.tmp`, file)
    // the host has it (getNote answers once the index has the note; its change went out in the same step)
    await expect.poll(async () => (await page.request.post(`${hostOrigin()}api/getNote`, { data: [rel], headers: { 'Content-Type': 'application/json', ...authHeader() } })).status(), { timeout: 20_000 }).toBe(200)
    release()
    await page.waitForFunction((id) => window.cy!.getElementById(id).nonempty(), `note:${rel}`, { timeout: 20_000 })
  } finally {
    release()
    fs.rmSync(file, { force: true })
  }
})
