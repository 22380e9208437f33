// Every change to the folder's view state goes through here, one after another. Each feature keeps its own key
// (the explore hash and positions, the panel width, the label density) by reading the state and writing it back
// with its key changed; two of those overlapping would write back a state without the other's key.
import type { RendererApi, ViewState } from '../../electron/shared/contract'

const queues = new WeakMap<RendererApi, Promise<unknown>>()

/**
 * Read the view state, change it, write it: after every change asked for before. A failed read writes nothing
 * (writing only this key would drop the others); the returned promise rejects then.
 */
export function updateViewState(api: RendererApi, change: (all: ViewState) => ViewState): Promise<void> {
  const before = queues.get(api) ?? Promise.resolve()
  const next = before.then(async () => {
    const all = await api.getViewState()
    await api.setViewState(change(all && typeof all === 'object' ? all : {}))
  })
  queues.set(api, next.catch(() => undefined))
  return next
}
