import { describe } from 'vitest';
import { openFreshStore } from '../../test/support/stores.js';
import { insightStoreContract, programStoreContract } from './program-store.contract.js';

describe('ProgramStore on PGlite (embedded)', () => programStoreContract(() => openFreshStore('pglite')));
describe('InsightStore on PGlite (embedded)', () => insightStoreContract(() => openFreshStore('pglite')));
