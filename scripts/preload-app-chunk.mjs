// Vite plugin: a <link rel="modulepreload"> in index.html for the app chunk that renderer/src/main.tsx
// imports dynamically, so the browser fetches and compiles it while the small entry asks for the graph.
// Shared by electron.vite.config.ts and the renderer-only fallback build in build-renderer.mjs.

/** @returns {import('vite').Plugin} */
export function preloadAppChunk(name = 'boot') {
  return {
    name: 'notes-graph:preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === name)
        if (!chunk) return html
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }]
      },
    },
  }
}
