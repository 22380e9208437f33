import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { launchChunks, preloadAppChunk } from './scripts/preload-app-chunk.mjs'

const root = import.meta.dirname

/**
 * index.html carries the strict production CSP as a meta tag. The dev server drops it: Vite's React refresh
 * preamble is an inline script and HMR needs ws:, and the main process sends the relaxed development policy
 * as a header instead (electron/main/csp.ts).
 */
function productionCspOnly(): Plugin {
  return {
    name: 'notes-graph:production-csp-only',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) => (ctx.server ? html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*\/>/, '') : html),
    },
  }
}

/** Inside web workers: packages whose `browser` build needs the DOM take their `worker` build. */
function workerBuilds(packages: Record<string, string>): Plugin {
  return {
    name: 'notes-graph:worker-builds',
    enforce: 'pre',
    resolveId: (source) => (source in packages ? resolve(root, 'node_modules', source, packages[source]) : null),
  }
}

/**
 * Bundled into out/main rather than loaded from node_modules: the markdown stack is some 200 small ESM files,
 * and every thread that imports them (the main process and each parse worker) resolved and linked each one,
 * about 0.2–0.4 s per thread at start.
 */
const BUNDLED_DEPS = [
  'unified', 'remark-parse', 'remark-frontmatter', 'yaml', 'mdast-util-to-string', 'minisearch', 'ts-fsrs',
  'micromark-extension-gfm-footnote', 'micromark-extension-gfm-strikethrough', 'micromark-extension-gfm-table', 'micromark-extension-gfm-task-list-item',
  'mdast-util-gfm-footnote', 'mdast-util-gfm-strikethrough', 'mdast-util-gfm-table', 'mdast-util-gfm-task-list-item',
]

// Sources live in electron/ and renderer/ (not src/), so every entry is named here.
// main is ESM ("type": "module"); the other runtime dependencies stay external and are packaged from node_modules.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: BUNDLED_DEPS },
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The parse worker is its own entry so worker_threads can load out/main/parse-worker.js.
          'parse-worker': resolve(root, 'electron/core/worker/parse-worker.ts'),
          // The command-line tools and the web host run from built JavaScript too (scripts/run-built.mjs),
          // so a start costs no TypeScript loader.
          cli: resolve(root, 'electron/core/cli.ts'),
          'cards-cli': resolve(root, 'electron/core/study/cli.ts'),
          web: resolve(root, 'electron/web/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require anything but 'electron': bundle everything into one CJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), productionCspOnly(), preloadAppChunk()],
    // workers have no DOM: packages that ship a DOM build for browsers take their worker build there
    // (decode-named-character-reference, used by the markdown parser in note/markdown.worker.ts)
    worker: { plugins: () => [workerBuilds({ 'decode-named-character-reference': 'index.js' })] },
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 2000,
      // electron-vite leaves bundles unminified; the renderer's parse time is part of launch → graph
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') }, output: { codeSplitting: launchChunks } },
    },
  },
})
