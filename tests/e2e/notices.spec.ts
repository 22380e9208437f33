// A damaged state file is kept aside and the user is told, in the app, without paths; the app stays usable.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { apiCall, baseUrl } from './helpers'

test('a truncated view-state file is kept aside and a dismissible notice says so', async ({ page }) => {
  const stateDir = process.env.E2E_STATE_DIR
  expect(stateDir, 'the global setup names the web host state folder').toBeTruthy()
  await apiCall(page, 'setViewState', [{ explore: { hash: '#?select=service:aws-glue' } }])
  const { folder } = await apiCall<{ folder: string }>(page, 'getFolder')
  const viewDir = path.join(stateDir!, 'view-state')
  const file = path.join(viewDir, `${createHash('sha1').update(folder).digest('hex').slice(0, 16)}.json`)
  expect(fs.existsSync(file)).toBe(true)
  fs.writeFileSync(file, '{"explore": {"hash": "#?sel') // cut short, as a crash mid-write of a foreign tool would

  await page.goto(baseUrl())
  const notices = page.getByRole('status', { name: 'Notices' })
  await expect(notices).toContainText(/Your saved view file could not be read; it was kept as [\w.-]+\.corrupt-[\w-]+ and defaults are used\./)
  await expect(notices).not.toContainText('/')
  expect(fs.readdirSync(viewDir).some((f) => f.includes('.corrupt-'))).toBe(true)
  await page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 0)
  await notices.getByRole('button', { name: 'Dismiss notice' }).click()
  await expect(notices).toHaveCount(0)
  await expect(page.getByLabel('Knowledge graph')).toBeVisible()
})
