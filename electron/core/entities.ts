// The ontology and extractor the index uses, loaded once per thread (main and each parse worker).
import { createHash } from 'node:crypto'
import { createExtractor, type Extractor } from './extract/index'
import { loadOntology } from './ontology/index'
import type { Ontology } from './ontology/types'

export interface Entities {
  ontology: Ontology
  extractor?: Extractor
  /** changes whenever the ontology data changes; part of the persisted index key */
  version: string
}

let loading: Promise<Entities> | undefined

export function loadEntities(): Promise<Entities> {
  loading ??= (async () => {
    const ontology = loadOntology()
    const version = createHash('sha1').update(JSON.stringify(ontology.entities)).digest('hex').slice(0, 16)
    // built on first use: a warm start parses nothing, and building the matcher is a good part of its time
    let extractor: Extractor | undefined
    return { ontology, version, get extractor() { return (extractor ??= createExtractor(ontology)) } }
  })()
  return loading
}
