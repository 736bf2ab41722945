import type { CompiledNetwork } from '../cpm/compiled-network.js';
import { MODE_STEPS, pertTables, QUANTILE_STEPS, type SamplingPlan } from './duration-sampler.js';
import { TRIAL_KERNEL_WASM } from './trial-kernel-binary.js';

/** The exports of trial-kernel.wat; pointers are byte offsets into the kernel's memory. */
interface KernelExports {
  seedCritical(
    n: number,
    width: number,
    stride: number,
    ef: number,
    finish: number,
    epsilon: number,
    critical: number,
    stack: number,
  ): number;
  record(
    n: number,
    width: number,
    stride: number,
    duration: number,
    critical: number,
    finish: number,
    count: number,
    sum: number,
    sum2: number,
    sumF: number,
  ): void;
  setState(a: number, b: number, c: number, d: number): void;
  state(index: number): number;
  sample(
    n: number,
    width: number,
    stride: number,
    low: number,
    range: number,
    mode: number,
    table: number,
    out: number,
    uniforms: number,
    triangular: number,
  ): void;
  forward(
    n: number,
    stride: number,
    start: number,
    predStart: number,
    pred: number,
    predType: number,
    predLag: number,
    notBefore: number,
    fixedStart: number,
    duration: number,
    es: number,
    ef: number,
    finish: number,
  ): void;
}

/**
 * One network and sampling plan laid out in a WebAssembly memory, with room for one block of
 * `stride` trials. The block arrays are views into that memory, activity-major
 * (`[k * stride + b]`), valid as long as the kernel lives (the memory never grows).
 */
export interface TrialKernel {
  readonly stride: number;
  readonly duration: Float64Array;
  readonly es: Float64Array;
  readonly ef: Float64Array;
  readonly finish: Float64Array;
  /** Critical flags of the block (`[k * stride + b]`) and a stack of element indices, for the walk-back. */
  readonly critical: Uint8Array;
  readonly stack: Int32Array;
  /** Per activity, summed over the trials recorded since `clearSums`: critical count, Σd, Σd², Σd × finish. */
  readonly sums: { readonly count: Float64Array; readonly sum: Float64Array; readonly sum2: Float64Array; readonly sumF: Float64Array };
  clearSums(): void;
  /** Marks and stacks every activity that ends its trial's project; returns how many. */
  seedCritical(width: number, epsilon: number): number;
  /** Adds trials 0..width-1 of the block to `sums`, in trial order. */
  record(width: number): void;
  /** Draws trials 0..width-1's durations, continuing `state` (xoshiro128**) and returning it advanced. */
  sample(width: number, state: readonly [number, number, number, number]): [number, number, number, number];
  /** Early dates of the whole block (all `stride` lanes) from `duration`. */
  forward(start: number): void;
}

/** Largest memory a kernel takes before it uses narrower blocks; far below wasm32's 4 GiB. */
const MAX_BYTES = 1 << 30;
const PAGE = 65536;

let module: WebAssembly.Module | undefined;

function kernelModule(): WebAssembly.Module {
  // The kernel reads the PERT table with these dimensions built in.
  if (MODE_STEPS !== 100 || QUANTILE_STEPS !== 256) throw new Error('trial-kernel.wat assumes a 101 × 257 PERT table');
  if (!module) {
    const text = atob(TRIAL_KERNEL_WASM);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    module = new WebAssembly.Module(bytes);
  }
  return module;
}

