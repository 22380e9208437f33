// `#?study=review` (or `#?study=drill`) opens the Study panel with a session on load. Read once at start: the
// explore features rewrite the hash with their own parameters afterwards.
export type StudyStart = 'review' | 'drill'

export function studyStartFromHash(hash: string): StudyStart | null {
  const q = hash.replace(/^#/, '').replace(/^\?/, '')
  for (const pair of q.split('&')) {
    const [k, v] = pair.split('=')
    if (k === 'study' && (v === 'review' || v === 'drill')) return v
  }
  return null
}
