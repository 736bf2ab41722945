import type { DecodedObject } from './decode-object.js';

/** Objects by kind and name, for references. */
export class ReferenceIndex {
  readonly slis = new Map<string, Extract<DecodedObject, { kind: 'SLI' }>>();
  readonly policies = new Map<string, Extract<DecodedObject, { kind: 'AlertPolicy' }>>();
  readonly conditions = new Map<string, Extract<DecodedObject, { kind: 'AlertCondition' }>>();
  readonly targets = new Map<string, Extract<DecodedObject, { kind: 'AlertNotificationTarget' }>>();
  constructor(decoded: readonly DecodedObject[]) {
    for (const d of decoded) {
      const name = d.object.metadata.name;
      if (d.kind === 'SLI' && !this.slis.has(name)) this.slis.set(name, d);
      if (d.kind === 'AlertPolicy' && !this.policies.has(name)) this.policies.set(name, d);
      if (d.kind === 'AlertCondition' && !this.conditions.has(name)) this.conditions.set(name, d);
      if (d.kind === 'AlertNotificationTarget' && !this.targets.has(name)) this.targets.set(name, d);
    }
  }
}
