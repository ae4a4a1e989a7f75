/** Types for scripts/build-cli.mjs (plain JavaScript, so that `npm run cli` starts without a transpiler). */
export declare const ROOT: string;
export declare const OUT_DIR: string;
export declare const BUNDLE: string;
export declare function buildCli(): Promise<{ bytes: number; modules: number; seconds: number }>;
export declare function staleReason(): string | null;
