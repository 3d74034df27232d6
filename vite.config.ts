import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));

/** Output folder per mode: the Electron build, and the browser build the bridge host serves. */
const outDirs: Readonly<Record<string, string>> = {
  production: 'dist/renderer',
  bridge: 'dist/renderer-bridge',
};

/** Directives shared by both builds. Frame ancestors cannot be set from a meta tag, so it is omitted. */
const baseCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/**
 * The Electron renderer reaches everything through the preload's IPC, so it may open no
 * connections at all; only the bridge build talks to its host over a loopback WebSocket.
 */
function contentSecurityPolicy(mode: string): string {
  const connect = mode === 'bridge' ? "connect-src 'self' ws://127.0.0.1:*" : "connect-src 'none'";
  return [...baseCsp, connect].join('; ');
}

function cspPerMode(mode: string): Plugin {
  return {
    name: 'tidings:csp-per-mode',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(mode) },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig(({ mode }) => {
  const outDir = outDirs[mode];
  if (!outDir) throw new Error(`vite.config.ts: unknown mode "${mode}" (use production or bridge)`);
  return {
    root: rendererRoot,
    base: './',
    plugins: [react(), cspPerMode(mode)],
    build: {
      outDir: fileURLToPath(new URL(outDir, import.meta.url)),
      emptyOutDir: true,
      sourcemap: mode === 'bridge',
      reportCompressedSize: false,
    },
  };
});
