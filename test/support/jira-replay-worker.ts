import { parentPort, workerData } from 'node:worker_threads';
import { generateDataset } from './jira-dataset.js';
import { type ReplayAuth, startJiraReplay } from './jira-replay-server.js';

/**
 * The replay Jira in its own thread, for benches: a real Jira builds its JSON on its own machines,
 * so the client's figures should not include the server's work on the same event loop.
 *
 * workerData: { issues, seed, auth }. Messages in: `{ op: 'churn', edits, removals, at }` (edits
 * summaries and statuses of spread-out issues, removes others; answers `{ op: 'churned', edited,
 * removed }`), `{ op: 'requests' }` (answers `{ op: 'requests', n }`), `{ op: 'stop' }`.
 * First message out: `{ op: 'ready', url, generatedMs }`.
 */

interface Data {
  readonly issues: number;
  readonly seed: number;
  readonly auth: ReplayAuth;
}

const port = parentPort;
if (!port) throw new Error('jira-replay-worker runs as a worker thread');
const { issues, seed, auth } = workerData as Data;
const t = performance.now();
const data = generateDataset({ issues, seed });
const generatedMs = performance.now() - t;
const server = await startJiraReplay({ dataset: data, auth });
port.postMessage({ op: 'ready', url: server.url, generatedMs });

port.on('message', async (message: { op: string; edits?: number; removals?: number; at?: string }) => {
  if (message.op === 'requests') port.postMessage({ op: 'requests', n: server.requests.length });
  else if (message.op === 'churn') {
    const keys = data.sorted().map((i) => i.key);
    const done = data.get(keys[1] as string).fields.status;
    const at = Date.parse(message.at ?? '2029-01-03T09:00:00Z');
    const edited = new Set<string>();
    for (let k = 0; k < (message.edits ?? 0); k++) {
      const key = keys[(k * 197 + 5) % keys.length] as string;
      data.edit(key, { summary: `Edited in Jira ${k}`, status: done }, new Date(at + k * 60_000));
      edited.add(key);
    }
    const removed: string[] = [];
    for (let k = 0; k < (message.removals ?? 0); k++) {
      const key = keys[(k * 1009 + 11) % keys.length] as string;
      if (!data.issues.has(key) || edited.has(key)) continue;
      data.remove(key);
      removed.push(key);
    }
    port.postMessage({ op: 'churned', edited: [...edited], removed });
  } else if (message.op === 'stop') {
    await server.stop();
    port.close();
  }
});