/** Lays out `c` and `plan` for blocks of up to `maxStride` trials (even; fewer if memory is short). */
export function createTrialKernel(c: CompiledNetwork, plan: SamplingPlan, maxStride: number): TrialKernel {
  const n = c.n;
  const links = c.pred.length;
  const table = pertTables();
  const align = (bytes: number) => Math.ceil(bytes / 16) * 16;
  const fixedBytes = align(4 * (n + 1)) + align(4 * links) + align(links) + align(8 * links) + 5 * align(8 * n) + align(8 * table.length);
  let stride = Math.max(2, maxStride + (maxStride % 2));
  // Four f64 block arrays, critical flags (1 byte) and the stack (4 bytes) per activity and trial.
  const perLane = 4 * 8 + 1 + 4;
  while (stride > 2 && fixedBytes + perLane * n * stride + 8 * stride + 4 * 8 * n > MAX_BYTES) stride -= 2;
  const total = fixedBytes + 4 * align(8 * n * stride) + align(n * stride) + align(4 * n * stride) + align(8 * stride) + 4 * align(8 * n);
  const memory = new WebAssembly.Memory({ initial: Math.ceil(total / PAGE) });
  const buffer = memory.buffer;
  let next = 0;
  const place = <T extends Int32Array | Uint8Array | Float64Array>(make: (at: number) => T, bytes: number): [number, T] => {
    const at = next;
    next += align(bytes);
    return [at, make(at)];
  };
  const copy = <T extends Int32Array | Uint8Array | Float64Array>(
    source: T,
    view: new (b: ArrayBuffer, at: number, length: number) => T,
  ): number => {
    const [at, target] = place((o) => new view(buffer, o, source.length), source.byteLength);
    target.set(source as never);
    return at;
  };
  const predStart = copy(c.predStart, Int32Array);
  const pred = copy(c.pred, Int32Array);
  const predType = copy(c.predType, Uint8Array);
  const predLag = copy(c.predLag, Float64Array);
  const notBefore = copy(c.notBefore, Float64Array);
  const fixedStart = copy(c.fixedStart, Float64Array);
  const low = copy(plan.low, Float64Array);
  const range = copy(plan.range, Float64Array);
  const mode = copy(plan.mode, Float64Array);
  const tableAt = copy(table, Float64Array);
  const block = () => place((o) => new Float64Array(buffer, o, n * stride), 8 * n * stride);
  const [durationAt, duration] = block();
  const [esAt, es] = block();
  const [efAt, ef] = block();
  const [uniformsAt] = block();
  const [finishAt, finish] = place((o) => new Float64Array(buffer, o, stride), 8 * stride);
  const [criticalAt, critical] = place((o) => new Uint8Array(buffer, o, n * stride), n * stride);
  const [stackAt, stack] = place((o) => new Int32Array(buffer, o, n * stride), 4 * n * stride);
  const perActivity = () => place((o) => new Float64Array(buffer, o, n), 8 * n);
  const [countAt, count] = perActivity();
  const [sumAt, sum] = perActivity();
  const [sum2At, sum2] = perActivity();
  const [sumFAt, sumF] = perActivity();
  const kernel = new WebAssembly.Instance(kernelModule(), { env: { memory } }).exports as unknown as KernelExports;
  const triangular = plan.distribution === 'triangular' ? 1 : 0;
  return {
    stride,
    duration,
    es,
    ef,
    finish,
    critical,
    stack,
    sums: { count, sum, sum2, sumF },
    clearSums() {
      for (const a of [count, sum, sum2, sumF]) a.fill(0);
    },
    seedCritical(width, epsilon) {
      return kernel.seedCritical(n, width, stride, efAt, finishAt, epsilon, criticalAt, stackAt);
    },
    record(width) {
      kernel.record(n, width, stride, durationAt, criticalAt, finishAt, countAt, sumAt, sum2At, sumFAt);
    },
    sample(width, [a, b, cc, d]) {
      kernel.setState(a, b, cc, d);
      kernel.sample(n, width, stride, low, range, mode, tableAt, durationAt, uniformsAt, triangular);
      return [kernel.state(0) >>> 0, kernel.state(1) >>> 0, kernel.state(2) >>> 0, kernel.state(3) >>> 0];
    },
    forward(start) {
      kernel.forward(n, stride, start, predStart, pred, predType, predLag, notBefore, fixedStart, durationAt, esAt, efAt, finishAt);
    },
  };
}
