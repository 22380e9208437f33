// The readable map: on a fresh start at 1400×900, once the graph says it has settled, enough labels are
// shown, no two shown labels and no two nodes overlap, and nothing moves by itself afterwards. Runs on the
// bundled notes and, where present, on the foreign notes in ../shared (a second web host).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { baseUrl } from './helpers'
import { mapReport, positionsKey, waitSettled } from './mapCheck'
import { startWebHost, type RunningHost } from './webHost'

test.use({ viewport: { width: 1400, height: 900 } })
test.describe.configure({ mode: 'serial' })

const FOREIGN = path.resolve(import.meta.dirname, '../../../shared/corpora/mla-study-notes')
const shots = process.env.MAP_SHOTS_DIR

async function openFresh(page: Page, url: string, hash = ''): Promise<void> {
  // url is a host's printed address (it carries ?token=…): scripts send the token as a bearer header
  const { origin, searchParams } = new URL(url)
  const res = await page.request.post(`${origin}/api/setViewState`, {
    data: [{}],
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${searchParams.get('token')}` },
  })
  expect(res.ok()).toBe(true)
  await page.goto(`${url}${hash}`)
  await waitSettled(page)
}

async function expectReadable(page: Page, name: string): Promise<void> {
  const report = await mapReport(page)
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) })
  expect(report.labels, JSON.stringify(report.labelledTypes)).toBeGreaterThanOrEqual(40)
  expect(report.labelOverlaps).toEqual([])
  expect(report.nodeOverlaps).toEqual([])
  // positions stay put: one comparison 3 s apart (the check), no layout arriving later
  const before = await positionsKey(page)
  await page.waitForTimeout(3000)
  expect(await positionsKey(page)).toBe(before)
  await expect(page.getByLabel('Knowledge graph')).toHaveAttribute('data-layout', 'settled')
}

test('overview of the bundled notes: labelled, nothing overlapping, still', async ({ page }) => {
  await openFresh(page, baseUrl())
  await expectReadable(page, 'overview')
  // every note and service is on the map
  const missing = await page.evaluate(() => window.cy!.nodes('[type = "note"], [type = "service"]').filter((n) => !n.visible()).length)
  expect(missing).toBe(0)
})

test('services map: services only, labelled, no overlaps', async ({ page }) => {
  await openFresh(page, baseUrl(), '#?view=services')
  // the hash's view is applied just after the default one: wait for it, then for the view to settle again
  await expect.poll(() => page.evaluate(() => [...new Set(window.cy!.nodes(':visible').map((n) => n.data('type') as string))].sort()), { timeout: 30_000 }).toEqual(['service'])
  await waitSettled(page)
  const report = await mapReport(page)
  if (shots) await page.screenshot({ path: path.join(shots, 'services.png') })
  expect(report.visibleTypes).toEqual(['service'])
  expect(report.labelledTypes.service ?? 0).toBeGreaterThanOrEqual(60)
  expect(report.labelOverlaps).toEqual([])
  expect(report.nodeOverlaps).toEqual([])
})

test('notes view: domains, notes and what they cover, no overlaps', async ({ page }) => {
  await openFresh(page, baseUrl(), '#?view=notes')
  const report = await mapReport(page)
  if (shots) await page.screenshot({ path: path.join(shots, 'notes.png') })
  expect(report.labelledTypes.note ?? 0).toBeGreaterThan(5)
  expect(report.labelOverlaps).toEqual([])
  expect(report.nodeOverlaps).toEqual([])
})

test.describe('foreign notes', () => {
  let host: RunningHost | null = null
  let tmp = ''
  test.beforeAll(async () => {
    if (!fs.existsSync(FOREIGN)) return
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-graph-map-'))
    fs.cpSync(FOREIGN, path.join(tmp, 'notes'), { recursive: true })
    host = await startWebHost({ notes: path.join(tmp, 'notes'), stateDir: path.join(tmp, 'state') })
  })
  test.afterAll(async () => {
    await host?.stop()
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
  })

  test('overview of notes the project has not tuned for', async ({ page }) => {
    test.skip(!fs.existsSync(FOREIGN), `no foreign corpus at ${FOREIGN}`)
    await openFresh(page, host!.url)
    await expectReadable(page, 'overview-foreign')
  })
})
