import { describe } from 'vitest';
import { openFreshStore } from '../../test/support/stores.js';
import { sliStoreContract } from './sli-store.contract.js';

describe('SliStore on PostgreSQL (node-postgres)', () => sliStoreContract(() => openFreshStore('postgres')));
