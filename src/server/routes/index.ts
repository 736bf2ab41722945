import type { Route } from '../route.js';
import { accountRoutes } from './accounts.js';
import { baselineRoutes } from './baselines.js';
import { capacityRoutes } from './capacity.js';
import { computedRoutes } from './computed.js';
import { costRoutes } from './cost.js';
import { debtRoutes } from './debt.js';
import { entityRoutes } from './entities.js';
import { funnelRoutes } from './funnel.js';
import { incidentRoutes } from './incidents.js';
import { integrationRoutes } from './integrations.js';
import { migrationViewRoutes } from './migrations-view.js';
import { postmortemRoutes } from './postmortems.js';
import { programRoutes } from './programs.js';
import { reportSummaryRoutes } from './report-summary.js';
import { reviewRoutes } from './reviews.js';
import { scenarioRoutes } from './scenarios.js';
import { serviceRoutes } from './services.js';
import { sloRoutes } from './slos.js';

export const API_ROUTES: readonly Route[] = [
  ...accountRoutes,
  ...programRoutes,
  // Before the entities: /slos/status and /slos/{id}/… must not be read as the SLO named "status".
  ...sloRoutes,
  // Before the entities too: /services/catalog is not the service named "catalog".
  ...serviceRoutes,
  // Before the entities too: /incidents/metrics is not the incident named "metrics".
  ...incidentRoutes,
  ...postmortemRoutes,
  ...funnelRoutes,
  // Before the entities too: /migrations/{id}/view, /generate and /done are not the migration entity.
  ...migrationViewRoutes,
  ...debtRoutes,
  // Before the entities too: /capacity/status and /capacity/{id}/plan are not the capacity entity.
  ...capacityRoutes,
  ...costRoutes,
  ...integrationRoutes,
  ...entityRoutes,
  ...computedRoutes,
  ...baselineRoutes,
  ...scenarioRoutes,
  ...reviewRoutes,
  ...reportSummaryRoutes,
];
