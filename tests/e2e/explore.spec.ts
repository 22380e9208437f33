// End-to-end tests of the exploration features (search, filters, local graph, compare, exam overlay,
// URL-hash state, export, live update) in Chromium against the web host, on a temporary copy of content/.
import { expect, test, type Page } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import { apiCall, baseUrl, notesDir, openApp, waitForGraph } from './helpers'

const GLUE = 'service:aws-glue'
const KINESIS = 'service:amazon-kinesis'
const FIREHOSE = 'service:amazon-data-firehose'

const call = <T>(page: Page, method: string, ...args: unknown[]): Promise<T> => apiCall<T>(page, method, args)

/** The app on a clean view (the shared helper), once the explore panel has its first counts. */
async function open(page: Page, hash = ''): Promise<void> {
  await openApp(page, hash)
  await expect(page.getByTestId('visible-count')).toContainText('visible')
}

async function visibleCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('visible-count').textContent()) ?? ''
  return Number(/(\d+) nodes?/.exec(text)?.[1] ?? NaN)
}

const selectedIds = (page: Page) =>
  page.evaluate(() => window.cy!.$('node:selected').map((n) => n.id()))

const search = (page: Page) => page.getByRole('combobox', { name: 'Search' })
const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' })

async function searchAndChoose(page: Page, query: string, label: string | RegExp): Promise<void> {
  await search(page).fill(query)
  const option = results(page).getByRole('option', { name: label }).first()
  await expect(option).toBeVisible()
  await option.click()
}

test.describe.configure({ mode: 'serial' })

test('an alias finds the service: "KDF" and "Kinesis Firehose" → Amazon Data Firehose', async ({ page }) => {
  await open(page)
  await page.keyboard.press('Control+k')
  await expect(search(page)).toBeFocused()
  await page.keyboard.type('KDF')
  await expect(results(page).getByRole('option', { name: /Amazon Data Firehose/ }).first()).toBeVisible()
  await page.keyboard.press('Enter')
  await expect.poll(() => selectedIds(page)).toEqual([FIREHOSE])
  await expect(page.getByLabel('Note', { exact: true })).toBeVisible()

  await searchAndChoose(page, 'Kinesis Firehose', /Amazon Data Firehose/)
  await expect.poll(() => selectedIds(page)).toEqual([FIREHOSE])
})

test('a filter changes the visible count', async ({ page }) => {
  // the "all" view shows every node (the default overview leaves tags out)
  await open(page, '#?view=all')
  const all = await visibleCount(page)
  const graph = await call<{ nodes: Array<{ type: string }> }>(page, 'getGraph')
  expect(all).toBe(graph.nodes.length)
  await page.getByRole('checkbox', { name: 'Notes' }).uncheck()
  const notes = graph.nodes.filter((n) => n.type === 'note').length
  await expect.poll(() => visibleCount(page)).toBe(all - notes)
  const drawn = await page.evaluate(() => window.cy!.nodes(':visible').length)
  expect(drawn).toBe(all - notes)
  expect(page.url()).toContain('filter=type:')
})

test('local graph: depth 2 shows more than depth 1', async ({ page }) => {
  await open(page)
  await searchAndChoose(page, 'AWS Glue', /^AWS Glue \(Service\)$/)
  await page.getByRole('radio', { name: 'Local 1' }).check()
  await expect(page.getByText('Around AWS Glue, depth 1')).toBeVisible()
  await expect.poll(() => visibleCount(page)).toBeLessThan((await call<{ nodes: unknown[] }>(page, 'getGraph')).nodes.length)
  const depth1 = await visibleCount(page)
  expect(depth1).toBeGreaterThan(1)
  await page.getByRole('radio', { name: 'Local 2' }).check()
  await expect.poll(() => visibleCount(page)).toBeGreaterThan(depth1)
  expect(page.url()).toContain('depth=2')
})

test('compare AWS Glue and Amazon Kinesis from the URL hash', async ({ page }) => {
  await open(page, `#?compare=${GLUE},${KINESIS}`)
  const panel = page.getByRole('tabpanel', { name: 'Compare' })
  await expect(panel).toBeVisible()
  await expect(panel.getByRole('listitem').filter({ hasText: 'AWS Glue' }).first()).toBeVisible()
  await expect(panel.getByRole('listitem').filter({ hasText: 'Amazon Kinesis' }).first()).toBeVisible()

  const overlap = await call<{ notes: string[]; sections: unknown[] }>(page, 'overlap', [GLUE, KINESIS])
  expect(overlap.notes.length).toBeGreaterThan(0)
  const notes = panel.getByRole('list', { name: 'Notes mentioning all' }).getByRole('listitem')
  await expect(notes).toHaveCount(overlap.notes.length)
  const highlighted = await page.evaluate(() =>
    window.cy!.nodes('.g-compare').map((n) => n.id()),
  )
  expect(highlighted).toEqual(expect.arrayContaining([GLUE, KINESIS]))
  await panel.getByRole('button', { name: 'Show in graph' }).click()

  // a section snippet opens the note there
  if (overlap.sections.length > 0) {
    await panel.getByRole('list', { name: 'Sections mentioning all' }).getByRole('button').first().click()
  } else {
    await notes.first().getByRole('button').click()
  }
  await expect(page.getByLabel('Note', { exact: true })).toBeVisible()
})

