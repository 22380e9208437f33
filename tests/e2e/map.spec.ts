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
// a busy machine makes a fresh start slow: these wait for conditions, so a long limit costs nothing when fast
test.describe.configure({ mode: 'serial', timeout: 180_000 })

const FOREIGN = path.resolve(import.meta.dirname, '../../../shared/corpora/mla-study-notes')
const shots = process.env.MAP_SHOTS_DIR
/** 11 px on screen, less a rounding hair (a label's model font is kept to 1/100, rounded up) */
const MIN_LABEL_PX = 10.99

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
  // readable without zooming: no shown label under 11 px on screen at the fit zoom
  expect(report.labelPx.min).toBeGreaterThanOrEqual(MIN_LABEL_PX)
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
  // the biggest services are named (notes once took the room around them: S3 and SageMaker AI went unnamed)
  const hubs = await page.evaluate(() => window.cy!.nodes('[type = "service"]').sort((a, b) => b.degree(false) - a.degree(false)).slice(0, 2).map((n) => `${n.data('label')}: ${n.hasClass('lbl') ? 'named' : 'unnamed'}`))
  expect(hubs).toEqual(hubs.map((h) => h.replace(/unnamed$/, 'named')))
  // the skeleton is named in full, once: each domain's whole title over its group, its node labelled
  // "Domain N" (the title a second time, in bold mid-group, covered that group's notes and their names)
  const domains = await page.evaluate(() => window.cy!.nodes('[type = "domain"]').map((n) => ({ label: String(n.data('label')), shown: String(n.style('label') ?? '') })))
  expect(domains.length).toBeGreaterThan(0)
  const captions = await page.locator('.group-caption').allTextContents()
  for (const d of domains) {
    expect(d.shown).toBe(d.label.split(':')[0])
    expect(d.shown).toMatch(/^Domain \d$/)
    expect(captions).toContain(d.label)
  }
})

test('services map: services only, labelled, no overlaps', async ({ page }) => {
  await openFresh(page, baseUrl(), '#?view=services')
  // the hash's view is applied just after the default one: wait for it, then for the view to settle again
  await expect.poll(() => page.evaluate(() => [...new Set(window.cy!.nodes(':visible').map((n) => n.data('type') as string))].sort()), { timeout: 30_000 }).toEqual(['service'])
  await waitSettled(page)
  // settled means the picture is complete: the links between services are drawn already
  const links = await page.evaluate(() => window.cy!.edges('[type = "map"]').filter((e) => e.visible()).length)
  expect(links).toBeGreaterThan(0)
  // the filters panel counts those links (it once said "0 edges visible" over a map full of them)
  await expect(page.getByText(/\d+ nodes · [1-9]\d* edges visible/)).toBeVisible()
  // the filters panel names the node types from the first settled picture on (never an empty box)
  await expect(page.getByRole('group', { name: 'Node types' }).getByRole('checkbox').first()).toBeVisible({ timeout: 1000 })
  const report = await mapReport(page)
  if (shots) await page.screenshot({ path: path.join(shots, 'services.png') })
  expect(report.visibleTypes).toEqual(['service'])
  console.log(`services map: ${report.labelledTypes.service ?? 0} of ${report.visibleNodes} services labelled, label font ${report.labelPx.min.toFixed(1)} px on screen at fit zoom`)
  expect(report.labelledTypes.service ?? 0).toBeGreaterThanOrEqual(60)
  expect(report.labelPx.min).toBeGreaterThanOrEqual(MIN_LABEL_PX)
  expect(report.labelOverlaps).toEqual([])
  expect(report.nodeOverlaps).toEqual([])
})

test('overview: a narrower window refits the view the app fitted, so nothing is cut off', async ({ page }) => {
  await openFresh(page, baseUrl())
  const outside = () => page.evaluate(() => {
    const cy = window.cy!
    const [w, h] = [cy.width(), cy.height()]
    return cy.nodes(':visible').filter((n) => { const b = n.renderedBoundingBox({ includeLabels: false }); return b.x1 < -1 || b.y1 < -1 || b.x2 > w + 1 || b.y2 > h + 1 }).length
  })
  expect(await outside()).toBe(0)
  await page.setViewportSize({ width: 1100, height: 800 })
  await expect.poll(outside).toBe(0)
  // once the user has moved the view, it stays where they put it
  const box = (await page.getByLabel('Knowledge graph').boundingBox())!
  const fitted = await page.evaluate(() => window.cy!.zoom())
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300)
  await expect.poll(() => page.evaluate(() => window.cy!.zoom())).toBeGreaterThan(fitted * 1.1)
  const zoomed = await page.evaluate(() => window.cy!.zoom())
  await page.setViewportSize({ width: 1000, height: 760 })
  await expect.poll(() => page.evaluate(() => window.cy!.width())).toBeLessThan(800)
  expect(await page.evaluate(() => window.cy!.zoom())).toBe(zoomed)
})

