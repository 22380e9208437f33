// Electron main process: window, menu, IPC wiring, security. The notes logic lives in electron/core.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron'
import { writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openAtOnce, type HostBackend } from '../core/open-at-once'
import { eventChannelOf, type ApiEvent, type ApiEvents, type MenuCommand } from '../shared/contract'
import { appProtocolResponse } from './app-protocol'
import { contentSecurityPolicy } from './csp'
import { openExternalSafely } from './external'
import { registerIpc, type Handlers } from './ipc'
import { coreHandlers } from './core-handlers'
import { menuTemplate } from './menu'
import { APP_ORIGIN, APP_SCHEME, isTrustedUrl, trustedOrigins } from './origin'
import { appPaths } from './paths'
import { secureApp, secureSession, type SecurityOptions } from './security'
import { windowOptions } from './window-options'
import { loadBounds, onScreen, saveBounds } from './window-state'

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const dev = Boolean(devServerUrl)
const trusted = trustedOrigins(devServerUrl)
const paths = appPaths({
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  packaged: app.isPackaged,
  userData: app.getPath('userData'),
  mainDir: dirname(fileURLToPath(import.meta.url)),
})

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
])

let win: BrowserWindow | null = null
let backend: HostBackend | null = null

const security: SecurityOptions = {
  dev,
  devServerUrl,
  trusted,
  openExternal: (url) => openExternalSafely(url, (u) => shell.openExternal(u)),
}

function send<E extends ApiEvent>(event: E, payload: ApiEvents[E]): void {
  if (win && !win.isDestroyed()) win.webContents.send(eventChannelOf(event), payload)
}

async function pickFolder(): Promise<string | null> {
  const options: Electron.OpenDialogOptions = { title: 'Open Notes Folder', properties: ['openDirectory'] }
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0]
}

function handlers(b: HostBackend): Handlers {
  return {
    ...coreHandlers(b),
    // the desktop-only parts: a folder picker, the system browser, a save dialog
    openFolder: async (folder) => {
      const chosen = folder ?? (await pickFolder())
      return chosen ? b.openFolder(chosen) : null
    },
    openExternal: (url) => security.openExternal(url),
    saveFile: async (req) => {
      const options: Electron.SaveDialogOptions = { defaultPath: req.defaultName }
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      if (result.canceled || !result.filePath) return null
      await writeFile(result.filePath, req.base64 ? Buffer.from(req.data, 'base64') : req.data)
      return result.filePath
    },
  }
}

function createWindow(): BrowserWindow {
  const bounds = onScreen(loadBounds(paths.userData), screen.getAllDisplays().map((d) => d.workArea))
  const w = new BrowserWindow(windowOptions(paths.preload, bounds))
  if (bounds.maximized) w.maximize()
  w.once('ready-to-show', () => w.show())
  const remember = () => {
    if (w.isDestroyed()) return
    saveBounds(paths.userData, { ...w.getNormalBounds(), maximized: w.isMaximized() })
  }
  w.on('close', remember)
  if (devServerUrl) void w.loadURL(devServerUrl)
  else void w.loadURL(`${APP_ORIGIN}/index.html`)
  return w
}

async function start(): Promise<void> {
  secureApp(app, security)
  secureSession(session.defaultSession, security)
  const csp = contentSecurityPolicy(dev, devServerUrl)
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(paths.renderer, request.url, csp))

  // the window opens at once and shows the indexing progress, then the notes and links, then the rest
  backend = await openAtOnce({
    bundledFolder: paths.bundledNotes,
    cacheDir: paths.cacheDir,
    settingsDir: paths.userData,
    watch: true,
  })
  backend.backend.catch((err: unknown) => {
    dialog.showErrorBox('Notes Graph could not open the notes', String((err as Error)?.message ?? err))
    app.quit()
  })
  backend.onChange((change) => send('graphChanged', change))
  backend.onProgress((progress) => send('progress', progress))

  registerIpc(ipcMain, handlers(backend), (event) => {
    const frame = event.senderFrame
    return Boolean(frame) && frame === win?.webContents.mainFrame && isTrustedUrl(frame!.url, trusted)
  })

  const sendMenu = (command: MenuCommand) => send('menu', command)
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(sendMenu, { isMac: process.platform === 'darwin', dev, appName: app.name })))
  win = createWindow()
  win.on('closed', () => (win = null))
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.whenReady().then(start).catch((err) => {
    dialog.showErrorBox('Notes Graph could not start', String(err?.message ?? err))
    app.quit()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (!win && backend) win = createWindow()
  })
  app.on('will-quit', () => backend?.close())
}
