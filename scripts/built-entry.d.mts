export const ENTRIES: Record<'cli' | 'cards-cli' | 'web', string>
export function builtFile(name: string): string
export function entryIsStale(name: string): boolean
export function ensureEntryBuilt(name: string, options?: { log?: (m: string) => void }): string
export function runEntry(file: string, args: string[]): Promise<void>
