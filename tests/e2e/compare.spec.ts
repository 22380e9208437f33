// Compare that tells services apart: the decision card side by side, specific shared neighbours, and a
// graph that shows only the compared nodes and what links them, fitted to the view.
import { expect, test, type Page } from '@playwright/test'
import { apiCall, openApp, waitForStableLayout } from './helpers'

const GLUE = 'service:aws-glue'
const KINESIS = 'service:amazon-kinesis'
const KDS = 'service:amazon-kinesis-data-streams'
const FIREHOSE = 'service:amazon-data-firehose'

test.describe.configure({ mode: 'serial' })
// the first load and layout of the bundled notes can take a while on a busy machine
test.setTimeout(180_000)

const panel = (page: Page) => page.getByRole('tabpanel', { name: 'Compare' })
const column = (page: Page, label: string) => panel(page).getByLabel('Decision card').getByRole('group', { name: `Choose ${label} when` })

/** Where the two nodes are drawn, relative to the graph container, and the zoom. */
async function placement(page: Page, ids: string[]) {
  return page.evaluate((nodeIds) => {
    const cy = window.cy!
    return {
      zoom: cy.zoom(),
      width: cy.width(),
      height: cy.height(),
      nodes: nodeIds.map((id) => {
        const n = cy.getElementById(id)
        return { id, ...n.renderedPosition(), dimmed: n.hasClass('cmp-dim'), visible: n.visible() }
      }),
      dimmed: cy.nodes('.cmp-dim').length,
      all: cy.nodes().length,
      animated: cy.animated(),
    }
  }, ids)
}

/** Whether each node's label is drawn (the rule: a label style, text-opacity > 0, ≥ 6 px on screen). */
function labelled(page: Page, ids: string[]) {
  return page.evaluate((nodeIds) => {
    const cy = window.cy!
    return nodeIds.map((id) => {
      const n = cy.getElementById(id)
      const font = n.numericStyle('font-size') * cy.zoom()
      return String(n.style('label') ?? '') !== '' && Number(n.style('text-opacity')) > 0 && font >= Math.max(6, n.numericStyle('min-zoomed-font-size') || 0)
    })
  }, ids)
}

test('Glue vs Kinesis: a decision card that tells them apart, a few specific shared neighbours, a view fitted on the two', async ({ page }) => {
  await openApp(page, `#?compare=${GLUE},${KINESIS}`)
  await expect(panel(page)).toBeVisible()
  const card = panel(page).getByLabel('Decision card')
  await expect(card).toBeVisible()
  await expect(column(page, 'AWS Glue')).toContainText(/\bETL\b|Data Catalog/)
  await expect(column(page, 'Amazon Kinesis')).toContainText(/stream|real[- ]time/i)
  // side by side: the two columns share a row
  const [a, b] = [await column(page, 'AWS Glue').boundingBox(), await column(page, 'Amazon Kinesis').boundingBox()]
  expect(a && b && Math.abs(a.y - b.y) < 2 && a.x < b.x).toBe(true)

  const shared = panel(page).getByRole('list', { name: 'Shared neighbours' }).getByRole('listitem')
  await expect(shared.first()).toBeVisible()
  const count = await shared.count()
  expect(count).toBeGreaterThanOrEqual(1)
  expect(count).toBeLessThanOrEqual(12)
  // the notes mentioning both are still listed
  const notes = await apiCall<{ notes: string[] }>(page, 'compare', [[GLUE, KINESIS]])
  await expect(panel(page).getByRole('list', { name: 'Notes mentioning all' }).getByRole('listitem')).toHaveCount(notes.notes.length)

  // the graph: both compared nodes bright and inside the view, reasonably zoomed; most of the rest dimmed
  await expect.poll(async () => (await placement(page, [GLUE, KINESIS])).dimmed, { timeout: 10_000 }).toBeGreaterThan(0)
  await waitForStableLayout(page)
  const p = await placement(page, [GLUE, KINESIS])
  expect(p.animated).toBe(false)
  for (const n of p.nodes) {
    expect(n.visible, n.id).toBe(true)
    expect(n.dimmed, n.id).toBe(false)
    expect(n.x, n.id).toBeGreaterThan(0)
    expect(n.x, n.id).toBeLessThan(p.width)
    expect(n.y, n.id).toBeGreaterThan(0)
    expect(n.y, n.id).toBeLessThan(p.height)
  }
  expect(p.dimmed).toBeGreaterThan(p.all / 2)
  // each compared node carries its name on the canvas, whatever stands next to it
  await expect.poll(() => labelled(page, [GLUE, KINESIS]), { timeout: 10_000 }).toEqual([true, true])
  // fitted: the pair spans a good part of the view, unless the zoom is at its cap (1.25: nodes close together)
  const [g, k] = p.nodes
  const span = Math.max(Math.abs(g.x - k.x) / p.width, Math.abs(g.y - k.y) / p.height)
  expect(span > 0.3 || p.zoom >= 1.2, `span ${span.toFixed(2)} at zoom ${p.zoom.toFixed(2)}`).toBe(true)
})

