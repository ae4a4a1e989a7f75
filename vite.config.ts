import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { mnistData } from './vite-plugins/mnist-data.ts';

export default defineConfig({
  plugins: [svelte(), mnistData()],
  base: './',
  // Two pages: the app, and the minimal embeddable view (issue 4).
  build: { rollupOptions: { input: { main: 'index.html', embed: 'embed.html' } } },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
