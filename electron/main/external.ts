// Opening links in the system browser: http(s) only, after parsing the URL.
import { isSafeExternalUrl } from '../shared/contract'

export async function openExternalSafely(url: string, open: (u: string) => Promise<void>): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false
  await open(new URL(url).toString())
  return true
}
