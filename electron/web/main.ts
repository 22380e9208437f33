// `npm run web -- [--port N] [--notes DIR]`: start the web host on 127.0.0.1 and print its URL.
import path from 'node:path'
import os from 'node:os'
import { startWebServer, type WebBackend } from './server'
import { createStubBackend } from './stubBackend'

const repoRoot = path.resolve(import.meta.dirname, '../..')

export interface WebArgs { port: number; notes?: string; staticDir: string }

export function parseArgs(argv: string[]): WebArgs {
  const out: WebArgs = { port: 0, staticDir: path.join(repoRoot, 'out/renderer') }
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
    else throw new Error(`unknown option: ${a} (use --port N, --notes DIR)`)
  }
  return out
}

/** The engine's backend when it is there, else the temporary stub (removed once the engine lands). */
async function makeBackend(folder: string): Promise<WebBackend> {
  const bundledFolder = path.join(repoRoot, 'content')
  const specifier = '../core/backend'
  try {
    const mod = (await import(specifier)) as { createBackend?: (o: unknown) => WebBackend | Promise<WebBackend> }
    if (mod.createBackend) {
      return await mod.createBackend({
        folder,
        bundledFolder,
        cacheDir: path.join(os.homedir(), '.cache', 'notes-graph'),
        settingsDir: path.join(os.homedir(), '.config', 'notes-graph-web'),
        watch: true,
      })
    }
  } catch (err) {
    if ((err as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw err
  }
  return createStubBackend({ folder, watch: true })
}

async function main(): Promise<void> {
  let args: WebArgs
  try { args = parseArgs(process.argv.slice(2)) } catch (err) {
    console.error(`Notes Graph web host: ${(err as Error).message}`)
    process.exit(2)
  }
  const folder = args.notes ?? path.join(repoRoot, 'content')
  const backend = await makeBackend(folder)
  const web = await startWebServer({ backend, staticDir: args.staticDir, port: args.port })
  console.log(`Notes Graph web host: ${web.url}`)
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
    console.error(`Notes Graph web host failed: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  })
}
