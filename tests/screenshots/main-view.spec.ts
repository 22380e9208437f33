// docs/screenshot.png: AWS Glue selected and hovered, its note open at the section that covers it.
import { expect, test } from '@playwright/test'
import { centreOnNode, openApp } from '../e2e/helpers'
import { saveDocShot } from './shot'

const GLUE = 'service:aws-glue'

test('main view', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 960 })
  await openApp(page)
  await page.evaluate((id) => { window.cy!.getElementById(id).emit('tap') }, GLUE)
  await expect(page.locator('[aria-label="Note"] .markdown .target-heading')).toBeVisible()
  // AWS Glue in the middle, hovered: its neighbours stand out, the rest is dimmed
  const point = await centreOnNode(page, GLUE, 1.1)
  await page.mouse.move(point.x, point.y)
  await page.waitForTimeout(400) // the hover fade has no event to wait for
  expect((await saveDocShot(page, 'screenshot')).length).toBeGreaterThan(10_000)
})
