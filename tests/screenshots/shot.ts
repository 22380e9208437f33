// README screenshots: `npm run screenshots` runs every spec in this folder against a fresh web host on a copy
// of the bundled notes (the same setup as the end-to-end tests). One spec per feature; each saves its
// picture into docs/ with `saveDocShot`. `npm test` never runs these, so a test run changes no tracked file.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'

const docs = path.resolve(import.meta.dirname, '../../docs')

/** Save a screenshot of the page as docs/<name>.png; returns its bytes. */
export async function saveDocShot(page: Page, name: string): Promise<Buffer> {
  fs.mkdirSync(docs, { recursive: true })
  return page.screenshot({ path: path.join(docs, `${name}.png`) })
}
