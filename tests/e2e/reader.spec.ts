// The reader in Chromium against the web host: history (Alt+Left, the toolbar, the browser's Back),
// scroll restored, Enter in search before the results arrive, and notes written to break the page.
import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { apiCall, notesDir, openApp, waitForGraph } from './helpers'

const NOTE_13 = 'D1_data_preparation_ml/1.3_ingestion_on_aws.md'
const FIREHOSE = 'service:amazon-data-firehose'
const notePanel = (page: Page) => page.locator('[aria-label="Note"]')
const header = (page: Page) => notePanel(page).locator('.note-heading h2')
const scroller = (page: Page) => notePanel(page).locator('.note-scroll')

/** The first H1 of a note as written (the reader must render it as the note's first h1). */
function h1Of(rel: string): string {
  const text = fs.readFileSync(path.join(notesDir(), rel), 'utf8')
  return /^# (.+)$/m.exec(text)![1].trim()
}

const written = new Set<string>()
function writeNote(rel: string, text: string): void {
  const full = path.join(notesDir(), rel)
  fs.mkdirSync(path.dirname(full), { recursive: true })
  fs.writeFileSync(`${full}.tmp`, text)
  fs.renameSync(`${full}.tmp`, full)
  written.add(full)
}
test.afterAll(() => {
  for (const file of written) fs.rmSync(file, { force: true })
})

async function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.cy!.$(':selected').map((n) => n.id()))
}

