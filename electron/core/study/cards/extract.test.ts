// Card extraction from one note's text: each kind, the false positives to avoid, ids, lines and diagnostics.
import { beforeAll, describe, expect, it } from 'vitest'
import { loadEntities } from '../../entities'
import type { Extractor } from '../../extract/index'
import { parseNote } from '../../parse/note'
import type { Card } from '../types'
import type { NoteCards } from './extract'
import { MAX_CARD_CHARS } from './extract'

let extractor: Extractor | undefined
beforeAll(async () => {
  extractor = (await loadEntities()).extractor
})

function cardsOf(text: string, path = 'D1/note.md'): NoteCards {
  const parsed = parseNote({ path, text, size: text.length, mtimeMs: 0, hash: '' }, extractor, { cards: true })
  if (!parsed.cards) throw new Error('no cards from parseNote')
  return parsed.cards
}
const sides = (cards: Card[]) => cards.map((c) => [c.kind, c.front, c.back])
/** the file line a card points at */
const lineOf = (text: string, c: Card) => text.split('\n')[c.line - 1]

describe('exam tips', () => {
  it('turns "when a question says X, think Y" and "If …, choose …" bullets into cue → answer cards', () => {
    const { cards } = cardsOf('# Tips\n\n- When a question says "convert age into groups", think binning.\n- If the data arrives as a stream, choose Amazon Kinesis Data Streams.\n')
    expect(sides(cards)).toEqual([
      ['tip', 'When a question says "convert age into groups", think …', 'binning'],
      ['tip', 'If the data arrives as a stream, choose …', 'Amazon Kinesis Data Streams'],
    ])
  })

  it('reads "X → Y", an "Exam tip:" label, and a second cue after a semicolon', () => {
    const text = [
      '# Tips',
      '',
      '- **"Need a managed foundation model"** → Amazon Bedrock',
      '- **Exam tip:** when it says **"retired"**, pick AWS Inferentia',
      '- When it says "reduce the number of features", think PCA; "group customers without labels" → K-Means.',
      '',
    ].join('\n')
    expect(sides(cardsOf(text).cards)).toEqual([
      ['tip', '"Need a managed foundation model"', 'Amazon Bedrock'],
      ['tip', 'when it says "retired", pick …', 'AWS Inferentia'],
      ['tip', 'When it says "reduce the number of features", think …', 'PCA'],
      ['tip', 'When it says "group customers without labels" → …', 'K-Means'],
    ])
  })

  it('leaves chains of arrows, numbers and labelled examples alone', () => {
    const text = '# Flow\n\n- S3 upload → EventBridge → Lambda\n- Reduce features from 1000 → 50\n- Example: user asks → agent answers\n'
    expect(cardsOf(text).cards).toEqual([])
  })
})

describe('exam tips as other notes word them', () => {
  it('"If …, you\'ll know it\'s X" and "If …, that\'s going to be X"', () => {
    const { cards } = cardsOf('# Tips\n\n- If you see a question about shards, you\'ll know its **Kinesis Data Streams**\n- If it needs no consumers to manage, that\'s going to be **Amazon Data Firehose**\n- If in doubt, read the question twice\n')
    expect(cards.map((c) => [c.line, c.back])).toEqual([[3, 'Kinesis Data Streams'], [4, 'Amazon Data Firehose']])
  })
})

describe('definitions', () => {
  it('reads **Term**: text, **Term:** text, **Term** — text and a plain Term — text bullet', () => {
    const text = [
      '# Storage',
      '',
      '- **Amazon S3**: object storage for the data lake.',
      '- **Amazon EFS:** shared file system for many instances.',
      '- **SMOTE** (Synthetic Minority Over-sampling Technique) — creates synthetic minority examples.',
      '- Amazon FSx for Lustre — high-throughput file system linked to S3.',
      '- *Tag immutability* – stops a tag from being overwritten.',
      '',
    ].join('\n')
    expect(sides(cardsOf(text).cards)).toEqual([
      ['definition', 'Amazon S3', 'object storage for the data lake'],
      ['definition', 'Amazon EFS', 'shared file system for many instances'],
      ['definition', 'SMOTE (Synthetic Minority Over-sampling Technique)', 'creates synthetic minority examples'],
      ['definition', 'Amazon FSx for Lustre', 'high-throughput file system linked to S3'],
      ['definition', 'Tag immutability', 'stops a tag from being overwritten'],
    ])
  })

  it('takes the answer of an open term from the list below it, and gives labels their section', () => {
    const text = [
      '## What is transfer learning?',
      '',
      '**Definition:** Use a pre-trained model as the starting point.',
      '',
      '- **Pros:** fast',
      '- **Oversampling methods**:',
      '  - random oversampling',
      '  - SMOTE',
      '- **Trade-off**: more data, more cost',
      '',
    ].join('\n')
    expect(sides(cardsOf(text).cards)).toEqual([
      ['definition', 'What is transfer learning?', 'Use a pre-trained model as the starting point'],
      ['definition', 'Oversampling methods', 'random oversampling; SMOTE'],
      ['definition', 'What is transfer learning?: Trade-off', 'more data, more cost'],
    ])
  })
})

