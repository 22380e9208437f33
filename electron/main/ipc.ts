// Registers every contract method on ipcMain through one wrapper that checks the sender and
// validates the arguments before the handler sees them. Nothing else in main touches ipcMain.
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { API_METHODS, channelOf, validators, type ApiArgs, type ApiMethod, type ApiResult } from '../shared/contract'

export type Handlers = {
  [M in ApiMethod]: (...args: ApiArgs<M>) => ApiResult<M> | Promise<ApiResult<M>>
}

export class IpcRejected extends Error {}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  log: (msg: string) => void = (m) => console.warn(m),
): () => void {
  for (const method of API_METHODS) {
    const channel = channelOf(method)
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) {
        log(`ipc: rejected ${method} from untrusted sender ${event.senderFrame?.url ?? '(unknown)'}`)
        throw new IpcRejected(`${method}: sender not allowed`)
      }
      if (!validators[method](args)) {
        log(`ipc: rejected ${method}: invalid arguments`)
        throw new IpcRejected(`${method}: invalid arguments`)
      }
      const handler = handlers[method] as (...a: unknown[]) => unknown
      return handler(...args)
    })
  }
  return () => API_METHODS.forEach((m) => ipcMain.removeHandler(channelOf(m)))
}
