// Checks the bundled study notes in content/: the files the app ships, their titles and frontmatter,
// their links, their size, and that every MLA-C01 in-scope service is covered somewhere.
// Deliberately independent of electron/ (the engine is written in parallel): plain node:fs + remark.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'
import { visit } from 'unist-util-visit'
import { parse as parseYaml } from 'yaml'
import { hasShared, sharedPath } from './shared-material'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const contentDir = path.join(repoRoot, 'content')
const referencePath = sharedPath('reference/aws-exams-and-services.json')

const D1 = 'D1_data_preparation_ml'
const D2 = 'D2_ml_model_development'
const D3 = 'D3_deployment_workflows_ml'
const D4 = 'D4_ml_maintenance'

/** The 30 bundled notes (29 topic notes and extras): path relative to content/ → exact H1 title. */
const NOTES: Record<string, string> = {
  [`${D1}/1.1_data_formats.md`]: '1.1 Data Formats',
  [`${D1}/1.2_storage_on_aws.md`]: '1.2 AWS Data Sources & Storage for ML',
  [`${D1}/1.3_ingestion_on_aws.md`]: '1.3 Data Ingestion on AWS',
  [`${D1}/1.4_multiple_data_sources.md`]: '1.4 Multi-Source Data Integration',
  [`${D1}/1.5_troubleshooting.md`]: '1.5 Troubleshooting Data Ingestion and Storage Issues',
  [`${D1}/1.6_transformation_techniques.md`]: '1.6 Data Cleaning, Transformation, and Annotation Techniques',
  [`${D1}/1.7_feature_engineering.md`]: '1.7 Feature Engineering and Tools',
  [`${D1}/1.8_bias.md`]: '1.8 Bias Mitigation',
  [`${D1}/1.9_preparing_for_training.md`]: '1.9 Preparing Data for Model Training',
  [`${D1}/1.10_optimizing_data.md`]: '1.10 Optimizing Data Loading and Preprocessing for Model Training',
  [`${D1}/1.11_security.md`]: '1.11 Data Security, Privacy, and Quality',
  [`${D2}/2.1_model_selection.md`]: '2.1 Model Selection: Comparing and Choosing the Right Algorithm',
  [`${D2}/2.2_training_models.md`]: '2.2 Model Training, Tuning, and Optimization',
  [`${D2}/2.3_model_evaluation.md`]: '2.3 Model Evaluation Techniques and Metrics',
  [`${D2}/2.4_aws_services.md`]: '2.4 AWS Services for Machine Learning: Capabilities, Pipelines, and Best Practices',
  [`${D3}/3.1_aws_services.md`]: '3.1 AWS Services for Model Deployment',
  [`${D3}/3.2_sagemaker.md`]: '3.2 Amazon SageMaker: Core Services, Scaling, and Orchestration',
  [`${D3}/3.3_best_practices.md`]: '3.3 AWS ML Deployment Best Practices & Strategies',
  [`${D3}/3.4_compute.md`]: '3.4 Compute Resources for AWS ML Deployment',
  [`${D3}/3.5_real_time_and_batch.md`]: '3.5 Serving ML Models in Real-Time and Batch Modes',
  [`${D3}/3.6_endpoints.md`]: '3.6 Model and Endpoint Requirements',
  [`${D3}/3.7_containers.md`]: '3.7 Containerization Concepts',
  [`${D3}/3.8_infrastructure.md`]: '3.8 ML Infrastructure, Scaling, and Automation on AWS',
  [`${D4}/4.1_cloudtrail.md`]: '4.1 CloudTrail for ML Monitoring & Compliance',
  [`${D4}/4.2_drifts.md`]: '4.2 Monitoring Drift in ML Models',
  [`${D4}/4.3_iam.md`]: '4.3 IAM for Machine Learning on AWS',
  [`${D4}/4.4_networking.md`]: '4.4 Networking for Machine Learning on AWS',
  [`${D4}/4.5_infra_and_costs.md`]: '4.5 ML Infrastructure Performance & Cost Optimization',
  [`${D4}/4.6_sagemaker.md`]: '4.6 SageMaker Security, Monitoring, and Optimization',
  'extras.md': 'AWS ML Exam Extras',
}
const NOTE_PATHS = Object.keys(NOTES)
const README = 'README.md'

