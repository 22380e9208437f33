// Which Cytoscape renderer draws the graph. The WebGL mode (Cytoscape ≥ 3.31, provisional) pays off on big
// graphs with a real GPU; in software (SwiftShader, llvmpipe) the canvas renderer is as fast or faster
// (BENCHMARKS.md, "Big vault"), so WebGL is chosen only above a node count and when the GPU is a real one.
// `?webgl` / `?webgl=1` forces it on, `?webgl=0` off (the benchmark measures both).

/** Graphs with more nodes than this draw with WebGL when a GPU is present. */
export const WEBGL_ABOVE_NODES = 3000

/** Renderer strings of software rasterizers: no GPU behind them. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen|microsoft basic/i

/** A WebGL renderer string says a GPU draws (not a software rasterizer, and not unknown). */
export function isHardwareRenderer(rendererString: string | null | undefined): boolean {
  return !!rendererString && rendererString.trim() !== '' && !SOFTWARE.test(rendererString)
}

/** The WebGL renderer string of this browser (unmasked when the browser allows it), or null without WebGL. */
export function webglRendererString(doc: Document = document): string | null {
  try {
    const canvas = doc.createElement('canvas')
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null
    if (!gl) return null
    const info = gl.getExtension('WEBGL_debug_renderer_info')
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '')
    gl.getExtension('WEBGL_lose_context')?.loseContext() // free the probe's context at once
    return name
  } catch {
    return null
  }
}

/** `?webgl` in the page's address: true/false when the user forced a renderer, undefined to choose. */
export function webglForced(search: string): boolean | undefined {
  const q = new URLSearchParams(search)
  if (!q.has('webgl')) return undefined
  const v = q.get('webgl')
  return !(v === '0' || v === 'false' || v === 'off')
}

let probed: boolean | null = null
/** True when this browser draws WebGL on a GPU (probed once). */
export function hasGpu(): boolean {
  probed ??= isHardwareRenderer(webglRendererString())
  return probed
}

/** WebGL for a graph of `nodes` nodes: forced by the address, else big graphs on a GPU. */
export function wantWebgl(nodes: number, opts: { search?: string; gpu?: () => boolean } = {}): boolean {
  const forced = webglForced(opts.search ?? (typeof location === 'undefined' ? '' : location.search))
  if (forced !== undefined) return forced
  return nodes > WEBGL_ABOVE_NODES && (opts.gpu ?? hasGpu)()
}
