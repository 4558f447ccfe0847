import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web console: built into dist/console, which the API server serves at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/console',
    emptyOutDir: true,
    // Small enough to stay one request; no source maps shipped to browsers.
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    // `npx vite web` during development talks to a local `npm start`.
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } },
  },
});
