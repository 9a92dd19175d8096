import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { cspMeta } from './vite/csp-meta'

export default defineConfig({
  main: {
    build: {
      rolldownOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require('electron'): bundle everything else into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    resolve: {
      alias: { '@shared': resolve('electron/shared'), '@resources': resolve('resources') },
    },
    publicDir: resolve('resources/public'),
    build: {
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
    plugins: [react(), cspMeta()],
  },
})
