// Cost of one edited note's parse on this thread, by step (read+parse whole, markdown parse alone, the rest).
import path from 'node:path'
import { readFileSync } from 'node:fs'
import { loadEntities } from '../electron/core/entities'
import { parseFile } from '../electron/core/index/parse-file'
import { parseMarkdown } from '../electron/core/parse/processor'

const [dir, runsArg] = process.argv.slice(2)
const files: string[] = (JSON.parse(readFileSync(path.join(dir, '.bench-vault.json'), 'utf8')) as { files: string[] }).files
const rel = files[Math.floor(files.length / 2)]
const abs = path.join(dir, rel)
const text = readFileSync(abs, 'utf8')
const { extractor } = await loadEntities()
const runs = Number(runsArg ?? 60)
const time = (f: () => void): number[] => { const out: number[] = []; for (let i = 0; i < runs; i++) { const t = performance.now(); f(); out.push(performance.now() - t) } return out }
const med = (a: number[]) => { const s = [...a].slice(runs / 3).sort((x, y) => x - y); return +s[Math.floor(s.length / 2)].toFixed(2) }
const whole = time(() => parseFile({ path: rel, abs }, extractor))
const md = time(() => parseMarkdown(text))
process.stdout.write(JSON.stringify({ note: rel, bytes: text.length, parseFileMs: med(whole), markdownMs: med(md) }) + '\n')
