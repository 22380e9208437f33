// Every core method of the contract handed to the backend as it is, so a method added to the contract and the
// backend needs no line here (only the desktop-shell methods are written out in index.ts).
import { API_METHODS, type ApiArgs } from '../shared/contract'
import type { CoreMethod } from '../core/backend'
import type { Handlers } from './ipc'

const SHELL = new Set(['openExternal', 'saveFile'])

export function coreHandlers(b: { [M in CoreMethod]: (...args: ApiArgs<M>) => unknown }): Pick<Handlers, CoreMethod> {
  const out: Record<string, (...args: unknown[]) => unknown> = {}
  for (const m of API_METHODS) {
    if (SHELL.has(m)) continue
    out[m] = (...args) => (b[m as CoreMethod] as (...a: unknown[]) => unknown).apply(b, args)
  }
  return out as Pick<Handlers, CoreMethod>
}
