import { describe } from 'vitest';
import { openFreshStore } from '../../test/support/stores.js';
import { integrationStoreContract } from './integration-store.contract.js';

describe('IntegrationStore on PGlite (embedded)', () => integrationStoreContract(() => openFreshStore('pglite')));
