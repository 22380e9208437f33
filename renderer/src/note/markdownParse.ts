// The markdown half of rendering a note (text → syntax tree, GFM and wikilinks included): the part that
// costs the most, and the part that can run in a worker (markdown.worker.ts). The rest (HTML tree,
// sanitising, heading ids, React elements) stays in Markdown.tsx on the page.
import type { Root } from 'mdast'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import { remarkWikilinks } from './wikilinks'

/** The note's markdown tree, as the reader's renderer builds it before turning it into HTML. */
export function parseNoteMarkdown(markdown: string, wikilinks: Map<string, string>): Root {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkWikilinks, { resolved: wikilinks })
  return processor.runSync(processor.parse(markdown)) as Root
}
