// The one error type callers show to the user as is (a single line).

export type VaultErrorCode = 'ENOENT' | 'ENOTDIR' | 'EACCES' | 'EINVAL' | 'EOUTSIDE'

export class VaultError extends Error {
  readonly code: VaultErrorCode
  constructor(code: VaultErrorCode, message: string) {
    super(message)
    this.name = 'VaultError'
    this.code = code
  }
}

export function isVaultError(e: unknown): e is VaultError {
  return e instanceof VaultError || (e instanceof Error && e.name === 'VaultError')
}
