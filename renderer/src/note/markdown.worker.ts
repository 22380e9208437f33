// Parses notes' markdown off the page's thread, ahead of clicks (noteCache.ts warmNotes): a big note's parse
// took tens of milliseconds of the main thread, which is busy drawing the graph in the seconds after launch.
import type { Root } from 'mdast'
import { parseNoteMarkdown } from './markdownParse'

export interface ParseRequest { id: number; markdown: string; wikilinks: Array<[string, string]> }
export interface ParseReply { id: number; tree?: Root; error?: string }

const scope = self as unknown as { onmessage: ((e: MessageEvent<ParseRequest>) => void) | null; postMessage(m: ParseReply): void }

scope.onmessage = (e) => {
  const { id, markdown, wikilinks } = e.data
  try {
    scope.postMessage({ id, tree: parseNoteMarkdown(markdown, new Map(wikilinks)) })
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) })
  }
}