test('following a link and pressing Alt+Left returns to note 1.3 at the same scroll position', async ({ page }) => {
  test.slow() // several navigations on a shared, busy machine
  await openApp(page, `#?select=note:${NOTE_13}`)
  const title13 = h1Of(NOTE_13)
  await expect(notePanel(page).locator('h1').first()).toHaveText(title13)
  await expect(header(page)).toHaveText(title13)

  // scroll down to a link to another note, as a reader would, and remember where the panel is
  const link = notePanel(page).locator('.markdown a.link-note').nth(1)
  await link.scrollIntoViewIfNeeded()
  await page.mouse.wheel(0, 0)
  const before = await scroller(page).evaluate((el) => el.scrollTop)
  expect(before).toBeGreaterThan(100)
  const targetPath = await link.getAttribute('data-path')
  expect(targetPath).toBeTruthy()
  await link.click()

  const targetTitle = h1Of(targetPath!)
  await expect(header(page)).toHaveText(targetTitle)
  await expect(notePanel(page).locator('h1').first()).toHaveText(targetTitle)
  expect(await selectedIds(page)).toEqual([`note:${targetPath}`])
  await expect(page.getByRole('button', { name: 'Back' })).toBeEnabled()

  await page.keyboard.press('Alt+ArrowLeft')
  await expect(header(page)).toHaveText(title13)
  await expect.poll(() => scroller(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(before - 3)
  expect(Math.abs((await scroller(page).evaluate((el) => el.scrollTop)) - before)).toBeLessThanOrEqual(3)
  expect(await selectedIds(page)).toEqual([`note:${NOTE_13}`])

  // forward again with the toolbar arrow, then the browser's own Back stays in the app
  await page.getByRole('button', { name: 'Forward' }).click()
  await expect(header(page)).toHaveText(targetTitle)
  const appUrl = new URL(page.url())
  await page.goBack()
  await expect(header(page)).toHaveText(title13)
  expect(new URL(page.url()).origin + new URL(page.url()).pathname).toBe(appUrl.origin + appUrl.pathname)
})

test('the note panel is resized from its edge, with the keyboard and by dragging', async ({ page }) => {
  test.slow() // two full loads of the app
  await openApp(page, `#?select=note:${NOTE_13}`)
  await expect(header(page)).toHaveText(h1Of(NOTE_13))
  const handle = page.getByRole('separator', { name: 'Resize note panel' })
  const w0 = (await notePanel(page).boundingBox())!.width
  await handle.focus()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect.poll(async () => (await notePanel(page).boundingBox())!.width).toBeGreaterThan(w0 + 40)
  // dragging the edge to the right narrows it
  const hb = (await handle.boundingBox())!
  await page.mouse.move(hb.x + hb.width / 2, hb.y + 200)
  await page.mouse.down()
  await page.mouse.move(hb.x + 150, hb.y + 200, { steps: 5 })
  await page.mouse.up()
  await expect.poll(async () => (await notePanel(page).boundingBox())!.width).toBeLessThan(w0)
  const chosen = (await notePanel(page).boundingBox())!.width

  // the width is remembered for this folder
  // (saved a moment after the last change: wait for the dragged width, not the keyboard one before it)
  await expect.poll(async () => {
    const saved = (await apiCall<{ reader?: { width?: number } }>(page, 'getViewState')).reader?.width
    return saved !== undefined && Math.abs(saved - chosen) <= 2
  }).toBe(true)
  await page.reload()
  await waitForGraph(page)
  await expect(header(page)).toHaveText(h1Of(NOTE_13))
  expect(Math.abs((await notePanel(page).boundingBox())!.width - chosen)).toBeLessThanOrEqual(2)
})

test('a long note indexed only in part says so in the panel', async ({ page }) => {
  const rel = 'D1_data_preparation_ml/zz_e2e_huge.md'
  const para = `${'Amazon Kinesis streams records in order within a shard. '.repeat(20)}\n\n`
  writeNote(rel, `# Huge note\n\n${para.repeat(Math.ceil((1.2 * 1024 * 1024) / para.length))}`)
  await openApp(page)
  await page.waitForFunction((id) => window.cy!.getElementById(id).nonempty(), `note:${rel}`, { timeout: 30_000 })
  await page.evaluate((id) => { window.cy!.getElementById(id).emit('tap') }, `note:${rel}`)
  await expect(notePanel(page).locator('.markdown h1')).toHaveText('Huge note')
  await expect(notePanel(page).locator('.note-partial')).toContainText('only its first 128 KB are indexed')
  // a whole note has no such notice
  await page.evaluate((id) => { window.cy!.getElementById(id).emit('tap') }, `note:${NOTE_13}`)
  await expect(header(page)).toHaveText(h1Of(NOTE_13))
  await expect(notePanel(page).locator('.note-partial')).toHaveCount(0)
})

test('a code block wider than the panel scrolls instead of being cut off', async ({ page }) => {
  const rel = 'D1_data_preparation_ml/zz_e2e_code.md'
  writeNote(rel, ['# Wide code', '', '```python', `client.put_record(${'StreamName="x", Data=b"payload", PartitionKey="key", '.repeat(8)})`, '```', ''].join('\n'))
  await openApp(page)
  await page.waitForFunction((id) => window.cy!.getElementById(id).nonempty(), `note:${rel}`, { timeout: 20_000 })
  await page.evaluate((id) => { window.cy!.getElementById(id).emit('tap') }, `note:${rel}`)
  const pre = notePanel(page).locator('.markdown pre')
  await expect(pre).toBeVisible()
  const m = await pre.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).overflowX, panel: el.closest('.note-scroll')!.clientWidth }))
  expect(m.scroll).toBeGreaterThan(m.client)
  expect(m.overflow).toBe('auto')
  expect(m.client).toBeLessThanOrEqual(m.panel)
  await pre.evaluate((el) => { el.scrollLeft = 200 })
  expect(await pre.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0)
})

test('typing "KDF" and pressing Enter at once selects Amazon Data Firehose', async ({ page }) => {
  await openApp(page)
  const search = page.getByRole('combobox', { name: 'Search' })
  await search.click()
  await search.pressSequentially('KDF', { delay: 0 })
  await search.press('Enter')
  await expect.poll(() => selectedIds(page)).toEqual([FIREHOSE])
  await expect(header(page)).toHaveText('Amazon Data Firehose')
})

