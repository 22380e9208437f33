// The panels a launch's first frame does not show (the note reader, study, diagnostics, the node list, the
// sidebar's hidden tabs), each in a chunk of its own (lazyPart.ts). `prefetchPanels` loads them once the
// launch is over, so the first click on a node finds the reader's code there.
// (test: tests/unit/launchChunks.test.ts fails if one of them is pulled back into the launch's chunks)
import { lazyPart } from './lazyPart'

export const notePanel = lazyPart(() => import('./note/NotePanel').then((m) => m.NotePanel))
export const studyPanel = lazyPart(() => import('./study/StudyPanel').then((m) => m.StudyPanel))
export const diagnosticsPanel = lazyPart(() => import('./components/DiagnosticsPanel').then((m) => m.DiagnosticsPanel))
export const nodeList = lazyPart(() => import('./components/NodeList').then((m) => m.NodeList))
export const comparePanel = lazyPart(() => import('./features/Compare').then((m) => m.Compare))
export const examPanel = lazyPart(() => import('./features/ExamOverlay').then((m) => m.ExamOverlay))
export const renamedPanel = lazyPart(() => import('./features/Renamed').then((m) => m.Renamed))
export const viewPanel = lazyPart(() => import('./features/ViewPanel').then((m) => m.ViewPanel))

/** The reader first: a click on a node is the likeliest next thing. */
const ALL = [notePanel, comparePanel, examPanel, renamedPanel, viewPanel, studyPanel, nodeList, diagnosticsPanel]

/** Loads every lazy panel (after the launch); a failure is retried when the panel is opened. */
export function prefetchPanels(): void {
  for (const p of ALL) p.load().catch(() => undefined)
}
