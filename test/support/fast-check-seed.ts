import fc from 'fast-check';

/**
 * Property tests run from one seed, so CI is reproducible: a failure is the same failure on every
 * machine. Explore other seeds locally with FC_SEED=<n> (or FC_SEED=random); a counterexample found
 * that way is kept as an `examples` entry of its property.
 */
const chosen = process.env.FC_SEED;
if (chosen !== 'random') fc.configureGlobal({ seed: chosen !== undefined ? Number(chosen) : 20_261_127 });
