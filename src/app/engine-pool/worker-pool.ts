import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Result } from '../../domain/result.js';
import { mergeChunks, type TrialChunk } from '../../engine/forecast/monte-carlo.js';
import type { PlanError } from '../plan-program.js';
import type { PlanView } from '../plan-view.js';
import { chunkSizes, type ForecastJob, type PlanJob, type WorkerReply, type WorkerRequest } from './forecast-job.js';

export interface PoolOptions {
  /** Worker threads; defaults to the machine's parallelism (at most 8). */
  readonly size?: number;
}

/**
 * A warm pool of engine workers: threads start once and serve job after job (the server keeps one
 * for its lifetime; the CLI for one command). Chunks go to whichever worker is free and are merged
 * in chunk order, so results do not depend on scheduling.
 */
export class WorkerPool {
  readonly size: number;
  readonly #workers: Worker[];
  #nextJob = 1;
  /** Workers take levelled plans in turn, so two long ones run side by side. */
  #nextPlanWorker = 0;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(8, availableParallelism()));
    this.#workers = Array.from({ length: this.size }, () => startWorker());
  }

  /** Runs a forecast job; `onProgress(done, total)` is told trials done after each chunk. */
  async run(job: ForecastJob, onProgress?: (done: number, total: number) => void): Promise<TrialChunk> {
    const jobId = this.#nextJob++;
    const sizes = chunkSizes(job.trials);
    const results: TrialChunk[] = new Array(sizes.length);
    let next = 0;
    let done = 0;
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      const cleanups: (() => void)[] = [];
      const fail = (error: Error) => {
        for (const c of cleanups) c();
        reject(error);
      };
      const feed = (worker: Worker) => {
        if (next >= sizes.length) return;
        const index = next++;
        worker.postMessage({ type: 'chunk', jobId, index, trials: sizes[index] as number, seed: job.seed } satisfies WorkerRequest);
      };
      for (const worker of this.#workers) {
        const onMessage = (reply: WorkerReply) => {
          if (reply.jobId !== jobId) return;
          if (reply.type !== 'chunk') return fail(new Error(reply.type === 'error' ? reply.message : `unexpected ${reply.type} reply`));
          results[reply.index] = reply.chunk;
          done += reply.chunk.trials;
          onProgress?.(done, job.trials);
          if (++finished === sizes.length) {
            for (const c of cleanups) c();
            resolve();
          } else feed(worker);
        };
        const onError = (e: Error) => fail(e);
        worker.on('message', onMessage);
        worker.on('error', onError);
        cleanups.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.postMessage({ type: 'forget', jobId } satisfies WorkerRequest);
        });
        worker.postMessage({ type: 'model', jobId, model: job.model } satisfies WorkerRequest);
        feed(worker);
      }
      if (sizes.length === 0) resolve();
    });
    return mergeChunks(results, job.model.compiled.n, job.model.milestones.length);
  }

  /**
   * A levelled plan, computed on a worker so the caller's thread stays free (levelling a large
   * program takes seconds). The same job gives the same plan on any worker.
   */
  plan(job: PlanJob): Promise<Result<PlanView, PlanError>> {
    const jobId = this.#nextJob++;
    const worker = this.#workers[this.#nextPlanWorker++ % this.size] as Worker;
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.jobId !== jobId) return;
        cleanup();
        if (reply.type === 'plan') resolve(reply.result);
        else reject(new Error(reply.type === 'error' ? reply.message : `unexpected ${reply.type} reply to a plan job`));
      };
      const onError = (e: Error) => {
        cleanup();
        reject(e);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ type: 'plan', jobId, job } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

/**
 * Built code runs the compiled worker directly. From source (tsx, vitest) the worker first registers
 * tsx's loader in its own thread, then imports the TypeScript worker: Node 20 does not pass the
 * parent's loader on to workers.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./forecast-worker.js', import.meta.url));
  const require = createRequire(import.meta.url);
  const api = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const worker = new URL('./forecast-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(worker)}, ${JSON.stringify(import.meta.url)}));`;
  return new Worker(boot, { eval: true });
}
