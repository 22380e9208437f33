// Where Chromium is on this machine: $CHROMIUM_PATH, then the Debian/Ubuntu locations, then Playwright's
// own download if one is installed. Shared by playwright.config.ts and the renderer benchmark.
import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A new window (each test's or benchmark run's fresh context) made Chromium 156 start a renderer of its own
  // that preloads the omnibox popup's web UI: ≈ 1.35 s of CPU per context, during the page's launch, on a
  // 2-core machine (bench/launch-ab.ts --trace: "WebUI Top Renderer"). The app has no omnibox.
  // Chromium takes only the last --disable-features, so Playwright's own list (its default arguments come
  // first) is repeated here; keep it in step with playwright-core's chromiumSwitches when Playwright updates.
  `--disable-features=${[
    'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable',
    'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect',
    'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
    'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion', 'SkipListAccountsWithoutGaiaCookies',
    'PreloadTopChromeWebUI', 'WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup',
  ].join(',')}`,
]

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const full = path.join(dir, name)
    try { fs.accessSync(full, fs.constants.X_OK); return full } catch { /* keep looking */ }
  }
  return undefined
}

/** An executable Chromium path, or undefined to let Playwright use its own browser (if installed). */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return fromEnv
  for (const p of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) if (fs.existsSync(p)) return p
  for (const name of ['chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = onPath(name)
    if (found) return found
  }
  return undefined
}

/** True when Playwright has a downloaded Chromium of its own (never downloads one). */
export function hasPlaywrightChromium(): boolean {
  try {
    const out = execFileSync(process.execPath, ['-e', "process.stdout.write(require('playwright').chromium.executablePath())"], { encoding: 'utf8' })
    return fs.existsSync(out)
  } catch {
    return false
  }
}
