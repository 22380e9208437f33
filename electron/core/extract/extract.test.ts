import { describe, expect, it } from 'vitest'
import { loadOntology } from '../ontology/index'
import { parseNote } from '../parse/note'
import type { Mention } from '../types'
import { createExtractor } from './index'

const extractor = createExtractor(loadOntology())

function mentions(markdown: string): Mention[] {
  return parseNote({ path: 'note.md', text: markdown, size: markdown.length, mtimeMs: 0, hash: '' }, extractor).meta.mentions
}
/** entity ids of services, in order of appearance */
const services = (md: string) => mentions(md).filter((m) => m.entity.startsWith('service:')).map((m) => m.entity)
const texts = (md: string) => mentions(md).filter((m) => m.entity.startsWith('service:')).map((m) => `${m.entity}=${m.text}`)

describe('longest match', () => {
  it('takes a feature without its parent and a product without its family', () => {
    expect(services('Store features in SageMaker Feature Store.')).toEqual(['service:amazon-sagemaker-feature-store'])
    expect(services('Ingest with Amazon Kinesis Data Streams.')).toEqual(['service:amazon-kinesis-data-streams'])
    expect(services('Profile data with AWS Glue DataBrew first.')).toEqual(['service:aws-glue-databrew'])
  })

  it('still finds the parent when it is named on its own', () => {
    expect(services('SageMaker Clarify is part of Amazon SageMaker.')).toEqual(['service:amazon-sagemaker-clarify', 'service:amazon-sagemaker-ai'])
  })
})

describe('former names', () => {
  it('maps old names to the current entity and keeps the text as written', () => {
    expect(texts('Deliver records with Kinesis Data Firehose to S3.')).toEqual(['service:amazon-data-firehose=Kinesis Data Firehose', 'service:amazon-s3=S3'])
    expect(services('Run SQL on streams with Kinesis Data Analytics.')).toEqual(['service:amazon-managed-service-for-apache-flink'])
    expect(services('Search logs in Amazon Elasticsearch Service.')).toEqual(['service:amazon-opensearch-service'])
    expect(services('Code suggestions came from CodeWhisperer.')).toEqual(['service:amazon-q-developer'])
    expect(services('Alerts go to Slack through AWS Chatbot.')).toEqual(['service:amazon-q-developer-in-chat-applications'])
  })
})

describe('ambiguous short names', () => {
  it('ignores ordinary words without AWS context', () => {
    expect(services('# Gardening\n\nGlue the pieces. The Batch was large. Translate the poem.')).toEqual([])
    expect(services('Tune lambda, the L2 penalty, and the batch size.')).toEqual([])
  })

  it('accepts them when the sentence, list or table names AWS', () => {
    expect(services('Use Glue to catalog data in S3.')).toEqual(['service:aws-glue', 'service:amazon-s3'])
    expect(services('- Amazon Rekognition for images\n- Comprehend for text\n')).toEqual(['service:amazon-rekognition', 'service:amazon-comprehend'])
    expect(services('| Need | Service |\n|---|---|\n| Speech | Amazon Transcribe |\n| Chat | Lex |\n')).toEqual([
      'service:amazon-transcribe',
      'service:amazon-lex',
    ])
  })

  it('accepts a capitalised product name mid-sentence in a section about AWS', () => {
    expect(services('# AWS analytics\n\nFor ad-hoc SQL, Athena reads the files in place.')).toContain('service:amazon-athena')
  })

  it('treats a sentence-opening word followed by its object as an ordinary word', () => {
    expect(services('# AWS AI services\n\nAmazon Comprehend finds entities.\n\nTranslate text before training.')).toEqual(['service:amazon-comprehend'])
  })

  it('reads a product opening a sentence with its verb as the product', () => {
    expect(services('# AWS analytics\n\nGlue crawlers fill the catalog; Athena queries it in place.')).toEqual(['service:aws-glue-crawlers', 'service:amazon-athena'])
    expect(services('# AWS AI services\n\n| Scenario | Service |\n|---|---|\n| "Forecast sales next quarter" | Amazon SageMaker |\n')).toEqual([
      'service:amazon-sagemaker-ai',
    ])
  })

  it('counts AWS named at the end of a sentence as context, but not inside a host name', () => {
    expect(services('Personalize recommends items in real time on AWS.')).toEqual(['service:amazon-personalize'])
    expect(services('Personalize recommends items, see aws.amazon.com for more.')).toEqual([])
  })

  it('reads only names that are English verbs as imperatives, features included', () => {
    expect(services('# SageMaker\n\nClarify the business goal before picking a metric.')).toEqual(['service:amazon-sagemaker-ai'])
    expect(services('# SageMaker\n\n- **Neo optimization** shrinks the model\n')).toEqual(['service:amazon-sagemaker-ai', 'service:amazon-sagemaker-neo'])
    expect(services('# AWS analytics\n\nAthena query results land in S3.')).toEqual(['service:amazon-athena', 'service:amazon-s3'])
  })

  it('reads a name that is not a verb as the name even before a lowercase word', () => {
    expect(services('Lambdas that resize images run on AWS.')).toEqual(['service:aws-lambda'])
    expect(services('Glue code moves columns around in our AWS project.')).toEqual([])
    expect(services('Forecasts were off by 10% in the AWS demo.')).toEqual([])
  })

  it('treats an emoji or symbol like a bullet that opens the item', () => {
    expect(services('# SageMaker\n\n- ✅ Use Managed Spot Training\n- 🚀 Use Glue on AWS\n')).toEqual([
      'service:amazon-sagemaker-ai',
      'service:amazon-sagemaker-managed-spot-training',
      'service:aws-glue',
    ])
  })

  it('needs AWS or Amazon before the most common words', () => {
    expect(services('# AWS\n\nBatch jobs and Config files, then Amazon Q and Q.')).toEqual(['service:amazon-q'])
    expect(services('Schedule container jobs on AWS Batch.')).toEqual(['service:aws-batch'])
  })

  it('keeps acronyms case-sensitive', () => {
    expect(services('Spark runs on EMR.')).toEqual(['service:amazon-emr'])
    expect(services('the emr of a patient')).toEqual([])
  })
})

