import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three builds: the Electron main process (shell + engine, the stage worker entry and the CLI), the sandboxed preload (bundles its
// dependencies: a sandboxed preload can require nothing but electron), and the renderer that both the
// desktop window and `lifeline serve` load.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/shell/main.ts'),
          // The stage worker entry, started as an Electron utility process (shell/utility-worker-launcher.ts).
          worker: resolve(__dirname, 'src/main/worker-main.ts'),
          // The `lifeline` command (and `serve`) as built JavaScript under plain Node: bin/lifeline.cjs
          // runs it when it is newer than the sources, so users start no TypeScript compiler.
          cli: resolve(__dirname, 'src/main/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
  },
});
