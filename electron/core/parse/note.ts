// One note's text → NoteMeta (title, domain, sections, tags, links, mentions). Runs in workers and in-process.
// Line numbers are FILE lines: the whole file, frontmatter included, goes to the parser.
import path from 'node:path'
import type { Heading, Root, RootContent, Yaml } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Diagnostic, NoteLink, NoteMeta, Section } from '../types'
import type { Extractor } from '../extract/index'
import { parseMarkdown } from './processor'
import { readFrontmatter, normaliseTag } from './frontmatter'
import { domainFromPath, domainFromValue } from './domain'
import { createSlugger } from './slug'
import { extractCards, type NoteCards } from '../study/cards/extract'

export interface NoteSource {
  /** path relative to the folder, forward slashes */
  path: string
  text: string
  size: number
  mtimeMs: number
  hash: string
}

export interface ParsedNote {
  meta: NoteMeta
  /** problems found while parsing this note (YAML, extraction); link problems come later, see links.ts */
  diagnostics: Diagnostic[]
  /** number of leading lines taken by the frontmatter block (0 when there is none) */
  lineOffset: number
  /** study cards of the note, when asked for (options.cards) */
  cards?: NoteCards
}

export interface ParseOptions {
  /** also extract study cards from the same tree (the index pass does; a reader's getNote does not) */
  cards?: boolean
}

const INLINE_TAG = /(?:^|[\s(,;])#([\p{L}_][\p{L}\p{N}_/-]*)/gu
const WIKILINK = /\[\[([^\]\n|]+?)(?:\|[^\]\n]*)?\]\]/g

/** Number of lines of a text, as an editor shows them (a final newline does not start a new line). */
export function countLines(text: string): number {
  if (text.length === 0) return 1
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return text.endsWith('\n') ? n - 1 : n
}

export function parseNote(src: NoteSource, extractor?: Extractor, options: ParseOptions = {}): ParsedNote {
  const text = src.text.charCodeAt(0) === 0xfeff ? src.text.slice(1) : src.text
  const diagnostics: Diagnostic[] = []
  const root = parseMarkdown(text)

  let lineOffset = 0
  let title: string | undefined
  let fmDomain: unknown
  const tags = new Set<string>()
  const first = root.children[0]
  if (first && first.type === 'yaml') {
    const yaml = first as Yaml
    lineOffset = yaml.position?.end.line ?? 0
    const fm = readFrontmatter(yaml.value, 2, src.path, diagnostics)
    title = fm.title
    fmDomain = fm.domain
    for (const t of fm.tags) tags.add(t)
  }

  const headings: Heading[] = []
  const links: NoteLink[] = []
  // one hand-written walk (cheaper than unist-util-visit on every note): headings, links, text for tags/wikilinks
  const walk = (nodes: RootContent[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'code':
        case 'inlineCode':
        case 'html':
        case 'yaml':
          continue
        case 'heading':
          headings.push(node)
          break
        case 'link':
        case 'definition':
          links.push({ target: node.url, kind: 'markdown', line: node.position?.start.line ?? 1 })
          break
        case 'text': {
          const value = node.value
          if (value.includes('#')) {
            for (const m of value.matchAll(INLINE_TAG)) {
              const tag = normaliseTag(m[1].replace(/[/-]+$/, ''))
              if (tag) tags.add(tag)
            }
          }
          if (value.includes('[[')) {
            const line0 = node.position?.start.line ?? 1
            for (const m of value.matchAll(WIKILINK)) {
              links.push({ target: m[1].trim(), kind: 'wikilink', line: line0 + newlinesBefore(value, m.index ?? 0) })
            }
          }
          continue
        }
      }
      if ('children' in node) walk(node.children as RootContent[])
    }
  }
  walk(root.children)

  const sections = buildSections(headings, countLines(text))
  if (!title) {
    const h1 = headings.find((h) => h.depth === 1)
    const t = h1 ? withoutTrailingTags(toString(h1).trim()) : ''
    title = t || path.posix.basename(src.path).replace(/\.(md|markdown)$/i, '')
  }

  let domain = domainFromValue(fmDomain)
  if (fmDomain !== undefined && fmDomain !== null && !domain) {
    diagnostics.push({ file: src.path, line: 2, severity: 'info', code: 'domain-invalid', message: `Frontmatter domain "${String(fmDomain).slice(0, 40)}" is not a domain like D1 or "Domain 1"; using the folder name.` })
  }
  domain ??= domainFromPath(src.path)

  let mentions: NoteMeta['mentions'] = []
  if (extractor) {
    try {
      mentions = extractor.extract(root, sections)
    } catch (e) {
      diagnostics.push({ file: src.path, severity: 'error', code: 'extract-failed', message: `Entity extraction failed: ${String(e).split('\n')[0]}` })
    }
  }

  const meta: NoteMeta = {
    path: src.path,
    title,
    ...(domain ? { domain } : {}),
    tags: [...tags],
    sections,
    links,
    mentions,
    size: src.size,
    mtimeMs: src.mtimeMs,
    hash: src.hash,
  }
  const parsed: ParsedNote = { meta, diagnostics, lineOffset }
  if (options.cards) {
    try {
      parsed.cards = extractCards(root, { path: src.path, sections, mentions })
    } catch (e) {
      parsed.cards = { cards: [], diagnostics: [{ file: src.path, severity: 'error', code: 'card-extract-failed', message: `Card extraction failed: ${String(e).split('\n')[0]}` }] }
    }
  }
  return parsed
}

function newlinesBefore(s: string, end: number): number {
  let n = 0
  for (let i = s.indexOf('\n'); i !== -1 && i < end; i = s.indexOf('\n', i + 1)) n++
  return n
}

/**
 * A heading's text without the tags written after it ("Amazon Bedrock `#important` `#exam-tip`" → "Amazon
 * Bedrock"): they are markers for the note's tags, not part of the name shown in breadcrumbs and card places.
 */
export function withoutTrailingTags(heading: string): string {
  const bare = heading.replace(/(?:\s+#[\p{L}_][\p{L}\p{N}_/-]*)+$/u, '').trim()
  return bare || heading
}

/** Heading list → section tree (parent ids) with the line range each section covers. */
export function buildSections(headings: Heading[], lastLine: number): Section[] {
  const slug = createSlugger()
  const sections: Section[] = []
  const stack: Section[] = []
  for (const h of headings) {
    const heading = toString(h).trim()
    const title = withoutTrailingTags(heading)
    const line = h.position?.start.line ?? 1
    // a section ends just before the next heading of the same or a higher level
    while (stack.length && stack[stack.length - 1].depth >= h.depth) {
      const done = stack.pop() as Section
      done.endLine = Math.max(done.line, line - 1)
    }
    const parent = stack[stack.length - 1]
    // the id from the heading as written: it is the anchor the rendered note gives it
    const section: Section = { id: slug(heading), title, depth: h.depth, line, endLine: lastLine }
    if (parent) section.parent = parent.id
    sections.push(section)
    stack.push(section)
  }
  return sections
}

/** Markdown without the frontmatter block, as NoteDoc.markdown (line N there is file line N + lineOffset). */
export function stripFrontmatter(text: string, lineOffset: number): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (lineOffset === 0) return body
  let i = -1
  for (let n = 0; n < lineOffset; n++) {
    i = body.indexOf('\n', i + 1)
    if (i === -1) return ''
  }
  return body.slice(i + 1)
}

export type { Root }
