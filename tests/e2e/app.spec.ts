// The app in Chromium against the web host, on a copy of the bundled notes.
import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import type { EntityMentions } from '../../electron/core/types'
import { apiCall, baseUrl, centreOnNode, notesDir, openApp, visibleNodePoint, waitForGraph, waitForStableLayout, within } from './helpers'

const GLUE = 'service:aws-glue'
const notePanel = (page: Page) => page.locator('[aria-label="Note"]')

/** Write a note atomically into the test's copy of the notes (the watcher must pick it up). */
function writeNote(rel: string, text: string): void {
  const full = path.join(notesDir(), rel)
  fs.mkdirSync(path.dirname(full), { recursive: true })
  fs.writeFileSync(`${full}.tmp`, text)
  fs.renameSync(`${full}.tmp`, full)
  written.add(full)
}

// Notes a test added are removed afterwards, so later specs (and the README screenshots) see the bundled notes.
const written = new Set<string>()
test.afterAll(() => {
  for (const file of written) fs.rmSync(file, { force: true })
})

test('the graph renders in its container', async ({ page }) => {
  await openApp(page)
  const container = page.getByLabel('Knowledge graph')
  await expect(container).toBeVisible()
  const box = await container.boundingBox()
  expect(box!.width).toBeGreaterThan(200)
  const counts = await page.evaluate(() => ({
    nodes: window.cy!.nodes().length,
    services: window.cy!.nodes('[type = "service"]').length,
    notes: window.cy!.nodes('[type = "note"]').length,
    edges: window.cy!.edges().length,
  }))
  expect(counts.notes).toBeGreaterThan(10)
  expect(counts.services).toBeGreaterThan(10)
  expect(counts.edges).toBeGreaterThan(counts.notes)
  // the canvas actually drew something
  expect(await page.locator('[aria-label="Knowledge graph"] canvas').count()).toBeGreaterThan(0)
})

test('the page asks for all its launch files at once: no more than the browser\'s six connections to the host', async ({ page }) => {
  // a seventh file waited for one of the first six to finish: the biggest script, last in line, arrived last
  // and was compiled last (≈ 70 ms of a cold launch on a busy machine)
  const seen: string[] = []
  page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/assets/')) seen.push(new URL(r.url()).pathname) })
  await page.goto(baseUrl())
  await waitForGraph(page)
  // the page as served (the running page gains tags for the chunks it loads later)
  const html = await (await page.request.get(`${new URL(baseUrl()).origin}/`)).text()
  const launchFiles = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1])
  expect(launchFiles.length).toBeGreaterThan(2)
  expect(launchFiles.length, launchFiles.join(', ')).toBeLessThanOrEqual(6)
  // and those are what the launch fetched before the graph came
  for (const f of launchFiles) expect(seen).toContain(`/${f}`)
})

test('a narrow window keeps every toolbar action on screen, and the graph beside the note panel', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 760 })
  await openApp(page)
  const toolbar = page.getByRole('banner')
  for (const name of ['Nodes', 'Study', 'Diagnostics', 'Reload', 'Open folder…', 'Toggle theme']) {
    const box = await toolbar.getByRole('button', { name, exact: true }).boundingBox()
    expect(box, name).not.toBeNull()
    expect(box!.x + box!.width, name).toBeLessThanOrEqual(1000)
  }
  // the search field keeps a usable width
  expect((await toolbar.getByRole('combobox').first().boundingBox())!.width).toBeGreaterThanOrEqual(110)
  await page.getByRole('combobox').first().fill('Glue')
  await page.getByRole('combobox').first().press('Enter')
  await expect(notePanel(page)).toBeVisible()
  await expect.poll(async () => (await page.getByLabel('Knowledge graph').boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(290)
})

