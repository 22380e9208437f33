// Issue #12: names written as inline code, short names in lists and joins of services, services inside concept
// names — and the false positives each of these must not create.
import { describe, expect, it } from 'vitest'
import { loadOntology } from '../ontology/index'
import { parseNote } from '../parse/note'
import type { Mention } from '../types'
import { createExtractor } from './index'

const extractor = createExtractor(loadOntology())
const mentions = (md: string): Mention[] =>
  parseNote({ path: 'note.md', text: md, size: md.length, mtimeMs: 0, hash: '' }, extractor).meta.mentions.filter((m) => m.entity.startsWith('service:'))
const services = (md: string) => mentions(md).map((m) => m.entity)
/** a note about AWS: the heading names it, so context rules see AWS in the section */
const aws = (body: string) => `# AWS study notes\n\n${body}`

describe('names in inline code spans', () => {
  it('counts a span that is a whole service name, at the position of the name', () => {
    const md = aws('- `RDS` and `Aurora` for relational data\n- `DynamoDB` for key-value\n- petabytes offline → `Snowball`')
    expect(mentions(md).map((m) => [m.entity, m.text, m.line, m.column])).toEqual([
      ['service:amazon-rds', 'RDS', 3, 4],
      ['service:amazon-aurora', 'Aurora', 3, 14],
      ['service:amazon-dynamodb', 'DynamoDB', 4, 4],
      ['service:aws-snow-family', 'Snowball', 5, 24],
    ])
  })

  it('counts each name of a span that lists names', () => {
    expect(services(aws('Relational: `RDS, Aurora`; messaging: `SQS/SNS`.'))).toEqual([
      'service:amazon-rds',
      'service:amazon-aurora',
      'service:amazon-simple-queue-service',
      'service:amazon-simple-notification-service',
    ])
  })

  it('applies the parent/feature convention inside code as in prose', () => {
    // a feature alone does not add its parent; a configuration option stands for it (counted by the scorer)
    expect(services(aws('Store features in `Feature Store`.'))).toEqual(['service:amazon-sagemaker-feature-store'])
    expect(services(aws('Traffic stays private with `VPC endpoints`.'))).toEqual(['service:vpc-endpoints'])
    expect(services(aws('Bias drift in SageMaker? `Clarify`.'))).toEqual(['service:amazon-sagemaker-ai', 'service:amazon-sagemaker-clarify'])
  })

  it('does not count commands, variables, file names, paths or API calls written as code', () => {
    const md = aws(
      [
        'Copy with `aws glue start-crawler --name raw`, then `pip install sagemaker`.',
        'Set `batch_size`, `use_spot_instances=True` and `SM_CHANNEL_TRAIN`.',
        'Keep `train.csv`, `Glue.json` and `athena_results/` next to `/opt/ml/model`.',
        'Call `boto3.client("s3")` or `Estimator.fit()`; set `DataCaptureConfig`; allow `kms:Decrypt`.',
      ].join('\n'),
    )
    expect(services(md)).toEqual([])
  })

  it('does not count lowercase identifiers or a name that is only part of a span', () => {
    expect(services(aws('Import `glue`, `sagemaker`, `lambda` and `athena` helpers.'))).toEqual([])
    expect(services(aws('Run `Start Glue Job` from the menu, or `Lambda Function URL Config`.'))).toEqual([])
    expect(services(aws('Read `opt/ml/Model` and `Start Glue, Lambda Function URL`.'))).toEqual([])
  })

  it('needs AWS in the note for a span that is an ordinary word', () => {
    expect(services('# Drawing\n\nPaint on a `Canvas` in `Glue` mode.')).toEqual([])
  })

  it('still reads service URIs and ARNs in code spans, and a span that is `boto3`', () => {
    expect(services('Upload to `s3://bucket/raw/`; the role is `arn:aws:iam::123456789012:role/Exec`; use `boto3`.')).toEqual([
      'service:amazon-s3',
      'service:aws-identity-and-access-management',
      'service:aws-sdk-for-python-boto3',
    ])
  })
})