test('services map: a link says why on hover, and its tooltip goes with the pointer or the view', async ({ page }) => {
  await openFresh(page, baseUrl(), '#?view=services')
  await expect.poll(() => page.evaluate(() => [...new Set(window.cy!.nodes(':visible').map((n) => n.data('type') as string))].sort()), { timeout: 30_000 }).toEqual(['service'])
  await waitSettled(page)
  // the lowest link's middle clear of every node (the pointer there is over the link alone): its tooltip must open
  // upwards, inside the window
  const at = await page.evaluate(() => {
    const cy = window.cy!
    const boxes = cy.nodes(':visible').map((n) => n.renderedBoundingBox({ includeLabels: false }))
    const clear = (p: { x: number; y: number }) => boxes.every((b) => p.x < b.x1 - 6 || p.x > b.x2 + 6 || p.y < b.y1 - 6 || p.y > b.y2 + 6)
    const mids = cy.edges('[type = "map"]').toArray().filter((e) => e.visible() && e.renderedBoundingBox().w > 40).map((e) => (e as cytoscape.EdgeSingular).renderedMidpoint())
    const m = mids.filter(clear).sort((a, b) => b.y - a.y)[0]
    const r = cy.container()!.getBoundingClientRect()
    return { x: r.left + m.x, y: r.top + m.y }
  })
  await page.mouse.move(at.x - 3, at.y - 3)
  await page.mouse.move(at.x, at.y)
  const tip = page.getByRole('tooltip')
  await expect(tip).toBeVisible()
  await expect(tip).toContainText(/in a table|in a sentence|part of|together|compared/i)
  const box = (await tip.boundingBox())!
  expect(box.y).toBeGreaterThanOrEqual(0)
  expect(box.y + box.height).toBeLessThanOrEqual(900)
  expect(box.x + box.width).toBeLessThanOrEqual(1400)
  // the pointer goes straight to the toolbar (no move seen over the canvas) and changes the view
  await page.getByRole('radio', { name: 'Notes', exact: true }).click()
  await expect(tip).toBeHidden()
  expect(await page.evaluate(() => window.cy!.$('.faded, .hover-hl').length)).toBe(0)
})

test('services map: a selected service\'s links keep the colour of what they mean', async ({ page }) => {
  await openFresh(page, baseUrl(), '#?view=services')
  await expect.poll(() => page.evaluate(() => [...new Set(window.cy!.nodes(':visible').map((n) => n.data('type') as string))].sort()), { timeout: 30_000 }).toEqual(['service'])
  await waitSettled(page)
  const search = page.getByRole('combobox').first()
  await search.fill('Amazon Kinesis Data Streams')
  await search.press('Enter')
  await expect.poll(() => page.evaluate(() => window.cy!.$(':selected').map((n) => n.id()))).toEqual(['service:amazon-kinesis-data-streams'])
  // the overlay draws the selection's links: a "compared in a table" one in that line's colour, not the one grey
  await expect.poll(() => page.evaluate(() => {
    const cy = window.cy!
    const sel = cy.getElementById('service:amazon-kinesis-data-streams')
    const overlay = document.querySelector<HTMLCanvasElement>('canvas.selection-overlay')
    const p = sel.renderedPosition()
    // its longest such link, read away from the selection's ring: the stretch nearer the other service
    const ends = sel.connectedEdges('[kind = "compared-in"]').toArray().filter((e) => e.visible())
      .map((e) => { const edge = e as cytoscape.EdgeSingular; return (edge.source().same(sel) ? edge.target() : edge.source()).renderedPosition() })
    const o = ends.sort((x, y) => Math.hypot(y.x - p.x, y.y - p.y) - Math.hypot(x.x - p.x, x.y - p.y))[0]
    if (!o || !overlay) return 'none'
    const ratio = overlay.width / cy.width()
    let best = [0, 0, 0, 0]
    for (let t = 0.6; t <= 0.9; t += 0.05) {
      const [r, g, bl, al] = overlay.getContext('2d')!.getImageData(Math.round((p.x + (o.x - p.x) * t) * ratio), Math.round((p.y + (o.y - p.y) * t) * ratio), 1, 1).data
      if (al > best[3]) best = [r, g, bl, al]
    }
    // rgb(180, 83, 9) drawn at 0.9: red well above blue, green between (the grey it replaced is bluish)
    return best[3] > 100 && best[0] > best[2] + 80 && best[1] < best[0] - 40 ? 'orange' : `rgba(${best.join(',')})`
  })).toBe('orange')
})