test('a full-text hit opened while a service is selected shows its note in the header', async ({ page }) => {
  await openApp(page, `#?select=${FIREHOSE}`)
  await expect(header(page)).toHaveText('Amazon Data Firehose')
  const search = page.getByRole('combobox', { name: 'Search' })
  await search.fill('partition key')
  const textHit = page.getByRole('option').filter({ hasText: 'Text' }).first()
  await expect(textHit).toBeVisible()
  const noteTitle = (await textHit.locator('.fx-hit-title span').nth(1).textContent())!.split(' › ')[0]
  await textHit.click()
  await expect(header(page)).toHaveText(noteTitle)
  await expect(notePanel(page).locator('h1').first()).toHaveText(noteTitle)
})

test('a note with a malformed link encoding and a heading "api" renders, and the app stays usable', async ({ page }) => {
  test.slow() // two full loads of the app
  const rel = 'D1_data_preparation_ml/zz_e2e_encoding.md'
  writeNote(rel, ['# Encoding trap', '', 'See [x](#%E0%A4%A) and [y](other.md#%E0%A4%A) and [back up](#api).', '', '## api', '', 'Text under api.', ''].join('\n'))
  const id = `note:${rel}`
  await openApp(page)
  await page.waitForFunction((nodeId) => window.cy!.getElementById(nodeId).nonempty(), id, { timeout: 20_000 })
  const apiBefore = await page.evaluate(() => {
    const w = window as unknown as { api?: unknown; __apiBefore?: unknown }
    w.__apiBefore = w.api
    return typeof w.api
  })
  await page.evaluate((nodeId) => { window.cy!.getElementById(nodeId).emit('tap') }, id)
  const body = notePanel(page).locator('.markdown')
  await expect(body.locator('h1')).toHaveText('Encoding trap')
  await expect(body.locator('h2')).toHaveText('api')
  await expect(body.locator('h2')).toHaveAttribute('id', 'h-api')
  // the malformed links are inert text, not links
  for (const t of ['x', 'y']) {
    const el = body.getByText(t, { exact: true })
    await expect(el).toHaveClass('inert-link')
    expect(await el.evaluate((n) => n.tagName)).toBe('SPAN')
  }
  await body.getByText('x', { exact: true }).click()
  expect(await page.evaluate(() => {
    const w = window as unknown as { api?: unknown; __apiBefore?: unknown }
    return w.api === w.__apiBefore && !(w.api instanceof HTMLElement)
  })).toBe(true)
  expect(await page.evaluate(() => typeof (window as unknown as { api?: unknown }).api)).toBe(apiBefore)
  // the in-note anchor to the prefixed heading still works
  await body.getByText('back up').click()
  await expect(body.locator('h2.target-heading')).toHaveText('api')
  // a section opened is a step in the history too
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(body.locator('h2.target-heading')).toHaveCount(0)
  await expect(body.locator('h1')).toHaveText('Encoding trap')

  // the app is still usable: reloading the same hash shows the note again, and search still works
  await page.reload()
  await waitForGraph(page)
  await expect(notePanel(page).locator('.markdown h1')).toHaveText('Encoding trap')
  await expect(page.getByLabel('Knowledge graph')).toBeVisible()
  const search = page.getByRole('combobox', { name: 'Search' })
  await search.fill('KDF')
  await search.press('Enter')
  await expect.poll(() => selectedIds(page)).toEqual([FIREHOSE])
  await expect(page.locator('.panel-error')).toHaveCount(0) // no panel fell back to its error message
})

test('an empty note, and one with frontmatter only, say so instead of a blank panel', async ({ page }) => {
  const empty = 'D1_data_preparation_ml/zz_e2e_empty.md'
  const frontOnly = 'D1_data_preparation_ml/zz_e2e_front_only.md'
  writeNote(empty, '')
  writeNote(frontOnly, '---\ndomain: D1\ntags: [draft]\n---\n')
  await openApp(page)
  for (const [rel, text] of [[empty, 'This note is empty.'], [frontOnly, 'This note is empty (it has frontmatter only).']]) {
    await page.waitForFunction((id) => window.cy!.getElementById(id).nonempty(), `note:${rel}`, { timeout: 20_000 })
    await page.evaluate((id) => { window.cy!.getElementById(id).emit('tap') }, `note:${rel}`)
    await expect(notePanel(page).getByText(text, { exact: true })).toBeVisible()
  }
})