describe('definition bullets as other notes write them', () => {
  it('reads hyphen, italic, code, lower-case, decorated, linked, numbered and bare-bold-over-a-list terms, each at its line', () => {
    const text = [
      '# Glossary',
      '',
      '- **Epoch** - one full pass over the training data',
      '- *Batch size*: samples per gradient update',
      '- `fit()`: trains the estimator on the input channels',
      '- learning rate: size of each weight update',
      '- ✅ **Amazon SageMaker Clarify**: bias metrics and SHAP explanations',
      '- [AWS Glue](https://aws.amazon.com/glue/): serverless ETL and data catalog',
      '1. **Early stopping** -- stops training when the validation metric stalls',
      '- **Regularization**',
      '  - L1 and L2 penalties',
      '  - dropout',
      '',
    ].join('\n')
    const { cards } = cardsOf(text)
    expect(cards.map((c) => [c.line, c.front, c.back])).toEqual([
      [3, 'Epoch', 'one full pass over the training data'],
      [4, 'Batch size', 'samples per gradient update'],
      [5, 'fit()', 'trains the estimator on the input channels'],
      [6, 'learning rate', 'size of each weight update'],
      [7, 'Amazon SageMaker Clarify', 'bias metrics and SHAP explanations'],
      [8, 'AWS Glue', 'serverless ETL and data catalog'],
      [9, 'Early stopping', 'stops training when the validation metric stalls'],
      [10, 'Regularization', 'L1 and L2 penalties; dropout'],
    ])
    for (const c of cards) expect(lineOf(text, c)).toContain(c.front.split(' ')[0])
  })

  it('reads a bold term alone on its line with the definition below it, and a plain `Term:` over a nested list', () => {
    const text = [
      '# Streams',
      '',
      '- **Retention period**  ',
      '  Records stay readable for 24 hours by default, up to 365 days.',
      '',
      '- **Enhanced fan-out**',
      '',
      '  Each registered consumer gets its own read throughput per shard.',
      '',
      '- Resharding:',
      '    - split a hot shard in two',
      '    - merge two cold shards',
      '- Can be helpful if:',
      '    - the stream is small',
      '',
    ].join('\n')
    const { cards } = cardsOf(text)
    expect(cards.map((c) => [c.line, c.front, c.back])).toEqual([
      [3, 'Retention period', 'Records stay readable for 24 hours by default, up to 365 days'],
      [6, 'Enhanced fan-out', 'Each registered consumer gets its own read throughput per shard'],
      [10, 'Resharding', 'split a hot shard in two; merge two cold shards'],
    ])
    for (const c of cards) expect(lineOf(text, c)).toContain(c.front)
  })

  it('reads Q: / A: pairs, in one paragraph or the answer in the next one, as the user\'s own cards', () => {
    const text = [
      '# Practice', '',
      '**Q:** Which service streams video from cameras?', '**A:** Amazon Kinesis Video Streams', '',
      'Question: What does Clarify measure before training?', '',
      'Answer: Pre-training bias such as class imbalance', '',
      'Quotas: not a question at all', '',
    ].join('\n')
    const { cards } = cardsOf(text)
    expect(cards.map((c) => [c.kind, c.line, c.front, c.back])).toEqual([
      ['user', 3, 'Which service streams video from cameras?', 'Amazon Kinesis Video Streams'],
      ['user', 6, 'What does Clarify measure before training?', 'Pre-training bias such as class imbalance'],
    ])
    expect(cards[0].entities).toContain('service:amazon-kinesis-video-streams')
  })

  it('a bold label alone over ordinary text is not a card when it is a generic label or a long phrase', () => {
    const text = [
      '# Notes', '',
      '- **Example**  ', '  Stream 10 MB/s into four shards.', '',
      '- **This whole sentence in bold is far too long to be a term at all**  ', '  and the text goes on.', '',
    ].join('\n')
    expect(cardsOf(text).cards).toEqual([])
  })
})

describe('comparison tables', () => {
  const table = [
    '# Streaming',
    '',
    '| Service | Use when | Latency | Managed |',
    '| --- | --- | --- | --- |',
    '| Amazon Kinesis Data Streams | Custom consumers replay the stream | ~200 ms | Yes |',
    '| Amazon Data Firehose | Deliver to S3 without code | 60 s buffer | Yes |',
    '| Amazon MSK | Existing Kafka applications | ~200 ms | |',
    '',
  ].join('\n')

  it('makes a "Which service?" card per distinctive cell, answered by the row\'s service', () => {
    const { cards } = cardsOf(table)
    expect(sides(cards)).toEqual([
      ['table', 'Which service? Use when: Custom consumers replay the stream', 'Amazon Kinesis Data Streams'],
      ['table', 'Which service? Use when: Deliver to S3 without code', 'Amazon Data Firehose'],
      ['table', 'Which service? Latency: 60 s buffer', 'Amazon Data Firehose'],
      ['table', 'Which service? Use when: Existing Kafka applications', 'Amazon MSK'],
    ])
    for (const c of cards) expect(lineOf(table, c)).toContain(c.back)
    expect(cards[0].entities).toContain('service:amazon-kinesis-data-streams')
  })

  it('skips tables whose first column names no service', () => {
    const text = '| Benefit | Explanation |\n| --- | --- |\n| Less data | Pre-trained features |\n| Faster | Fewer epochs |\n| Cheaper | Less compute |\n'
    expect(cardsOf(text).cards).toEqual([])
  })
})