test('at 1400×900 the toolbar is one row and the search field shows its whole placeholder', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  await openApp(page)
  const toolbar = page.getByRole('banner')
  const search = toolbar.getByRole('combobox').first()
  const row = (await search.boundingBox())!
  for (const name of ['Overview', 'Nodes', 'Study', 'Diagnostics', 'Reload', 'Open folder…', 'Toggle theme']) {
    const box = (await toolbar.getByRole(name === 'Overview' ? 'radio' : 'button', { name, exact: true }).boundingBox())!
    expect(box.y, name).toBeLessThan(row.y + row.height) // beside the search field, not on a second row
  }
  const fit = await search.evaluate((el: HTMLInputElement) => {
    const style = getComputedStyle(el)
    const ctx = document.createElement('canvas').getContext('2d')!
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
    return { text: ctx.measureText(el.placeholder).width, room }
  })
  expect(fit.text).toBeLessThanOrEqual(fit.room)
})

test('a click on the canvas at a service node opens its best section, highlighted and in view', async ({ page }) => {
  await openApp(page)
  // bring AWS Glue to the middle at a comfortable zoom, as a user would before clicking it
  const point = await centreOnNode(page, GLUE, 2.5)
  await page.mouse.click(point.x, point.y)

  const panel = notePanel(page)
  await expect(panel.locator('.note-heading h2')).toHaveText('AWS Glue')
  const best = (await apiCall<EntityMentions>(page, 'getMentions', [GLUE])).best!
  expect(best.section).not.toBe('')
  const heading = panel.locator('.markdown .target-heading')
  await expect(heading).toHaveAttribute('id', `h-${best.section}`)
  await page.waitForTimeout(200)
  const hb = await heading.boundingBox()
  const viewport = await panel.locator('.note-scroll').boundingBox()
  expect(within(hb!, viewport!)).toBe(true)
  expect(await page.evaluate(() => window.cy!.$(':selected').map((n) => n.id()))).toEqual([GLUE])
  // the selection ring is drawn around the node (on the overlay canvas, not by restyling the whole graph)
  await expect.poll(() => page.evaluate((id) => {
    const cy = window.cy!
    const canvas = document.querySelector<HTMLCanvasElement>('[aria-label="Knowledge graph"] canvas.selection-overlay')
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx) return 0
    const ratio = canvas.width / cy.width()
    const n = cy.getElementById(id)
    const p = n.renderedPosition()
    const r = n.renderedWidth() / 2 + 4.5
    let painted = 0
    for (let k = 0; k < 16; k++) {
      const a = (k / 16) * 2 * Math.PI
      const px = ctx.getImageData(Math.round((p.x + r * Math.cos(a)) * ratio), Math.round((p.y + r * Math.sin(a)) * ratio), 1, 1).data
      if (px[3] > 0) painted++
    }
    return painted
  }, GLUE)).toBeGreaterThan(10)
})

test('a node clicked near the left edge stays on screen when the note panel opens beside the graph', async ({ page }) => {
  await openApp(page)
  // the labelled service furthest left in the overview (the panel narrows the canvas by more than half)
  const id = await page.evaluate(() => {
    const cy = window.cy!
    const shown = cy.nodes('[type = "service"].lbl').map((n) => ({ id: n.id(), x: n.renderedPosition().x, visible: n.visible() })).filter((n) => n.visible)
    return shown.sort((a, b) => a.x - b.x)[0].id
  })
  const point = await visibleNodePoint(page, id)
  await page.mouse.click(point.x, point.y)
  await expect(notePanel(page).locator('.markdown .target-heading')).toBeVisible()
  await expect.poll(() => page.evaluate((nodeId) => {
    const cy = window.cy!
    const p = cy.getElementById(nodeId).renderedPosition()
    return p.x >= 0 && p.x <= cy.width() && p.y >= 0 && p.y <= cy.height() && cy.width() < 700
  }, id)).toBe(true)
  expect(await page.evaluate(() => window.cy!.$(':selected').map((n) => n.id()))).toEqual([id])
})

