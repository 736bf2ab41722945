import { fileURLToPath } from 'node:url';

/** The package's root folder; the same from src/cli/commands (tsx) and dist/cli/commands (built). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
