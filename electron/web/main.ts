// `npm run web -- [--port N] [--notes DIR] [--state DIR]`: start the web host on 127.0.0.1 and print its URL.
import fs from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { startWebServer } from './server'
import { createBackend } from '../core/backend'
import { StateDirError, ensureStateDir } from '../core/state-lock'

const repoRoot = path.resolve(import.meta.dirname, '../..')

export interface WebArgs { port: number; notes?: string; staticDir: string; stateDir: string }

export function parseArgs(argv: string[]): WebArgs {
  const configHome = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config')
  const out: WebArgs = { port: 0, staticDir: path.join(repoRoot, 'out/renderer'), stateDir: path.join(configHome, 'notes-graph-web') }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--port') {
      const n = Number(value())
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error('--port must be an integer 0-65535')
      out.port = n
    } else if (a === '--notes') out.notes = path.resolve(value())
    else if (a === '--static') out.staticDir = path.resolve(value())
    else if (a === '--state') out.stateDir = path.resolve(value())
    else throw new Error(`unknown option: ${a} (use --port N, --notes DIR, --state DIR)`)
  }
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
  const backend = await createBackend({
    folder: args.notes,
    bundledFolder: path.join(repoRoot, 'content'),
    cacheDir: path.join(args.stateDir, 'cache'),
    settingsDir: args.stateDir,
    watch: true,
  })
  const web = await startWebServer({ backend, staticDir: args.staticDir, port: args.port })
  console.log(`Notes Graph web host: ${web.loginUrl}`)
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
