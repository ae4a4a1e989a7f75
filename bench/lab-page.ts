/**
 * The page side of bench/lab-chromium.bench.ts: the lab workloads (bench/lab-workloads.ts) on the page's
 * main thread, no Web Worker, as globals the bench calls through page.evaluate.
 */
import { batchVsScalar, mapTime, sweepTime } from './lab-workloads.ts';

Object.assign(globalThis, { labBench: { batchVsScalar, mapTime, sweepTime } });
