// A note rendered safely: no raw HTML (react-markdown ignores it, rehype-sanitize cleans the rest; a block of it
// is shown as text under a caption, rawHtml.ts),
// headings carry section ids, links are routed by classifyLink, images never load remote content.
// The rendered tree depends only on the text, the note's path and its wikilinks, so it is cached:
// going back to a note costs no parsing. Clicks are routed by one handler on the wrapper.
import { memo, type MouseEvent, type ReactElement, type ReactNode } from 'react'
import type { Root as MdastRoot } from 'mdast'
import renderMarkdown, { type Components } from 'react-markdown'
import rehypeSanitize from 'rehype-sanitize'
import { classifyLink } from './links'
import { headingId, rehypeHeadingIds } from './headingIds'
import { RAW_HTML_CAPTION, RAW_HTML_LANG } from './rawHtml'
import { parseNoteMarkdown } from './markdownParse'

const NO_WIKILINKS = new Map<string, string>()

interface Props {
  markdown: string
  path: string
  onNavigate(path: string, section?: string): void
  onAnchor(section: string): void
  onExternal(url: string): void
  /** wikilink target as written → resolved note path (from NoteDoc.links) */
  wikilinks?: Map<string, string>
}

const CACHE_MAX = 60
const cache = new Map<string, ReactElement>()

function components(path: string): Components {
  return {
    a: ({ href, children }) => {
      const target = classifyLink(href, path)
      if (target.kind === 'inert') return <span className="inert-link" title={target.why}>{children as ReactNode}</span>
      const shownHref = target.kind === 'external' ? target.url : target.kind === 'anchor' ? `#${headingId(target.section)}` : '#'
      return (
        <a
          href={shownHref}
          className={`link-${target.kind}`}
          rel="noopener noreferrer"
          data-kind={target.kind}
          data-path={target.kind === 'note' ? target.path : undefined}
          data-section={target.kind === 'note' || target.kind === 'anchor' ? target.section : undefined}
          data-url={target.kind === 'external' ? target.url : undefined}
        >
          {children as ReactNode}
        </a>
      )
    },
    img: ({ alt }) => <span className="img-alt" title="Images are not loaded">{alt ? `[image: ${alt}]` : '[image]'}</span>,
    pre: ({ node, children }) => {
      const code = node?.children[0]
      const classes = code && code.type === 'element' ? code.properties.className : undefined
      if (!Array.isArray(classes) || !classes.includes(`language-${RAW_HTML_LANG}`)) return <pre>{children as ReactNode}</pre>
      return (
        <figure className="raw-html">
          <figcaption>{RAW_HTML_CAPTION}</figcaption>
          <pre>{children as ReactNode}</pre>
        </figure>
      )
    },
  }
}

const keyOf = (markdown: string, path: string, wikilinks: Map<string, string>) =>
  `${path}\u0000${markdown}\u0000${[...wikilinks].map(([a, b]) => `${a}=${b}`).join('\u0001')}`

function remember(key: string, tree: ReactElement): ReactElement {
  cache.set(key, tree)
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string)
  return tree
}

/** Markdown trees parsed off the page (markdown.worker.ts), not yet turned into rendered trees. */
const parsedTrees = new Map<string, MdastRoot>()

/** The rendered tree of a note, parsed once per text/path/wikilinks (or taken from a tree parsed off the page). */
export function renderedNote(markdown: string, path: string, wikilinks: Map<string, string>): ReactElement {
  const key = keyOf(markdown, path, wikilinks)
  const hit = cache.get(key)
  if (hit) return hit
  // parsed here by the same function as in the worker (markdownParse.ts): one list of remark plugins
  const parsed = parsedTrees.get(key) ?? parseNoteMarkdown(markdown, wikilinks)
  return fromParsed(key, path, parsed)
}

/** Whether a note's render needs no parse: its rendered tree, or a tree parsed off the page, is kept. */
export function isReady(markdown: string, path: string, wikilinks: Map<string, string>): boolean {
  const key = keyOf(markdown, path, wikilinks)
  return cache.has(key) || parsedTrees.has(key)
}

/**
 * Keep a note's markdown tree parsed elsewhere (markdown.worker.ts: parseNoteMarkdown): its first render skips
 * the parse (the part that costs the most); turning it into HTML, sanitising it and the heading ids happen
 * then, exactly as for a note parsed here.
 */
export function keepParsed(markdown: string, path: string, wikilinks: Map<string, string>, parsed: MdastRoot): void {
  const key = keyOf(markdown, path, wikilinks)
  if (cache.has(key)) return
  parsedTrees.set(key, parsed)
  if (parsedTrees.size > CACHE_MAX) parsedTrees.delete(parsedTrees.keys().next().value as string)
}

function fromParsed(key: string, path: string, parsed: MdastRoot): ReactElement {
  parsedTrees.delete(key)
  // react-markdown parses an empty text, and this plugin hands on the parsed tree instead
  const useParsed = () => () => parsed
  return remember(key, renderMarkdown({
    remarkPlugins: [useParsed],
    rehypePlugins: [rehypeSanitize, rehypeHeadingIds],
    components: components(path),
    skipHtml: true,
    children: '',
  }))
}

function MarkdownImpl({ markdown, path, onNavigate, onAnchor, onExternal, wikilinks = NO_WIKILINKS }: Props) {
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const a = (e.target as Element).closest?.('a[data-kind]') as HTMLAnchorElement | null
    if (!a || !e.currentTarget.contains(a)) return
    e.preventDefault()
    const kind = a.dataset.kind
    if (kind === 'note' && a.dataset.path) onNavigate(a.dataset.path, a.dataset.section)
    else if (kind === 'anchor' && a.dataset.section) onAnchor(a.dataset.section)
    else if (kind === 'external' && a.dataset.url) onExternal(a.dataset.url)
  }
  return (
    // delegation: the links inside are the focusable elements (Enter on a link fires click too)
    <div className="markdown-body" onClick={onClick}>
      {renderedNote(markdown, path, wikilinks)}
    </div>
  )
}

export const Markdown = memo(MarkdownImpl)
