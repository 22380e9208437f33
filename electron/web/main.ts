// `npm run web -- [--port N] [--notes DIR] [--state DIR]`: start the web host on 127.0.0.1 and print its URL.
import fs from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { parseArgs as parseNodeArgs } from 'node:util'
import { startWebServer } from './server'
import { openAtOnce } from '../core/open-at-once'
import { StateDirError, ensureStateDir } from '../core/state-lock'

const repoRoot = path.resolve(import.meta.dirname, '../..')

export interface WebArgs { port: number; notes?: string; staticDir: string; stateDir: string }

export function parseArgs(argv: string[]): WebArgs {
  const configHome = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config')
  const out: WebArgs = { port: 0, staticDir: path.join(repoRoot, 'out/renderer'), stateDir: path.join(configHome, 'notes-graph-web') }
  let values: { port?: string; notes?: string; static?: string; state?: string }
  try {
    ;({ values } = parseNodeArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { port: { type: 'string' }, notes: { type: 'string' }, static: { type: 'string' }, state: { type: 'string' } },
    }))
  } catch (e) {
    const first = (e as Error).message.split('\n')[0]
    throw new Error(/Unknown option|Unexpected argument/.test(first) ? `${first.replace(/\. To specify a positional argument.*$/, '')} (use --port N, --notes DIR, --state DIR)` : first, { cause: e })
  }
  if (values.port !== undefined) {
    const n = Number(values.port)
    if (values.port.trim() === '' || !Number.isInteger(n) || n < 0 || n > 65535) throw new Error('--port must be an integer 0-65535')
    out.port = n
  }
  if (values.notes !== undefined) out.notes = path.resolve(values.notes)
  if (values.static !== undefined) out.staticDir = path.resolve(values.static)
  if (values.state !== undefined) out.stateDir = path.resolve(values.state)
  return out
}

async function main(): Promise<void> {
  let args: WebArgs
  try { args = parseArgs(process.argv.slice(2)) } catch (err) {
    console.error(`Notes Graph web host: ${(err as Error).message}`)
    process.exit(2)
  }
  if (args.notes && !fs.statSync(args.notes, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`Notes Graph web host: --notes ${args.notes} is not a folder`)
    process.exit(2)
  }
  try {
    ensureStateDir(args.stateDir)
  } catch (err) {
    console.error(`Notes Graph web host: ${(err as Error).message}`)
    process.exit(2)
  }
  // serve at once: the page shows the indexing progress, then the notes and links, then the rest
  const backend = await openAtOnce({
    folder: args.notes,
    bundledFolder: path.join(repoRoot, 'content'),
    cacheDir: path.join(args.stateDir, 'cache'),
    settingsDir: args.stateDir,
    watch: true,
  })
  const web = await startWebServer({ backend, staticDir: args.staticDir, port: args.port })
  console.log(`Notes Graph web host: ${web.loginUrl}`)
  backend.backend.catch((err: unknown) => {
    console.error(`Notes Graph web host failed: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  })
  const stop = async () => {
    await web.close()
    await backend.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((err: unknown) => {
    if (err instanceof StateDirError) {
      // another host holds the state folder: one line that says what to do
      console.error(`Notes Graph web host: ${err.message}`)
      process.exit(3)
    }
    console.error(`Notes Graph web host failed: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  })
}
