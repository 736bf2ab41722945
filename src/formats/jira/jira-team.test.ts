import { describe, expect, it } from 'vitest';
import { jiraMappingSchema } from '../../domain/integration.js';
import { jiraFieldsSchema } from './jira-issue-schema.js';
import { kebab, teamIdOf, teamValue } from './jira-team.js';

const team = (t: Record<string, unknown>) => {
  const parsed = jiraMappingSchema.parse({ team: t }).team;
  if (!parsed) throw new Error('no team');
  return parsed;
};
const teamOf = (raw: Record<string, unknown>, t: Record<string, unknown>) => teamValue(jiraFieldsSchema.parse(raw), raw, team(t));

describe('teams', () => {
  it('reads every shape a team field takes: text, select {value}, {name}, Atlassian team {title}, user, and arrays of them', () => {
    const f = { from: 'field', field: 'customfield_10050' };
    expect(teamOf({ customfield_10050: 'Payments' }, f)).toBe('Payments');
    expect(teamOf({ customfield_10050: { self: 'x', value: 'Edge', id: '10021' } }, f)).toBe('Edge');
    expect(teamOf({ customfield_10050: { name: 'Growth' } }, f)).toBe('Growth');
    expect(teamOf({ customfield_10050: { id: 'ari:cloud:teams::team/1', title: 'SRE', isShared: true } }, f)).toBe('SRE');
    expect(teamOf({ customfield_10050: { accountId: 'a', displayName: 'Mei Chen' } }, f)).toBe('Mei Chen');
    expect(teamOf({ customfield_10050: [{ value: 'First' }, { value: 'Second' }] }, f)).toBe('First');
    expect(teamOf({ customfield_10050: [] }, f)).toBeUndefined();
    expect(teamOf({ customfield_10050: null }, f)).toBeUndefined();
    expect(teamOf({ customfield_10050: 42 }, f)).toBeUndefined();
    // Cloud's Team field when the mapping names none.
    expect(teamOf({ customfield_10001: { title: 'Platform' } }, { from: 'field' })).toBe('Platform');
  });

  it('reads components, projects and prefixed labels', () => {
    expect(teamOf({ components: [{ name: 'Gateway' }, { name: 'Web' }] }, { from: 'component' })).toBe('Gateway');
    expect(teamOf({ components: [] }, { from: 'component' })).toBeUndefined();
    expect(teamOf({ project: { key: 'NET' } }, { from: 'project' })).toBe('NET');
    expect(teamOf({ labels: ['urgent', 'team-payments', 'team-risk'] }, { from: 'label', prefix: 'team-' })).toBe('payments');
    expect(teamOf({ labels: ['team-'] }, { from: 'label', prefix: 'team-' })).toBeUndefined();
  });

  it('makes readable ids: mapped values first, else kebab case, else a hash', () => {
    expect(kebab('Platform Networking')).toBe('platform-networking');
    expect(kebab('Équipe Réseau')).toBe('equipe-reseau');
    expect(kebab(' --Team #4 (EMEA)-- ')).toBe('team-4-emea');
    expect(teamIdOf('Platform Networking', team({ from: 'field', values: { 'Platform Networking': 'edge' } }))).toBe('edge');
    expect(teamIdOf('チーム', team({ from: 'field' }))).toMatch(/^team-[0-9a-z]+$/);
    expect(teamIdOf('チーム', team({ from: 'field' }))).toBe(teamIdOf('チーム', team({ from: 'field' })));
    expect(teamIdOf('x'.repeat(100), team({ from: 'field' }))).toBe('x'.repeat(64));
  });
});
