import type { EntityRef } from '../../domain/service.js';
import type { CoreKind } from './backstage-entity-schema.js';
import type { CatalogProblem } from './catalog-problem.js';

/** One catalog document as read, before relations are resolved. */
export interface Parsed {
  readonly kind: string;
  readonly coreKind: CoreKind | undefined;
  readonly ref: EntityRef;
  readonly namespace: string;
  readonly name: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly metadata: Record<string, unknown>;
  readonly spec: Record<string, unknown>;
  readonly file: string;
  readonly at: (path: readonly PropertyKey[]) => { line: number; column: number };
}

/** Collects a problem or warning while the catalog is read. */
export type Report = (severity: 'error' | 'warning', p: Omit<CatalogProblem, 'severity'>) => void;
