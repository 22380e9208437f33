// docs/overview.png and docs/services-map.png: the default view of the bundled notes on a fresh start
// (grouped, the most important nodes labelled, nothing overlapping) and the services map (services by AWS
// category, the links between them), each once the graph says it has settled.
import { expect, test, type Page } from '@playwright/test'
import { openApp } from '../e2e/helpers'
import { waitSettled } from '../e2e/mapCheck'
import { saveDocShot } from './shot'

const shownTypes = (page: Page) =>
  page.evaluate(() => [...new Set(window.cy!.nodes(':visible').map((n) => n.data('type') as string))].sort())

test('default view', async ({ page }) => {
  test.setTimeout(180_000)
  await openApp(page)
  await waitSettled(page)
  expect((await saveDocShot(page, 'overview')).length).toBeGreaterThan(10_000)
})

test('services map', async ({ page }) => {
  test.setTimeout(180_000)
  await openApp(page, '#?view=services')
  await expect.poll(() => shownTypes(page), { timeout: 60_000 }).toEqual(['service'])
  await waitSettled(page)
  // the links between services come from the core a moment after the map is placed
  await page.waitForFunction(() => (window.cy?.edges('[id ^= "sm:"]').filter((e) => e.visible()).length ?? 0) > 0, null, { timeout: 60_000 })
  expect((await saveDocShot(page, 'services-map')).length).toBeGreaterThan(10_000)
})