test('Kinesis Data Streams vs Data Firehose: the card decides, with unique neighbours on both sides', async ({ page }) => {
  await openApp(page, `#?compare=${KDS},${FIREHOSE}`)
  const kds = column(page, 'Amazon Kinesis Data Streams')
  const kdf = column(page, 'Amazon Data Firehose')
  await expect(kds).toContainText(/real time/i)
  await expect(kds).toContainText(/replay|shard|consumer/i)
  await expect(kdf).toContainText(/near real time|buffer/i)
  await expect(kdf).toContainText(/S3|Redshift/)
  await expect.poll(() => labelled(page, [KDS, FIREHOSE]), { timeout: 30_000 }).toEqual([true, true])
  for (const label of ['Amazon Kinesis Data Streams', 'Amazon Data Firehose']) {
    await expect(panel(page).getByRole('list', { name: `Only ${label}` }).getByRole('listitem').first()).toBeVisible()
  }
  // a cue opens the note where it was read
  await kdf.getByRole('button').nth(1).click()
  const note = page.getByLabel('Note', { exact: true })
  await expect(note).toBeVisible()
  // the wide card and the note panel give way so the graph between them stays usable (it was ~160 px wide)
  const graph = page.getByLabel('Knowledge graph')
  await expect.poll(async () => (await graph.boundingBox())?.width ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(340)
  const [side, shown, reader] = [await panel(page).boundingBox(), await graph.boundingBox(), await note.boundingBox()]
  expect(side!.x + side!.width).toBeLessThanOrEqual(shown!.x + 1)
  expect(shown!.x + shown!.width).toBeLessThanOrEqual(reader!.x + 1)
  expect(reader!.x + reader!.width).toBeLessThanOrEqual((page.viewportSize()?.width ?? 0) + 1)
  // both columns of the card still side by side
  const [a, b] = [await kds.boundingBox(), await kdf.boundingBox()]
  expect(a && b && Math.abs(a.y - b.y) < 2 && a.x < b.x).toBe(true)
})

test('a service searched for while a comparison is open is centred, though the note panel then narrows the graph', async ({ page }) => {
  await openApp(page, `#?compare=${GLUE},${KINESIS}`)
  await expect(panel(page).getByLabel('Decision card')).toBeVisible()
  await waitForStableLayout(page)
  const search = page.getByRole('combobox').first()
  await search.fill('KDF')
  await search.press('Enter')
  await expect(page.getByLabel('Note', { exact: true }).locator('.note-heading h2')).toHaveText('Amazon Data Firehose')
  await waitForStableLayout(page)
  // centred in the canvas as it is now (the comparison's own fit no longer takes the view back)
  await expect.poll(async () => {
    const p = await placement(page, [FIREHOSE])
    const n = p.nodes[0]
    return Math.max(Math.abs(n.x - p.width / 2) / p.width, Math.abs(n.y - p.height / 2) / p.height)
  }, { timeout: 10_000 }).toBeLessThan(0.1)
})

test('"often confused" comes from the confusable groups; a pair opens its comparison', async ({ page }) => {
  await openApp(page)
  await page.getByRole('tab', { name: /Compare/ }).click()
  const { pairs } = await apiCall<{ pairs: Array<{ a: string; b: string }> }>(page, 'confusables')
  expect(pairs.some((p) => [p.a, p.b].sort().join() === [FIREHOSE, KDS].sort().join())).toBe(true)
  const list = panel(page).getByRole('list', { name: 'Often confused pairs' })
  await expect(list.getByRole('listitem').first()).toBeVisible()
  const first = list.getByRole('button').first()
  const [a, b] = ((await first.textContent()) ?? '').split(' vs ')
  await first.click()
  await expect(column(page, a)).toBeVisible()
  await expect(column(page, b)).toBeVisible()
})

test('"often confused" leads with pairs about what is compared', async ({ page }) => {
  await openApp(page, `#?compare=${GLUE},${KINESIS}`)
  const list = panel(page).getByRole('list', { name: 'Often confused pairs' })
  await expect(list.getByRole('listitem').first()).toBeVisible()
  // Kinesis's family holds Data Streams and Data Firehose: their pair comes before pairs about other services
  await expect(list.getByRole('button').first()).toHaveText(/Kinesis Data Streams vs Amazon Data Firehose|Amazon Data Firehose vs Amazon Kinesis Data Streams|Glue|Kinesis|Firehose|Flink/)
  const texts = await list.getByRole('button').allTextContents()
  const about = texts.findIndex((t) => /Kinesis|Firehose|Flink|Glue/.test(t))
  const other = texts.findIndex((t) => !/Kinesis|Firehose|Flink|Glue|MSK|Athena|EMR|Redshift|Lake Formation/.test(t))
  expect(about).toBe(0)
  if (other >= 0) expect(other).toBeGreaterThan(about)
})
