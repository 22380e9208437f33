// Preload: exposes named domain functions built from the one contract. The renderer never sees
// ipcRenderer or its event objects.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { API_EVENTS, API_METHODS, channelOf, eventChannelOf, type ApiEvent, type RendererApi } from '../shared/contract'

const api: Record<string, unknown> = {}
for (const method of API_METHODS) {
  api[method] = (...args: unknown[]) => ipcRenderer.invoke(channelOf(method), ...args)
}
api.on = (event: ApiEvent, listener: (payload: unknown) => void) => {
  if (!API_EVENTS.includes(event) || typeof listener !== 'function') throw new Error(`unknown event ${String(event)}`)
  const channel = eventChannelOf(event)
  const wrapped = (_e: unknown, payload: unknown) => listener(payload)
  ipcRenderer.on(channel, wrapped)
  return () => {
    ipcRenderer.removeListener(channel, wrapped)
  }
}
// Drag and drop of a folder: the renderer gets the dropped File, only main-side code knows its path.
api.pathForFile = (file: File) => webUtils.getPathForFile(file)

contextBridge.exposeInMainWorld('api', api as RendererApi)
