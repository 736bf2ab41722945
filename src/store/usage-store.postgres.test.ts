import { describe } from 'vitest';
import { openFreshStore } from '../../test/support/stores.js';
import { usageStoreContract } from './usage-store.contract.js';

describe('UsageStore on PostgreSQL (node-postgres)', () => usageStoreContract(() => openFreshStore('postgres')));
