// Remark plugin: `[[Note]]`, `[[Note#Heading]]` and `[[Note|shown text]]` become links to the note the
// engine resolved them to (NoteDoc.links); unresolved ones stay plain text. Code is never touched.
import type { Link, Root, Text } from 'mdast'
import { visit, SKIP } from 'unist-util-visit'
import { slugify } from '../../../electron/core/parse/slug'

const WIKILINK = /\[\[([^\]\n|]+?)(?:\|([^\]\n]*))?\]\]/g

/** `resolved` maps a wikilink target as written (alias removed) to a note path relative to the folder. */
export function remarkWikilinks(options: { resolved: Map<string, string> }) {
  const { resolved } = options
  return (tree: Root) => {
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('[[')) return
      const parts: Array<Text | Link> = []
      let last = 0
      for (const m of node.value.matchAll(WIKILINK)) {
        const target = m[1].trim()
        const path = resolved.get(target)
        if (!path) continue
        const start = m.index ?? 0
        if (start > last) parts.push({ type: 'text', value: node.value.slice(last, start) })
        const heading = target.includes('#') ? target.slice(target.indexOf('#') + 1) : ''
        const url = `/${path.split('/').map(encodeURIComponent).join('/')}${heading ? `#${encodeURIComponent(slugify(heading))}` : ''}`
        parts.push({ type: 'link', url, children: [{ type: 'text', value: (m[2] ?? '').trim() || target }] })
        last = start + m[0].length
      }
      if (parts.length === 0) return
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) })
      parent.children.splice(index, 1, ...parts)
      return [SKIP, index + parts.length]
    })
  }
}
