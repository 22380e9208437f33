// Shape of the ontology kept in the repo as data (services.json, concepts.json).

/**
 * How a bare alias may be matched in prose (build-ontology.ts decides, the extractor obeys):
 * - `strong`: anywhere, any letter case ("SageMaker", "Kinesis Data Streams", "Amazon S3")
 * - `exact`: anywhere, letter case as written ("EMR", "S3", "KMS")
 * - `name`: anywhere, capitalised words stay capitalised ("Glue crawler", "Lambda functions")
 * - `word`: an ordinary word or name ("Glue", "Lambda", "Batch"): capitalised, and only with AWS context
 * - `title`: a phrase that is ordinary in lowercase ("Model Registry", "Step Functions"): capitalised, with context
 * - `lower`: a feature name that keeps its meaning in lowercase ("batch transform"): lowercase needs the parent in context
 * - `qualified`: never alone; only right after AWS/Amazon or the parent's name ("Amazon Q", "SageMaker HPO")
 */
export type AliasMode = 'strong' | 'exact' | 'name' | 'word' | 'title' | 'lower' | 'qualified'

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
  /** true for configuration-level parts (Glue crawlers, VPC endpoints): for counting they stand for their parent */
  option?: boolean
  /** other names that mean this entity */
  aliases: string[]
  /** former names still seen in notes (Kinesis Data Firehose → Amazon Data Firehose) */
  formerNames?: string[]
  /** match mode of the name, each alias and each former name (missing → `strong`) */
  match?: Record<string, AliasMode>
  /**
   * features only: words that confirm a generic lowercase use of the feature's name when they appear in the
   * same row or list item, or in the short label just before it ("Endpoints: real-time inference")
   */
  cues?: string[]
  /** bare aliases that are also English verbs ("Translate"): an imperative opening a sentence is not the product */
  verbs?: string[]
  /** boto3 client names (`boto3.client('s3')`), services only */
  sdkClients?: string[]
}

export interface Ontology {
  entities: OntologyEntity[]
  byId: Map<string, OntologyEntity>
}
