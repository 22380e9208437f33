import type { NoteDoc } from '../../../electron/core/types'

/** A note's wikilinks as written → the note paths the engine resolved them to. */
export function wikilinkMap(doc: NoteDoc): Map<string, string> {
  return new Map(doc.links.filter((l) => l.kind === 'wikilink' && l.resolved).map((l) => [l.target, l.resolved!]))
}