/** Folder → expected frontmatter `domain`; files at the content root carry no domain. */
const DOMAIN_BY_FOLDER: Record<string, string> = { [D1]: 'D1', [D2]: 'D2', [D3]: 'D3', [D4]: 'D4' }

const MIN_NOTE_BYTES = 3 * 1024
const MAX_NOTE_BYTES = 14 * 1024
const MIN_TOTAL_BYTES = 150 * 1024

/**
 * In-scope services allowed to appear in no note, each with the reason. Kept empty on purpose:
 * extras.md is meant to mention every in-scope service at least once.
 */
const SERVICE_EXCEPTIONS: Record<string, string> = {}

interface SplitNote {
  frontmatter: Record<string, unknown> | null
  frontmatterError: string | null
  body: string
}

/** Splits a leading `---` YAML block from the markdown body. */
function splitFrontmatter(text: string): SplitNote {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text)
  if (!match) return { frontmatter: null, frontmatterError: 'no leading --- frontmatter block', body: text }
  try {
    const data: unknown = parseYaml(match[1])
    const isObject = typeof data === 'object' && data !== null && !Array.isArray(data)
    return {
      frontmatter: isObject ? (data as Record<string, unknown>) : null,
      frontmatterError: isObject ? null : 'frontmatter is not a YAML mapping',
      body: text.slice(match[0].length),
    }
  } catch (error) {
    return { frontmatter: null, frontmatterError: `invalid YAML: ${(error as Error).message}`, body: text }
  }
}

function read(relPath: string): string {
  return readFileSync(path.join(contentDir, relPath), 'utf8')
}

function existing(relPaths: string[]): string[] {
  return relPaths.filter((p) => existsSync(path.join(contentDir, p)))
}

/** Every .md file under content/ (relative, forward slashes), so stray files are link-checked too. */
function allMarkdownFiles(dir = contentDir): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry)
    if (statSync(full).isDirectory()) out.push(...allMarkdownFiles(full))
    else if (entry.endsWith('.md')) out.push(path.relative(contentDir, full).split(path.sep).join('/'))
  }
  return out.sort()
}

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])

/** Link targets (links, images, reference definitions) as written in the file. */
function linkTargets(text: string): string[] {
  const targets: string[] = []
  visit(markdown.parse(text), (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') targets.push(node.url)
  })
  return targets
}

function isRelativeTarget(url: string): boolean {
  return url !== '' && !url.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//')
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Case-insensitive whole-word match (letters/digits around the term break the match). */
function mentions(text: string, term: string): boolean {
  return new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(term)}(?![A-Za-z0-9])`, 'i').test(text)
}

describe('bundled notes: files and titles', () => {
  it.each(NOTE_PATHS)('%s exists', (relPath) => {
    expect(existsSync(path.join(contentDir, relPath)), `missing note content/${relPath}`).toBe(true)
  })

  it('README.md exists', () => {
    expect(existsSync(path.join(contentDir, README)), 'missing content/README.md').toBe(true)
  })

  it.each(NOTE_PATHS)('%s starts with its exact H1 right after the frontmatter', (relPath) => {
    const { body } = splitFrontmatter(read(relPath))
    const firstLine = body.split(/\r?\n/).find((line) => line.trim() !== '')
    expect(firstLine?.trimEnd()).toBe(`# ${NOTES[relPath]}`)
  })
})

describe('bundled notes: size', () => {
  it.each(NOTE_PATHS)(`%s is between ${MIN_NOTE_BYTES} and ${MAX_NOTE_BYTES} bytes`, (relPath) => {
    const size = statSync(path.join(contentDir, relPath)).size
    expect(size, `${relPath} is ${size} bytes`).toBeGreaterThanOrEqual(MIN_NOTE_BYTES)
    expect(size, `${relPath} is ${size} bytes`).toBeLessThanOrEqual(MAX_NOTE_BYTES)
  })

  it(`all ${NOTE_PATHS.length} notes together are at least ${MIN_TOTAL_BYTES} bytes`, () => {
    const missing = NOTE_PATHS.filter((p) => !existsSync(path.join(contentDir, p)))
    expect(missing, 'notes still missing').toEqual([])
    const total = NOTE_PATHS.reduce((sum, p) => sum + statSync(path.join(contentDir, p)).size, 0)
    expect(total).toBeGreaterThanOrEqual(MIN_TOTAL_BYTES)
  })
})

