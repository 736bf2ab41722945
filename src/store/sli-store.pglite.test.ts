import { describe } from 'vitest';
import { openFreshStore } from '../../test/support/stores.js';
import { sliStoreContract } from './sli-store.contract.js';

describe('SliStore on PGlite (embedded)', () => sliStoreContract(() => openFreshStore('pglite')));
