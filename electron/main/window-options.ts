// BrowserWindow options in one pure function, so the security-relevant ones are unit-tested.
import type { BrowserWindowConstructorOptions } from 'electron'

export interface Bounds {
  x?: number
  y?: number
  width: number
  height: number
  maximized?: boolean
}

export const DEFAULT_BOUNDS: Bounds = { width: 1400, height: 900 }

export function windowOptions(preloadPath: string, bounds: Bounds = DEFAULT_BOUNDS): BrowserWindowConstructorOptions {
  return {
    x: bounds.x,
    y: bounds.y,
    width: Math.max(640, bounds.width),
    height: Math.max(480, bounds.height),
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Notes Graph',
    backgroundColor: '#1b1d23',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  }
}
