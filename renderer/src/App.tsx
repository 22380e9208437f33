// The app shell: loads the graph, owns the selection and the note panel, and is the single place
// where panels (ours and the exploration features) are mounted.
import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { EntityMentions, FolderInfo, Graph, GraphNode, IndexProgress } from '../../electron/core/types'
import type { MenuCommand, RendererApi, ThemeSetting } from '../../electron/shared/contract'
import { api as defaultApi, isDesktop, takePrefetchedGraph } from './api'
import { CyGraphController, type Positions } from './graph/cyController'
import { CanvasGraph } from './graph/graphFollower'
import { mark } from './graph/graphState'
import { GraphView } from './graph/GraphView'
import type { NoteTarget } from './note/NotePanel'
// the lazy panels' styles stay on the launch path, in their old order (lazyPanels.ts)
import './study/marks.css'
import './note/reader.css'
import { useReaderHistory } from './note/useReaderHistory'
import type { ReaderEntry } from './note/readerHistory'
import { ReaderNavButtons } from './note/ReaderNavButtons'
import { usePanelWidth } from './note/panelWidth'
import { PanelBoundary } from './components/PanelBoundary'
import { clearNoteCache, getMentionsCached, noteForDisplay, warmNotes } from './note/noteCache'
import { Notices } from './components/Notices'
import { EmptyView, ErrorView, IndexingStatus, LoadingView } from './components/StatusViews'
import { catchUpWithIndex } from './indexing'
import { framedSince, nextPaint } from './nextPaint'
import { Explore, Search, ViewSwitch, exploreStore, openFolder as openFolderAndRemember } from './features'
import { effectiveTheme, useSystemDark } from './theme'
import './study/study.css'
import { studyStartFromHash } from './study/studyHash'
import { useStudy } from './study/studyStore'
import { useProgressOnGraph } from './study/useProgressOnGraph'
import { NodeMarkMenu } from './study/NodeMarkMenu'
import { viewBeforeFirstSync } from './features/useHashState'
import { savedLabelDensity } from './features/labelDensity'
import { useLazyPart } from './lazyPart'
import { diagnosticsPanel, nodeList, notePanel, prefetchPanels, studyPanel } from './lazyPanels'

const EMPTY_GRAPH: Graph = { nodes: [], edges: [], diagnostics: [] }

/** Positions saved by the layout features (view state `explore.positions`), if any. */
function savedPositions(viewState: unknown): Positions {
  const explore = (viewState as { explore?: { positions?: unknown; positionsOf?: unknown } } | null)?.explore
  // positions saved before the grouped overview (a force layout) are not brought back
  const p = explore?.positionsOf === 'overview-1' ? explore.positions : undefined
  return p && typeof p === 'object' ? (p as Positions) : {}
}

/** Pinned node ids saved with the positions. */
function savedPinned(viewState: unknown): string[] {
  const p = (viewState as { explore?: { pinned?: unknown } } | null)?.explore?.pinned
  return Array.isArray(p) ? p.filter((x): x is string => typeof x === 'string') : []
}

