/**
 * Human formats shared by the CLI tables and the HTML report, so both show a
 * scene's size, duration and resolution the same way.
 */

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];

/** Bytes as `1.4 GiB`; unknown or negative sizes as `?`. */
export function formatBytes(bytes: number | null | undefined): string {
  if (typeof bytes !== "number" || !Number.isFinite(bytes) || bytes < 0) return "?";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${UNITS[unit]}`;
}

/** Seconds as `h:mm:ss` or `m:ss`; unknown durations as `?`. */
export function formatDuration(seconds: number | null | undefined): string {
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) return "?";
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** `1920×1080`, or `?` when the file has no dimensions. */
export function formatResolution(width: number | null | undefined, height: number | null | undefined): string {
  return width && height ? `${width}×${height}` : "?";
}

/** `n` and the noun, in the singular when `n` is 1 ("1 keeper", "2 keepers"); `many` for irregular plurals. */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : many}`;
}
