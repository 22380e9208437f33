import { describe, expect, it } from 'vitest'
import { isHardwareRenderer, WEBGL_ABOVE_NODES, wantWebgl, webglForced } from './webglChoice'
import { bigGraphSummary } from './BigGraphNote'

describe('renderer choice', () => {
  it('tells a GPU from a software rasterizer by the WebGL renderer string', () => {
    expect(isHardwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(true)
    expect(isHardwareRenderer('Apple M2')).toBe(true)
    expect(isHardwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(false)
    expect(isHardwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(false)
    expect(isHardwareRenderer('Microsoft Basic Render Driver')).toBe(false)
    expect(isHardwareRenderer('')).toBe(false)
    expect(isHardwareRenderer(null)).toBe(false)
  })

  it('uses WebGL only for big graphs on a GPU unless the address forces a renderer', () => {
    const gpu = () => true
    const none = () => false
    expect(wantWebgl(WEBGL_ABOVE_NODES + 1, { search: '', gpu })).toBe(true)
    expect(wantWebgl(WEBGL_ABOVE_NODES, { search: '', gpu })).toBe(false)
    expect(wantWebgl(10_000, { search: '', gpu: none })).toBe(false)
    expect(wantWebgl(10, { search: '?webgl', gpu: none })).toBe(true)
    expect(wantWebgl(10_000, { search: '?webgl=0', gpu })).toBe(false)
    expect(webglForced('?bench&webgl=1')).toBe(true)
    expect(webglForced('?bench')).toBeUndefined()
  })

  it('says how many links a display graph left out, per kind', () => {
    const s = bigGraphSummary({ totalEdges: 455_612, omitted: { mentions: 400_000, related: 10_000, tagged: 5_000 }, perNode: { mentions: 3, related: 3, tagged: 1 } })
    expect(s.line).toBe('40,612 of 455,612 links drawn')
    expect(s.detail).toContain('400,000 mention')
    expect(s.detail).toContain('10,000 co-mention')
    expect(s.detail).toContain('3 strongest mention links')
  })
})