export function App({ api = defaultApi }: { api?: RendererApi }) {
  const [graph, setGraph] = useState<Graph | null>(null)
  const [folder, setFolder] = useState<FolderInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [progress, setProgress] = useState<IndexProgress | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [panelNode, setPanelNode] = useState<GraphNode | undefined>(undefined)
  const [target, setTarget] = useState<NoteTarget | null>(null)
  const [mentions, setMentions] = useState<EntityMentions | null>(null)
  const [noteVersion, setNoteVersion] = useState(0)
  const [themeSetting, setThemeSetting] = useState<ThemeSetting>('system')
  const [showDiagnostics, setShowDiagnostics] = useState(false)
  const [showNodes, setShowNodes] = useState(false)
  const [studyStart] = useState(() => studyStartFromHash(location.hash))
  const [showStudy, setShowStudy] = useState(studyStart !== null)
  const systemDark = useSystemDark()
  const theme = effectiveTheme(themeSetting, systemDark)
  const request = useRef(0)
  /** where the next selection opens its note (a link to a section, a place from the history) */
  const nextTarget = useRef<{ target: NoteTarget | null } | null>(null)
  const mentionsRef = useRef(mentions)
  mentionsRef.current = mentions

  // The panel's node, note target and mentions change together, once the data is there: the panel
  // keeps showing the previous note until then (no flash of an empty panel, no needless re-render).
  const showNodeFor = useCallback((id: string | null, node: GraphNode | undefined) => {
    const ticket = ++request.current
    const override = nextTarget.current
    nextTarget.current = null
    setSelectedId(id)
    if (!id || !node) { setPanelNode(undefined); setTarget(null); setMentions(null); return }
    // the panel renders once, with the note already there and parsed (no "Loading…" frame in between)
    const settled = (p: Promise<unknown>) => p.then(() => undefined, () => undefined)
    // the reader's code (lazyPanels.ts) is fetched along with the note, so the panel still renders once
    const reader = settled(notePanel.load())
    if (node.type === 'note') {
      const path = node.path ?? id.slice('note:'.length)
      void Promise.all([reader, settled(noteForDisplay(api, path))]).then(() => {
        if (ticket !== request.current) return
        setPanelNode(node)
        setMentions(null)
        setTarget(override?.target?.path === path ? override.target : { path })
      })
    } else if (node.type === 'service' || node.type === 'concept') {
      getMentionsCached(api, id).then(
        async (m) => {
          if (m.best) await settled(noteForDisplay(api, m.best.path))
          await reader
          if (ticket !== request.current) return
          setPanelNode(node)
          setMentions(m)
          setTarget(override ? override.target : m.best ? { path: m.best.path, section: m.best.section || undefined, line: m.best.line } : null)
        },
        async () => {
          await reader
          if (ticket !== request.current) return
          setPanelNode(node)
          setMentions({ entity: id, mentions: [] })
          setTarget(null)
        },
      )
    } else {
      void reader.then(() => {
        if (ticket !== request.current) return
        setPanelNode(node)
        setTarget(null)
        setMentions(null)
      })
    }
  }, [api])

  const controllerRef = useRef<CyGraphController | null>(null)
  const controller = useMemo(() => {
    const c = new CyGraphController({
      onSelect: (id) => showNodeFor(id, id ? c.node(id) : undefined),
      onOpenNote: (path, section, line) => {
        const sel = c.selected()
        const selNode = sel ? c.node(sel) : undefined
        // keep an entity's mention list while moving between its mentions; otherwise follow the note, so the
        // header names the note shown (a full-text hit opened while a service is selected is that note's)
        const isMention = !!selNode && (selNode.type === 'service' || selNode.type === 'concept') &&
          !!mentionsRef.current?.mentions.some((m) => m.path === path && (m.line === line || (line === undefined && m.section === (section ?? ''))))
        const noteId = `note:${path}`
        if (!isMention && c.node(noteId) && sel !== noteId) {
          nextTarget.current = { target: { path, section, line } }
          c.select(noteId)
          return
        }
        setTarget({ path, section, line })
      },
    })
    controllerRef.current = c
    return c
  }, [showNodeFor])

  // back/forward through the places the reader showed
  const place: ReaderEntry = { node: panelNode?.id ?? null, path: target?.path, section: target?.section, line: target?.line }
  const nav = useReaderHistory(place, (entry) => {
    const t = entry.path ? { path: entry.path, section: entry.section, line: entry.line, scroll: entry.scroll } : null
    if (entry.node !== controller.selected()) {
      nextTarget.current = { target: t }
      controller.select(entry.node)
    } else setTarget(t)
  })
  const [panelWidth, setPanelWidth] = usePanelWidth(api)

  // the host's changes: deltas applied in place on the canvas (the whole graph on open, or when one was missed);
  // the canvas always holds the newest graph, React state follows it (graphFollower.ts: CanvasGraph)
  // the graph that ends indexing renders at once: the canvas says "settled" in the same frame as the box goes
  // a complete graph follows in an interruptible render: the canvas's frame is drawn before the shell re-renders;
  // a partial one at once, so the indexing box shows in the frame that first shows the graph
  const canvasGraph = useMemo(() => new CanvasGraph(controller, (g, ends) => {
    if (ends) flushSync(() => setGraph(g))
    else if (!g || g.partial) setGraph(g)
    else startTransition(() => setGraph(g))
  }, () => api.getGraph()), [api, controller])
  const follower = canvasGraph.follower

  // the shell's first frame: once it has been drawn, the first load need not wait for another (that one drew an
  // empty canvas only, ≈ 40–70 ms of the launch); later loads show their loading view first
  const appRoot = useRef<HTMLDivElement>(null)
  const shellFramed = useRef<(() => boolean) | null>(null)
  useLayoutEffect(() => { shellFramed.current ??= framedSince(appRoot.current) }, [])
  const load = useCallback(async () => {
    const framed = shellFramed.current?.() === true
    shellFramed.current = () => false
    // the app's frame is on screen before the graph's build (nextPaint.ts)
    const framePainted = framed ? null : nextPaint()
    clearNoteCache()
    setError(null)
    canvasGraph.show(null)
    // a cold folder: the host answers getGraph after its first phase; meanwhile show where indexing stands (the
    // progress events sent before this page listened are not sent again)
    api.getIndexProgress().then((p) => { if (p) setProgress((cur) => cur ?? p) }, () => undefined)
    try {
      // all at once: the graph is the slow one, and nothing it needs depends on the others
      const [info, viewState, settings, g] = await Promise.all([
        // shared reads (sharedReads.ts): main.tsx asked for them already (a failed answer is asked for again)
        api.getFolder().catch(() => api.getFolder()),
        api.getViewState().catch(() => ({})),
        api.getSettings().catch(() => null),
        takePrefetchedGraph(api)?.catch(() => api.getGraph()) ?? api.getGraph(),
      ])
      mark('phase:data')
      // rendered before the graph's build (the theme the canvas is styled with, the folder's name), not after it
      flushSync(() => {
        if (settings) setThemeSetting(settings.theme)
        setFolder(info)
      })
      controller.setCachedPositions(savedPositions(viewState))
      controller.setPinned(savedPinned(viewState))
      // the hash's view is the first one drawn; a local graph it restores is asked for once the graph is in
      const first = viewBeforeFirstSync(viewState)
      controller.setView(first.view)
      controller.expectLocalGraph(first.localCentre, false)
      // the label density this folder was left with, before the first labels are picked
      const density = savedLabelDensity(viewState)
      if (density !== controller.labelDensity()) { controller.setLabelDensity(density); controller.notify() }
      await framePainted
      mark('phase:shell-painted')
      canvasGraph.show(g) // the canvas starts now, not after the shell has re-rendered
      follower.loaded(g)
      // a change that went out before this page listened comes no more: the desktop asks where the host is (its
      // answer comes after every event sent before it); the web host's stream says so as it connects
      if (isDesktop) api.graphVersion().then((v) => follower.hostAt(v), () => undefined)
      if (g.partial) catchUpWithIndex(api, setProgress, (complete) => follower.whole(complete))
      api.exams().then((e) => controller.setExams(e), () => undefined)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setProgress(null)
    }
  }, [api, controller, follower, canvasGraph])

  useEffect(() => { void load() }, [load])
  useProgressOnGraph(api, controller, graph)
  const nodeProgress = useStudy((s) => s.progress?.states)

  // push the graph into the view (in place, by id), unless a newer one is there already
  useEffect(() => {
    canvasGraph.rendered(graph)
  }, [graph, canvasGraph])

  // the sidebars (search index, filter counts, exam panels) take a new graph once the canvas has drawn its
  // nodes, in an interruptible render: on a first start they never hold up the first picture of the graph
  const [featureGraph, setFeatureGraph] = useState<Graph>(EMPTY_GRAPH)
  useEffect(() => {
    const next = graph ?? EMPTY_GRAPH
    return controller.afterGraphShown(() => startTransition(() => setFeatureGraph(next)))
  }, [graph, controller])

  // once the graph has been drawn: fetch the best-connected notes and parse them in idle slices ahead of clicks
  // (not after the rest of the edges are in: the first clicks came before that, and each parsed its note)
  useEffect(() => {
    if (!graph || graph.nodes.length === 0) return
    const deg = new Map<string, number>()
    for (const e of graph.edges) {
      deg.set(e.source, (deg.get(e.source) ?? 0) + 1)
      deg.set(e.target, (deg.get(e.target) ?? 0) + 1)
    }
    const paths = graph.nodes
      .filter((n) => n.type === 'note')
      .sort((a, b) => (deg.get(b.id) ?? 0) - (deg.get(a.id) ?? 0))
      .map((n) => n.path ?? n.id.slice('note:'.length))
    let cancel = () => undefined as void
    const cancelStart = controller.afterGraphShown(() => { cancel = warmNotes(api, paths) })
    return () => { cancelStart(); cancel() }
  }, [api, graph, controller])

  // the panels the launch left out, fetched once the graph is on the canvas and the page is idle
  const launched = graph !== null && graph.nodes.length > 0
  useEffect(() => (launched ? controller.afterLaunch(prefetchPanels) : undefined), [launched, controller])

  // live updates from the watcher
  useEffect(() => {
    const offChange = api.on('graphChanged', (change) => {
      follower.take(change)
      if (change.delta?.partial || change.graph?.partial) return // a batch of a folder being indexed: no note changed
      clearNoteCache()
      setNoteVersion((v) => v + 1)
      const sel = controller.selected()
      const node = sel ? controller.node(sel) : undefined
      if (sel && node && (node.type === 'service' || node.type === 'concept')) {
        api.getMentions(sel).then((m) => { if (controller.selected() === sel) setMentions(m) }, () => undefined)
      }
    })
    const offVersion = api.on('graphVersion', (v) => follower.hostAt(v))
    const offProgress = api.on('progress', (p) => {
      setProgress(p.phase === 'ready' ? null : p)
      // indexing ended while this page held a partial graph whose last change it missed (it connected late)
      if (p.phase === 'ready' && canvasGraph.current()?.partial) api.getGraph().then((g) => { if (canvasGraph.current()?.partial) follower.whole(g) }, () => undefined)
    })
    return () => { offChange(); offVersion(); offProgress() }
  }, [api, controller, follower, canvasGraph])

  const toggleTheme = useCallback(() => {
    const next: ThemeSetting = theme === 'dark' ? 'light' : 'dark'
    setThemeSetting(next)
    api.setSettings({ theme: next }).catch(() => undefined)
  }, [api, theme])

  // Desktop: the native picker. Web: no picker, so show the folder panel with its path field.
  const openFolder = useCallback(async () => {
    if (!isDesktop) {
      exploreStore.set({ panel: 'folder' })
      document.querySelector<HTMLInputElement>('input[aria-label="Folder path"]')?.focus()
      return
    }
    try {
      await openFolderAndRemember(api)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }, [api])

  // any way of opening a folder (toolbar, folder panel, drag and drop) ends with this event
  useEffect(() => {
    const onOpened = () => { controller.select(null); void load() }
    window.addEventListener('notes-graph:folder-opened', onOpened)
    return () => window.removeEventListener('notes-graph:folder-opened', onOpened)
  }, [controller, load])

  const reload = useCallback(async () => {
    try { await api.reload() } catch { /* the reload below reports the problem */ }
    await load()
  }, [api, load])

  const onExternal = useCallback((url: string) => {
    api.openExternal(url).then(
      (opened) => { if (!opened) window.open(url, '_blank', 'noopener,noreferrer') },
      () => window.open(url, '_blank', 'noopener,noreferrer'),
    )
  }, [api])

  // app menu (desktop)
  const menuRef = useRef<(cmd: MenuCommand) => void>(() => undefined)
  menuRef.current = (cmd) => {
    if (cmd === 'search') document.querySelector<HTMLInputElement>('input[aria-label="Search"]')?.focus()
    else if (cmd === 'zoom-in') controller.zoom(1.25)
    else if (cmd === 'zoom-out') controller.zoom(0.8)
    else if (cmd === 'zoom-fit') controller.fit()
    else if (cmd === 'reload') void reload()
    else if (cmd === 'open-folder') void openFolder()
    else if (cmd === 'toggle-theme') toggleTheme()
  }
  useEffect(() => api.on('menu', (cmd) => menuRef.current(cmd)), [api])

  // Escape closes the note panel
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement)) controller.select(null)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [controller])

  useEffect(() => { document.documentElement.dataset.theme = theme }, [theme])

  // Benchmark hook, only with `?bench` in the URL: load a synthetic graph with known positions.
  useEffect(() => {
    if (!new URLSearchParams(location.search).has('bench')) return
    const w = window as unknown as { __loadSyntheticGraph?: (g: Graph, p: Positions) => void }
    w.__loadSyntheticGraph = (g, p) => {
      controller.setCachedPositions(p)
      canvasGraph.show(g)
    }
    return () => { delete w.__loadSyntheticGraph }
  }, [controller, canvasGraph])

  const g = graph ?? EMPTY_GRAPH
  // the notes Diagnostics can open (a skipped file is listed, not opened)
  const notePaths = useMemo(() => new Set(g.nodes.flatMap((n) => (n.type === 'note' && n.path ? [n.path] : []))), [g])
  // the note shown was renamed or deleted on disk: a renamed one (the controller saw which, cyController
  // renamedNote) is followed, at the same section; a deleted one says so in the panel, which stays on the same view
  const noteGone = !!target?.path && g.nodes.length > 0 && !g.partial && !notePaths.has(target.path)
  useEffect(() => {
    if (!noteGone || !target) return
    const to = controller.renamedNote(`note:${target.path}`)
    const path = to ? controller.node(to)?.path : undefined
    if (!to || !path) return
    nextTarget.current = { target: { path, section: target.section } }
    controller.focus(to)
  }, [noteGone, target, g, controller])
  // the panel's node as in the current graph (labels may have changed on disk)
  const shownNode = panelNode ? g.nodes.find((n) => n.id === panelNode.id) ?? panelNode : undefined
  const related = useMemo(() => {
    if (!shownNode || (shownNode.type !== 'domain' && shownNode.type !== 'tag')) return undefined
    const ids = new Set<string>()
    for (const e of g.edges) {
      if (e.source === shownNode.id) ids.add(e.target)
      else if (e.target === shownNode.id) ids.add(e.source)
    }
    return g.nodes.filter((n) => ids.has(n.id)).sort((a, b) => a.label.localeCompare(b.label))
  }, [g, shownNode])
  // the panels not shown at launch come from chunks of their own (lazyPanels.ts), all fetched once the launch is over
  const NotePanel = useLazyPart(notePanel, selectedId !== null || target !== null)
  const StudyPanel = useLazyPart(studyPanel, showStudy)
  const NodeList = useLazyPart(nodeList, showNodes)
  const DiagnosticsPanel = useLazyPart(diagnosticsPanel, showDiagnostics)
  // the panel opens with its note, not before: opening it narrows the canvas, and the frames that redraw the
  // graph for that (new canvas sizes, labels picked again) would otherwise come before the note's render
  const panelOpen = (shownNode !== undefined || target !== null) && NotePanel !== undefined
  const diagCount = g.diagnostics.length

  return (
    <div ref={appRoot} className={`app ${panelOpen ? 'with-panel' : ''}`}>
      <header className="toolbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">◈</span>
          <span className="app-name">Notes Graph</span>
          {folder && <span className="folder" title={folder.folder}>{folder.bundled ? 'Bundled MLA-C01 notes' : folder.folder.split(/[\\/]/).pop()}</span>}
        </div>
        <ReaderNavButtons nav={nav} />
        <div className="toolbar-slot">
          <Search controller={controller} graph={featureGraph} api={api} />
        </div>
        <ViewSwitch controller={controller} api={api} />
        <div className="toolbar-actions">
          <button
            type="button"
            aria-pressed={showNodes}
            onClick={() => {
              setShowNodes((v) => !v)
              // move focus into the list so keyboard users land where they asked to go
              setTimeout(() => document.querySelector<HTMLInputElement>('input[aria-label="Filter nodes"]')?.focus(), 0)
            }}
            title="List every node (keyboard alternative to the graph)"
          >
            Nodes
          </button>
          <button type="button" aria-pressed={showStudy} onClick={() => setShowStudy((v) => !v)} title="Flashcards, spaced repetition and exam readiness">Study</button>
          <button type="button" aria-pressed={showDiagnostics} onClick={() => setShowDiagnostics((v) => !v)} title="Problems found while reading the notes">
            Diagnostics{diagCount > 0 && <span className="count">{diagCount}</span>}
          </button>
          <button type="button" className="toolbar-icon" onClick={() => void reload()} aria-label="Reload" title="Reload: read the notes again">⟳</button>
          <button type="button" onClick={() => void openFolder()} title="Open another notes folder">Open folder…</button>
          <button type="button" className="toolbar-icon" onClick={toggleTheme} aria-label="Toggle theme" title={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
            {theme === 'dark' ? '☀' : '☾'}
          </button>
        </div>
      </header>
      <main className="workspace">
        <div className="sidebar">
          <PanelBoundary name="Explore" resetKey={featureGraph}>
            <Explore controller={controller} graph={featureGraph} api={api} showSearch={false} />
          </PanelBoundary>
        </div>
        {showNodes && NodeList && (<PanelBoundary name="Node list" className="sidebar node-sidebar" resetKey={g}>
          <aside className="sidebar node-sidebar" aria-label="Node list">
            <NodeList nodes={g.nodes} selected={selectedId} onChoose={(id) => controller.focus(id)} fieldLabel="Filter nodes" progress={nodeProgress} />
          </aside>
        </PanelBoundary>)}
        <div className="center">
          <GraphView controller={controller} theme={theme} />
          <NodeMarkMenu api={api} controller={controller} />
          <Notices api={api} />
          {error && <ErrorView message={error} onRetry={() => void load()} />}
          {!error && graph === null && <LoadingView progress={progress} />}
          {!error && graph?.partial && <IndexingStatus progress={progress} />}
          {!error && graph !== null && graph.nodes.length === 0 && <EmptyView folder={folder?.folder ?? ''} onOpenFolder={() => void openFolder()} />}
          {showStudy && StudyPanel && <StudyPanel api={api} controller={controller} graph={featureGraph} start={studyStart} onClose={() => setShowStudy(false)} />}
          {showDiagnostics && DiagnosticsPanel && (
            <PanelBoundary name="Diagnostics" className="diagnostics" resetKey={g}>
            <DiagnosticsPanel
              diagnostics={g.diagnostics}
              isNote={(path) => notePaths.has(path)}
              onOpen={(path, line) => controller.openNote(path, undefined, line)}
              onClose={() => setShowDiagnostics(false)}
            />
            </PanelBoundary>
          )}
        </div>
        {panelOpen && NotePanel && (
          <PanelBoundary name="Note" className="note-panel" resetKey={target ?? shownNode}>
          <NotePanel
            api={api}
            node={shownNode}
            target={target}
            mentions={mentions}
            version={noteVersion}
            related={related}
            onNavigate={(path, section, line) => controller.openNote(path, section, line)}
            onSelectNode={(id) => controller.focus(id)}
            onExternal={onExternal}
            onClose={() => controller.select(null)}
            width={panelWidth}
            onWidth={setPanelWidth}
            onScroll={nav.onScroll}
            diagnostics={g.diagnostics}
            gone={noteGone}
          />
          </PanelBoundary>
        )}
      </main>
    </div>
  )
}
