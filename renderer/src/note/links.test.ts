import { describe, expect, it } from 'vitest'
import { INERT_WHY, classifyLink, safeDecode } from './links'

describe('classifyLink', () => {
  const from = 'D1_data/1.2_storage.md'
  it('resolves relative note links against the current note', () => {
    expect(classifyLink('1.3_ingestion.md', from)).toEqual({ kind: 'note', path: 'D1_data/1.3_ingestion.md', section: undefined })
    expect(classifyLink('../D2_models/2.1_selection.md#choosing-a-model', from)).toEqual({
      kind: 'note', path: 'D2_models/2.1_selection.md', section: 'choosing-a-model',
    })
    expect(classifyLink('./sub/x%20y.md', from)).toEqual({ kind: 'note', path: 'D1_data/sub/x y.md', section: undefined })
  })
  it('keeps links from climbing out of the notes folder', () => {
    expect(classifyLink('../../secrets.md', from)).toEqual({ kind: 'inert', why: INERT_WHY.outside })
  })
  it('sends only http(s) to the outside, everything else is inert', () => {
    expect(classifyLink('https://docs.aws.amazon.com/glue/', from)).toEqual({ kind: 'external', url: 'https://docs.aws.amazon.com/glue/' })
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:x', '//evil.example/x', 'https://user:pw@example.com/']) {
      expect(classifyLink(href, from)).toEqual({ kind: 'inert', why: INERT_WHY.scheme })
    }
    expect(classifyLink('notes.txt', from)).toEqual({ kind: 'inert', why: INERT_WHY.notNote })
    expect(classifyLink(undefined, from)).toEqual({ kind: 'inert', why: INERT_WHY.empty })
  })
  it('treats #fragments as anchors in the same note', () => {
    expect(classifyLink('#s3-storage-classes', from)).toEqual({ kind: 'anchor', section: 's3-storage-classes' })
    expect(classifyLink('#', from)).toEqual({ kind: 'inert', why: INERT_WHY.empty })
  })
  it('renders malformed percent-encoding inert instead of throwing', () => {
    for (const href of ['#%E0%A4%A', '#%', 'b.md#%E0%A4%A', '%E0%A4%A.md', '%.md#x', '#%ZZ']) {
      expect(() => classifyLink(href, from)).not.toThrow()
      expect(classifyLink(href, from)).toEqual({ kind: 'inert', why: INERT_WHY.malformed })
    }
    expect(safeDecode('%E0%A4%A')).toBeUndefined()
    expect(safeDecode('a%20b')).toBe('a b')
  })
  it('decodes well-formed anchors', () => {
    expect(classifyLink('#caf%C3%A9', from)).toEqual({ kind: 'anchor', section: 'café' })
    expect(classifyLink('b.md#caf%C3%A9', from)).toEqual({ kind: 'note', path: 'D1_data/b.md', section: 'café' })
  })
})
