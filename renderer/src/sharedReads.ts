// Several panels ask for the same small answers when the app starts (the folder, the settings, the view
// state, the exam guides: the exams list was asked for three times per launch). The app's api shares one
// request per read among them, until something can have changed it.
import { API_METHODS, type ApiMethod, type RendererApi } from '../../electron/shared/contract'

/** Reads without arguments whose answer changes only through the calls and events below. */
export const SHARED_READS = ['getFolder', 'getSettings', 'getViewState', 'exams'] as const
type SharedRead = (typeof SHARED_READS)[number]

/** Calls after which shared answers are asked for again (all of them when the folder changes). */
const FORGETS: Partial<Record<ApiMethod, readonly SharedRead[]>> = {
  openFolder: SHARED_READS,
  reload: SHARED_READS,
  setSettings: ['getSettings'],
  setViewState: ['getViewState'],
}

/** `base` with each shared read answered once for everyone who asks, until a write or a graph change. */
export function sharingReads(base: RendererApi): RendererApi {
  const answers = new Map<SharedRead, Promise<unknown>>()
  const forget = (which: readonly SharedRead[]) => { for (const m of which) answers.delete(m) }
  const out: Record<string, unknown> = {}
  for (const m of API_METHODS) {
    const call = base[m] as (...args: unknown[]) => Promise<unknown>
    if ((SHARED_READS as readonly string[]).includes(m)) {
      const read = m as SharedRead
      out[m] = () => {
        let p = answers.get(read)
        if (!p) {
          p = call.call(base)
          answers.set(read, p)
          // a failure is not kept: the next caller asks again
          p.catch(() => { if (answers.get(read) === p) answers.delete(read) })
        }
        return p
      }
    } else if (FORGETS[m]) {
      const which = FORGETS[m]
      out[m] = (...args: unknown[]) => {
        // before (a read sent meanwhile must not be taken for the new state) and after (one sent meanwhile may
        // have been answered with the old state)
        forget(which)
        const p = call.apply(base, args)
        const after = () => forget(which)
        p.then(after, after)
        return p
      }
    } else out[m] = (...args: unknown[]) => call.apply(base, args)
  }
  out.on = ((event, listener) => base.on(event, (payload) => {
    // the notes changed: the folder's note count and the exams' coverage may have too
    if (event === 'graphChanged') forget(['getFolder', 'exams'])
    listener(payload)
  })) as RendererApi['on']
  if (base.pathForFile) out.pathForFile = base.pathForFile
  return out as unknown as RendererApi
}