describe('bundled notes: frontmatter', () => {
  it.each([...NOTE_PATHS, README])('%s has valid frontmatter with tags and the right domain', (relPath) => {
    const { frontmatter, frontmatterError } = splitFrontmatter(read(relPath))
    expect(frontmatterError, `${relPath}: ${frontmatterError}`).toBeNull()
    const tags = frontmatter?.tags
    expect(Array.isArray(tags) && tags.length > 0 && tags.every((t) => typeof t === 'string'), `${relPath}: tags must be a non-empty list of strings`).toBe(true)
    const folder = relPath.includes('/') ? relPath.split('/')[0] : ''
    const expectedDomain = DOMAIN_BY_FOLDER[folder]
    if (expectedDomain) expect(frontmatter?.domain, `${relPath}: domain`).toBe(expectedDomain)
    else expect(frontmatter?.domain, `${relPath}: root files carry no domain`).toBeUndefined()
  })
})

describe('bundled notes: links', () => {
  it('every relative link in every content file points to an existing file', () => {
    const files = allMarkdownFiles()
    expect(files.length, 'content/ has no markdown files').toBeGreaterThan(0)
    const broken: string[] = []
    for (const relPath of files) {
      for (const url of linkTargets(read(relPath)).filter(isRelativeTarget)) {
        const target = decodeURIComponent(url.split('#')[0].split('?')[0])
        const resolved = path.resolve(path.dirname(path.join(contentDir, relPath)), target)
        if (!existsSync(resolved)) broken.push(`${relPath} → ${url}`)
      }
    }
    expect(broken, 'broken relative links').toEqual([])
  })

  it('README links every note with its H1 as the link text', () => {
    const readme = read(README)
    const missing = NOTE_PATHS.filter((p) => !readme.includes(`[${NOTES[p]}](${p})`))
    expect(missing, 'notes not linked from README.md as [H1](path)').toEqual([])
  })
})

describe.skipIf(!hasShared('MLA-C01 service coverage of the bundled notes', 'reference/aws-exams-and-services.json'))('bundled notes: MLA-C01 service coverage', () => {
  it('every in-scope service is mentioned in at least one note (by name or alias)', () => {
    expect(
      existsSync(referencePath),
      `reference file not found at ${referencePath}; the coverage check needs ../shared/reference/aws-exams-and-services.json next to the repo`,
    ).toBe(true)
    const reference = JSON.parse(readFileSync(referencePath, 'utf8')) as {
      exams: { code: string; inScopeServices: string[] }[]
      services: { name: string; aliases?: string[] }[]
    }
    const exam = reference.exams.find((e) => e.code === 'MLA-C01')
    expect(exam, 'MLA-C01 not found in the reference exams').toBeDefined()
    const inScope = new Set(exam?.inScopeServices ?? [])
    const badExceptions = Object.entries(SERVICE_EXCEPTIONS).filter(([name, reason]) => !inScope.has(name) || reason.trim().length < 10)
    expect(badExceptions, 'exceptions must name an in-scope service and give a reason').toEqual([])
    const aliasesByName = new Map(reference.services.map((s) => [s.name, s.aliases ?? []]))

    const bodies = existing(NOTE_PATHS).map((p) => splitFrontmatter(read(p)).body)
    expect(bodies.length, 'no notes to search').toBeGreaterThan(0)
    const uncovered = (exam?.inScopeServices ?? []).filter((name) => {
      if (name in SERVICE_EXCEPTIONS) return false
      const terms = [name, ...(aliasesByName.get(name) ?? [])]
      return !bodies.some((body) => terms.some((term) => mentions(body, term)))
    })
    expect(uncovered, 'in-scope services mentioned in no note').toEqual([])
  })
})