describe('features written as ordinary phrases', () => {
  it('counts a lowercase SageMaker feature when SageMaker is the context', () => {
    expect(services('# SageMaker hosting\n\nUse batch transform for nightly scoring.')).toContain('service:amazon-sagemaker-batch-transform')
  })

  it('does not count generic lowercase phrases as features', () => {
    const ids = mentions('# Serving\n\nWe compare real-time inference with a model registry.').map((m) => m.entity)
    expect(ids).not.toContain('service:amazon-sagemaker-real-time-inference')
    expect(ids).not.toContain('service:amazon-sagemaker-model-registry')
    expect(ids).toContain('concept:real-time-inference')
  })

  it('counts a capitalised feature name in a note about AWS', () => {
    expect(services('# AWS MLOps\n\n## Versioning\n\nRegister every model in Model Registry.')).toContain('service:amazon-sagemaker-model-registry')
  })

  it('does not read a generic feature name right after another product as the AWS feature', () => {
    expect(services('# AWS MLOps\n\nWe log runs to the MLflow Model Registry, then deploy with Amazon SageMaker.')).toEqual(['service:amazon-sagemaker-ai'])
    expect(services('# AWS MLOps\n\nWe compared Databricks Feature Store with Amazon SageMaker.')).toEqual(['service:amazon-sagemaker-ai'])
    expect(services('# AWS MLOps\n\nThe Model Registry keeps versions.')).toEqual(['service:amazon-sagemaker-model-registry'])
    // …but one of our own names before it is fine, and distinctive lowercase-mode names are never vetoed
    expect(services('# SageMaker\n\nBias reports come from Clarify Processing Jobs.')).toContain('service:amazon-sagemaker-processing')
    expect(services('# SageMaker\n\nRun an XGBoost Batch Transform job nightly.')).toContain('service:amazon-sagemaker-batch-transform')
    // a capitalised function word is not a product name, and a name written without its brand is still the name
    expect(services('| Setup | Access |\n|---|---|\n| S3 + Glue (No Lake Formation) | IAM only |\n')).toContain('service:aws-lake-formation')
    expect(services('# AWS\n\nData teams now work in SageMaker Unified Studio.')).toEqual(['service:amazon-sagemaker-unified-studio'])
  })

  it('does not let an unaccepted feature name leak its words ("Batch Transform" is not AWS Batch)', () => {
    expect(services('# Gardening\n\nBatch Transform of the soil.')).toEqual([])
  })
})

