import type { FieldSpec } from '../../components/entity-form';

/** The service form: what the program file's `services:` entries hold (src/domain/program-service.ts). */
export function serviceFields(teams: readonly string[]): FieldSpec[] {
  return [
    { name: 'id', label: 'Id', type: 'text', createOnly: true, hint: 'letters, digits, ".", "_" and "-", e.g. billing-api' },
    { name: 'name', label: 'Name', type: 'text' },
    { name: 'kind', label: 'Kind', type: 'select', options: ['service', 'resource'], hint: 'a resource is a database, bucket or cluster' },
    { name: 'team', label: 'Owner team', type: 'select', options: teams },
    { name: 'tier', label: 'Tier', type: 'number', hint: '1 (most critical) to 5' },
    { name: 'lifecycle', label: 'Lifecycle', type: 'select', options: ['experimental', 'production', 'deprecated'] },
    { name: 'type', label: 'Type', type: 'text', hint: 'service, website, database…' },
    { name: 'system', label: 'System', type: 'text' },
    { name: 'provides', label: 'Provides APIs', type: 'list', full: true, hint: 'comma-separated API names' },
    { name: 'consumes', label: 'Consumes APIs', type: 'list', full: true, hint: 'comma-separated API names' },
    { name: 'dependsOn', label: 'Depends on', type: 'list', full: true, hint: 'ids of services or resources it needs to run' },
    { name: 'description', label: 'Description', type: 'textarea' },
  ];
}
