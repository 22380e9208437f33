// Run from sources (tsx, Vitest, the benchmarks), a parse worker used to load each of its ~60 TypeScript modules
// through tsx's loader, which runs in a thread of its own per worker: about a second of CPU per worker before
// its first note, paid on every cold index. The built app runs one bundled worker file; this gives the sources
// the same: the worker entry bundled once with esbuild (dependencies stay imports), reused while its inputs are
// unchanged. Any failure leaves the caller on the tsx path.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

interface Inputs {
  /** absolute path → [mtimeMs, size] when the bundle was made */
  [file: string]: [number, number]
}

const stamp = (file: string): [number, number] | undefined => {
  try {
    const st = statSync(file)
    return [st.mtimeMs, st.size]
  } catch {
    return undefined
  }
}

function fresh(out: string, inputsFile: string): boolean {
  if (!existsSync(out)) return false
  try {
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as Inputs
    const files = Object.keys(inputs)
    return files.length > 0 && files.every((f) => { const s = stamp(f); return s !== undefined && s[0] === inputs[f][0] && s[1] === inputs[f][1] })
  } catch {
    return false
  }
}

/** Write through a temporary file and a rename, so a process starting workers meanwhile never reads half a file. */
function writeWhole(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, text)
  renameSync(tmp, file)
}

/** The bundled worker for a .ts entry, or undefined (no esbuild, no node_modules, a build error). */
export function bundledWorker(entry: URL): URL | undefined {
  try {
    const require = createRequire(import.meta.url)
    // under node_modules, so the bundle's imports of packages resolve as the sources' do
    const modules = require.resolve('unified').split(`${path.sep}node_modules${path.sep}`)[0]
    const dir = path.join(modules, 'node_modules', '.cache', 'notes-graph')
    const name = path.basename(fileURLToPath(entry)).replace(/\.[cm]?ts$/, '')
    const out = path.join(dir, `${name}.mjs`)
    const inputsFile = path.join(dir, `${name}.inputs.json`)
    if (fresh(out, inputsFile)) return pathToFileURL(out)
    const esbuild = require('esbuild') as typeof import('esbuild')
    const result = esbuild.buildSync({
      entryPoints: [fileURLToPath(entry)], bundle: true, platform: 'node', format: 'esm', packages: 'external',
      target: 'node20', write: false, metafile: true, outfile: out, logLevel: 'silent',
    })
    const code = result.outputFiles.find((f) => f.path === out)?.text
    if (code === undefined) return undefined
    const inputs: Inputs = {}
    const cwd = process.cwd()
    for (const rel of Object.keys(result.metafile.inputs)) {
      const abs = path.resolve(cwd, rel)
      const s = stamp(abs)
      if (s) inputs[abs] = s
    }
    mkdirSync(dir, { recursive: true })
    writeWhole(out, code)
    writeWhole(inputsFile, JSON.stringify(inputs))
    return pathToFileURL(out)
  } catch {
    return undefined
  }
}
