import type { Finding } from '../finding.js';
import type { CapacityState, InsightInput } from '../insight-input.js';

/** Working days before a capacity order-by date when an order with no item becomes a finding. */
export const CAPACITY_ORDER_WARNING_DAYS = 20;

const days = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;
const amount = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

/**
 * Capacity resources whose order-by date (run-out minus lead time and margin, in working days)
 * has passed or is within `CAPACITY_ORDER_WARNING_DAYS`, and that have no order item in the program
 * (a procurement or long-lead item tagged `capacity:<id>`). Once the item exists, `order-overdue`
 * watches it instead.
 */
export function capacityOrderDue(input: InsightInput): Finding[] {
  return (input.capacity ?? []).flatMap((c: CapacityState): Finding[] => {
    if (c.ordered || c.orderBy === null || c.runOut === null || c.workingDaysUntilOrderBy === null) return [];
    const left = c.workingDaysUntilOrderBy;
    if (!c.exhausted && left > CAPACITY_ORDER_WARNING_DAYS) return [];
    const overdue = c.late || c.exhausted;
    const what = `${c.name} (${c.id})`;
    return [
      {
        rule: 'capacity-order-due',
        key: `capacity-order-due:${c.id}`,
        severity: overdue ? 'high' : 'medium',
        title: c.exhausted
          ? `"${c.id}" is out of headroom since ${c.runOut} and has no order`
          : overdue
            ? `Capacity order for "${c.id}" is ${days(-left)} overdue`
            : `Capacity order for "${c.id}" is due by ${c.orderBy}, in ${days(left)}`,
        explanation: `${what} runs out of usable capacity on ${c.runOut} (${amount(c.usable)} ${c.unit} usable); with ${days(c.leadDays)} of lead time and margin it had to be ordered by ${c.orderBy}${overdue ? `, and an order placed on ${input.asOf} arrives ${c.arrival}` : ''}. There is no order item for it in the program.`,
        action: overdue
          ? `Order ${amount(c.quantity)} ${c.unit} now (throughline capacity order), ask for expedited delivery, and plan how to hold demand until ${c.arrival}.`
          : `Get ${amount(c.quantity)} ${c.unit} approved and create the order (throughline capacity order) before ${c.orderBy}.`,
        items: [],
        teams: c.team ? [c.team] : [],
      },
    ];
  });
}
