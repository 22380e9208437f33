// The markdown renderer (react-markdown with remark, rehype and their parsers) is a big part of the app's code
// and no launch needs it: it loads as its own chunk, started right after launch (warmNotes) or by the first
// note panel, whichever comes first.
import { useEffect, useState } from 'react'

type MarkdownModule = typeof import('./Markdown')

let loaded: MarkdownModule | null = null
let loading: Promise<MarkdownModule> | null = null

export function loadMarkdown(): Promise<MarkdownModule> {
  // a failed chunk load is not remembered: the next caller (a panel, the prefetch) tries again
  loading ??= import('./Markdown').then(
    (m) => (loaded = m),
    (err: unknown) => { loading = null; throw err },
  )
  return loading
}

/** The module once it is there; the component re-renders when it arrives. */
export function useMarkdownModule(): MarkdownModule | null {
  const [mod, setMod] = useState(loaded)
  useEffect(() => {
    if (mod) return
    let live = true
    loadMarkdown().then((m) => { if (live) setMod(m) }, () => undefined) // the next panel tries again
    return () => { live = false }
  }, [mod])
  return mod
}
