// The renderer's one way to reach the backend: the Electron preload's `window.api` when present,
// else an HTTP client for the web host (POST /api/<method>, events over SSE). Same RendererApi type.
import { fromWire } from '../../electron/shared/graph-wire'
import { fromWireChange } from '../../electron/shared/change-wire'
import { API_METHODS, type ApiEvent, type ApiEvents, type ApiMethod, type RendererApi } from '../../electron/shared/contract'
import { sharingReads } from './sharedReads'

declare global {
  interface Window {
    api?: RendererApi
  }
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

async function post(method: ApiMethod, args: unknown[]): Promise<unknown> {
  // JSON has no `undefined`: drop trailing undefined args so optional parameters stay optional
  const trimmed = [...args]
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === undefined) trimmed.pop()
  const res = await fetch(`./api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(trimmed),
  })
  const body = (await res.json().catch(() => null)) as unknown
  if (!res.ok) {
    const message = (body as { error?: string } | null)?.error ?? `${method} failed (${res.status})`
    throw new ApiError(res.status, message)
  }
  return method === 'getGraph' ? fromWire(body) : body
}

export function createHttpApi(): RendererApi {
  const api: Record<string, unknown> = {}
  for (const m of API_METHODS) api[m] = (...args: unknown[]) => post(m, args)
  let source: EventSource | null = null
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const ensureSource = (event: string) => {
    if (!source) source = new EventSource('./api/events')
    if (!listeners.has(event)) {
      listeners.set(event, new Set())
      source.addEventListener(event, (e) => {
        let payload: unknown
        try { payload = JSON.parse((e as MessageEvent<string>).data) } catch { return }
        if (event === 'graphChanged') payload = fromWireChange(payload as ApiEvents['graphChanged'])
        for (const l of listeners.get(event) ?? []) l(payload)
      })
    }
  }
  api.on = <E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) => {
    ensureSource(event)
    const set = listeners.get(event)!
    const l = listener as (p: unknown) => void
    set.add(l)
    return () => { set.delete(l) }
  }
  return api as RendererApi
}

/** True inside the desktop app (the preload exposed `window.api`). */
export const isDesktop = typeof window !== 'undefined' && window.api !== undefined

// the panels that read the same small answers at launch share one request each (sharedReads.ts)
export const api: RendererApi = sharingReads(typeof window !== 'undefined' && window.api ? window.api : createHttpApi())

/**
 * The graph is the slowest thing launch waits for, and the app's bundle takes a while to compile and run:
 * main.tsx asks for the graph (and the small reads the shell's first load needs) first, and the shell's
 * first load takes that graph (once) instead of asking again. The small reads are shared reads: whoever asks
 * next gets the same answer.
 */
let early: ReturnType<RendererApi['getGraph']> | null | undefined
export function prefetchLaunch(): void {
  if (early !== undefined) return
  early = api.getGraph()
  early.catch(() => undefined) // a failure is reported by the shell's own request
  for (const read of ['getFolder', 'getViewState', 'getSettings'] as const) api[read]().catch(() => undefined)
}
/** The graph main.tsx asked for, to the first caller (with this module's api) only. */
export function takePrefetchedGraph(from: RendererApi): ReturnType<RendererApi['getGraph']> | null {
  const p = from === api ? early ?? null : null
  early = null
  return p as ReturnType<RendererApi['getGraph']> | null
}
