// Build the app if needed (the web host's built entry and the renderer), copy the bundled notes to a temp folder (tests edit notes there), and
// start the web host on a free port. Tests read E2E_BASE_URL (the printed address with its token; append
// `#?…` to open a view), E2E_ORIGIN + E2E_TOKEN (API calls) and E2E_NOTES_DIR from the environment.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startWebHost, webHostCommand } from './webHost'

export default async function globalSetup(): Promise<() => Promise<void>> {
  const repo = path.resolve(import.meta.dirname, '../..')
  // @ts-expect-error plain ESM helper shared with scripts/web.mjs (no type declarations)
  const { ensureRendererBuilt } = (await import('../../scripts/build-renderer.mjs')) as {
    ensureRendererBuilt(o?: { log?: (m: string) => void }): Promise<boolean>
  }
  const log = (m: string) => console.log(`[e2e] ${m}`)
  // the entry first: its build (electron-vite build) makes the renderer too, so one build serves both
  webHostCommand(log)
  await ensureRendererBuilt({ log })

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-graph-e2e-'))
  const notes = path.join(tmp, 'notes')
  fs.cpSync(path.join(repo, 'content'), notes, { recursive: true, filter: (src) => !src.endsWith('.test.ts') })
  const host = await startWebHost({ notes, stateDir: path.join(tmp, 'state') })
  process.env.E2E_BASE_URL = host.url
  process.env.E2E_ORIGIN = host.origin
  process.env.E2E_TOKEN = host.token
  process.env.E2E_NOTES_DIR = notes
  process.env.E2E_STATE_DIR = path.join(tmp, 'state')
  console.log(`[e2e] web host ${host.url} on ${notes}`)
  return async () => {
    await host.stop()
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}
