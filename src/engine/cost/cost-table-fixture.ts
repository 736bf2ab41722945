import { dayOfIso } from './cost-days.js';
import { type CostTable, CostTableBuilder, canonicalTagKey, type TagSet } from './cost-table.js';

/** A cost row written by hand, for tests and generated samples. */
export interface CostRowSpec {
  readonly day: string;
  readonly cost: number;
  readonly billed?: number;
  readonly provider?: string;
  readonly serviceName?: string;
  readonly serviceCategory?: string;
  readonly chargeCategory?: string;
  readonly subAccountId?: string;
  readonly resourceId?: string;
  readonly tags?: TagSet;
}

/** A table of rows given as objects: EffectiveCost = cost, BilledCost = billed ?? cost. */
export function costTableOf(rows: readonly CostRowSpec[]): CostTable {
  const b = new CostTableBuilder(rows.length);
  for (const spec of rows) {
    const r = b.addRow();
    const day = dayOfIso(spec.day);
    b.setDay(r, day, dayOfIso(`${spec.day.slice(0, 7)}-01`));
    b.setNumber('effective', r, spec.cost);
    b.setNumber('billed', r, spec.billed ?? spec.cost);
    b.setCode('provider', r, b.code('provider', spec.provider ?? 'AWS'));
    b.setCode('serviceName', r, b.code('serviceName', spec.serviceName));
    b.setCode('serviceCategory', r, b.code('serviceCategory', spec.serviceCategory));
    b.setCode('chargeCategory', r, b.code('chargeCategory', spec.chargeCategory ?? 'Usage'));
    b.setCode('subAccountId', r, b.code('subAccountId', spec.subAccountId));
    b.setCode('resourceId', r, b.code('resourceId', spec.resourceId));
    b.setCode('currency', r, b.code('currency', 'USD'));
    const tags = spec.tags;
    if (tags)
      b.setTags(
        r,
        b.tagCode(canonicalTagKey(tags), () => tags),
      );
  }
  return b.build();
}
