/**
 * Perceptual hashes as Stash stores them: a 64-bit value kept in SQLite as a
 * signed integer. Kept as two unsigned 32-bit halves so Hamming distances
 * need no BigInt in hot loops.
 */

/** A 64-bit phash split into halves. */
export interface PhashBits {
  readonly hi: number;
  readonly lo: number;
}

/** Parses up to 16 hex digits like Go's strconv.ParseUint(s, 16, 64); null when that would fail. */
export function parsePhash(hex: string): PhashBits | null {
  if (!/^[0-9a-fA-F]{1,16}$/.test(hex)) return null;
  const padded = hex.padStart(16, "0");
  return { hi: parseInt(padded.slice(0, 8), 16) >>> 0, lo: parseInt(padded.slice(8), 16) >>> 0 };
}

/** Bits set in a 32-bit value. */
export function popcount32(value: number): number {
  let v = value >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Hamming distance between two phashes. */
export function phashDistance(a: PhashBits, b: PhashBits): number {
  return popcount32(a.hi ^ b.hi) + popcount32(a.lo ^ b.lo);
}

/** The signed 64-bit integer Stash's database holds for a phash (pkg/sqlite/phash.go compares these). */
export function phashSigned(bits: PhashBits): bigint {
  return BigInt.asIntN(64, (BigInt(bits.hi) << 32n) | BigInt(bits.lo));
}
