// Vite plugin: <link rel="modulepreload"> in index.html for chunks imported dynamically, by default the app
// chunk that renderer/src/main.tsx loads, so it is fetched and compiled while the small entry asks for the
// graph. (Preloading the markdown chunk too was measured: it slowed the launch down more than it helped.)
// Shared by electron.vite.config.ts and the renderer-only fallback build in build-renderer.mjs.

/** @returns {import('vite').Plugin} */
export function preloadAppChunk(names = ['boot']) {
  return {
    name: 'notes-graph:preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // in the order given: the app chunk first, it is on the launch path
        const chunks = names.flatMap((n) => Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk' && c.name === n))
        return chunks.map((c) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${c.fileName}` }, injectTo: 'head' }))
      },
    },
  }
}
