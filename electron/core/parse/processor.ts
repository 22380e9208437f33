// The one markdown processor of the app, built once per thread.
import { unified, type Processor } from 'unified'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item'
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote'
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item'
import type { Root } from 'mdast'

/**
 * GFM as remark-gfm parses it, without the autolink-literal extension. That extension tries every word as a
 * possible bare URL or e-mail address and took 22–48% of a note's parse (0.52× parse time on the synthetic
 * vault, 0.63× on the bundled notes, 0.78× on the foreign corpus without it). The index never needs bare URLs as
 * link nodes: they point outside the folder (parse/links.ts ignores every URL with a scheme), and the entity
 * text masks them with a cheap scan instead (extract/bare-urls.ts). The note reader renders with full remark-gfm.
 */
function gfmWithoutAutolinkLiterals(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem())
  ;(data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown())
}

const processor = unified().use(remarkParse).use(gfmWithoutAutolinkLiterals).use(remarkFrontmatter, ['yaml'])

/** Parse markdown (frontmatter included) into mdast; positions are lines of the text passed in. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text)
}
