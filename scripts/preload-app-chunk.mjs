// Vite plugin: index.html names everything the app chunk that renderer/src/main.tsx loads dynamically needs,
// so it is all fetched (and the script compiled) while the small entry asks for the graph:
//   - <link rel="modulepreload"> for the chunk and the chunks it imports statically (the bundler's runtime),
//   - <link rel="stylesheet"> for its CSS.
// Without them the runtime and the CSS were asked for only when main.tsx imported the chunk, and the web host
// answered them after the graph (one more round trip, queued behind the biggest answer of the launch).
// (Preloading the markdown chunk too was measured: it slowed the launch down more than it helped.)
// Shared by electron.vite.config.ts and the renderer-only fallback build in build-renderer.mjs.

/** @returns {import('vite').Plugin} */
export function preloadAppChunk(names = ['boot']) {
  return {
    name: 'notes-graph:preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle ?? {}
        // in the order given: the app chunk first, it is on the launch path
        const chunks = names.flatMap((n) => Object.values(bundle).filter((c) => c.type === 'chunk' && c.name === n))
        const scripts = new Set()
        const styles = new Set()
        const visit = (c) => {
          // the page's own entry is loaded by its script tag
          if (scripts.has(c.fileName) || c.isEntry) return
          scripts.add(c.fileName)
          for (const css of c.viteMetadata?.importedCss ?? []) styles.add(css)
          for (const dep of c.imports ?? []) if (bundle[dep]?.type === 'chunk') visit(bundle[dep])
        }
        for (const c of chunks) visit(c)
        // what the page's own entry already loads needs no second tag
        for (const c of Object.values(bundle)) {
          if (c.type !== 'chunk' || !c.isEntry) continue
          for (const css of c.viteMetadata?.importedCss ?? []) styles.delete(css)
        }
        return [
          ...[...styles].map((href) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${href}` }, injectTo: 'head' })),
          ...[...scripts].map((href) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${href}` }, injectTo: 'head' })),
        ]
      },
    },
  }
}

/**
 * The app chunk's two big libraries in chunks of their own (rolldown `output.codeSplitting`). The browser
 * compiles each script it streams on a background thread of its own, so three preloaded scripts are compiled
 * side by side while the page waits, where one 850 KB chunk was compiled on one thread after its last byte
 * arrived (bench/launch-ab.ts: launch → settled frame 0.88× in an interleaved A/B).
 */
export const launchChunks = {
  groups: [
    { name: 'cytoscape', test: /node_modules[\\/]cytoscape[\\/]/ },
    { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  ],
}
