// The note panel: the rendered note, scrolled to and highlighting the target section; for a service
// or concept also every mention with its snippet, each opening its note at that section.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Diagnostic, EntityMentions, GraphNode, NoteDoc } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'
import { useMarkdownModule } from './markdownLoader'
import { wikilinkMap } from './wikilinkMap'
import { getNoteCached, peekNote } from './noteCache'
import { findHeading } from './headingIds'
import { partialNotice } from './partialNote'
import { ResizeHandle } from './ResizeHandle'
import { NodeMarkButtons } from '../study/NodeMarkButtons'
import './reader.css'

export interface NoteTarget {
  path: string
  section?: string
  line?: number
  /** scroll offset to restore (going back or forward), instead of scrolling to the section */
  scroll?: number
}

interface Props {
  api: RendererApi
  /** the selected graph node, if the panel was opened from one */
  node?: GraphNode
  target: NoteTarget | null
  mentions: EntityMentions | null
  /** bumped when the notes change on disk, to reload the open note */
  version: number
  /** nodes listed for domain/tag selections (no single note covers them) */
  related?: GraphNode[]
  onNavigate(path: string, section?: string, line?: number): void
  onSelectNode(id: string): void
  onExternal(url: string): void
  onClose(): void
  /** width chosen by the user (undefined: the stylesheet's default) */
  width?: number
  onWidth?(width: number): void
  /** the note body was scrolled (for the reader's history) */
  onScroll?(path: string | undefined, y: number): void
  /** the folder's diagnostics: a note indexed only in part says so */
  diagnostics?: Diagnostic[]
  /** the note shown is no longer in the folder (moved or deleted on disk) */
  gone?: boolean
}

/** Mentions rendered in the same frame as the note; the rest follow right after. */
const FIRST_MENTIONS = 40

type Loaded = { doc: NoteDoc; error?: undefined } | { doc?: undefined; error: string }

