import type { Route } from '../route.js';
import { accountRoutes } from './accounts.js';
import { computedRoutes } from './computed.js';
import { entityRoutes } from './entities.js';
import { programRoutes } from './programs.js';

export const API_ROUTES: readonly Route[] = [...accountRoutes, ...programRoutes, ...entityRoutes, ...computedRoutes];
