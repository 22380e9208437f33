// Shape of the ontology kept in the repo as data (services.json, concepts.json).

export interface OntologyEntity {
  /** `service:<kebab canonical name>` or `concept:<kebab>` */
  id: string
  type: 'service' | 'concept'
  /** canonical current name, e.g. "Amazon Data Firehose" */
  name: string
  /** services: AWS category ("Analytics"…); concepts: our grouping ("Metrics", "Data formats"…) */
  category: string
  /** features: id of the parent service */
  parent?: string
  /** true for named features of a service (SageMaker Feature Store, Glue Data Catalog…) */
  feature?: boolean
  /** other names that mean this entity (matched case-insensitively unless listed in caseSensitive) */
  aliases: string[]
  /** former names still seen in notes (Kinesis Data Firehose → Amazon Data Firehose) */
  formerNames?: string[]
}

export interface Ontology {
  entities: OntologyEntity[]
  byId: Map<string, OntologyEntity>
}
