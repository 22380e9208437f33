// docs/compare.png: AWS Glue and Amazon Kinesis compared, shown in the graph.
import { expect, test } from '@playwright/test'
import { openApp, waitForStableLayout } from '../e2e/helpers'
import { saveDocShot } from './shot'

test('compare', async ({ page }) => {
  await openApp(page, '#?compare=service:aws-glue,service:amazon-kinesis')
  const panel = page.getByRole('tabpanel', { name: 'Compare' })
  await expect(panel.getByRole('list', { name: 'Notes mentioning all' }).getByRole('listitem').first()).toBeVisible()
  await page.waitForFunction(() => (window.cy?.nodes('.cmp-dim').length ?? 0) > 0)
  await waitForStableLayout(page)
  // both compared nodes carry their names
  await expect.poll(() => page.evaluate((ids) => ids.map((id) => window.cy!.getElementById(id).hasClass('lbl')), ['service:aws-glue', 'service:amazon-kinesis'])).toEqual([true, true])
  await saveDocShot(page, 'compare')
})
