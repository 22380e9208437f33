// A bookmarked or reloaded hash is untrusted input: malformed percent-encoding must never throw.
import { describe, expect, it } from 'vitest'
import { decodeHash, hasViewParams } from './hashState'

describe('URL hash view state with malformed encodings', () => {
  const hostile = ['#%E0%A4%A', '#?select=%E0%A4%A', '#?select=note:a.md%', '#?compare=%E0%A4%A,service:aws-glue', '#?filter=domain:%E0;type:%', '#?exam=%ZZ', '#?%E0=%A4&&==&']
  it('drops the bad values and keeps the good ones', () => {
    for (const h of hostile) {
      expect(() => decodeHash(h)).not.toThrow()
      expect(() => hasViewParams(h)).not.toThrow()
    }
    expect(decodeHash('#?select=%E0%A4%A').select).toBeUndefined()
    expect(decodeHash('#?compare=%E0%A4%A,service:aws-glue').compare).toEqual(['service:aws-glue'])
  })
})