test('keyboard only: search adds two services to Compare, the tabs and results work without a mouse', async ({ page }) => {
  await open(page)
  await page.keyboard.press('Control+k')
  for (const name of ['AWS Glue', 'Amazon Kinesis']) {
    await page.keyboard.press('Control+a')
    await page.keyboard.type(name)
    await expect(results(page).getByRole('option', { name: `${name} (Service)` })).toBeVisible()
    // the rows answer the whole name (a list for a part of it is replaced when the answer comes, resetting the
    // active row): only then move the active option onto the exact service; Alt+Enter adds it to the comparison
    await expect(results(page)).toHaveAttribute('aria-busy', 'false')
    const activeLabel = () => results(page).locator('[aria-selected="true"]').getAttribute('aria-label')
    for (let i = 0; i < 10 && (await activeLabel()) !== `${name} (Service)`; i++) await page.keyboard.press('ArrowDown')
    expect(await activeLabel()).toBe(`${name} (Service)`)
    await page.keyboard.press('Alt+Enter')
  }
  const panel = page.getByRole('tabpanel', { name: 'Compare' })
  await expect(panel).toBeVisible()
  await expect(panel.getByRole('list', { name: 'Notes mentioning all' }).getByRole('listitem').first()).toBeVisible()
  expect(page.url()).toContain(`compare=${GLUE},${KINESIS}`)

  // tabs: arrow keys move between panels, Enter on a result opens the note
  await page.getByRole('tab', { name: /Compare/ }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: /Exams/ })).toBeFocused()
  await expect(page.getByRole('tab', { name: /Exams/ })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Tab') // into the Compare panel
  await expect(panel).toBeFocused()
  const firstNote = panel.getByRole('list', { name: 'Notes mentioning all' }).getByRole('button').first()
  await firstNote.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Note', { exact: true })).toBeVisible()
})

