#!/usr/bin/env node
// `npm run graph|cards -- ...`: `node scripts/run-built.mjs <cli|cards-cli> ...args` runs the tool from built
// JavaScript (see built-entry.mjs), building it first when it is missing or stale.
import { ENTRIES, ensureEntryBuilt, runEntry } from './built-entry.mjs'

const [name, ...args] = process.argv.slice(2)
if (!(name in ENTRIES)) {
  process.stderr.write(`run-built: unknown entry ${name ?? '(none)'}; one of ${Object.keys(ENTRIES).join(', ')}\n`)
  process.exit(2)
}
await runEntry(ensureEntryBuilt(name), args)
