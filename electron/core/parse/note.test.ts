import { describe, expect, it } from 'vitest'
import { parseNote, stripFrontmatter } from './note'
import { createSlugger, slugify } from './slug'
import { domainFromPath, domainFromValue } from './domain'
import { LinkIndex, resolveNoteLinks } from './links'

const parse = (text: string, path = 'notes/a.md') => parseNote({ path, text, size: text.length, mtimeMs: 1, hash: 'h' })

describe('parseNote', () => {
  it('takes the title from frontmatter, else the first H1, else the file name', () => {
    expect(parse('---\ntitle: From YAML\n---\n# Heading\n').meta.title).toBe('From YAML')
    expect(parse('intro\n\n## Sub\n\n# The *Real* Title\n').meta.title).toBe('The Real Title')
    expect(parse('no headings here\n', 'x/my-note.markdown').meta.title).toBe('my-note')
  })

  it('reads the domain from frontmatter forms or the D1_ folder pattern', () => {
    expect(parse('---\ndomain: D3\n---\n').meta.domain).toBe('D3')
    expect(parse('---\ndomain: Domain 2\n---\n').meta.domain).toBe('D2')
    expect(parse('---\ndomain: 4\n---\n').meta.domain).toBe('D4')
    expect(parse('# x\n', 'D1_data_prep/1.1.md').meta.domain).toBe('D1')
    expect(parse('# x\n', 'misc/1.1.md').meta.domain).toBeUndefined()
    expect(domainFromValue('Domain 1: Data Preparation')).toBe('D1')
    expect(domainFromValue('none')).toBeUndefined()
    expect(domainFromPath('D12/x.md')).toBe('D12')
    expect(domainFromPath('DX_stuff/x.md')).toBeUndefined()
  })

  it('builds a section tree with file line numbers, end lines and unique slugs', () => {
    const text = ['---', 'tags: [a]', '---', '# Title', '', 'intro', '## Notes', 'x', '### Deep', 'y', '## Notes', 'z', ''].join('\n')
    const { meta, lineOffset } = parse(text)
    expect(lineOffset).toBe(3)
    expect(meta.sections.map((s) => [s.id, s.depth, s.line, s.endLine, s.parent])).toEqual([
      ['title', 1, 4, 12, undefined],
      ['notes', 2, 7, 10, 'title'],
      ['deep', 3, 9, 10, 'notes'],
      ['notes-1', 2, 11, 12, 'title'],
    ])
    const md = stripFrontmatter(text, lineOffset)
    expect(md.split('\n')[0]).toBe('# Title')
  })

  it('names a section without the tags written after its heading; its anchor keeps them', () => {
    const text = ['# Generative AI `#important`', '', '## Amazon Bedrock `#important` `#exam-tip`', 'x', '## Issue #42', 'y', '## #only-a-tag', ''].join('\n')
    const { meta } = parse(text)
    expect(meta.title).toBe('Generative AI')
    expect(meta.sections.map((s) => [s.id, s.title])).toEqual([
      ['generative-ai-important', 'Generative AI'],
      ['amazon-bedrock-important-exam-tip', 'Amazon Bedrock'],
      ['issue-42', 'Issue #42'],
      ['only-a-tag', '#only-a-tag'],
    ])
  })

  it('collects frontmatter tags and inline #tags, but not from code, URLs or headings', () => {
    const text = [
      '---',
      'tags: [Streaming, "#ml"]',
      '---',
      '# Title #notatag?',
      'Text with #glue and #feature-store, see https://x.io/#frag.',
      '`#code` and',
      '```',
      '#fenced',
      '```',
      'Issue #42 is not a tag.',
    ].join('\n')
    expect(parse(text).meta.tags.sort()).toEqual(['feature-store', 'glue', 'ml', 'notatag', 'streaming'])
    expect(parse('---\ntags: a, b\n---\n').meta.tags).toEqual(['a', 'b'])
  })

  it('finds markdown links and wikilinks with their lines', () => {
    const text = ['# T', 'See [other](../b/other.md#part) and [web](https://aws.amazon.com).', '', 'Also [[Other Note|alias]] and [[c/deep#Heading]].'].join('\n')
    const links = parse(text, 'a/x.md').meta.links
    expect(links).toEqual([
      { target: '../b/other.md#part', kind: 'markdown', line: 2 },
      { target: 'https://aws.amazon.com', kind: 'markdown', line: 2 },
      { target: 'Other Note', kind: 'wikilink', line: 4 },
      { target: 'c/deep#Heading', kind: 'wikilink', line: 4 },
    ])
  })

  it('reports broken YAML with its file line and still indexes the note', () => {
    const { meta, diagnostics } = parse('---\ntitle: ok\ntags: [a, b\n---\n# Body Title\n')
    expect(meta.title).toBe('Body Title')
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({ code: 'yaml-invalid', severity: 'warning', file: 'notes/a.md' })
    expect(diagnostics[0].line).toBeGreaterThanOrEqual(2)
    expect(diagnostics[0].line).toBeLessThanOrEqual(4)
  })
})

describe('links', () => {
  it('resolves relative links and wikilinks; reports broken and outside links', () => {
    const paths = ['a/x.md', 'b/other.md', 'c/deep.md', 'b/Other Note.md']
    const ix = new LinkIndex(paths)
    const text = [
      '[1](../b/other.md)', '[2](../b/other)', '[[Other Note]]', '[[c/deep#H]]', '[3](../../etc/passwd.md)', '[4](missing.md)',
      '[5](pic.png)', '[6](#local)', '[[deep]]',
    ].join('\n\n')
    const { meta } = parse(text, 'a/x.md')
    const diags = resolveNoteLinks(meta, ix)
    expect(meta.links.map((l) => l.resolved)).toEqual(['b/other.md', 'b/other.md', 'b/Other Note.md', 'c/deep.md', undefined, undefined, undefined, undefined, 'c/deep.md'])
    expect(diags.map((d) => [d.code, d.line])).toEqual([['link-outside', 9], ['link-broken', 11]])
  })
})

describe('slug', () => {
  it('is stable and unique per note', () => {
    expect(slugify('1.2 AWS Data Sources & Storage!')).toBe('12-aws-data-sources-storage')
    expect(slugify('???')).toBe('section')
    const s = createSlugger()
    expect([s('A'), s('A'), s('a-1'), s('A')]).toEqual(['a', 'a-1', 'a-1-1', 'a-2'])
  })
})
