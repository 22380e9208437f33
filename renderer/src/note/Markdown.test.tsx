import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render } from '@testing-library/react'
import { Markdown } from './Markdown'
import { slugify } from '../../../electron/core/parse/slug'

afterEach(cleanup)

const noop = () => undefined

function renderNote(markdown: string, handlers: Partial<{ onNavigate: (p: string, s?: string) => void; onExternal: (u: string) => void; onAnchor: (s: string) => void }> = {}) {
  return render(
    <Markdown
      markdown={markdown}
      path="D1/a.md"
      onNavigate={handlers.onNavigate ?? noop}
      onAnchor={handlers.onAnchor ?? noop}
      onExternal={handlers.onExternal ?? noop}
    />,
  )
}

describe('Markdown', () => {
  it('gives headings the engine\'s section ids, duplicates numbered', () => {
    const { container } = renderNote('# Amazon S3: the default data lake\n\n## Notes\n\n## Notes\n\n### `Pipe` mode & FastFile\n')
    const ids = [...container.querySelectorAll('h1, h2, h3')].map((h) => h.id)
    expect(ids).toEqual([`h-${slugify('Amazon S3: the default data lake')}`, 'h-notes', 'h-notes-1', `h-${slugify('Pipe mode & FastFile')}`])
  })

  it('prefixes heading ids so a heading cannot shadow a global of the page', () => {
    const before = (window as unknown as { api?: unknown }).api
    const { container } = renderNote('## api\n\n## location\n\n## document\n')
    expect([...container.querySelectorAll('h2')].map((h) => h.id)).toEqual(['h-api', 'h-location', 'h-document'])
    expect(container.querySelector('#api, #location, #document')).toBeNull()
    expect((window as unknown as { api?: unknown }).api).toBe(before)
  })

  it('keeps in-note anchor links working with the prefix', () => {
    const onAnchor = vi.fn()
    const { getByText, container } = renderNote('[jump](#storage-classes)\n\n## Storage classes\n', { onAnchor })
    expect(getByText('jump').getAttribute('href')).toBe('#h-storage-classes')
    expect(container.querySelector('#h-storage-classes')?.tagName).toBe('H2')
    fireEvent.click(getByText('jump'))
    expect(onAnchor).toHaveBeenCalledWith('storage-classes')
  })

  it('renders links with malformed percent-encoding inert, and the rest of the note', () => {
    const onAnchor = vi.fn()
    const onNavigate = vi.fn()
    const { container, getByText } = renderNote('[x](#%E0%A4%A) [y](b.md#%E0%A4%A) [z](%E0%A4%A.md)\n\n## After\n', { onAnchor, onNavigate })
    for (const t of ['x', 'y', 'z']) {
      const el = getByText(t)
      expect(el.tagName).toBe('SPAN')
      expect(el.className).toBe('inert-link')
      fireEvent.click(el)
    }
    expect(container.querySelector('a')).toBeNull()
    expect(container.querySelector('#h-after')).not.toBeNull()
    expect(onAnchor).not.toHaveBeenCalled()
    expect(onNavigate).not.toHaveBeenCalled()
  })

  it('renders hostile HTML and links inert', () => {
    const { container } = renderNote([
      '<script>window.__x = 1</script>',
      '<img src=x onerror="window.__x = 2">',
      '<a href="javascript:alert(1)">raw</a>',
      '[md](javascript:alert(1)) ![pic](https://tracker.example/p.png)',
      '<iframe src="https://evil.example"></iframe>',
    ].join('\n\n'))
    expect(container.querySelector('script, iframe, img, [onerror]')).toBeNull()
    for (const a of container.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').not.toMatch(/javascript:/i)
    expect(container.textContent).toContain('md')
    expect(container.textContent).toContain('[image: pic]')
    // a link that is not followed says why when pointed at
    const md = [...container.querySelectorAll('.inert-link')].find((el) => el.textContent === 'md')
    expect(md?.getAttribute('title')).toBe('Not opened: a note opens only notes in its folder and http(s) pages')
  })

  it('shows a block of raw HTML as its text under a caption, never as HTML', () => {
    const { container } = renderNote([
      'Which store suits streaming replay?', '',
      '<details>', '<summary>Answer</summary>', 'Amazon Kinesis Data Streams', '</details>', '',
      'Press <kbd>Ctrl</kbd> to select.', '',
      '<!-- a private reminder -->', '',
      '> <div onclick="window.__x = 3">in a quote</div>',
    ].join('\n'))
    const shown = [...container.querySelectorAll('figure.raw-html')]
    expect(shown.map((f) => f.querySelector('figcaption')?.textContent)).toEqual([
      'HTML in this note, shown as text: the reader does not render HTML',
      'HTML in this note, shown as text: the reader does not render HTML',
    ])
    // the block's words are there, as the text the student wrote; no element of it is made
    expect(shown[0].querySelector('pre')?.textContent?.trimEnd()).toBe('<details>\n<summary>Answer</summary>\nAmazon Kinesis Data Streams\n</details>')
    expect(shown[1].textContent).toContain('<div onclick="window.__x = 3">in a quote</div>')
    expect(container.querySelector('details, summary, kbd, div[onclick], [onclick]')).toBeNull()
    // inline tags are dropped, their words kept; a comment stays hidden
    expect(container.textContent).toContain('Press Ctrl to select.')
    expect(container.textContent).not.toContain('private reminder')
  })

  it('routes note links in-app and http(s) links outside', () => {
    const onNavigate = vi.fn()
    const onExternal = vi.fn()
    const { getByText } = renderNote('[next](b.md#part-two) and [docs](https://aws.amazon.com/glue/)', { onNavigate, onExternal })
    fireEvent.click(getByText('next'))
    expect(onNavigate).toHaveBeenCalledWith('D1/b.md', 'part-two')
    fireEvent.click(getByText('docs'))
    expect(onExternal).toHaveBeenCalledWith('https://aws.amazon.com/glue/')
  })

  it('renders GFM tables', () => {
    const { container } = renderNote('| a | b |\n|---|---|\n| 1 | 2 |\n')
    expect(container.querySelectorAll('td')).toHaveLength(2)
  })
})

describe('Markdown wikilinks', () => {
  it('links resolved [[wikilinks]] in-app, with heading and alias; leaves unresolved and code alone', () => {
    const onNavigate = vi.fn()
    const resolved = new Map([['Other Note', 'D2/other.md'], ['Other Note#Part Two', 'D2/other.md']])
    const { getByText, container } = render(
      <Markdown
        markdown={'See [[Other Note]], [[Other Note#Part Two|part two]], [[Missing]] and `[[Other Note]]`.'}
        path="D1/a.md"
        onNavigate={onNavigate}
        onAnchor={noop}
        onExternal={noop}
        wikilinks={resolved}
      />,
    )
    fireEvent.click(getByText('Other Note'))
    expect(onNavigate).toHaveBeenLastCalledWith('D2/other.md', undefined)
    fireEvent.click(getByText('part two'))
    expect(onNavigate).toHaveBeenLastCalledWith('D2/other.md', 'part-two')
    expect(container.textContent).toContain('[[Missing]]')
    expect(container.querySelector('code')?.textContent).toBe('[[Other Note]]')
  })
})

describe('a note parsed off the page (markdown worker)', () => {
  it('renders exactly as a note parsed on the page', async () => {
    const { renderedNote, keepParsed, isReady } = await import('./Markdown')
    const { parseNoteMarkdown, parseForTransfer } = await import('./markdownParse')
    // as a worker's answer arrives: a structured clone of the tree without its source positions
    const offThread = (text: string) => structuredClone(parseForTransfer(text, links))
    const adopted = (text: string, path: string) => {
      keepParsed(text, path, links, offThread(text))
      expect(isReady(text, path, links)).toBe(true)
      return renderedNote(text, path, links)
    }
    const { renderToStaticMarkup } = await import('react-dom/server')
    const md = [
      '# Amazon Kinesis', '', 'See [[Glue notes#ETL jobs|Glue]] and [[Unknown]], [docs](https://aws.amazon.com/kinesis/), [local](../D2/b.md#intro).', '',
      '| Service | Use |', '| --- | --- |', '| KDS | streams[^1] |', '', '- [x] done', '- ~~old~~ new', '', '```python', 'print("[[not a link]]")', '```', '',
      '<script>alert(1)</script>', '', '![diagram](https://example.com/x.png)', '', '## Notes', '', '## Notes', '', '[^1]: Real time.',
    ].join('\n')
    const links = new Map([['Glue notes#ETL jobs', 'D1/glue.md']])
    expect(isReady(md, 'D1/a.md', links)).toBe(false)
    const onPage = renderToStaticMarkup(renderedNote(md, 'D1/a.md', links))
    expect(isReady(md, 'D1/a.md', links)).toBe(true)
    const offPage = renderToStaticMarkup(adopted(md, 'D1/other-path-same-text.md'))
    // the same note (a trailing newline changes nothing but the cache key, so this one is built from the tree)
    const samePath = renderToStaticMarkup(adopted(`${md}\n`, 'D1/a.md'))
    expect(samePath).toBe(onPage)
    expect(JSON.stringify(offThread(md))).not.toContain('"position"')
    // and that first use does not parse the text again: it renders the kept tree
    keepParsed('# Text', 'D1/k.md', links, parseNoteMarkdown('# From the kept tree', links))
    expect(renderToStaticMarkup(renderedNote('# Text', 'D1/k.md', links))).toContain('From the kept tree')
    expect(samePath).toContain('id="h-notes-1"')
    expect(offPage).toContain('data-path="D1/glue.md"')
    expect(onPage).not.toContain('<script')
    expect(onPage).toContain('<table')
  })
})
