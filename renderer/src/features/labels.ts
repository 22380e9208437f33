// Display names for node ids, including ids that are not in the graph (e.g. an exam's in-scope
// service that no note mentions, so the engine made no node for it).
import type { Graph, GraphNode } from '../../../electron/core/types'

const UPPER = new Set(['aws', 'ai', 's3', 'ec2', 'emr', 'rds', 'vpc', 'iam', 'kms', 'sns', 'sqs', 'api', 'ml', 'mq', 'msk', 'ecs', 'eks', 'ecr', 'efs', 'ebs', 'sdk', 'cdk', 'dms', 'waf', 'mwaa', 'db', 'hpc'])
const MIXED: Record<string, string> = { fsx: 'FSx', documentdb: 'DocumentDB', dynamodb: 'DynamoDB', opensearch: 'OpenSearch', quicksight: 'QuickSight', sagemaker: 'SageMaker', cloudwatch: 'CloudWatch', cloudtrail: 'CloudTrail', cloudformation: 'CloudFormation', cloudfront: 'CloudFront', eventbridge: 'EventBridge', elasticache: 'ElastiCache', databrew: 'DataBrew', codebuild: 'CodeBuild', codedeploy: 'CodeDeploy', codepipeline: 'CodePipeline', codeartifact: 'CodeArtifact', codeguru: 'CodeGuru', devops: 'DevOps', healthlake: 'HealthLake', x: 'X' }

/** `service:amazon-fsx` → "Amazon FSx" (best effort for ids the graph does not hold). */
export function prettifyId(id: string): string {
  const colon = id.indexOf(':')
  const rest = colon >= 0 ? id.slice(colon + 1) : id
  if (id.startsWith('note:')) return rest.split('/').pop()!.replace(/\.md$/i, '')
  return rest
    .split('-')
    .filter(Boolean)
    .map((w) => MIXED[w] ?? (UPPER.has(w) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1)))
    .join(' ')
}

export function nodeIndex(graph: Graph): Map<string, GraphNode> {
  return new Map(graph.nodes.map((n) => [n.id, n]))
}

export function labelOf(index: Map<string, GraphNode>, id: string): string {
  return index.get(id)?.label ?? prettifyId(id)
}
