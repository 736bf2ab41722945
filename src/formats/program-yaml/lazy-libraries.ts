import { createRequire } from 'node:module';

/**
 * The parsers that only some commands need, loaded on first use: `yaml` (positions, for a file
 * with problems), `js-yaml` (YAML files; JSON needs neither) and `ajv` (big sections). Loading all
 * three up front costs ~130 ms on every command that reads a program. Each is CommonJS, so a
 * synchronous require keeps the readers synchronous.
 */
const require = createRequire(import.meta.url);

export const yamlLibrary = (): typeof import('yaml') => require('yaml');
export const jsYamlLibrary = (): typeof import('js-yaml') => require('js-yaml');
export const ajvLibrary = (): typeof import('ajv/dist/2020.js') => require('ajv/dist/2020.js');
