/**
 * Little-endian float64s, whatever the machine's byte order, as base64: series columns are bytea,
 * but the bytes travel as text through decode()/encode() in SQL. PGlite turns a 1 MB bytea
 * parameter or result into hex and back in about a second; base64 text takes tens of milliseconds.
 */
export function float64ToBase64(values: Float64Array): string {
  const bytes = Buffer.alloc(values.length * 8);
  for (let i = 0; i < values.length; i++) bytes.writeDoubleLE(values[i] as number, i * 8);
  return bytes.toString('base64');
}

/** PostgreSQL's encode(…, 'base64') breaks lines every 76 characters; Node's decoder skips them. */
export function base64ToFloat64(base64: string): Float64Array {
  const bytes = Buffer.from(base64, 'base64');
  const values = new Float64Array(bytes.length / 8);
  for (let i = 0; i < values.length; i++) values[i] = bytes.readDoubleLE(i * 8);
  return values;
}
