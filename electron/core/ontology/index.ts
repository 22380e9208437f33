// The ontology as the app uses it: services/features (generated services.json) + ML concepts (concepts.json).
// JSON is imported (not read from disk) so it works the same under tsx, Vitest and the Vite bundle.
import services from './services.json'
import concepts from './concepts.json'
import type { Ontology, OntologyEntity } from './types'

export type { AliasMode, Ontology, OntologyEntity } from './types'
export { entityIdFor, kebab } from './ids'

let cached: Ontology | undefined
let names: Map<string, OntologyEntity> | undefined

/** The bundled ontology (built once, then shared: treat it as read-only). */
export function loadOntology(): Ontology {
  if (!cached) cached = createOntology([...(services as OntologyEntity[]), ...(concepts as OntologyEntity[])])
  return cached
}

export function createOntology(entities: OntologyEntity[]): Ontology {
  return { entities, byId: new Map(entities.map((e) => [e.id, e])) }
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()

/** name → entity over canonical names, aliases and former names (canonical names win over aliases). */
function nameIndex(ontology: Ontology): Map<string, OntologyEntity> {
  const idx = new Map<string, OntologyEntity>()
  for (const e of ontology.entities) idx.set(norm(e.name), e)
  for (const e of ontology.entities) {
    for (const a of [...e.aliases, ...(e.formerNames ?? [])]) {
      const k = norm(a)
      if (!idx.has(k)) idx.set(k, e)
    }
  }
  return idx
}

/**
 * Map a name as people write it ("Amazon Kinesis", "Amazon S3 Glacier", "Kinesis Data Firehose", "AWS Athena")
 * to an entity. Tries the exact name, then the name without or with an AWS/Amazon prefix. Case-insensitive.
 */
export function resolveName(nameOrAlias: string, ontology: Ontology = loadOntology()): OntologyEntity | undefined {
  const idx = ontology === cached ? (names ??= nameIndex(ontology)) : nameIndex(ontology)
  const k = norm(nameOrAlias)
  if (!k) return undefined
  const direct = idx.get(k)
  if (direct) return direct
  const bare = k.replace(/^(aws|amazon) /, '')
  if (bare !== k) return idx.get(bare) ?? idx.get(`aws ${bare}`) ?? idx.get(`amazon ${bare}`)
  return idx.get(`aws ${k}`) ?? idx.get(`amazon ${k}`)
}

/** The former name used in `text` ("Kinesis Data Firehose"), when `text` names the entity by an old name. */
export function formerNameUsed(entity: OntologyEntity, text: string): string | undefined {
  const written = norm(text)
  const singular = written.replace(/(?:'s|’s|s)$/, '')
  const former = entity.formerNames ?? []
  return (
    former.find((f) => norm(f) === written || norm(f) === singular) ??
    former.find((f) => norm(f).replace(/^(aws|amazon) /, '') === singular)
  )
}
