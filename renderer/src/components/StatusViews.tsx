// Loading (with indexing progress), error and empty states shown in place of the graph.
import type { IndexProgress } from '../../../electron/core/types'

export function LoadingView({ progress }: { progress: IndexProgress | null }) {
  const pct = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : null
  return (
    <div className="status-view" role="status" aria-live="polite">
      <div className="spinner" aria-hidden="true" />
      <p>{progress ? `Indexing notes — ${progress.phase}` : 'Loading notes…'}</p>
      {pct !== null && (
        <>
          <progress max={progress!.total} value={progress!.done} aria-label="Indexing progress" />
          <p className="muted">{progress!.done} / {progress!.total} files ({pct}%)</p>
        </>
      )}
      {/* still finding the files: how many is not known yet */}
      {progress && pct === null && <progress aria-label="Indexing progress" />}
    </div>
  )
}

/** Over a partial graph (notes and links shown, the rest still being read): a small progress box. */
export function IndexingStatus({ progress }: { progress: IndexProgress | null }) {
  const counted = progress !== null && progress.total > 0
  return (
    <div className="indexing-status" role="status" aria-live="polite">
      <span>{counted ? `Indexing notes — ${progress.done} / ${progress.total}` : 'Indexing notes…'}</span>
      {counted
        ? <progress max={progress.total} value={progress.done} aria-label="Indexing progress" />
        : <progress aria-label="Indexing progress" />}
      <span className="muted">services and concepts join as notes are read</span>
    </div>
  )
}

export function ErrorView({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <div className="status-view" role="alert">
      <p className="error">Could not load the notes: {message}</p>
      <button type="button" onClick={onRetry}>Try again</button>
    </div>
  )
}

export function EmptyView({ folder, onOpenFolder }: { folder: string; onOpenFolder(): void }) {
  return (
    <div className="status-view">
      <h2>No notes here yet</h2>
      <p className="muted">{folder ? <>No markdown notes were found in <code>{folder}</code>.</> : 'No folder is open.'}</p>
      <button type="button" onClick={onOpenFolder}>Open a notes folder…</button>
    </div>
  )
}
