import type { Plugin } from 'vite'
export function preloadAppChunk(name?: string): Plugin
