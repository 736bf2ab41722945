import type { Duration } from '../../domain/slo.js';
import type { DecodedObject } from './decode-object.js';
import { parseDurationShorthand } from './duration-shorthand.js';
import { formatPath, type OpenSloProblem, type OpenSloProblemCode, type PathSegment } from './openslo-problem.js';
import type { LocatedObject } from './parse-documents.js';

export interface ReadOpenSloOptions {
  /**
   * Lenient turns two go-sdk rules into warnings: references to objects not among the sources
   * (the SLO or policy that needs them is left out), and `op`/`value` beside a ratio SLI (the spec
   * says they are only needed for threshold SLIs; go-sdk forbids them). Default: strict, as oslo.
   */
  readonly lenient?: boolean;
}

/** Reports problems about one object, pinned to its lines. */
export class ConversionContext {
  constructor(
    readonly source: LocatedObject,
    readonly label: string,
    private readonly problems: OpenSloProblem[],
    private readonly warnings: OpenSloProblem[],
    readonly options: ReadOpenSloOptions,
    /** A referenced object is checked where it is defined; through a reference it only converts. */
    private readonly silent = false,
  ) {}

  /** The context of a referenced object: same options, reports nothing (its own pass reports). */
  forObject(object: DecodedObject): ConversionContext {
    return new ConversionContext(object.source, this.label, this.problems, this.warnings, this.options, true);
  }

  report(code: OpenSloProblemCode, path: PathSegment[], message: string, hint: string, asWarning = false): void {
    if (this.silent) return;
    const p: OpenSloProblem = {
      code,
      message,
      hint,
      file: this.source.file,
      ...this.source.at(path),
      path: formatPath(path),
      object: this.label,
    };
    (asWarning ? this.warnings : this.problems).push(p);
  }

  /** A missing reference: an error, or a warning when lenient. */
  missing(kind: string, name: string, path: PathSegment[]): void {
    this.report(
      'missing-reference',
      path,
      `${kind} '${name}' referenced at ${formatPath(path)} does not exist`,
      `define ${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind} named '${name}' among the files read, or write it inline`,
      this.options.lenient === true,
    );
  }

  duration(text: string | number, path: PathSegment[]): Duration | undefined {
    // A bare number is minutes (spec: timeSliceWindow "default interpretation … in minutes").
    if (typeof text === 'number') {
      if (Number.isInteger(text) && text > 0) return { count: text, unit: 'm' };
      this.report('bad-duration', path, `${text} is not a duration`, 'write a positive whole number of minutes, or a shorthand like 5m');
      return undefined;
    }
    const parsed = parseDurationShorthand(text);
    if (parsed.ok) return parsed.value;
    this.report('bad-duration', path, parsed.reason, 'for example 5m (5 minutes), 1h, 28d, 4w, 1M (1 month), 1Q, 1Y');
    return undefined;
  }
}
