// docs/compare-streams.png: the decision card for Kinesis Data Streams vs Amazon Data Firehose (facts side
// by side, "choose it when" cues from the exam tips), the graph showing only the pair and what links them.
// (docs/compare.png, Glue vs Kinesis, comes from compare.spec.ts.)
import { expect, test } from '@playwright/test'
import { openApp, waitForStableLayout } from '../e2e/helpers'
import { saveDocShot } from './shot'

test('decision card: Kinesis Data Streams vs Data Firehose', async ({ page }) => {
  test.setTimeout(180_000)
  await openApp(page, '#?compare=service:amazon-kinesis-data-streams,service:amazon-data-firehose')
  const card = page.getByRole('tabpanel', { name: 'Compare' }).getByLabel('Decision card')
  await expect(card.getByRole('group', { name: 'Choose Amazon Data Firehose when' })).toContainText(/near real time/i)
  await page.waitForFunction(() => (window.cy?.nodes('.cmp-dim').length ?? 0) > 0)
  await waitForStableLayout(page)
  await saveDocShot(page, 'compare-streams')
})
