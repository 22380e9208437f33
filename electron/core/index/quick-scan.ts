// The cheap first pass of a cold open: a note's title, domain, tags and links from a line scan (no markdown
// parse, no entity extraction), so the notes and their links can be drawn while the parse workers still run.
// It reads like the parser (same file reading, same frontmatter reader, same domain and tag rules) and skips
// what the parser skips (fenced code, inline code, link URLs for tags, images), so the first graph's notes and
// links are the final ones; whatever it gets wrong is replaced when the note's full parse arrives.
import path from 'node:path'
import type { NoteLink, NoteMeta } from '../types'
import { readNoteFile } from '../parse/read'
import { readFrontmatter, normaliseTag } from '../parse/frontmatter'
import { domainFromPath, domainFromValue } from '../parse/domain'

const INLINE_TAG = /(?:^|[\s(,;])#([\p{L}_][\p{L}\p{N}_/-]*)/gu
const WIKILINK = /\[\[([^\]\n|]+?)(?:\|[^\]\n]*)?\]\]/g
/** `[text](url "title")` and `![alt](src)`; the url may be in <…> */
const INLINE_LINK = /(!?)\[((?:[^\]\\]|\\.)*)\]\(\s*(?:<([^>\n]*)>|([^\s)]*))(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g
const DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:\s*(?:<([^>\n]*)>|(\S+))/
const FENCE = /^ {0,3}(`{3,}|~{3,})/
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$/
const SETEXT_H1 = /^ {0,3}=+[ \t]*$/
const CODE_SPAN = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)|(`+)(?!`)\S\2(?!`)/g

/** Heading text as the parser's toString gives it, near enough: inline marks and link syntax removed. */
function plainInline(s: string): string {
  return s
    .replace(/[ \t]+#+[ \t]*$/, '') // closing hashes of an ATX heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)([\s\S]*?\S)\2(?![\w*])/g, '$1$3')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
}

/** Frontmatter block at the top (`---` … `---`/`...`): its YAML and the number of lines it takes. */
function frontmatterOf(lines: string[]): { yaml: string; lineCount: number } | undefined {
  if (lines.length < 2 || lines[0].trimEnd() !== '---') return undefined
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i].trimEnd()
    if (l === '---') return { yaml: lines.slice(1, i).join('\n'), lineCount: i + 1 }
  }
  return undefined
}

/** A note's graph-relevant metadata from its text: no sections, no mentions. Links are not resolved here. */
export function quickNoteMeta(relPath: string, rawText: string, file: { size: number; mtimeMs: number; hash: string }): NoteMeta {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText
  const lines = text.split(/\r?\n/)
  let title: string | undefined
  let fmDomain: unknown
  const tags = new Set<string>()
  const links: NoteLink[] = []
  let start = 0
  const fm = frontmatterOf(lines)
  if (fm) {
    const data = readFrontmatter(fm.yaml, 2, relPath, [])
    title = data.title
    fmDomain = data.domain
    for (const t of data.tags) tags.add(t)
    start = fm.lineCount
  }
  let h1: string | undefined
  let fence: string | undefined
  let prevText = false // the previous line could be a setext heading's text
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]
    const lineNo = i + 1
    const f = FENCE.exec(line)
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined
      prevText = false
      continue
    }
    if (f && !(f[1][0] === '`' && line.slice(line.indexOf(f[1]) + f[1].length).includes('`'))) {
      fence = f[1]
      prevText = false
      continue
    }
    if (line.trim() === '') { prevText = false; continue }
    if (h1 === undefined && prevText && SETEXT_H1.test(line)) { h1 = plainInline(lines[i - 1]); prevText = false; continue }
    const def = prevText ? null : DEFINITION.exec(line) // a definition cannot interrupt a paragraph
    if (def) {
      links.push({ target: def[2] ?? def[3], kind: 'markdown', line: lineNo })
      prevText = false
      continue
    }
    const atx = ATX.exec(line)
    if (atx && atx[1].length === 1 && h1 === undefined) h1 = plainInline(atx[2])
    prevText = !atx
    // what the parser sees as text: no code spans; links keep their text and lose their url
    const content = atx ? atx[2] : line
    let body = content.includes('`') ? content.replace(CODE_SPAN, ' ') : content
    if (body.includes('](')) {
      body = body.replace(INLINE_LINK, (_m, bang: string, label: string, angled?: string, bare?: string) => {
        if (!bang) links.push({ target: angled ?? bare ?? '', kind: 'markdown', line: lineNo })
        return ` ${label} `
      })
    }
    if (body.includes('[[')) {
      for (const m of body.matchAll(WIKILINK)) links.push({ target: m[1].trim(), kind: 'wikilink', line: lineNo })
    }
    if (body.includes('#')) {
      for (const m of body.matchAll(INLINE_TAG)) {
        const tag = normaliseTag(m[1].replace(/[/-]+$/, ''))
        if (tag) tags.add(tag)
      }
    }
  }
  title ||= h1 || path.posix.basename(relPath).replace(/\.(md|markdown)$/i, '')
  const domain = domainFromValue(fmDomain) ?? domainFromPath(relPath)
  return {
    path: relPath,
    title,
    ...(domain ? { domain } : {}),
    tags: [...tags],
    sections: [],
    links,
    mentions: [],
    size: file.size,
    mtimeMs: file.mtimeMs,
    hash: file.hash,
  }
}

/** Read one file the way the index does and scan it; undefined when the index would skip it (binary, unreadable). */
export function quickScanFile(relPath: string, abs: string): NoteMeta | undefined {
  const file = readNoteFile(abs, relPath)
  if (file.text === undefined) return undefined
  return quickNoteMeta(relPath, file.text, file)
}
