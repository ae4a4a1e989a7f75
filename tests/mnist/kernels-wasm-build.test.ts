/**
 * The committed wasm (dense.wasm.gen.ts) must be exactly what asc builds from dense.as.ts today, so the
 * source that is reviewed is the code that runs. asc and its flags are pinned by package-lock.json.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileKernels, GENERATED_MODULE, renderGeneratedModule } from '../../scripts/build-wasm.ts';

describe('committed wasm kernels', () => {
  it('are up to date with dense.as.ts (else run `npm run build:wasm`)', async () => {
    const committed = readFileSync(fileURLToPath(new URL(`../../${GENERATED_MODULE}`, import.meta.url)), 'utf8');
    const fresh = renderGeneratedModule(await compileKernels());
    expect(committed === fresh, `${GENERATED_MODULE} is stale: run npm run build:wasm`).toBe(true);
  });
});
