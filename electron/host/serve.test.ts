import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, metaContentSecurityPolicy, mimeType, resolveStaticFile, securityHeaders } from './serve'

const repo = path.resolve(import.meta.dirname, '../..')

describe('what both hosts serve with', () => {
  it('names scripts and pages by MIME type, unknown files as bytes', () => {
    expect(mimeType('/x/assets/app-1.js')).toBe('text/javascript; charset=utf-8')
    expect(mimeType('/x/index.HTML')).toBe('text/html; charset=utf-8')
    expect(mimeType('/x/data.bin')).toBe('application/octet-stream')
  })

  it.each(['/../secret', '/%2e%2e/secret', '/a/..%2f..%2fsecret', '/..%5csecret', '/%00index.html', '/%E0%A4%A', '/a\\b'])('refuses %s', (p) => {
    expect(resolveStaticFile('/srv/app', p)).toBeNull()
  })

  it('resolves plain paths inside the root, / as index.html', () => {
    expect(resolveStaticFile('/srv/app', '/')).toBe(path.resolve('/srv/app/index.html'))
    expect(resolveStaticFile('/srv/app', '/assets/a%20b.js')).toBe(path.resolve('/srv/app/assets/a b.js'))
  })

  it('index.html carries the same production policy as the hosts send', () => {
    const html = readFileSync(path.join(repo, 'renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(metaContentSecurityPolicy())
    expect(contentSecurityPolicy()).toBe(`${meta}; frame-ancestors 'none'`)
  })

  it('sends the same security headers from both hosts', () => {
    expect(securityHeaders('x')).toEqual({
      'Content-Security-Policy': 'x',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
    })
  })
})