test('notes view: domains, notes and what they cover, no overlaps', async ({ page }) => {
  await openFresh(page, baseUrl(), '#?view=notes')
  const report = await mapReport(page)
  if (shots) await page.screenshot({ path: path.join(shots, 'notes.png') })
  expect(report.labelledTypes.note ?? 0).toBeGreaterThan(5)
  expect(report.labelOverlaps).toEqual([])
  expect(report.nodeOverlaps).toEqual([])
})

/** Where the shown nodes sit on the canvas, and how one node's label reads. */
function frame(page: Page, id: string) {
  return page.evaluate((id) => {
    const cy = window.cy!
    const w = cy.width()
    const h = cy.height()
    const shown = cy.nodes(':visible')
    const ps = shown.map((n) => n.renderedPosition())
    const xs = ps.map((p) => p.x)
    const ys = ps.map((p) => p.y)
    const n = cy.getElementById(id)
    const c = n.nonempty() && n.isNode() ? n.renderedPosition() : { x: NaN, y: NaN }
    const labelled = n.nonempty() && String(n.style('label') ?? '') !== '' && Number(n.style('text-opacity')) > 0
    return {
      shown: shown.length,
      inside: ps.every((p) => p.x >= 0 && p.x <= w && p.y >= 0 && p.y <= h),
      // share of the canvas the shown nodes span (a refit fills it; a stale viewport does not)
      span: Math.max((Math.max(...xs) - Math.min(...xs)) / w, (Math.max(...ys) - Math.min(...ys)) / h),
      offCentre: Math.max(Math.abs(c.x - w / 2) / w, Math.abs(c.y - h / 2) / h),
      font: labelled ? n.numericStyle('font-size') * cy.zoom() : 0,
    }
  }, id)
}

test('a local graph restored at launch: the graph says settled only once it shows that graph', async ({ page }) => {
  const GLUE = 'service:aws-glue'
  // each time the graph reports "settled", how many nodes it shows then, from the first frame on
  await page.addInitScript(() => {
    const w = window as unknown as { settledShown: number[] }
    w.settledShown = []
    new MutationObserver((records) => {
      for (const r of records) {
        if ((r.target as Element).getAttribute('data-layout') === 'settled' && window.cy) w.settledShown.push(window.cy.nodes().not('.hidden').length)
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-layout'] })
  })
  await openFresh(page, baseUrl(), `#?select=${GLUE}&depth=1`)
  const shown = await page.evaluate(() => (window as unknown as { settledShown: number[] }).settledShown)
  // Glue's neighbours (a few dozen), never the whole overview (hundreds) reported settled while the local graph loads
  expect(shown.length).toBeGreaterThan(0)
  expect(shown[0]).toBeGreaterThan(1)
  expect(shown[0]).toBeLessThan(60)
  expect(await page.evaluate((id) => window.cy!.getElementById(id).visible(), GLUE)).toBe(true)
  // a saved local graph around a node the notes no longer have: the overview, settled (not waiting for ever)
  const gone = await page.context().newPage()
  await openFresh(gone, baseUrl(), '#?select=service:no-such-service&depth=1')
  expect(await gone.evaluate(() => window.cy!.nodes().not('.hidden').length)).toBeGreaterThan(100)
  await gone.close()
})

test('local graph: centred on its node, labelled, refitted; leaving it and filters refit too', async ({ page }) => {
  test.setTimeout(180_000)
  const GLUE = 'service:aws-glue'
  await openFresh(page, baseUrl())
  const all = (await frame(page, GLUE)).shown
  await page.goto(`${baseUrl()}#?select=${GLUE}&depth=1`)
  // the selection opens its note, which narrows the canvas: the local graph is refitted and packed again for it
  await expect(page.locator('[aria-label="Note"]').getByRole('heading', { name: 'AWS Glue', exact: true })).toBeVisible({ timeout: 30_000 })
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))) // its resize is handled
  await waitSettled(page)
  await expect.poll(async () => (await frame(page, GLUE)).shown, { timeout: 30_000 }).toBeLessThan(all)
  await expect.poll(async () => (await frame(page, GLUE)).offCentre, { timeout: 10_000 }).toBeLessThan(0.05)
  const local = await frame(page, GLUE)
  expect(local.shown).toBeGreaterThan(1)
  expect(local.inside).toBe(true)
  expect(local.span).toBeGreaterThan(0.3)
  // 11 px on screen (the label's model font is rounded to 1/100)
  expect(local.font).toBeGreaterThanOrEqual(10.95)
  const report = await mapReport(page)
  if (shots) await page.screenshot({ path: path.join(shots, 'local.png') })
  // a few dozen neighbours in columns: every node is named, beside it, and no name covers another node
  expect(local.shown).toBeLessThan(60)
  expect(report.labels).toBe(local.shown)
  expect(report.labelOverlaps).toEqual([])
  expect(report.nodeOverlaps).toEqual([])
  expect(report.labelsOverNodes).toEqual([])

  // the canvas narrows (the window is made smaller): the app refits the local graph, and its labels are sized
  // for the new zoom in that same frame, never drawn at the old size first (read by an observer that runs just
  // after the graph's own)
  const afterResize = page.evaluate((id) => new Promise<{ font: number; zoomBefore: number; zoom: number }>((resolve) => {
    const cy = window.cy!
    const zoomBefore = cy.zoom()
    let initial = true
    const ro = new ResizeObserver(() => {
      if (initial) { initial = false; return } // the observation every observer gets when it starts
      ro.disconnect()
      const n = cy.getElementById(id)
      resolve({ font: n.numericStyle('font-size') * cy.zoom(), zoomBefore, zoom: cy.zoom() })
    })
    ro.observe(document.querySelector('[aria-label="Knowledge graph"]')!)
  }), GLUE)
  await page.waitForFunction(() => true) // the observer is in place
  await page.setViewportSize({ width: 1150, height: 900 })
  const narrowed = await afterResize
  expect(narrowed.zoom).toBeLessThan(narrowed.zoomBefore)
  expect(narrowed.font).toBeGreaterThanOrEqual(10.95)
  await page.setViewportSize({ width: 1400, height: 900 })

  // back to the global graph: every node again, the view's own placement fitted
  await page.getByRole('radio', { name: 'Global' }).check()
  await expect.poll(async () => (await frame(page, GLUE)).shown).toBe(all)
  await expect.poll(async () => { const f = await frame(page, GLUE); return f.inside && f.span > 0.5 }).toBe(true)

  // a filter packs what it leaves and refits
  await page.getByRole('checkbox', { name: 'Notes' }).uncheck()
  await expect.poll(async () => (await frame(page, GLUE)).shown).toBeLessThan(all)
  await expect.poll(async () => { const f = await frame(page, GLUE); return f.inside && f.span > 0.5 }).toBe(true)
  expect((await mapReport(page)).nodeOverlaps).toEqual([])
})

