// The Study panel: today's count, a review session (or a "Which service?" drill) over all cards, one domain,
// one note, the selected node's neighbourhood or the compare set; exam readiness; progress on the graph;
// settings and export. The next card shows as soon as a grade is given: the grade is saved in the background.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Graph } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'
import type { DrillQuestion, StudyCard, StudyScope, StudyStats } from '../../../electron/core/study/study-types'
import type { Grade } from '../../../electron/core/study/types'
import type { CyGraphController } from '../graph/cyController'
import { exploreStore } from '../features/store'
import { saveExport } from '../features/saveExport'
import { Flashcard } from './Flashcard'
import { DrillView } from './DrillView'
import { ReadinessView } from './ReadinessView'
import { MarkNode } from './MarkNode'
import { studyStore, useStudy } from './studyStore'
import type { ProgressFilter } from './progressOnGraph'
import type { StudyStart } from './studyHash'
import './study.css'

type ScopeChoice = 'all' | 'note' | 'neighbourhood' | 'compare' | `domain:${string}`
type Mode = 'idle' | 'review' | 'drill' | 'done'

interface Props {
  api: RendererApi
  controller: CyGraphController
  graph: Graph
  start: StudyStart | null
  onClose(): void
}

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e))

export function StudyPanel({ api, controller, graph, start, onClose }: Props) {
  const version = useStudy((s) => s.version)
  const view = useStudy((s) => s.view)
  const [stats, setStats] = useState<StudyStats | null>(null)
  const [due, setDue] = useState<number | null>(null)
  const [choice, setChoice] = useState<ScopeChoice>('all')
  const [mode, setMode] = useState<Mode>('idle')
  const [queue, setQueue] = useState<StudyCard[]>([])
  const [revealed, setRevealed] = useState(false)
  const [drill, setDrill] = useState<DrillQuestion | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const [message, setMessage] = useState('')
  const scopeRef = useRef<StudyScope>({ kind: 'all' })
  const shown = useRef(new Map<string, StudyCard>())

  // during a session the graph colours, readiness and counts follow the grades a moment later, once, so their
  // refresh never competes with showing the next card
  const bumpTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const progressChanged = useCallback(() => {
    clearTimeout(bumpTimer.current)
    bumpTimer.current = setTimeout(() => studyStore.changed(), 1200)
  }, [])
  useEffect(() => () => { if (bumpTimer.current) { clearTimeout(bumpTimer.current); studyStore.changed() } }, [])

  const domains = [...new Set(graph.nodes.filter((n) => n.type === 'domain' && n.domain).map((n) => n.domain!))].sort()

  // today's count and the notice of a broken progress file, fetched again after every change
  useEffect(() => {
    let live = true
    api.studyStats().then((s) => { if (live) { setStats(s); setDue(s.due) } }, (e: unknown) => { if (live) setMessage(errText(e)) })
    return () => { live = false }
  }, [api, version, graph])

  const resolveScope = useCallback(async (c: ScopeChoice): Promise<StudyScope | string> => {
    if (c === 'all') return { kind: 'all' }
    if (c.startsWith('domain:')) return { kind: 'domain', domain: c.slice('domain:'.length) }
    const sel = controller.selected()
    if (c === 'note') {
      const n = sel ? controller.node(sel) : undefined
      return n?.type === 'note' && n.path ? { kind: 'note', path: n.path } : 'Select a note on the graph first.'
    }
    if (c === 'neighbourhood') {
      if (!sel) return 'Select a node on the graph first.'
      const hood = await api.neighbourhood(sel, 1)
      return { kind: 'nodes', ids: [sel, ...hood.nodes.filter((id) => id !== sel)].slice(0, 2000) }
    }
    const compare = exploreStore.get().compare
    return compare.length ? { kind: 'nodes', ids: compare } : 'Add nodes to Compare first.'
  }, [api, controller])

  // a choice of the scope menu, or a scope given outright (a task statement's nodes)
  const startReview = useCallback(async (c: ScopeChoice | StudyScope) => {
    setMessage('')
    const scope = typeof c === 'object' ? c : await resolveScope(c).catch((e: unknown) => errText(e))
    if (typeof scope === 'string') { setMessage(scope); return }
    scopeRef.current = scope
    try {
      const q = await api.studyQueue(scope, 200)
      for (const card of q.cards) shown.current.set(card.id, card)
      setQueue(q.cards)
      setRevealed(false)
      setMode(q.cards.length ? 'review' : 'done')
    } catch (e) {
      setMessage(errText(e))
    }
  }, [api, resolveScope])

  const nextDrill = useCallback(async () => {
    try {
      const q = await api.studyDrill(scopeRef.current)
      setDrill(q)
      setChosen(null)
      setMode(q ? 'drill' : 'done')
    } catch (e) {
      setMessage(errText(e))
    }
  }, [api])

  const startDrill = useCallback(async (c: ScopeChoice) => {
    setMessage('')
    const scope = await resolveScope(c).catch((e: unknown) => errText(e))
    if (typeof scope === 'string') { setMessage(scope); return }
    scopeRef.current = scope
    await nextDrill()
  }, [resolveScope, nextDrill])

  // `#?study=review` / `#?study=drill`: a session on open
  const started = useRef(false)
  useEffect(() => {
    if (started.current || !start || graph.nodes.length === 0) return
    started.current = true
    void (start === 'drill' ? startDrill('all') : startReview('all'))
  }, [start, graph, startReview, startDrill])

  const grade = useCallback((g: Grade) => {
    const card = queue[0]
    if (!card) return
    // the next card at once; the grade is saved behind it
    const rest = queue.slice(1)
    setQueue(rest)
    setRevealed(false)
    // "Last grade undone." (or the like) was about the card before: it goes with the next grade
    setMessage('')
    api.gradeCard(card.id, g).then(
      async (r) => {
        setDue(r.due)
        progressChanged()
        if (rest.length === 0) {
          const q = await api.studyQueue(scopeRef.current, 200)
          for (const c of q.cards) shown.current.set(c.id, c)
          setQueue((now) => (now.length === 0 ? q.cards : now))
          if (q.cards.length === 0) setMode('done')
        }
      },
      (e: unknown) => setMessage(`The grade was not saved: ${errText(e)}`),
    )
  }, [api, queue, progressChanged])

  const undo = useCallback(async () => {
    try {
      const r = await api.undoGrade()
      setDue(r.due)
      if (!r.card) { setMessage('Nothing to undo.'); return }
      studyStore.changed()
      const card = shown.current.get(r.card)
      if (card) {
        setQueue((q) => [card, ...q.filter((c) => c.id !== card.id)])
        setRevealed(false)
        setMode('review')
      }
      setMessage('Last grade undone.')
    } catch (e) {
      setMessage(errText(e))
    }
  }, [api])

  const choose = useCallback((id: string) => {
    if (!drill || chosen) return
    setChosen(id)
    api.gradeCard(drill.card, id === drill.answer ? 'good' : 'again').then(
      (r) => { setDue(r.due); progressChanged() },
      (e: unknown) => setMessage(`The grade was not saved: ${errText(e)}`),
    )
  }, [api, drill, chosen, progressChanged])

  const end = useCallback(() => { setMode('idle'); setQueue([]); setDrill(null); setMessage('') }, [])
  const openSource = useCallback((c: { note: string; section: string; line: number }) => {
    controller.openNote(c.note, c.section || undefined, c.line)
  }, [controller])

  const setView = (patch: Partial<typeof view>) => studyStore.set({ view: { ...view, ...patch } })

  const exportProgress = async () => {
    try { setMessage(await saveExport(api, 'study-progress.json', await api.exportProgress(), 'application/json')) } catch (e) { setMessage(errText(e)) }
  }
  const exportAnki = async () => {
    try { setMessage(await saveExport(api, 'notes-graph-cards.txt', await api.exportCardsTsv(), 'text/tab-separated-values')) } catch (e) { setMessage(errText(e)) }
  }
  const importProgress = async (file: File | undefined) => {
    if (!file) return
    try {
      const r = await api.importProgress(await file.text())
      setMessage(`Imported: ${r.cards} cards, ${r.reviews} reviews, ${r.marks} marks.`)
      studyStore.changed()
    } catch (e) {
      setMessage(`Import failed: ${errText(e)}`)
    }
  }
  const saveSettings = async (patch: { desiredRetention?: number; newPerDay?: number }) => {
    try { await api.setStudySettings(patch); studyStore.changed() } catch (e) { setMessage(errText(e)) }
  }

  const card = queue[0]
  return (
    <section className="study-panel" aria-label="Study">
      <header className="study-head">
        <h2>Study</h2>
        <span className="study-due-wrap" title="Cards left today: new cards within today's limit plus due reviews">
          <span className="study-due" aria-label="Due cards">{due ?? ''}</span> due today
        </span>
        <button type="button" className="icon-button" aria-label="Close study" onClick={onClose}>✕</button>
      </header>
      {stats?.notice && <p className="study-notice" role="alert">{stats.notice}</p>}
      {message && <p className="study-message" role="status">{message}</p>}

      {mode === 'review' && card && (
        <Flashcard
          card={card}
          revealed={revealed}
          onReveal={() => setRevealed(true)}
          onGrade={grade}
          onUndo={() => void undo()}
          onEnd={end}
          onOpenSource={openSource}
        />
      )}
      {mode === 'drill' && drill && (
        <DrillView question={drill} chosen={chosen} onChoose={choose} onNext={() => void nextDrill()} onOpenSource={openSource} />
      )}
      {mode === 'done' && <p className="study-done">Nothing left to study here today.{stats && stats.total === 0 ? ' These notes have no cards yet.' : ''}</p>}
      {mode !== 'idle' && (
        <div className="study-row">
          <button type="button" onClick={() => void undo()} disabled={!stats?.canUndo && mode !== 'review'}>Undo</button>
          <button type="button" onClick={end}>End session</button>
          {mode === 'review' && <span className="muted">{queue.length} in this session</span>}
        </div>
      )}

      {mode === 'idle' && (
        <div className="study-start">
          <label className="study-row">
            <span>Cards from</span>
            <select aria-label="Study scope" value={choice} onChange={(e) => setChoice(e.target.value as ScopeChoice)}>
              <option value="all">All notes</option>
              {domains.map((d) => <option key={d} value={`domain:${d}`}>Domain {d.replace(/^D/, '')}</option>)}
              <option value="note">The selected note</option>
              <option value="neighbourhood">The selected node's neighbourhood</option>
              <option value="compare">The compare set</option>
            </select>
          </label>
          <div className="study-row">
            <button type="button" className="primary" onClick={() => void startReview(choice)}>Review</button>
            <button type="button" onClick={() => void startDrill(choice)}>Which service?</button>
          </div>
          {stats && (
            <p className="muted study-counts">
              {stats.total} cards · {stats.byState.new} new · {stats.byState.learning} learning · {stats.byState.review} in review · {stats.byState.mastered} mastered
            </p>
          )}
        </div>
      )}

      <ReadinessView api={api} version={version}
        onStudyDomain={(d) => { setChoice(`domain:${d}`); void startReview(`domain:${d}`) }}
        onStudyNodes={(ids) => void startReview({ kind: 'nodes', ids })} />

      <section className="study-graph" aria-label="Progress on the graph">
        <label><input type="checkbox" checked={view.colour} onChange={(e) => setView({ colour: e.target.checked })} /> Colour by progress</label>
        <label className="study-row">
          <span>Show</span>
          <select aria-label="Progress filter" value={view.filter} onChange={(e) => setView({ filter: e.target.value as ProgressFilter })}>
            <option value="none">All nodes</option>
            <option value="due">Due nodes</option>
            <option value="weakest">Weakest nodes</option>
          </select>
        </label>
        <MarkNode api={api} controller={controller} />
        {view.colour && (
          <span className="study-legend" aria-label="Progress colours">
            <i className="pg-new" />new <i className="pg-learning" />learning <i className="pg-review" />in review <i className="pg-mastered" />mastered
          </span>
        )}
      </section>

      <details className="study-more">
        <summary>Settings and export</summary>
        {stats && (
          <div className="study-settings">
            <label>Desired retention
              <input type="number" min={0.7} max={0.99} step={0.01} defaultValue={stats.settings.desiredRetention}
                onBlur={(e) => { const v = Number(e.target.value); if (v >= 0.7 && v <= 0.99) void saveSettings({ desiredRetention: v }) }} />
            </label>
            <label>New cards per day
              <input type="number" min={0} max={1000} step={1} defaultValue={stats.settings.newPerDay}
                onBlur={(e) => { const v = Number(e.target.value); if (Number.isInteger(v) && v >= 0 && v <= 1000) void saveSettings({ newPerDay: v }) }} />
            </label>
          </div>
        )}
        <div className="study-row">
          <button type="button" onClick={() => void exportProgress()}>Export progress</button>
          <label className="study-file">Import progress…<input type="file" accept=".json,application/json" onChange={(e) => void importProgress(e.target.files?.[0])} /></label>
          <button type="button" onClick={() => void exportAnki()}>Export cards for Anki</button>
        </div>
      </details>
    </section>
  )
}
