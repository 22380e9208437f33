// `npm run screenshots`: the README pictures (tests/screenshots/*.spec.ts → docs/*.png), same web-host setup
// and browser as the end-to-end tests.
import { defineConfig } from '@playwright/test'
import base from './playwright.config'

export default defineConfig({
  ...base,
  testDir: 'tests/screenshots',
  outputDir: 'test-results/screenshots',
  use: { ...base.use, viewport: { width: 1400, height: 900 }, screenshot: 'off' },
  projects: [{ name: 'screenshots' }],
})
