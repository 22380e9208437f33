// docs/exam-overlay.png: the services MLA-C01 and DEA-C01 share.
import { expect, test } from '@playwright/test'
import { openApp } from '../e2e/helpers'
import { saveDocShot } from './shot'

test('exam overlay', async ({ page }) => {
  await openApp(page, '#?exam=MLA-C01,DEA-C01')
  await expect(page.getByLabel('Services in both exams').getByRole('button', { name: 'AWS Glue', exact: true })).toBeVisible()
  await saveDocShot(page, 'exam-overlay')
})
