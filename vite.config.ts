import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The staff console: a single-page app under /console, built into dist/console and served by
// src/server/http/console-static.ts. `npm run dev:console` serves it with the API proxied to a running Loket.
export default defineConfig({
  root: 'src/console',
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    // Everything as files: the console runs under script-src 'self' and style-src 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    proxy: { '/api': process.env.LOKET_URL ?? 'http://127.0.0.1:3000' },
  },
});
