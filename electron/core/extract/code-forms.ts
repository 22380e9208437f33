// Code counts only where it plainly names a service: SDK imports, boto3 clients, ARNs and service URIs.
// Variable names (`s3_bucket`) and configuration keys (`DataCaptureConfig`) never count.
import type { OntologyEntity } from '../ontology/types'
import type { Matcher } from './matcher'

export interface CodeHit {
  entity: OntologyEntity
  /** offset and length in the code text */
  at: number
  text: string
}

const BOTO3 = /\bboto3\b/g
const SAGEMAKER_SDK = /\b(?:from\s+sagemaker(?:\.[\w.]+)?\s+import|import\s+sagemaker)\b/g
const CLIENT = /\b(?:client|resource)\(\s*(?:service_name\s*=\s*)?['"]([a-z0-9-]+)['"]/g
const ARN = /\barn:aws[a-z-]*:([a-z0-9-]+):/g
const URI = /(?<![\w.+-])([a-z][a-z0-9-]*):\/\//g
/** `aws s3 cp …`, `$ aws glue start-crawler`: an AWS CLI command names its service */
const CLI = /^[ \t]*(?:\$[ \t]*)?aws[ \t]+([a-z0-9-]+)\b/gm
/** URI schemes that are protocols, not AWS services */
const NOT_SERVICES = new Set(['http', 'https', 'ftp', 'file', 'mailto', 'git', 'ssh', 'ws', 'wss', 'jdbc', 'postgresql', 'mysql', 'redis', 'mongodb', 'hdfs'])

/** Inline code is a name only as a whole (`boto3`, `import boto3`); a call or a command in it is not a mention. */
const BOTO3_SPAN = /^\s*(?:import\s+)?(boto3)\s*$/g

/**
 * Service mentions in code. `inline` (a code span in prose): only SDK imports, ARNs, service URIs and the span
 * `boto3` itself count; calls (`boto3.client('s3')`) and commands (`aws s3 cp`) are left to the prose around them.
 */
export function findCodeForms(code: string, matcher: Matcher, named: (name: string) => OntologyEntity | undefined, inline = false): CodeHit[] {
  const hits: CodeHit[] = []
  const boto3 = named('AWS SDK for Python (Boto3)')
  const sdk = named('Amazon SageMaker Python SDK')
  if (boto3) for (const m of code.matchAll(inline ? BOTO3_SPAN : BOTO3)) hits.push({ entity: boto3, at: m.index + m[0].indexOf('boto3'), text: 'boto3' })
  if (sdk) for (const m of code.matchAll(SAGEMAKER_SDK)) hits.push({ entity: sdk, at: m.index, text: m[0] })
  for (const re of inline ? [ARN, URI] : [CLIENT, ARN, URI, CLI]) {
    for (const m of code.matchAll(re)) {
      const key = m[1]
      if (re === URI && NOT_SERVICES.has(key)) continue
      const e = matcher.sdkClients.get(key)
      if (e) hits.push({ entity: e, at: m.index + m[0].indexOf(key), text: key })
    }
  }
  return hits
}
