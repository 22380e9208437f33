// Rehype plugin: give headings the same ids the engine gives sections (Section.id), so a section id
// from the backend is an anchor in the rendered note. Runs after rehype-sanitize, which would
// otherwise prefix or drop ids.
import type { Element, Root, RootContent } from 'hast'
import { createSlugger } from '../../../electron/core/parse/slug'

const HEADING = /^h[1-6]$/

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element' && node.tagName === 'img') return String(node.properties?.alt ?? '')
  if ('children' in node) return node.children.map((c) => textOf(c as RootContent)).join('')
  return ''
}

export function rehypeHeadingIds() {
  return (tree: Root) => {
    const slug = createSlugger()
    const walk = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue
        if (HEADING.test(child.tagName)) child.properties = { ...child.properties, id: slug(textOf(child)) }
        else walk(child)
      }
    }
    walk(tree)
  }
}
