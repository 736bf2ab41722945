import { userInfo } from 'node:os';
import { describeStore, openStore, type StoreConfig, storeConfigFromEnv } from '../store/open-store.js';
import type { ProgramStore } from '../store/program-store.js';
import { actorOf, type CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';

/** Opens the configured store for one command, runs it, and always closes the store (and its lock). */
export async function withStore(
  io: CliIo,
  command: string,
  run: (store: ProgramStore, config: StoreConfig) => Promise<number>,
): Promise<number> {
  const config = storeConfigFromEnv(io.env, io.cwd);
  const opened = await openStore(config, { now: io.now(), command });
  if (!opened.ok) {
    const e = opened.error;
    if (e.kind === 'lock-held') {
      io.err(
        `${io.errStyle.red('error')}: the embedded database in ${e.dataDir} is in use by process ${e.holder.pid} ` +
          `("${e.holder.command}", since ${e.holder.since}).\n` +
          '  PGlite allows one process at a time. Wait for that command to finish or stop it, ' +
          'or point THROUGHLINE_DATA_DIR at another folder.',
      );
    } else {
      io.err(
        `${io.errStyle.red('error')}: cannot connect to ${e.target}: ${e.message}\n` +
          '  Check THROUGHLINE_DATABASE_URL (postgres://user:password@host:port/database) and that the server is running.',
      );
    }
    return EXIT.storeUnavailable;
  }
  try {
    return await run(opened.value, config);
  } finally {
    await opened.value.close();
  }
}

export function defaultActor(io: CliIo): string {
  let login = 'unknown';
  try {
    login = userInfo().username;
  } catch {
    // Containers without a passwd entry for the uid: keep "unknown".
  }
  return actorOf(io, login);
}

export { describeStore };
