// Theme: follows the OS unless the user picked light or dark (persisted in settings).
import { useEffect, useState } from 'react'
import type { ThemeSetting } from '../../electron/shared/contract'
import type { ThemeName } from './graph/style'

const query = () => window.matchMedia?.('(prefers-color-scheme: dark)')

export function useSystemDark(): boolean {
  const [dark, setDark] = useState(() => query()?.matches ?? false)
  useEffect(() => {
    const mq = query()
    if (!mq) return
    const onChange = () => setDark(mq.matches)
    mq.addEventListener('change', onChange)
    return () => mq.removeEventListener('change', onChange)
  }, [])
  return dark
}

export function effectiveTheme(setting: ThemeSetting, systemDark: boolean): ThemeName {
  return setting === 'system' ? (systemDark ? 'dark' : 'light') : setting
}