export function NotePanel(props: Props) {
  const { api, node, target, mentions, version, related, onNavigate, onSelectNode, onExternal, onClose, width, onWidth, onScroll, diagnostics, gone } = props
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const body = useRef<HTMLDivElement>(null)
  const path = target?.path

  useEffect(() => {
    if (!path) { setLoaded(null); return }
    let live = true
    getNoteCached(api, path).then(
      (doc) => { if (live) setLoaded({ doc }) },
      (err: unknown) => { if (live) setLoaded({ error: err instanceof Error ? err.message : String(err) }) },
    )
    return () => { live = false }
  }, [api, path, version])

  // A hub (SageMaker: ~500 mentions) would make the click wait for hundreds of list items: the first ones
  // render with the note, the rest in the task after that frame.
  const [fullList, setFullList] = useState<EntityMentions | null>(null)
  const listComplete = !mentions || mentions.mentions.length <= FIRST_MENTIONS || fullList === mentions
  useEffect(() => {
    if (listComplete || !mentions) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => { timer = setTimeout(() => setFullList(mentions), 0) })
    return () => { cancelAnimationFrame(frame); clearTimeout(timer) }
  }, [mentions, listComplete])
  const listed = mentions ? (listComplete ? mentions.mentions : mentions.mentions.slice(0, FIRST_MENTIONS)) : []

  // Highlight the target section (heading up to the next heading of the same or higher level) and scroll to it.
  const section = target?.section
  const line = target?.line
  const restoreScroll = target?.scroll
  // a note fetched before the click committed shows in this very render
  const early = path ? peekNote(path) : undefined
  const doc = early ?? loaded?.doc
  const md = useMarkdownModule()
  // the target and note last scrolled to: a new text of the same note for the same target (saved in an editor)
  // keeps the reader where they are
  const scrolledFor = useRef<{ target: typeof target; doc: NoteDoc } | null>(null)
  useEffect(() => {
    const root = body.current
    if (!root || !doc || doc.path !== path) return
    for (const el of root.querySelectorAll('.target-section, .target-heading')) el.classList.remove('target-section', 'target-heading')
    const sectionId = section || (line !== undefined ? sectionAtLine(doc, line) : undefined)
    const heading = sectionId ? findHeading(root, sectionId) : null
    const scroller = root.closest('.note-scroll') as HTMLElement | null
    const rewritten = scrolledFor.current !== null && scrolledFor.current.target === target && scrolledFor.current.doc.markdown !== doc.markdown
    scrolledFor.current = { target, doc }
    if (rewritten) {
      if (heading) markSection(heading)
      return
    }
    if (restoreScroll !== undefined && scroller) {
      // back or forward: where the user left off, with the section still marked
      if (heading) markSection(heading)
      scroller.scrollTop = restoreScroll
      return
    }
    if (!heading) { if (scroller) scroller.scrollTop = 0; return }
    markSection(heading)
    if (scroller) scroller.scrollTop = heading.offsetTop - scroller.offsetTop - 8
    // the rest of a long mention list moves the heading down; the markdown module may arrive after the note
  }, [doc, path, section, line, restoreScroll, target, listComplete, md])

  const wikilinks = useMemo(() => (doc ? wikilinkMap(doc) : new Map<string, string>()), [doc])
  // stable callbacks for the memoised Markdown: re-parsing a note on every app render costs a frame
  const latest = useRef({ onNavigate, path })
  useEffect(() => { latest.current = { onNavigate, path } })
  const onAnchor = useCallback((id: string) => {
    const { onNavigate: go, path: p } = latest.current
    if (p) go(p, id)
  }, [])
  const navigate = useCallback((p: string, s?: string) => latest.current.onNavigate(p, s), [])

  // the header names what is shown: the selected node, unless the panel shows a note that node does not cover
  const showsNode = !!node && (node.type !== 'note' || !doc || !node.path || node.path === doc.path)
  const title = (showsNode ? node?.label : doc?.title) ?? path ?? ''
  const partial = useMemo(() => partialNotice(diagnostics, doc?.path), [diagnostics, doc?.path])
  const reportScroll = useRef(onScroll)
  useEffect(() => { reportScroll.current = onScroll })
  return (
    <aside className="note-panel" aria-label="Note" style={width ? { width } : undefined}>
      {onWidth && <ResizeHandle onWidth={onWidth} />}
      <header className="note-header">
        <div className="note-heading">
          {showsNode && node ? <span className={`type-badge type-${node.type}`}>{node.type}</span> : doc && <span className="type-badge type-note">note</span>}
          <h2 title={title}>{title}</h2>
          {doc && showsNode && node?.type !== 'note' && <div className="note-sub">{doc.title}{section ? ` › ${sectionTitle(doc, section)}` : ''}</div>}
          {showsNode && node && <NodeMarkButtons api={api} nodeId={node.id} />}
        </div>
        <button type="button" className="icon-button" aria-label="Close note" title="Close (Esc)" onClick={onClose}>✕</button>
      </header>
      <div className="note-scroll" tabIndex={-1} onScroll={(e) => reportScroll.current?.(doc?.path, e.currentTarget.scrollTop)}>
        {partial && doc?.path === path && <p className="note-partial" role="note">{partial}</p>}
        {mentions && (
          <details className="mentions" open>
            <summary>{mentions.mentions.length} mention{mentions.mentions.length === 1 ? '' : 's'} in your notes</summary>
            <ol aria-label="Mentions">
              {listed.map((m, i) => {
                const current = m.path === path && m.section === section
                return (
                  <li key={`${m.path}:${m.line}:${i}`}>
                    <button
                      type="button"
                      className={current ? 'mention current' : 'mention'}
                      aria-current={current ? 'true' : undefined}
                      onClick={() => onNavigate(m.path, m.section, m.line)}
                    >
                      <span className="mention-where">{m.noteTitle}{m.sectionTitle ? ` › ${m.sectionTitle}` : ''}</span>
                      <span className="mention-text">{m.text}</span>
                    </button>
                  </li>
                )
              })}
            </ol>
          </details>
        )}
        {related && related.length > 0 && (
          <ul className="related" aria-label="Connected nodes">
            {related.map((n) => (
              <li key={n.id}>
                <button type="button" className="mention" onClick={() => onSelectNode(n.id)}>
                  <span className={`dot type-${n.type}`} aria-hidden="true" />{n.label}
                </button>
              </li>
            ))}
          </ul>
        )}
        {((target && !loaded && !early) || (!node && !target) || (doc && !md)) && <p className="muted">Loading…</p>}
        {gone
          ? <p className="note-gone" role="status">{path} is no longer in this folder: it was moved or deleted on disk.</p>
          : loaded?.error && <p className="error" role="alert">Could not open {path}: {loaded.error}</p>}
        {mentions && mentions.mentions.length === 0 && <p className="muted">No note mentions this yet.</p>}
        {doc && doc.path === path && doc.markdown.trim() === '' && <p className="muted">This note is empty{doc.lineOffset > 0 ? ' (it has frontmatter only)' : ''}.</p>}
        <div ref={body} className="markdown">
          {doc && doc.path === path && md && (
            <md.Markdown markdown={doc.markdown} path={doc.path} onNavigate={navigate} onAnchor={onAnchor} onExternal={onExternal} wikilinks={wikilinks} />
          )}
        </div>
      </div>
    </aside>
  )
}

/** Mark a heading and the blocks under it, up to the next heading of the same or a higher level. */
function markSection(heading: HTMLElement): void {
  heading.classList.add('target-heading')
  const depth = Number(heading.tagName.slice(1))
  for (let el = heading.nextElementSibling; el; el = el.nextElementSibling) {
    const m = /^H([1-6])$/.exec(el.tagName)
    if (m && Number(m[1]) <= depth) break
    el.classList.add('target-section')
  }
}

function sectionTitle(doc: NoteDoc, id: string): string {
  return doc.sections.find((s) => s.id === id)?.title ?? id
}

/** Innermost section containing a markdown line. */
function sectionAtLine(doc: NoteDoc, line: number): string | undefined {
  let best: string | undefined
  for (const s of doc.sections) if (s.line <= line && line <= s.endLine) best = s.id
  return best
}
