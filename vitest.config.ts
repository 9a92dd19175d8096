import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: { '@shared': resolve('electron/shared'), '@resources': resolve('resources') },
  },
  test: {
    include: [
      'electron/**/*.test.ts',
      'renderer/src/**/*.test.{ts,tsx}',
      'register/**/*.test.ts',
      'bench/**/*.test.ts',
      'vite/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
})
