// `npm run web -- [--port N] [--notes DIR] [--state DIR]`: build the app if needed, then start the web host from
// built JavaScript (out/main/web.js, see built-entry.mjs), which prints
// `Notes Graph web host: http://127.0.0.1:PORT/?token=…` (the address to open; new token each launch).
import { ensureRendererBuilt } from './build-renderer.mjs'
import { ensureEntryBuilt, runEntry } from './built-entry.mjs'

try {
  await ensureRendererBuilt({ log: (m) => console.error(m) })
} catch (err) {
  console.error(`Notes Graph: could not build the renderer: ${err instanceof Error ? err.message : err}`)
  process.exit(1)
}
await runEntry(ensureEntryBuilt('web', { log: (m) => console.error(m) }), process.argv.slice(2))