test('a node dragged across the canvas is drawn under the pointer while it moves, and pinned where it is dropped', async ({ page }) => {
  await openApp(page)
  const start = await centreOnNode(page, GLUE, 1.5)
  const modelBefore = await page.evaluate((id) => ({ ...window.cy!.getElementById(id).position() }), GLUE)
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  const end = { x: start.x + 120, y: start.y + 70 }
  await page.mouse.move(end.x, end.y, { steps: 6 })
  // while held, the node is drawn on the renderer's drag layer at the pointer, and that layer is cleared as it
  // moves: no trail where it was (the layer is left untouched until something is drawn on it, cyPrivate.ts)
  const box = (await page.getByLabel('Knowledge graph').boundingBox())!
  const painted = (x: number, y: number) => page.evaluate(([px, py]) => {
    const r = (window.cy as unknown as { renderer(): { DRAG: number; data: { contexts: CanvasRenderingContext2D[] } } }).renderer()
    const ctx = r.data.contexts[r.DRAG]
    const ratio = ctx.canvas.width / window.cy!.width()
    const patch = ctx.getImageData(Math.round(px * ratio) - 4, Math.round(py * ratio) - 4, 9, 9).data
    let n = 0
    for (let i = 3; i < patch.length; i += 4) if (patch[i] > 0) n++
    return n
  }, [x - box.x, y - box.y] as const)
  // of a 9 × 9 patch: the node's body covers it, an edge crossing it a few pixels
  await expect.poll(() => painted(end.x, end.y)).toBeGreaterThan(60)
  expect(await painted(start.x, start.y)).toBeLessThan(30)
  await page.mouse.up()
  const after = await page.evaluate((id) => ({ ...window.cy!.getElementById(id).position(), zoom: window.cy!.zoom(), pinned: window.cy!.getElementById(id).hasClass('pinned') }), GLUE)
  expect(after.x - modelBefore.x).toBeCloseTo((end.x - start.x) / after.zoom, -1)
  expect(after.y - modelBefore.y).toBeCloseTo((end.y - start.y) / after.zoom, -1)
  expect(after.pinned).toBe(true)
})

test('the note panel opens with its note: never empty or loading first (its opening narrows the graph)', async ({ page }) => {
  await openApp(page)
  await recordPanelStates(page)
  const point = await centreOnNode(page, GLUE, 2.5)
  await page.mouse.click(point.x, point.y)
  await expect(notePanel(page).locator('.note-heading h2')).toHaveText('AWS Glue')
  await expect(notePanel(page).locator('.markdown > *').first()).toBeVisible()
  expect((await panelStates(page))[0]).toBe('AWS Glue | body')
})

/** Record every state of the note panel from now on, as the page's DOM goes through them. */
async function recordPanelStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __panelStates: string[] }).__panelStates = seen
    new MutationObserver(() => {
      const panel = document.querySelector('[aria-label="Note"]')
      if (!panel) return
      const title = panel.querySelector('.note-heading h2')?.textContent ?? ''
      const body = panel.querySelector('.markdown > *') ? 'body' : 'no body'
      const state = `${title} | ${body}`
      if (seen[seen.length - 1] !== state) seen.push(state)
    }).observe(document.body, { childList: true, subtree: true, characterData: true })
  })
}
const panelStates = (page: Page) => page.evaluate(() => (window as unknown as { __panelStates: string[] }).__panelStates)

test('clicking a mention opens that note at that section', async ({ page }) => {
  await openApp(page)
  const mentions = await apiCall<EntityMentions>(page, 'getMentions', [GLUE])
  const index = mentions.mentions.findIndex((m) => m.path !== mentions.best!.path && m.section !== '')
  expect(index).toBeGreaterThanOrEqual(0)
  const target = mentions.mentions[index]

  await page.evaluate((id) => { window.cy!.getElementById(id).emit('tap') }, GLUE)
  const panel = notePanel(page)
  const items = panel.getByRole('list', { name: 'Mentions' }).getByRole('button')
  await expect(items).toHaveCount(mentions.mentions.length)
  await items.nth(index).click()

  await expect(panel.locator('.note-sub')).toContainText(target.noteTitle)
  const heading = panel.locator('.markdown .target-heading')
  await expect(heading).toHaveAttribute('id', `h-${target.section}`)
  await expect(heading).toHaveText(target.sectionTitle)
  await expect(items.nth(index)).toHaveAttribute('aria-current', 'true')
  const hb = await heading.boundingBox()
  const viewport = await panel.locator('.note-scroll').boundingBox()
  expect(within(hb!, viewport!)).toBe(true)
})

