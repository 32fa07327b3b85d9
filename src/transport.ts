/**
 * The fetch wrapper urql calls. urql replaces `fetchOptions.signal` with its
 * own, so timeouts and the caller's AbortSignal are joined here, per attempt.
 * It buffers the body once (urql would read it anyway) and records status,
 * content type and body so the parse function can explain failures.
 */
import type { TransportRecord } from "./errors";

/** The fetch signature the SDK accepts (Node's global fetch, or a custom one with an agent/CA). */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Per-attempt controls. */
export interface AttemptControl {
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly record: TransportRecord;
}

/**
 * A minimal Response stand-in for urql over an already-read body: cheaper than
 * building a Response. It always claims JSON so urql parses the body the one
 * way and stays quiet; the real content type is in the record, and the parse
 * function judges it.
 */
function bufferedResponse(res: Response, body: string): Response {
  const headers = {
    get: (name: string) => (name.toLowerCase() === "content-type" ? "application/json" : res.headers.get(name)),
    has: (name: string) => res.headers.has(name),
    forEach: (fn: (value: string, key: string) => void) => res.headers.forEach(fn),
  };
  return {
    ok: res.ok,
    status: res.status,
    statusText: res.statusText,
    headers,
    url: res.url,
    redirected: res.redirected,
    type: res.type,
    text: () => Promise.resolve(body),
    json: () => Promise.resolve(JSON.parse(body)),
  } as unknown as Response;
}

/** Builds the fetch function for one attempt. */
export function attemptFetch(base: FetchLike, control: AttemptControl): FetchLike {
  return async (input, init) => {
    const { record, timeoutMs, signal } = control;
    if (signal?.aborted) {
      record.ended = "abort";
      throw signal.reason ?? new Error("aborted");
    }
    const timer = new AbortController();
    const signals = [timer.signal];
    if (init?.signal) signals.push(init.signal);
    if (signal) signals.push(signal);
    const onCallerAbort = () => {
      record.ended ??= "abort";
    };
    signal?.addEventListener("abort", onCallerAbort, { once: true });
    const handle =
      timeoutMs > 0 && Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            record.ended ??= "timeout";
            record.timeoutMs = timeoutMs;
            timer.abort(new Error(`timed out after ${timeoutMs} ms`));
          }, timeoutMs)
        : undefined;
    try {
      const res = await base(input, { ...init, signal: signals.length === 1 ? timer.signal : AbortSignal.any(signals) });
      record.status = res.status;
      record.contentType = res.headers.get("content-type") ?? "";
      const retryAfter = res.headers.get("retry-after");
      if (retryAfter !== null) record.retryAfter = retryAfter;
      // Reading inside the timeout window means a server that stalls mid-body still times out.
      const body = await res.text();
      record.body = body;
      return bufferedResponse(res, body);
    } catch (err) {
      // A body that broke off mid-way is a network failure, not an HTTP answer.
      if (record.body === undefined) record.status = undefined;
      throw err;
    } finally {
      if (handle) clearTimeout(handle);
      signal?.removeEventListener("abort", onCallerAbort);
    }
  };
}
