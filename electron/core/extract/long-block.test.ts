import { describe, expect, it } from 'vitest'
import { loadOntology } from '../ontology/index'
import { parseNote } from '../parse/note'
import { createExtractor } from './index'

const extractor = createExtractor(loadOntology())

describe('one very long paragraph', () => {
  it('places every mention on its own source line and column', () => {
    // 20 000 lines without a blank line: one paragraph whose soft line breaks, inline code and emphasis
    // split it into many pieces; every mention must still point at the exact text in the file
    const lines = ['# Pipeline log', '']
    let expected = 0
    for (let i = 0; i < 20_000; i++) {
      if (i % 3 === 0) lines.push(`${i} Amazon S3, AWS Glue`)
      else if (i % 3 === 1) lines.push(`${i} \`x\` **Amazon Athena**`)
      else lines.push(`${i}: Amazon EMR on AWS`)
      expected += i % 3 === 0 ? 2 : 1
    }
    const text = lines.join('\n') + '\n'
    const { meta } = parseNote({ path: 'long.md', text, size: text.length, mtimeMs: 0, hash: '' }, extractor)
    const services = meta.mentions.filter((m) => m.entity.startsWith('service:'))
    expect(services.length).toBe(expected)
    for (const m of services) expect(lines[m.line - 1].slice(m.column - 1, m.column - 1 + m.text.length)).toBe(m.text)
    const last = services[services.length - 1]
    expect(last).toMatchObject({ entity: 'service:amazon-athena', line: 20_002, column: 13 })
  }, 60_000)
})
