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
