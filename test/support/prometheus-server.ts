import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway Prometheus from Debian's `prometheus` package, on loopback, with a temporary TSDB
 * backfilled by `promtool tsdb create-blocks-from openmetrics` from text the test writes.
 * No scraping: the config has no scrape jobs, so the data is exactly what was backfilled.
 */
export interface PrometheusServer {
  readonly url: string;
  stop(): Promise<void>;
}

export const PROMETHEUS_BIN = '/usr/bin/prometheus';
export const PROMTOOL_BIN = '/usr/bin/promtool';

/** A loopback port nothing listens on (at the time of the call). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * `openMetrics`: OpenMetrics text ending in `# EOF`, timestamps in seconds. promtool cuts it into
 * blocks; keep the data well in the past (days, not the last 3 h, which belong to the head block of
 * a running server) and within the retention below.
 */
export async function startPrometheus(openMetrics: string): Promise<PrometheusServer> {
  if (!existsSync(PROMETHEUS_BIN) || !existsSync(PROMTOOL_BIN)) {
    throw new Error(`${PROMETHEUS_BIN} or ${PROMTOOL_BIN} is missing; install them with "apt-get install prometheus"`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'throughline-prom-'));
  const data = join(dir, 'data');
  const input = join(dir, 'backfill.om');
  writeFileSync(input, openMetrics);
  // promtool writes one block per 2 h of data (the 2.42 CLI has no flag to make them longer).
  execFileSync(PROMTOOL_BIN, ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', input, data], { stdio: 'pipe' });
  writeFileSync(join(dir, 'prometheus.yml'), 'global: {}\nscrape_configs: []\n');
  const port = await freePort();
  const log = openSync(join(dir, 'prometheus.log'), 'w');
  const child: ChildProcess = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${data}`,
      '--storage.tsdb.retention.time=3650d',
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', log, log] },
  );
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      const text = readFileSync(join(dir, 'prometheus.log'), 'utf8');
      await stop();
      throw new Error(`prometheus exited with code ${child.exitCode}:\n${text.slice(-2000)}`);
    }
    try {
      if ((await fetch(`${url}/-/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('prometheus did not become ready within 30 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop };
}
