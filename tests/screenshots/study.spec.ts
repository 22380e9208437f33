// docs/study-review.png: a review session with the answer shown; docs/study-progress.png: the graph coloured by
// progress after some study. Run by `npm run screenshots` (tests/screenshots/*.spec.ts, same web host as the e2e).
import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { apiCall, openApp } from '../e2e/helpers'

const docs = path.resolve(import.meta.dirname, '../../docs')
async function save(page: Page, name: string): Promise<void> {
  fs.mkdirSync(docs, { recursive: true })
  const bytes = await page.screenshot({ path: path.join(docs, `${name}.png`) })
  expect(bytes.length).toBeGreaterThan(10_000)
}

interface Queue { cards: Array<{ id: string }> }

// a busy machine makes the first paint of the whole app slow; these are pictures, not timings
test.describe.configure({ timeout: 240_000 })

test('study: a review session', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  await openApp(page, '#?study=review')
  const card = page.getByRole('group', { name: 'Flashcard' })
  await card.focus()
  await page.keyboard.press('Space')
  await expect(page.getByRole('button', { name: 'Good', exact: true })).toBeVisible()
  await save(page, 'study-review')
})

test('study: the graph coloured by progress', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  // a first week of study, through the API: grades across all domains, a few services marked learned
  await apiCall(page, 'setStudySettings', [{ newPerDay: 400 }])
  const queue = await apiCall<Queue>(page, 'studyQueue', [{ kind: 'all' }, 400])
  const grades = ['easy', 'good', 'easy', 'hard', 'again']
  for (let i = 0; i < queue.cards.length; i += 2) await apiCall(page, 'gradeCard', [queue.cards[i].id, grades[i % grades.length]])
  for (const id of ['service:amazon-s3', 'service:aws-glue', 'service:amazon-sagemaker-ai']) await apiCall(page, 'markNode', [id, 'learned'])
  await openApp(page)
  await page.getByRole('button', { name: 'Study', exact: true }).click()
  await page.getByLabel('Colour by progress').check()
  await page.waitForFunction(() => (window.cy?.nodes('.pg-mastered').length ?? 0) > 0)
  // readiness per task statement: the first domain opened
  const readiness = page.getByRole('region', { name: 'Exam readiness' })
  await readiness.getByRole('button', { expanded: false }).first().click()
  await expect(readiness.getByRole('listitem', { name: /^Task 1\.1 / })).toBeVisible()
  await save(page, 'study-progress')
})
