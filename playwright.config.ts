/**
 * End-to-end tests in Debian's Chromium (/usr/bin/chromium, never a downloaded browser) against the
 * production build served by `vite preview`. `npm run test:e2e` builds first.
 */
import { defineConfig } from '@playwright/test';

export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
};
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** Build directory to serve (`vite build --outDir X` first); lets a run avoid a shared dist/ being rebuilt. */
const OUT_DIR = process.env.E2E_OUT_DIR ? ` --outDir ${process.env.E2E_OUT_DIR}` : '';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    browserName: 'chromium',
    launchOptions: CHROMIUM,
    viewport: { width: 1280, height: 900 },
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort${OUT_DIR}`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
