// A note rendered safely: no raw HTML (react-markdown ignores it, rehype-sanitize cleans the rest),
// headings carry section ids, links are routed by classifyLink, images never load remote content.
import { memo, type ReactNode } from 'react'
import ReactMarkdown, { type Components } from 'react-markdown'
import remarkGfm from 'remark-gfm'
import rehypeSanitize from 'rehype-sanitize'
import { classifyLink } from './links'
import { rehypeHeadingIds } from './headingIds'
import { remarkWikilinks } from './wikilinks'

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

function MarkdownImpl({ markdown, path, onNavigate, onAnchor, onExternal, wikilinks = NO_WIKILINKS }: Props) {
  const components: Components = {
    a: ({ href, children }) => {
      const target = classifyLink(href, path)
      if (target.kind === 'inert') return <span className="inert-link">{children as ReactNode}</span>
      const onClick = (e: React.MouseEvent) => {
        e.preventDefault()
        if (target.kind === 'note') onNavigate(target.path, target.section)
        else if (target.kind === 'anchor') onAnchor(target.section)
        else onExternal(target.url)
      }
      const shownHref = target.kind === 'external' ? target.url : target.kind === 'anchor' ? `#${target.section}` : '#'
      return (
        <a href={shownHref} onClick={onClick} className={`link-${target.kind}`} rel="noopener noreferrer">
          {children as ReactNode}
        </a>
      )
    },
    img: ({ alt }) => <span className="img-alt" title="Images are not loaded">{alt ? `[image: ${alt}]` : '[image]'}</span>,
  }
  return (
    <ReactMarkdown
      remarkPlugins={[remarkGfm, [remarkWikilinks, { resolved: wikilinks }]]}
      rehypePlugins={[rehypeSanitize, rehypeHeadingIds]}
      components={components}
      skipHtml
    >
      {markdown}
    </ReactMarkdown>
  )
}

export const Markdown = memo(MarkdownImpl)