describe('short names in lists and joins of services', () => {
  it('reads a short name as a service in a list with recognised services', () => {
    expect(services(aws('Glue, Batch or EMR Serverless for nightly jobs.'))).toEqual(['service:aws-glue', 'service:aws-batch', 'service:amazon-emr-serverless'])
    expect(services(aws('Kinesis Data Streams, Batch and Config.'))).toEqual(['service:amazon-kinesis-data-streams', 'service:aws-batch', 'service:aws-config'])
  })

  it('reads a short name joined to another service by "and", "or", "+" or a slash', () => {
    expect(services(aws('Cost Explorer and Budgets: an alert at 80 %.'))).toEqual(['service:aws-cost-explorer', 'service:aws-budgets'])
    expect(services(aws('Lambda or Batch for the job.'))).toEqual(['service:aws-lambda', 'service:aws-batch'])
    expect(services(aws('Sign in through Identity Center and Organizations.'))).toEqual(['service:aws-iam-identity-center', 'service:aws-organizations'])
    expect(services(aws('`Glue`, `Batch`'))).toEqual(['service:aws-glue', 'service:aws-batch'])
    expect(services(aws('Drift: Config/CloudTrail. Queue: SQS + Batch.'))).toEqual(['service:aws-config', 'service:aws-cloudtrail', 'service:amazon-simple-queue-service', 'service:aws-batch'])
  })

  it('reads a service inside a concept named after it', () => {
    expect(services(aws('IAM roles with a permissions boundary; people use IAM Identity Center.'))).toEqual([
      'service:aws-identity-and-access-management',
      'service:aws-iam-identity-center',
    ])
    expect(services(aws('Encrypt with SSE-KMS.'))).toEqual(['service:aws-key-management-service'])
  })

  it('does not read a short name from a list of other things or as an ordinary word', () => {
    expect(services(aws('Real-Time Inference or Batch, depending on latency.'))).toEqual(['service:amazon-sagemaker-real-time-inference'])
    expect(services(aws('S3 and Batch jobs, Lambda and Config files, then Q and A.'))).toEqual(['service:amazon-s3', 'service:aws-lambda'])
    expect(services(aws('## S3 and Backup Strategies'))).toEqual(['service:amazon-s3'])
    expect(services('# Kitchen\n\nGlue, Batch and Budgets.')).toEqual([])
  })
})

describe('lists of services written one per item', () => {
  it('reads a short name opening a list item when other items open with services', () => {
    expect(services(aws('- Batch\n- Glue\n- EMR'))).toEqual(['service:aws-batch', 'service:aws-glue', 'service:amazon-emr'])
    expect(services(aws('- **Batch**: container jobs\n- **Budgets** — alerts\n- **Lambda**: functions\n- **Glue**: ETL'))).toEqual([
      'service:aws-batch',
      'service:aws-budgets',
      'service:aws-lambda',
      'service:aws-glue',
    ])
  })

  it('does not read item titles as services beside features, in table row labels or in notes not about AWS', () => {
    expect(services(aws('- Batch: offline scoring\n- Real-Time Inference: low latency'))).toEqual(['service:amazon-sagemaker-real-time-inference'])
    expect(services(aws('| Step | Where |\n|---|---|\n| Transform | AWS Lambda |\n| Chatbots | Lex |'))).toEqual(['service:aws-lambda', 'service:amazon-lex'])
    expect(services('# Setup\n\n- Lambda: edit the file\n- Glue: nightly\n- Config: defaults')).toEqual([])
  })
})

describe('lowercase words in prose', () => {
  it('never reads lowercase glue, athena, batch or budgets as services, even beside service names', () => {
    const md = aws(
      'The helper is glue code between S3 and Lambda; the box is called athena; scoring runs in batch, and budgets, batch and glue are plain words.',
    )
    expect(services(md)).toEqual(['service:amazon-s3', 'service:aws-lambda'])
  })
})
