// The one markdown processor of the app, built once per thread.
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'
import type { Root } from 'mdast'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])

/** Parse markdown (frontmatter included) into mdast; positions are lines of the text passed in. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text)
}
