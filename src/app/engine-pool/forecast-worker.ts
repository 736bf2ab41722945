import { parentPort } from 'node:worker_threads';
import { chunkSeed, type ForecastModel, runTrials } from '../../engine/forecast/monte-carlo.js';
import { createRandom } from '../../engine/rcpsp/random.js';
import { planProgram } from '../plan-program.js';
import type { WorkerReply, WorkerRequest } from './forecast-job.js';

/** A pool worker: keeps each forecast job's model while the job runs and runs the chunks it is sent; runs levelled plans whole. */
const models = new Map<number, ForecastModel>();
const port = parentPort;
if (!port) throw new Error('forecast-worker must run in a worker thread');

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'plan') {
    const { model, asOf, level } = request.job;
    let reply: WorkerReply;
    try {
      reply = { type: 'plan', jobId: request.jobId, result: planProgram(model, { ...(asOf !== undefined ? { asOf } : {}), level }) };
    } catch (e) {
      reply = { type: 'error', jobId: request.jobId, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(reply);
  } else if (request.type === 'model') models.set(request.jobId, request.model);
  else if (request.type === 'forget') models.delete(request.jobId);
  else {
    const model = models.get(request.jobId);
    if (!model) {
      port.postMessage({ type: 'error', jobId: request.jobId, message: `no model for job ${request.jobId}` } satisfies WorkerReply);
      return;
    }
    const chunk = runTrials(model, createRandom(chunkSeed(request.seed, request.index)), request.trials);
    const reply: WorkerReply = { type: 'chunk', jobId: request.jobId, index: request.index, chunk };
    port.postMessage(reply, [
      chunk.finish.buffer,
      chunk.milestoneFinish.buffer,
      chunk.criticalCount.buffer,
      chunk.sumDuration.buffer,
      chunk.sumDuration2.buffer,
      chunk.sumDurationFinish.buffer,
    ] as ArrayBuffer[]);
  }
});