test('a click on a node at the moment the launch marks the graph interactive opens its note', async ({ page }) => {
  await apiCall(page, 'setViewState', [{}])
  await page.goto(baseUrl())
  await page.waitForFunction(() => performance.getEntriesByName('notes-graph:interactive').length > 0, null, { timeout: 60_000 })
  // no waiting for the settled view: the point is taken and clicked at once, as a quick user would
  const p = await visibleNodePoint(page, GLUE)
  await recordPanelStates(page)
  await page.mouse.click(p.x, p.y)
  await expect(notePanel(page).locator('.note-heading h2')).toHaveText('AWS Glue')
  // its note was not made ready ahead of the click yet (the worker, the reader's code): the panel still opens with it
  await expect(notePanel(page).locator('.markdown > *').first()).toBeVisible()
  expect((await panelStates(page))[0]).toBe('AWS Glue | body')
})

test('searching "Glue" selects and centres AWS Glue', async ({ page }) => {
  await openApp(page)
  const search = page.getByLabel('Search', { exact: true })
  await search.fill('Glue')
  const first = page.getByRole('option').first()
  await expect(first).toContainText('AWS Glue')
  await search.press('Enter')
  await expect(notePanel(page).locator('.note-heading h2')).toHaveText('AWS Glue')
  await waitForStableLayout(page) // the centring animation
  const placement = await page.evaluate((id) => {
    const cy = window.cy!
    const p = cy.getElementById(id).renderedPosition()
    return { selected: cy.$(':selected').map((n) => n.id()), dx: Math.abs(p.x - cy.width() / 2), dy: Math.abs(p.y - cy.height() / 2) }
  }, GLUE)
  expect(placement.selected).toEqual([GLUE])
  expect(placement.dx).toBeLessThan(2)
  expect(placement.dy).toBeLessThan(2)
})

test.describe('on a high-density screen (two device pixels per CSS pixel)', () => {
  test.use({ deviceScaleFactor: 2 })

  test('the selection ring and its edges are drawn over the graph, not scaled away from it', async ({ page }) => {
    await openApp(page)
    const search = page.getByLabel('Search', { exact: true })
    await search.fill('Glue')
    await expect(page.getByRole('option').first()).toContainText('AWS Glue')
    await search.press('Enter')
    await expect(notePanel(page).locator('.note-heading h2')).toHaveText('AWS Glue')
    await waitForStableLayout(page)
    // the ring is drawn at the node's place in CSS px on a canvas of twice as many pixels: that canvas must be
    // shown exactly over the graph (shown at its own pixel size, everything on it landed twice as far out)
    const r = await page.evaluate(() => {
      const overlay = document.querySelector<HTMLCanvasElement>('.selection-overlay')!
      const o = overlay.getBoundingClientRect()
      const g = window.cy!.container()!.getBoundingClientRect()
      return { ratio: devicePixelRatio, shown: getComputedStyle(overlay).display, pixels: overlay.width, o: [o.left, o.top, o.width, o.height], g: [g.left, g.top, g.width, g.height] }
    })
    expect(r.ratio).toBe(2)
    expect(r.shown).toBe('block')
    expect(r.pixels).toBe(Math.round(r.g[2] * 2))
    r.o.forEach((v, i) => expect(Math.abs(v - r.g[i])).toBeLessThan(1))
  })
})

