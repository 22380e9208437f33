import { readdirSync, readFileSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { readSimpleYaml } from './simple-yaml'
import { generateVault } from '../../../bench/generate'

/** what the yaml library reads (undefined when it reports an error) */
function library(yaml: string): unknown {
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: false })
  return doc.errors.length ? 'error' : doc.toJS({ maxAliasCount: 100 })
}

function frontmatters(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name)
    if (statSync(p).isDirectory()) frontmatters(p, out)
    else if (name.endsWith('.md')) {
      const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(p, 'utf8'))
      if (m) out.push(m[1])
    }
  }
  return out
}

const CASES = [
  'domain: D2\ntags: [costs, ingestion, todo]',
  'title: "Amazon SageMaker: training"\ndomain: Domain 1',
  "title: 'It is here'\ntags: []",
  'tags:\n  - sagemaker\n  - glue\ndomain: D3',
  'tags:\n- a\n- b',
  'tags:\n  - a\n    - b',
  'tags:',
  'tags:\ndomain: D1',
  'tags: \ndomain: D1',
  'title: true', 'title: Null', 'title: ~', 'title: 12', 'title: 1e3', 'title: .inf', 'title: yes', 'title: no', 'title: nan',
  'title: a # comment', 'title: a: b', 'title: a - b', 'title: "a \\" b"', "title: 'it''s'", 'title: [a, [b]]', 'tags: [a, b,]',
  'tags: [a, "b"]', 'title: x\ntitle: y', 'key:value', '  indented: a', 'title: &a x\nother: *a', 'title: |\n  block',
  'title: a   b', 'title:   a', 'title: a ', 'tags: [ a ,b ]', '__proto__: x', 'true: x', 'a-b_c: d', 'title: D2/x.y',
  '# comment\ntitle: a', 'title: a\n\ndomain: b', 'title: {a: b}', 'title: !tag x', 'title: @x', 'title: %x', 'title: `x`',
  'tags:\n  - a\n  - 3', 'tags:\n  - a\n  - ', 'tags:\n  -a', '', '\n', 'title: "unterminated',
]

describe('simple frontmatter reader', () => {
  it('reads what it accepts exactly as the yaml library does', () => {
    const inputs = [...CASES]
    const repo = path.resolve(__dirname, '../../..')
    inputs.push(...frontmatters(path.join(repo, 'content')))
    const sample = generateVault(path.join(os.tmpdir(), 'notes-graph-simple-yaml-vault'), 300)
    inputs.push(...frontmatters(sample.dir))
    let accepted = 0
    for (const y of inputs) {
      const fast = readSimpleYaml(y)
      if (fast === undefined) continue
      accepted++
      expect({ y, v: { ...fast } }).toEqual({ y, v: library(y) })
    }
    // the common shapes take the fast path (otherwise it saves nothing)
    expect(accepted).toBeGreaterThan(300)
    for (const y of ['domain: D2\ntags: [costs, ingestion, todo]', 'tags:\n  - a\n  - b', 'title: "x: y"']) expect(readSimpleYaml(y)).toBeDefined()
  })
})
