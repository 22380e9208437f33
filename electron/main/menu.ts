// The application menu as data, so its commands and shortcuts are testable without Electron.
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/contract'

export function menuTemplate(
  send: (command: MenuCommand) => void,
  opts: { isMac: boolean; dev: boolean; appName: string },
): MenuItemConstructorOptions[] {
  const item = (label: string, accelerator: string, command: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  })
  const template: MenuItemConstructorOptions[] = []
  if (opts.isMac) template.push({ label: opts.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'quit' }] })
  template.push(
    {
      label: '&File',
      submenu: [
        item('Open Notes Folder…', 'CmdOrCtrl+O', 'open-folder'),
        item('Reload Notes', 'CmdOrCtrl+R', 'reload'),
        { type: 'separator' },
        opts.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' }, { role: 'redo' }, { type: 'separator' },
        { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' },
        { type: 'separator' },
        item('Search', 'CmdOrCtrl+K', 'search'),
      ],
    },
    {
      label: '&View',
      submenu: [
        item('Zoom In', 'CmdOrCtrl+=', 'zoom-in'),
        item('Zoom Out', 'CmdOrCtrl+-', 'zoom-out'),
        item('Fit Graph', 'CmdOrCtrl+0', 'zoom-fit'),
        { type: 'separator' },
        item('Toggle Theme', 'CmdOrCtrl+Shift+L', 'toggle-theme'),
        { role: 'togglefullscreen' },
        ...(opts.dev ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    { label: '&Window', submenu: [{ role: 'minimize' }, ...(opts.isMac ? [{ role: 'zoom' } as const] : [])] },
  )
  return template
}