describe('cards written by the user', () => {
  it('reads Question :: Answer lines, ::: both ways, and ? / ?? multi-line cards', () => {
    const text = [
      '# My cards',
      '',
      'What does Amazon Macie find? :: PII in S3 buckets',
      'Glue FindMatches ::: fuzzy deduplication',
      '',
      'Which three inference options',
      'cost nothing when idle?',
      '?',
      'Serverless Inference',
      'Asynchronous Inference scaled to zero',
      '',
      'SageMaker Neo',
      '??',
      'compiles models for target hardware',
      '',
    ].join('\n')
    const { cards, diagnostics } = cardsOf(text)
    expect(diagnostics).toEqual([])
    expect(sides(cards)).toEqual([
      ['user', 'What does Amazon Macie find?', 'PII in S3 buckets'],
      ['user', 'Glue FindMatches', 'fuzzy deduplication'],
      ['user', 'fuzzy deduplication', 'Glue FindMatches'],
      ['user', 'Which three inference options\ncost nothing when idle?', 'Serverless Inference\nAsynchronous Inference scaled to zero'],
      ['user', 'SageMaker Neo', 'compiles models for target hardware'],
      ['user', 'compiles models for target hardware', 'SageMaker Neo'],
    ])
    expect(cards.map((c) => c.line)).toEqual([3, 4, 4, 6, 12, 12])
    expect(cards[0].entities).toEqual(expect.arrayContaining(['service:amazon-macie', 'service:amazon-s3']))
  })

  it('takes a multi-line answer that is a list', () => {
    const text = 'What are the two SageMaker Clarify uses?\n?\n- bias metrics\n- SHAP explanations\n'
    expect(sides(cardsOf(text).cards)).toEqual([['user', 'What are the two SageMaker Clarify uses?', 'bias metrics\nSHAP explanations']])
  })
})

describe('false positives', () => {
  it('makes no card from ordinary bullets, headings, code or ARNs', () => {
    const text = [
      '# Heading :: not a card',
      '',
      '## **Term**: heading',
      '',
      '- Partition data in S3 by the columns you filter on.',
      '- Endpoint configurations are immutable — create a new one for every change.',
      '- Use `a :: b` and `x → y` in code.',
      '- Role: arn:aws:iam::123456789012:role/SageMaker',
      '',
      '```',
      'Question :: Answer',
      '- **Term**: definition',
      '- When a question says "x", think y',
      '```',
      '',
      '    Indented :: code',
      '',
    ].join('\n')
    expect(cardsOf(text).cards).toEqual([])
  })
})

describe('ids, lines and sections', () => {
  const note = [
    '---',
    'title: Storage',
    '---',
    '# Storage',
    '',
    '## Files',
    '',
    '- **Amazon EFS**: shared file system.',
    '- **Amazon EBS**: block volume.',
    '- **Amazon EBS**: block volume.',
    '',
  ].join('\n')

  it('points at the file line (frontmatter counted) and the section', () => {
    const { cards } = cardsOf(note)
    expect(cards.map((c) => [c.line, c.section, c.note])).toEqual([[8, 'files', 'D1/note.md'], [9, 'files', 'D1/note.md'], [10, 'files', 'D1/note.md']])
    for (const c of cards) expect(lineOf(note, c)).toContain(c.front)
  })

  it('gives the same ids on every run, distinct ids to repeated cards, and changes only the edited card', () => {
    const a = cardsOf(note).cards
    expect(cardsOf(note).cards).toEqual(a)
    expect(new Set(a.map((c) => c.id)).size).toBe(3)
    const edited = cardsOf(note.replace('shared file system', 'shared NFS file system').replace('# Storage\n', '# Storage\n\nNew intro paragraph.\n'))
    expect(edited.cards[0].id).not.toBe(a[0].id)
    expect(edited.cards.slice(1).map((c) => c.id)).toEqual(a.slice(1).map((c) => c.id))
    expect(cardsOf(note, 'D1/other.md').cards[0].id).not.toBe(a[0].id)
  })
})

describe('diagnostics', () => {
  it('reports empty sides and over-long cards instead of dropping them silently', () => {
    const long = 'word '.repeat(MAX_CARD_CHARS / 4)
    const { cards, diagnostics } = cardsOf(`What is missing? ::\n:: no question\n\n- **Long**: ${long}\n`)
    expect(cards).toEqual([])
    expect(diagnostics.map((d) => [d.code, d.line, d.severity])).toEqual([
      ['card-empty-side', 1, 'warning'],
      ['card-empty-side', 2, 'warning'],
      ['card-too-long', 4, 'info'],
    ])
  })
})
