import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The page runs under the server's strict CSP (script-src 'self'; style-src 'self'): the build
// must emit no inline script or style. Svelte's CSS goes into a file (css: 'external'), and
// Vite's module preload polyfill (an inline helper) is switched off.
export default defineConfig({
  plugins: [svelte({ compilerOptions: { css: 'external' } })],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    target: 'es2022',
  },
  // `npm run dev` and `vite preview`: the API of an `isms serve` (ISMS_API, default 127.0.0.1:8080).
  server: {
    proxy: { '/api': process.env.ISMS_API ?? 'http://127.0.0.1:8080' },
  },
});
