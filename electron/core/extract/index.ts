// Entity extraction entry point (owned by the extraction helper; engine calls it once per note).
import type { Root } from 'mdast'
import type { Mention, Section } from '../types'
import type { Ontology } from '../ontology/types'

export interface Extractor {
  /**
   * Find service/concept mentions in a parsed note. `root` is the mdast tree (positions are lines in the
   * markdown passed to the parser); `sections` are the note's sections so each mention gets its section id.
   */
  extract(root: Root, sections: Section[]): Mention[]
}

export type { Ontology }
