// The app's Content-Security-Policy: one definition for both hosts, in electron/host/serve.ts.
export { contentSecurityPolicy } from '../host/serve'
