// The markdown half of rendering a note (text → syntax tree, GFM and wikilinks included): the part that
// costs the most, and the part that can run in a worker (markdown.worker.ts). The rest (HTML tree,
// sanitising, heading ids, React elements) stays in Markdown.tsx on the page.
import type { Root } from 'mdast'
import type { Node } from 'unist'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import { remarkWikilinks } from './wikilinks'
import { remarkRawHtmlShown } from './rawHtml'

/** The note's markdown tree, as the reader's renderer builds it before turning it into HTML. */
export function parseNoteMarkdown(markdown: string, wikilinks: Map<string, string>): Root {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkWikilinks, { resolved: wikilinks }).use(remarkRawHtmlShown)
  return processor.runSync(processor.parse(markdown)) as Root
}

/**
 * The tree a worker sends the page: without source positions, which the reader never shows. They were most of
 * the tree, and the page's thread copies every byte of a worker's message as it receives it.
 */
export function parseForTransfer(markdown: string, wikilinks: Map<string, string>): Root {
  const tree = parseNoteMarkdown(markdown, wikilinks)
  const strip = (node: Node) => {
    delete node.position
    const kids = (node as { children?: Node[] }).children
    if (kids) for (const k of kids) strip(k)
  }
  strip(tree)
  return tree
}
