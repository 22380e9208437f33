// docs/compare.png: AWS Glue and Amazon Kinesis compared, shown in the graph.
import { expect, test } from '@playwright/test'
import { openApp } from '../e2e/helpers'
import { saveDocShot } from './shot'

test('compare', async ({ page }) => {
  await openApp(page, '#?compare=service:aws-glue,service:amazon-kinesis')
  const panel = page.getByRole('tabpanel', { name: 'Compare' })
  await expect(panel.getByRole('list', { name: 'Notes mentioning all' }).getByRole('listitem').first()).toBeVisible()
  await panel.getByRole('button', { name: 'Show in graph' }).click()
  await page.waitForTimeout(1000) // the animation takes 300 ms; labels redraw after it
  await saveDocShot(page, 'compare')
})
