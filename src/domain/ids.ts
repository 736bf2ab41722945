import { z } from 'zod';
import type { Brand } from './brand.js';

export type ProgramId = string & Brand<'ProgramId'>;
export type TeamId = string & Brand<'TeamId'>;
export type WorkstreamId = string & Brand<'WorkstreamId'>;
export type ItemId = string & Brand<'ItemId'>;
export type RiskId = string & Brand<'RiskId'>;
export type DecisionId = string & Brand<'DecisionId'>;

/**
 * Readable ids are what people type in files, commands and URLs: `net-7`, `billing`, `NET-123`.
 * They start with a letter or digit and use letters, digits, `.`, `_` and `-` (at most 64 characters),
 * so they are safe in a URL path and in a shell without quoting.
 */
export const READABLE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const readableId = () =>
  z.string().regex(READABLE_ID, {
    message: 'an id uses letters, digits, ".", "_" and "-", starts with a letter or digit, and has at most 64 characters (e.g. "net-7")',
  });

export const programIdSchema = readableId().transform((s) => s as ProgramId);
export const teamIdSchema = readableId().transform((s) => s as TeamId);
export const workstreamIdSchema = readableId().transform((s) => s as WorkstreamId);
export const itemIdSchema = readableId().transform((s) => s as ItemId);
export const riskIdSchema = readableId().transform((s) => s as RiskId);
export const decisionIdSchema = readableId().transform((s) => s as DecisionId);
