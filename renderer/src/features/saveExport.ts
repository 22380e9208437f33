// Saving an export: the desktop app asks main for a save dialog (api.saveFile); the web host has no
// dialog, so saveFile returns null there and the browser downloads the file through an anchor.
import type { RendererApi } from '../../../electron/shared/contract'

/** The Electron preload exposes `window.api`; the web build talks HTTP instead. */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && 'api' in window && (window as unknown as { api?: unknown }).api != null
}

export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('could not read the image'))
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.readAsDataURL(blob)
  })
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Returns a short message for the user: where it went, or that it was cancelled. */
export async function saveExport(api: RendererApi, name: string, content: Blob | string, mime: string): Promise<string> {
  const blob = typeof content === 'string' ? new Blob([content], { type: mime }) : content
  if (isDesktop()) {
    const data = typeof content === 'string' ? content : await blobToBase64(blob)
    const written = await api.saveFile({ defaultName: name, data, base64: typeof content !== 'string' })
    return written ? `Saved ${written}` : 'Export cancelled'
  }
  download(name, blob)
  return `Downloaded ${name}`
}