describe('lists, tables and diagrams', () => {
  it('expands a product family row into its member services', () => {
    const md = '# AWS AI services\n\n| Service | Variants |\n|---|---|\n| Lookout | Metrics, Vision, Equipment |\n\nA bare Lookout is nothing.\n'
    expect(services(md)).toEqual(['service:amazon-lookout-for-metrics', 'service:amazon-lookout-for-vision', 'service:amazon-lookout-for-equipment'])
  })

  it('expands a family word followed by an enumeration of its members, and nothing looser', () => {
    expect(services('# AWS AI\n\nAmazon Lookout for Metrics, Vision, and Equipment all find anomalies.')).toEqual([
      'service:amazon-lookout-for-metrics',
      'service:amazon-lookout-for-vision',
      'service:amazon-lookout-for-equipment',
    ])
    expect(services('# AWS AI\n\nA bare Lookout keeps watch; Computer Vision is Rekognition on AWS.')).toEqual(['service:amazon-rekognition'])
    expect(services('# AWS AI\n\n| Family | Task | Data |\n|---|---|---|\n| Lookout | Anomalies | Metrics/Images/Sensors |\n')).toEqual([])
  })

  it('reads a generic phrase as the feature only when a cue or a sibling option is beside it', () => {
    const hosting = '# SageMaker hosting\n\n| Option | Use |\n|---|---|\n| Real-time inference | low latency |\n| Batch Transform | offline |\n'
    expect(services(hosting)).toContain('service:amazon-sagemaker-real-time-inference')
    expect(services('# SageMaker hosting\n\n- **Endpoints** - Real-time inference\n')).toContain('service:amazon-sagemaker-real-time-inference')
    expect(services('# SageMaker\n\n- **Integration:** Real-time inference with streaming data\n')).not.toContain('service:amazon-sagemaker-real-time-inference')
  })

  it('does not read a word inside another product name as an AWS name', () => {
    expect(services('# SageMaker tooling\n\nEdit the code in Visual Studio Code or SageMaker Studio.')).toEqual([
      'service:amazon-sagemaker-ai',
      'service:amazon-sagemaker-studio',
    ])
  })

  it('does not read a compound word as a name', () => {
    expect(services('# SageMaker\n\nSpark runs micro-batch transforms on Amazon EMR.')).toEqual(['service:amazon-sagemaker-ai', 'service:amazon-emr'])
  })

  it('reads diagrams, but a capitalised generic label there needs its parent on the same line', () => {
    const md = '# SageMaker monitoring\n\n```mermaid\nA[Predictions] --> B[Wait for Ground Truth]\nC[SageMaker Ground Truth] --> D[Amazon S3]\n```\n'
    const found = mentions(md).filter((m) => m.entity === 'service:amazon-sagemaker-ground-truth')
    expect(found.map((m) => m.line)).toEqual([5])
    expect(services(md)).toContain('service:amazon-s3')
  })
})

describe('code, links and URLs', () => {
  it('ignores names inside code except the forms that plainly name a service', () => {
    const md = [
      '# Setup',
      '',
      '```python',
      'import boto3',
      'from sagemaker.estimator import Estimator',
      's3_train_data = "s3://bucket/train"',
      'role = "arn:aws:iam::123456789012:role/Exec"',
      'sns = SageMaker = "Glue Lambda"',
      '```',
      '',
      'Inline `DataCaptureConfig` and `kms_key` do not count.',
    ].join('\n')
    expect(services(md).sort()).toEqual(
      ['service:amazon-s3', 'service:amazon-sagemaker-python-sdk', 'service:aws-identity-and-access-management', 'service:aws-sdk-for-python-boto3'].sort(),
    )
  })

  it('counts link text, never the URL', () => {
    expect(services('See [the docs](https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html).')).toEqual([])
    expect(services('See [Amazon S3 pricing](https://aws.amazon.com/s3/pricing/).')).toEqual(['service:amazon-s3'])
    expect(services('Visit https://aws.amazon.com/sagemaker/ today.')).toEqual([])
  })

  it('reads inline code forms and AWS CLI commands', () => {
    expect(services('Upload to `s3://my-bucket/data/` first.')).toEqual(['service:amazon-s3'])
    expect(services('```bash\n$ aws sagemaker list-endpoints\naws configure\n```\n')).toEqual(['service:amazon-sagemaker-ai'])
  })
})

describe('plurals, possessives and positions', () => {
  it('matches plurals and possessives', () => {
    expect(texts('Two Lambdas read S3’s events and EBS volumes.')).toEqual([
      'service:aws-lambda=Lambdas',
      'service:amazon-s3=S3',
      'service:amazon-elastic-block-store=EBS',
    ])
    expect(texts("Amazon S3's durability is high.")).toEqual(['service:amazon-s3=Amazon S3'])
    expect(texts('EC2 instances and ECS tasks.')).toEqual(['service:amazon-ec2=EC2', 'service:amazon-elastic-container-service=ECS'])
  })

  it('reports line, column and the innermost section', () => {
    const md = ['Intro mentions Amazon S3.', '', '# Storage', '', '## Block', '', 'Attach Amazon EBS volumes.', '', '# Compute', '', '- Run on **Amazon EC2**'].join('\n')
    const found = mentions(md).filter((m) => m.entity.startsWith('service:'))
    expect(found.map((m) => [m.entity, m.line, m.column, m.section])).toEqual([
      ['service:amazon-s3', 1, 16, ''],
      ['service:amazon-elastic-block-store', 7, 8, 'block'],
      ['service:amazon-ec2', 11, 12, 'compute'],
    ])
  })

  it('finds names in headings, table cells and image alt text', () => {
    const md = '# Amazon SageMaker\n\n| a | b |\n|---|---|\n| AWS Glue | x |\n\n![Amazon Athena console](shot.png)\n'
    expect(services(md)).toEqual(['service:amazon-sagemaker-ai', 'service:aws-glue', 'service:amazon-athena'])
  })
})

describe('robustness', () => {
  it('handles empty and odd input', () => {
    expect(mentions('')).toEqual([])
    expect(mentions('---\ntitle: x\n---\n')).toEqual([])
    expect(() => mentions('| broken | table\n|---\n```\nunclosed fence SageMaker')).not.toThrow()
  })
})