test('a note with script, onerror and javascript: links renders inert', async ({ page }) => {
  const rel = 'D1_data_preparation_ml/zz_e2e_hostile.md'
  writeNote(rel, [
    '---', 'domain: D1', '---',
    '# Hostile note',
    '',
    'Plain text about AWS Glue first.',
    '',
    '<script>window.__xss = 1</script>',
    '',
    '<img src="x" onerror="window.__xss = 2">',
    '',
    '<a href="javascript:window.__xss = 3">raw html link</a>',
    '',
    '[markdown js link](javascript:window.__xss=4) and [encoded](jav&#x09;ascript:window.__xss=5)',
    '',
    '![pic](javascript:window.__xss=6)',
    '',
    '<div onclick="window.__xss = 7">click me</div>',
    '',
  ].join('\n'))
  let dialogs = 0
  page.on('dialog', (d) => { dialogs++; void d.dismiss() })
  await openApp(page)
  const id = `note:${rel}`
  await page.waitForFunction((nodeId) => window.cy!.getElementById(nodeId).nonempty(), id, { timeout: 20_000 })
  await page.evaluate((nodeId) => { window.cy!.getElementById(nodeId).emit('tap') }, id)
  const body = notePanel(page).locator('.markdown')
  await expect(body.locator('h1')).toHaveText('Hostile note')
  await expect(body).toContainText('Plain text about AWS Glue first.')

  expect(await body.locator('script').count()).toBe(0)
  expect(await body.locator('[onerror], [onclick], img, iframe, object').count()).toBe(0)
  const hrefs = await body.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
  for (const href of hrefs) expect(href.toLowerCase()).not.toContain('javascript:')
  // clicking what looks like a link does nothing
  await body.getByText('markdown js link').click()
  // a raw HTML block is shown as its text under a caption, never made into elements; clicking it does nothing
  const shown = body.locator('figure.raw-html')
  await expect(shown.locator('figcaption').first()).toHaveText('HTML in this note, shown as text: the reader does not render HTML')
  await expect(shown.locator('pre', { hasText: '<div onclick="window.__xss = 7">click me</div>' })).toHaveCount(1)
  await shown.locator('pre', { hasText: 'click me' }).click()
  await page.waitForTimeout(300)
  expect(await page.evaluate(() => window.__xss)).toBeUndefined()
  expect(dialogs).toBe(0)
})

test('changing a note on disk updates the graph in place, without a reload', async ({ page }) => {
  await openApp(page)
  // a service the notes do not mention yet
  const services = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../electron/core/ontology/services.json'), 'utf8')) as Array<{ id: string; name: string; parent?: string; feature?: boolean }>
  const present = new Set(await page.evaluate(() => window.cy!.nodes().map((n) => n.id())))
  const fresh = services.find((s) => !present.has(s.id) && !s.parent && !s.feature && /^(Amazon|AWS) [A-Z][a-z]+$/.test(s.name))
  expect(fresh, 'a service not yet in the graph').toBeTruthy()
  const before = await page.evaluate((id) => window.cy!.getElementById(id).position(), GLUE)
  await page.evaluate(() => { (window as unknown as { __marker: number }).__marker = 42 })

  writeNote('D2_ml_model_development/zz_e2e_live.md', `---\ndomain: D2\n---\n# Live edit\n\n## New service\n\nThis note now mentions ${fresh!.name} next to AWS Glue.\n`)

  await page.waitForFunction((id) => window.cy!.getElementById(id).nonempty(), fresh!.id, { timeout: 20_000 })
  const after = await page.evaluate((id) => window.cy!.getElementById(id).position(), GLUE)
  expect(after).toEqual(before)
  // same page: no reload happened
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42)
  // the new node sits near its neighbours, not at the origin
  const placed = await page.evaluate((id) => {
    const n = window.cy!.getElementById(id)
    const note = window.cy!.getElementById('note:D2_ml_model_development/zz_e2e_live.md')
    return { dist: Math.hypot(n.position('x') - note.position('x'), n.position('y') - note.position('y')), linked: n.edgesWith(note).length }
  }, fresh!.id)
  expect(placed.linked).toBeGreaterThan(0)
  expect(placed.dist).toBeLessThan(400)
})
