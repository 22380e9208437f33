import type { Plugin } from 'vite'
export function preloadAppChunk(names?: string[]): Plugin
export declare const launchChunks: { groups: Array<{ name: string; test: RegExp }> }
