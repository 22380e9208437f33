// Shared steps for the browser specs: open the app on a clean view, wait for the graph to settle,
// find where a node is drawn on the screen.
import { expect, type Page } from '@playwright/test'

/** The address the web host printed (`http://127.0.0.1:PORT/?token=…`); append `#?…` to open a view. */
export const baseUrl = (): string => {
  const url = process.env.E2E_BASE_URL
  if (!url) throw new Error('E2E_BASE_URL is not set (the global setup starts the web host)')
  return url
}
/** `http://127.0.0.1:PORT/` without the token, for API paths. */
export const hostOrigin = (): string => process.env.E2E_ORIGIN ?? new URL(baseUrl()).origin + '/'
/** What a script sends instead of the page's cookie. */
export const authHeader = (): Record<string, string> => ({ Authorization: `Bearer ${process.env.E2E_TOKEN ?? new URL(baseUrl()).searchParams.get('token')}` })
export const notesDir = (): string => process.env.E2E_NOTES_DIR ?? ''

/** Call the web host's API directly (same origin rules as the app). */
export async function apiCall<T>(page: Page, method: string, args: unknown[] = []): Promise<T> {
  const res = await page.request.post(`${hostOrigin()}api/${method}`, { data: args, headers: { 'Content-Type': 'application/json', ...authHeader() } })
  expect(res.ok(), `${method} → ${res.status()}`).toBe(true)
  return (await res.json()) as T
}

/**
 * After a goto or a reload: the app has loaded and drawn its graph. A full load, with the budget openApp gives it
 * (10–20 s on a loaded 2-core machine), not the 15 s of an expectation about one interaction.
 */
export async function waitForGraph(page: Page): Promise<void> {
  await expect(page.getByLabel('Knowledge graph')).toBeVisible({ timeout: 30_000 })
  await page.waitForFunction(() => (window.cy?.nodes().length ?? 0) > 0, null, { timeout: 30_000 })
}

/** Open the app with no remembered view, and wait until the graph is drawn and no longer moving. */
export async function openApp(page: Page, hash = ''): Promise<void> {
  await apiCall(page, 'setViewState', [{}])
  await page.goto(`${baseUrl()}${hash}`)
  await waitForGraph(page)
  // a first start shows a quick placement at once and the force layout replaces it later: wait for that
  await page.waitForFunction(
    () => performance.getEntriesByName('notes-graph:laid-out').length >= performance.getEntriesByName('notes-graph:layout-scheduled').length,
    null,
    { timeout: 60_000 },
  )
  // the view is placed, fitted and labelled once the graph says so (data-layout="settled")
  await expect(page.getByLabel('Knowledge graph')).toHaveAttribute('data-layout', 'settled', { timeout: 60_000 })
  await waitForStableLayout(page)
}

export async function waitForStableLayout(page: Page): Promise<void> {
  let last = ''
  for (let i = 0; i < 40; i++) {
    const now = await page.evaluate(() => {
      const cy = window.cy!
      const p = cy.nodes().slice(0, 50).map((n) => `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`)
      return `${p.join(';')}|${cy.zoom().toFixed(3)}|${Math.round(cy.pan().x)},${Math.round(cy.pan().y)}`
    })
    if (now === last) return
    last = now
    await page.waitForTimeout(250)
  }
  throw new Error('the graph layout did not settle')
}

/**
 * A screen point inside the node that no other node covers (nodes may overlap in a dense layout, and
 * a user clicks the part they can see). Falls back to the node's centre.
 */
export async function visibleNodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await page.getByLabel('Knowledge graph').boundingBox()
  if (!box) throw new Error('graph container has no box')
  const p = await page.evaluate((nodeId) => {
    const cy = window.cy!
    const node = cy.getElementById(nodeId)
    const c = node.renderedPosition()
    const r = node.renderedWidth() / 2
    const others = cy.nodes(':visible').filter((n) => n.id() !== nodeId).map((n) => n.renderedBoundingBox({ includeLabels: false }))
    for (const f of [0, 0.3, 0.55, 0.75]) {
      for (let a = 0; a < 16; a++) {
        const x = c.x + Math.cos((a * Math.PI) / 8) * r * f
        const y = c.y + Math.sin((a * Math.PI) / 8) * r * f
        if (x < 0 || y < 0 || x > cy.width() || y > cy.height()) continue
        if (!others.some((b) => x >= b.x1 && x <= b.x2 && y >= b.y1 && y <= b.y2)) return { x, y }
      }
    }
    return c
  }, id)
  return { x: box.x + p.x, y: box.y + p.y }
}

/** Is `inner` (a locator's box) inside the visible part of `outer`? */
export function within(inner: { y: number; height: number }, outer: { y: number; height: number }): boolean {
  return inner.y >= outer.y - 1 && inner.y + inner.height <= outer.y + outer.height + 1
}

/** Bring a node to the middle at a given zoom, as a user would before pointing at it; returns its page point. */
export async function centreOnNode(page: Page, id: string, zoom: number): Promise<{ x: number; y: number }> {
  await page.evaluate(([nodeId, z]) => {
    const cy = window.cy!
    cy.zoom(z)
    cy.center(cy.getElementById(nodeId))
  }, [id, zoom] as const)
  await waitForStableLayout(page)
  return visibleNodePoint(page, id)
}
