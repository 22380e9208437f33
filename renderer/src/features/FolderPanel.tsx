// Open any notes folder: a dialog on the desktop, a path field in the browser; recent folders;
// a folder dropped on the window opens too (desktop only: the browser does not reveal paths).
import { useCallback, useEffect, useState } from 'react'
import type { FolderInfo } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'
import { isDesktop } from './saveExport'
import { exploreStore } from './store'
import { resetViewForNewFolder } from './useHashState'
import type { FeatureProps } from './types'

export async function openFolder(api: RendererApi, path?: string): Promise<FolderInfo | null> {
  const info = await api.openFolder(path)
  if (!info) return null
  try {
    const settings = await api.getSettings()
    const recent = [info.folder, ...settings.recentFolders.filter((f) => f !== info.folder)].slice(0, 10)
    await api.setSettings({ recentFolders: recent, lastFolder: info.bundled ? undefined : info.folder })
  } catch {
    // the folder is open; failing to remember it is not worth an error
  }
  // the new folder has its own remembered view
  resetViewForNewFolder()
  window.dispatchEvent(new CustomEvent('notes-graph:folder-opened', { detail: info }))
  return info
}

export function FolderPanel({ api, graph }: FeatureProps) {
  const desktop = isDesktop()
  const [current, setCurrent] = useState<FolderInfo | null>(null)
  const [recent, setRecent] = useState<string[]>([])
  const [path, setPath] = useState('')
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  const refresh = useCallback(() => {
    api.getFolder().then(setCurrent, () => setCurrent(null))
    api.getSettings().then((s) => setRecent(s.recentFolders ?? []), () => setRecent([]))
  }, [api])
  useEffect(refresh, [refresh, graph])

  async function open(target?: string) {
    setBusy(true)
    setMessage(target ? `Opening ${target}…` : '')
    try {
      const info = await openFolder(api, target)
      setMessage(info ? `Opened ${info.folder} (${info.noteCount} notes)` : desktop && !target ? '' : 'Nothing opened')
      if (info) setPath('')
      refresh()
    } catch (e) {
      setMessage(`Could not open the folder: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="fx-panel-body">
      {current && (
        <p className="fx-hint">
          Current: <strong className="fx-path">{current.bundled ? 'Bundled notes' : current.folder}</strong> · {current.noteCount} notes
        </p>
      )}
      {desktop && (
        <button type="button" className="fx-button" disabled={busy} onClick={() => void open()}>
          Open folder…
        </button>
      )}
      <form
        className="fx-row"
        onSubmit={(e) => {
          e.preventDefault()
          if (path.trim()) void open(path.trim())
        }}
      >
        <input
          className="fx-grow"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="/path/to/notes"
          aria-label="Folder path"
          spellCheck={false}
        />
        <button type="submit" className="fx-button" disabled={busy || !path.trim()}>
          Open
        </button>
      </form>
      <p className="fx-hint">
        {desktop ? 'You can also drop a folder on the window.' : 'Type the absolute path of a folder of markdown notes.'}
      </p>
      {message && (
        <p className="fx-hint" role="status">
          {message}
        </p>
      )}
      {recent.length > 0 && (
        <>
          <h3>Recent folders</h3>
          <ul className="fx-list" aria-label="Recent folders">
            {recent.map((f) => (
              <li key={f}>
                <button type="button" className="fx-link fx-path" disabled={busy} onClick={() => void open(f)}>
                  {f}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

/** Window-wide drop target: the desktop preload turns a dropped folder into a path. */
export function useFolderDrop(api: RendererApi, onMessage: (m: string) => void): boolean {
  const [over, setOver] = useState(false)
  useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files')
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      setOver(true)
    }
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false)
    }
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      setOver(false)
      const file = e.dataTransfer?.files[0]
      const path = file && api.pathForFile ? api.pathForFile(file) : ''
      if (!path) {
        onMessage('Dropping a folder works in the desktop app; here, type its path in Folder.')
        exploreStore.set({ panel: 'folder' })
        return
      }
      openFolder(api, path).then(
        (info) => onMessage(info ? `Opened ${info.folder}` : 'Nothing opened'),
        (err: unknown) => onMessage(`Could not open ${path}: ${err instanceof Error ? err.message : String(err)}`),
      )
    }
    window.addEventListener('dragover', onOver)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('drop', onDrop)
    }
  }, [api, onMessage])
  return over
}
