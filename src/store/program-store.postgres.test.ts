import { describe } from 'vitest';
import { openFreshStore } from '../../test/support/stores.js';
import { insightStoreContract, programStoreContract } from './program-store.contract.js';

describe('ProgramStore on PostgreSQL (node-postgres)', () => programStoreContract(() => openFreshStore('postgres')));
describe('InsightStore on PostgreSQL (node-postgres)', () => insightStoreContract(() => openFreshStore('postgres')));
