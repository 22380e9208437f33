// A damaged state file is kept aside and the user is told, in the app, without paths; the app stays usable.
// On a web host of its own: the notice stays on a host until its process ends, and on the shared host it would
// show over the canvas of every later test (each test's fresh browser context has not dismissed it).
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { startWebHost, type RunningHost } from './webHost'

let tmp = ''
let host: RunningHost | null = null

test.beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-graph-notices-'))
  const notes = path.join(tmp, 'notes')
  fs.mkdirSync(notes)
  fs.writeFileSync(path.join(notes, 'glue.md'), '# Glue\n\nAWS Glue crawls Amazon S3.\n')
  host = await startWebHost({ notes, stateDir: path.join(tmp, 'state') })
})

test.afterAll(async () => {
  await host?.stop()
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

async function call<T>(method: string, args: unknown[] = []): Promise<T> {
  const res = await fetch(`${host!.origin}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: host!.authorization }, body: JSON.stringify(args) })
  expect(res.ok, `${method} → ${res.status}`).toBe(true)
  return (await res.json()) as T
}

test('a truncated view-state file is kept aside and a dismissible notice says so', async ({ page }) => {
  await call('setViewState', [{ explore: { hash: '#?select=service:aws-glue' } }])
  const { folder } = await call<{ folder: string }>('getFolder')
  const viewDir = path.join(tmp, 'state', 'view-state')
  const file = path.join(viewDir, `${createHash('sha1').update(folder).digest('hex').slice(0, 16)}.json`)
  expect(fs.existsSync(file)).toBe(true)
  fs.writeFileSync(file, '{"explore": {"hash": "#?sel') // cut short, as a crash mid-write of a foreign tool would

  await page.goto(host!.url)
  const notices = page.getByRole('status', { name: 'Notices' })
  await expect(notices).toContainText(/Your saved view file could not be read; it was kept as [\w.-]+\.corrupt-[\w-]+ and defaults are used\./)
  await expect(notices).not.toContainText('/')
  expect(fs.readdirSync(viewDir).some((f) => f.includes('.corrupt-'))).toBe(true)
  await page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 0)
  await notices.getByRole('button', { name: 'Dismiss notice' }).click()
  await expect(notices).toHaveCount(0)
  await expect(page.getByLabel('Knowledge graph')).toBeVisible()
})