test("an exam's coverage gaps are listed and its services highlighted", async ({ page }) => {
  await open(page)
  await page.getByRole('tab', { name: /Exams/ }).click()
  const exam = page.getByRole('combobox', { name: 'Exam', exact: true })
  // AIF-C01 lists services the bundled MLA-C01 notes never mention
  await exam.selectOption('AIF-C01')
  const gaps = await call<string[]>(page, 'coverageGaps', 'AIF-C01')
  expect(gaps.length).toBeGreaterThan(0)
  await expect(page.getByRole('heading', { name: `Coverage gaps (${gaps.length})` })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Coverage gaps' }).getByRole('listitem')).toHaveCount(gaps.length)
  expect(page.url()).toContain('exam=AIF-C01')

  await exam.selectOption('MLA-C01')
  const mlaGaps = await call<string[]>(page, 'coverageGaps', 'MLA-C01')
  await expect(page.getByRole('heading', { name: `Coverage gaps (${mlaGaps.length})` })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Domain weights of MLA-C01' })).toContainText('28%')
  // each bar is filled to the domain's share of the exam (28% a bit over a quarter), not scaled up like a score
  const fill = await page.getByRole('list', { name: 'Domain weights of MLA-C01' }).locator('.fx-bar').first().evaluate((bar) => (bar.firstElementChild as HTMLElement).getBoundingClientRect().width / bar.getBoundingClientRect().width)
  expect(fill).toBeCloseTo(0.28, 2)
  const highlighted = await page.evaluate(() =>
    window.cy!.nodes('.g-exam').map((n) => n.id()),
  )
  expect(highlighted).toEqual(expect.arrayContaining([GLUE, 'service:amazon-sagemaker-ai']))
  expect(highlighted).not.toContain('service:amazon-keyspaces') // DEA-C01 only
})

test('cross-exam overlap MLA-C01 ∩ DEA-C01 highlights S3, Kinesis, Glue', async ({ page }) => {
  await open(page, '#?exam=MLA-C01,DEA-C01')
  const both = page.getByLabel('Services in both exams')
  await expect(both).toBeVisible()
  for (const name of ['Amazon S3', 'Amazon Kinesis', 'AWS Glue']) {
    await expect(both.getByRole('button', { name, exact: true })).toBeVisible()
  }
  const highlighted = await page.evaluate(() =>
    window.cy!.nodes('.g-exam-b').map((n) => n.id()),
  )
  expect(highlighted).toEqual(expect.arrayContaining(['service:amazon-s3', KINESIS, GLUE]))
  expect(highlighted).not.toContain('service:amazon-polly') // MLA-C01 only
})

test('the view comes back after a reload and after a restart without a hash', async ({ page, context }) => {
  test.slow() // three full loads of the app
  await open(page)
  await searchAndChoose(page, 'AWS Glue', /^AWS Glue \(Service\)$/)
  await page.getByRole('radio', { name: 'Local 2' }).check()
  await page.getByRole('tab', { name: /Exams/ }).click()
  await page.getByRole('combobox', { name: 'Exam', exact: true }).selectOption('DEA-C01')
  await expect.poll(() => page.url()).toContain(`select=${GLUE}`)
  expect(page.url()).toContain('depth=2')
  expect(page.url()).toContain('exam=DEA-C01')
  const counted = await visibleCount(page)

  await page.reload()
  await waitForGraph(page)
  await expect.poll(() => selectedIds(page)).toEqual([GLUE])
  // the exam overlay is what the restored view opens on; the depth is on the Filters tab
  await expect(page.getByRole('combobox', { name: 'Exam', exact: true })).toHaveValue('DEA-C01')
  await page.getByRole('tab', { name: 'Filters' }).click()
  await expect(page.getByRole('radio', { name: 'Local 2' })).toBeChecked()
  await expect.poll(() => visibleCount(page)).toBe(counted)

  // "restart": a fresh page on the bare URL gets the last view of this folder back
  await expect
    .poll(async () => ((await call<{ explore?: { hash?: string } }>(page, 'getViewState')).explore?.hash ?? ''))
    .toContain('depth=2')
  const fresh = await context.newPage()
  await fresh.goto(baseUrl())
  await waitForGraph(fresh)
  await expect.poll(() => fresh.url()).toContain(`select=${GLUE}`)
  await expect.poll(() => selectedIds(fresh)).toEqual([GLUE])
  await fresh.close()
})

test('PNG and JSON exports are written', async ({ page }) => {
  await open(page)
  await page.getByRole('tab', { name: 'View' }).click()

  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG image' }).click()])
  expect(png.suggestedFilename()).toMatch(/\.png$/)
  const pngBytes = fs.readFileSync((await png.path())!)
  expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(pngBytes.length).toBeGreaterThan(5000)

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Graph JSON' }).click()])
  const data = JSON.parse(fs.readFileSync((await json.path())!, 'utf8')) as { nodes: Array<{ id: string }>; edges: unknown[]; diagnostics: unknown[] }
  const graph = await call<{ nodes: unknown[]; edges: unknown[] }>(page, 'getGraph')
  expect(data.nodes).toHaveLength(graph.nodes.length)
  expect(data.edges).toHaveLength(graph.edges.length)
  expect(Array.isArray(data.diagnostics)).toBe(true)
  expect(data.nodes.map((n) => n.id)).toContain(GLUE)

  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG image' }).click()])
  const svgText = fs.readFileSync((await svg.path())!, 'utf8')
  expect(svgText.startsWith('<svg')).toBe(true)
  // the image carries the labels the canvas shows (the label rule picks them; the domains always get one)
  const shown = await page.evaluate(() => window.cy!.nodes('[type = "domain"]').map((n) => String(n.style('label'))).filter(Boolean))
  expect(shown.length).toBeGreaterThan(0)
  for (const label of shown) expect(svgText).toContain(label.replace(/&/g, '&amp;'))
})

test('a note edited on disk updates the graph and keeps existing positions', async ({ page }) => {
  await open(page)
  const before = await page.evaluate((id) => window.cy!.getElementById(id).position(), GLUE)
  const file = path.join(notesDir(), 'D1_data_preparation_ml', 'live-update.md')
  fs.writeFileSync(file, '---\ndomain: D1\n---\n# Live update\n\nAWS Glue crawlers feed the catalog that Amazon Athena queries.\n')
  await page.waitForFunction(
    () => window.cy!.getElementById('note:D1_data_preparation_ml/live-update.md').nonempty(),
    null,
    { timeout: 15_000 },
  )
  const after = await page.evaluate((id) => window.cy!.getElementById(id).position(), GLUE)
  expect(after.x).toBeCloseTo(before.x, 1)
  expect(after.y).toBeCloseTo(before.y, 1)
  // the overview shows every node but tags, the new note included
  const shown = async () => (await call<{ nodes: Array<{ type: string }> }>(page, 'getGraph')).nodes.filter((n) => n.type !== 'tag').length
  await expect.poll(async () => (await visibleCount(page)) === (await shown())).toBe(true)
  expect(await page.evaluate(() => window.cy!.getElementById('note:D1_data_preparation_ml/live-update.md').visible())).toBe(true)
  fs.rmSync(file)
  await page.waitForFunction(
    () => window.cy!.getElementById('note:D1_data_preparation_ml/live-update.md').empty(),
    null,
    { timeout: 15_000 },
  )
})

test('a note saved in an editor while it is read: the panel shows the new text where the reader was', async ({ page }) => {
  const rel = 'D1_data_preparation_ml/reading-place.md'
  const file = path.join(notesDir(), ...rel.split('/'))
  const text = (extra: string) => `---\ndomain: D1\n---\n# Reading place\n\n${Array.from({ length: 60 }, (_, i) => `## Part ${i + 1}\n\nAWS Glue, paragraph ${i + 1}, with words enough for a line or two in the panel.\n`).join('\n')}${extra}`
  fs.writeFileSync(file, text(''))
  try {
    await open(page, `#?select=note:${rel}`)
    const panel = page.getByRole('complementary', { name: 'Note' })
    await expect(panel.getByText('AWS Glue, paragraph 60,')).toBeAttached({ timeout: 15_000 })
    const scroller = panel.locator('.note-scroll')
    await scroller.evaluate((el) => { el.scrollTop = 1500 })
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(1500)
    fs.writeFileSync(file, text('\nA line added in the editor.\n'))
    await expect(panel.getByText('A line added in the editor.')).toBeAttached({ timeout: 15_000 })
    // the reader is still at the same place (it jumped to the top on every save)
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(1500)
  } finally {
    fs.rmSync(file, { force: true })
  }
})

test('the label density chosen with A+ comes back after a reload', async ({ page }) => {
  await open(page)
  const more = page.getByRole('button', { name: 'More labels' })
  const labels = () => page.evaluate(() => window.cy!.nodes('.lbl').length)
  const before = await labels()
  while (await more.isEnabled()) await more.click()
  await expect.poll(labels).toBeGreaterThan(before)
  const most = await labels()
  // saved for this folder (debounced: the last press's, 4 = labels.ts MAX_DENSITY), then a reload draws as many
  // names, with A+ still at its end
  await expect.poll(async () => (await call<{ labels?: { density?: number } }>(page, 'getViewState')).labels?.density).toBe(4)
  await page.reload()
  await expect(page.getByLabel('Knowledge graph')).toHaveAttribute('data-layout', 'settled', { timeout: 60_000 })
  await expect(more).toBeDisabled()
  expect(await labels()).toBe(most)
})

test('the note read is renamed, then deleted, on disk: followed to its new name in its place, then said to be gone', async ({ page }) => {
  const dir = path.join(notesDir(), 'D1_data_preparation_ml')
  const from = path.join(dir, 'follow-me.md')
  const to = path.join(dir, 'followed.md')
  fs.writeFileSync(from, '---\ndomain: D1\n---\n# Follow me\n\n## Where it went\n\nAWS Glue crawlers fill the Data Catalog.\n')
  try {
    await open(page, '#?select=note:D1_data_preparation_ml/follow-me.md')
    const panel = page.getByRole('complementary', { name: 'Note' })
    await expect(panel.getByText('AWS Glue crawlers fill the Data Catalog.')).toBeVisible({ timeout: 15_000 })
    const view = () => page.evaluate(() => ({ zoom: window.cy!.zoom(), selected: window.cy!.$('node:selected').map((n) => n.id()) }))
    const before = await view()
    const place = await page.evaluate(() => window.cy!.getElementById('note:D1_data_preparation_ml/follow-me.md').position())
    fs.renameSync(from, to)
    await expect.poll(async () => (await view()).selected, { timeout: 15_000 }).toEqual(['note:D1_data_preparation_ml/followed.md'])
    await expect(panel.getByText('AWS Glue crawlers fill the Data Catalog.')).toBeVisible()
    expect(await page.evaluate(() => window.cy!.getElementById('note:D1_data_preparation_ml/followed.md').position())).toEqual(place)
    await expect(page).toHaveURL(/select=note:D1_data_preparation_ml\/followed\.md/)
    fs.rmSync(to)
    await expect(panel.getByRole('status')).toHaveText('D1_data_preparation_ml/followed.md is no longer in this folder: it was moved or deleted on disk.', { timeout: 15_000 })
    await expect(panel.getByRole('alert')).toHaveCount(0)
    // the view stays where the reader had it (it zoomed out to the whole graph, squeezed beside the panel)
    expect((await view()).zoom).toBeCloseTo(before.zoom, 3)
  } finally {
    fs.rmSync(from, { force: true })
    fs.rmSync(to, { force: true })
  }
})
