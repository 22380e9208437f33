// Launch: the app's frame (toolbar, sidebar, "Loading notes…") is painted before the graph's first, long
// build starts. When the graph's answer was there before the app's bundle had run, that build used to start
// in the same task as the first render, and the page stayed blank until the graph's first frame.

/** Resolves after the next frame has been painted (or after `fallbackMs`: a hidden tab paints no frames). */
export function nextPaint(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, fallbackMs)
    if (typeof requestAnimationFrame !== 'function') return
    // a task queued from the frame's callback runs once that frame has been handed to the compositor
    requestAnimationFrame(() => setTimeout(() => { clearTimeout(timer); resolve() }, 0))
  })
}

/**
 * Has a frame laid `el` out since this call? A resize observer's first report comes in the frame's own update,
 * after layout and before paint (even a frame that runs no animation callbacks: the page's first frame after
 * the shell's render ran none in Chromium's traces). Without ResizeObserver: never (callers wait for nextPaint).
 */
export function framedSince(el: Element | null): () => boolean {
  if (!el || typeof ResizeObserver !== 'function') return () => false
  let framed = false
  const observer = new ResizeObserver(() => { framed = true; observer.disconnect() })
  observer.observe(el)
  return () => framed
}
