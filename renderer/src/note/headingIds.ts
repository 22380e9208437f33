// Rehype plugin: give headings the ids the engine gives sections (Section.id), prefixed with `h-`, so a
// section id from the backend finds its heading in the rendered note. The prefix matters: an element id
// becomes a global in the page (`## api` would otherwise replace `window.api`). Runs after
// rehype-sanitize, which would otherwise prefix or drop ids.
import type { Element, Root, RootContent } from 'hast'
import { createSlugger } from '../../../electron/core/parse/slug'

const HEADING = /^h[1-6]$/

/** Prefix of every rendered heading id: no id a note can produce then names a global of the page. */
export const HEADING_ID_PREFIX = 'h-'

export const headingId = (section: string): string => `${HEADING_ID_PREFIX}${section}`

/**
 * The rendered heading of a section id. A link may also name the rendered id itself (`#h-storage`), which
 * is tried second, so a section whose own slug starts with `h-` still wins.
 */
export function findHeading(root: ParentNode, section: string): HTMLElement | null {
  const byId = (id: string) => root.querySelector<HTMLElement>(`#${CSS.escape(id)}`)
  return byId(headingId(section)) ?? (section.startsWith(HEADING_ID_PREFIX) ? byId(section) : null)
}

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
        if (HEADING.test(child.tagName)) child.properties = { ...child.properties, id: headingId(slug(textOf(child))) }
        else walk(child)
      }
    }
    walk(tree)
  }
}
