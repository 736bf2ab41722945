import { describe } from 'vitest';
import { openFreshStore } from '../../test/support/stores.js';
import { costStoreContract } from './cost-store.contract.js';

describe('CostStore on PostgreSQL (node-postgres)', () => costStoreContract(() => openFreshStore('postgres')));
