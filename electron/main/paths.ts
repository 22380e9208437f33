// Where things live on disk for the desktop app.
import { join } from 'node:path'

export interface AppPaths {
  bundledNotes: string
  renderer: string
  preload: string
  userData: string
  cacheDir: string
}

export function appPaths(opts: { appPath: string; resourcesPath: string; packaged: boolean; userData: string; mainDir: string }): AppPaths {
  return {
    // Packaged builds ship the notes as an extra resource (outside the asar, so they can be watched and read normally).
    bundledNotes: opts.packaged ? join(opts.resourcesPath, 'content') : join(opts.appPath, 'content'),
    renderer: join(opts.mainDir, '../renderer'),
    preload: join(opts.mainDir, '../preload/index.cjs'),
    userData: opts.userData,
    cacheDir: join(opts.userData, 'index-cache'),
  }
}
