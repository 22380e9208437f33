import type { Plugin } from 'vite'
export function preloadAppChunk(names?: string[]): Plugin