/**
 * Notes the project has never seen: the shared corpus, plus any folders listed in MAP_FOREIGN_NOTES
 * (separated like PATH), e.g. public study notes saved under /tmp. Each gets its own fresh web host.
 */
const foreignFolders = [FOREIGN, ...(process.env.MAP_FOREIGN_NOTES ?? '').split(path.delimiter).filter(Boolean)]

for (const [i, folder] of foreignFolders.entries()) {
  test.describe(`foreign notes ${i === 0 ? '(shared corpus)' : path.basename(folder)}`, () => {
    let host: RunningHost | null = null
    let tmp = ''
    test.beforeAll(async () => {
      if (!fs.existsSync(folder)) return
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-graph-map-'))
      fs.cpSync(folder, path.join(tmp, 'notes'), { recursive: true })
      host = await startWebHost({ notes: path.join(tmp, 'notes'), stateDir: path.join(tmp, 'state') })
    })
    test.afterAll(async () => {
      await host?.stop()
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
    })

    test('overview of notes the project has not tuned for', async ({ page }) => {
      test.skip(!fs.existsSync(folder), `no foreign corpus at ${folder}`)
      await openFresh(page, host!.url)
      await expectReadable(page, `overview-foreign-${i}`)
    })

    test('services map of notes the project has not tuned for', async ({ page }) => {
      test.skip(!fs.existsSync(folder), `no foreign corpus at ${folder}`)
      await openFresh(page, host!.url, '#?view=services')
      await expect.poll(() => page.evaluate(() => [...new Set(window.cy!.nodes(':visible').map((n) => n.data('type') as string))].sort()), { timeout: 30_000 }).toEqual(['service'])
      await waitSettled(page)
      const report = await mapReport(page)
      if (shots) await page.screenshot({ path: path.join(shots, `services-foreign-${i}.png`) })
      // every service of a small folder is labelled; a large one at least 60
      expect(report.labelledTypes.service ?? 0).toBeGreaterThanOrEqual(Math.min(60, report.visibleNodes))
      expect(report.labelPx.min).toBeGreaterThanOrEqual(MIN_LABEL_PX)
      expect(report.labelOverlaps).toEqual([])
      expect(report.nodeOverlaps).toEqual([])
    })
  })
}
