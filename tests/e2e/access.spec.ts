// The web host's access token: the printed address opens the app and leaves the token out of the address bar;
// anything without the token (another local process, another browser profile) is refused and changes nothing.
import { expect, request, test } from '@playwright/test'
import { apiCall, baseUrl, hostOrigin, waitForGraph } from './helpers'

test('the printed address opens the app, drops the token from the address and keeps the #hash', async ({ page }) => {
  test.slow() // two full loads of the app, the first of the suite's browser: 30–42 s of the default minute on a loaded machine
  await apiCall(page, 'setViewState', [{}])
  await page.goto(`${baseUrl()}#?compare=service:aws-glue,service:amazon-kinesis`)
  await waitForGraph(page)
  await expect(page.getByRole('tabpanel', { name: 'Compare' })).toBeVisible()
  expect(page.url()).not.toContain('token')
  expect(page.url()).toContain('#?compare=service:aws-glue,service:amazon-kinesis')
  // the page's own requests (API and event stream) go through with its cookie
  await page.reload()
  await waitForGraph(page)
  const cookies = await page.context().cookies()
  const access = cookies.find((c) => c.name.startsWith('notes-graph-token-'))
  expect(access).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
  expect(await page.evaluate(() => document.cookie)).toBe('') // not readable by scripts
})

test('without the token the page, the API and the event stream answer 401 and nothing changes', async ({ page, browser }) => {
  const before = await apiCall<{ theme: string }>(page, 'getSettings')
  const folder = await apiCall<{ folder: string }>(page, 'getFolder')
  const stranger = await request.newContext()
  try {
    for (const [method, args] of [['setSettings', [{ theme: before.theme === 'dark' ? 'light' : 'dark' }]], ['openFolder', ['/etc']], ['getGraph', []]] as const) {
      const res = await stranger.post(`${hostOrigin()}api/${method}`, { data: args, headers: { 'Content-Type': 'application/json' } })
      expect(res.status(), method).toBe(401)
    }
    expect((await stranger.get(`${hostOrigin()}api/events`)).status()).toBe(401)
    expect((await stranger.get(hostOrigin())).status()).toBe(401)
    expect((await stranger.get(`${hostOrigin()}?token=guess`)).status()).toBe(401)
  } finally {
    await stranger.dispose()
  }
  expect(await apiCall<{ theme: string }>(page, 'getSettings')).toEqual(before)
  expect((await apiCall<{ folder: string }>(page, 'getFolder')).folder).toBe(folder.folder)

  // a browser profile that never saw the printed address gets no app
  const other = await browser.newContext()
  const tab = await other.newPage()
  const res = await tab.goto(hostOrigin())
  expect(res?.status()).toBe(401)
  await expect(tab.getByLabel('Knowledge graph')).toHaveCount(0)
  await other.close()
})
