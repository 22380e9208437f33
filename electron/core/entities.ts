// The ontology and extractor the index uses, loaded once per thread. The extraction helper's module provides
// `loadOntology()` and `createExtractor(ontology)`; until both exist the index runs with an empty ontology
// (no mentions), so everything else keeps working.
import { createHash } from 'node:crypto'
import * as extractModule from './extract/index'
import type { Extractor } from './extract/index'
import type { Ontology } from './ontology/types'

export interface Entities {
  ontology: Ontology
  extractor?: Extractor
  /** changes whenever the ontology data changes; part of the persisted index key */
  version: string
}

type ExtractApi = {
  loadOntology?: () => Ontology | Promise<Ontology>
  createExtractor?: (o: Ontology) => Extractor
}

let loading: Promise<Entities> | undefined

export function loadEntities(): Promise<Entities> {
  loading ??= (async () => {
    const api = extractModule as unknown as ExtractApi
    const ontology: Ontology = api.loadOntology ? await api.loadOntology() : { entities: [], byId: new Map() }
    const extractor = api.createExtractor ? api.createExtractor(ontology) : undefined
    const version = createHash('sha1').update(JSON.stringify(ontology.entities)).update(extractor ? 'x' : '-').digest('hex').slice(0, 16)
    return { ontology, extractor, version }
  })()
  return loading
}
