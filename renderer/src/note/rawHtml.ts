// Remark plugin: a block of raw HTML in a note (a <details> answer, an HTML table) is shown as its source text
// under a caption saying why, instead of vanishing. The reader never renders or runs HTML (react-markdown drops
// html nodes, rehype-sanitize cleans the rest), and a block is one html node holding everything up to the next
// blank line, its text included: dropped, a student's content was silently gone. Inline tags (<br>, <kbd>) are
// still dropped: the words between them are separate text and stay. Comments stay hidden: they are meant to be.
import type { Code, Html, Parent, Root } from 'mdast'
import { visit } from 'unist-util-visit'

/** Code-block language that marks shown HTML (Markdown.tsx captions these blocks). */
export const RAW_HTML_LANG = 'raw-html'
export const RAW_HTML_CAPTION = 'HTML in this note, shown as text: the reader does not render HTML'

const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition'])
const ONLY_COMMENTS = /^(?:\s*<!--[\s\S]*?-->)+\s*$/

export function remarkRawHtmlShown() {
  return (tree: Root) => {
    visit(tree, 'html', (node: Html, index, parent: Parent | undefined) => {
      if (!parent || index === undefined || !BLOCK_PARENTS.has(parent.type) || ONLY_COMMENTS.test(node.value)) return
      const shown: Code = { type: 'code', lang: RAW_HTML_LANG, value: node.value, position: node.position }
      parent.children.splice(index, 1, shown)
    })
  }
}
