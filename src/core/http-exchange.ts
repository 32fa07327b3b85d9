/**
 * The urql exchange that sends queries and mutations: a POST of the
 * operation's GraphQL body to `context.url` (transport.ts does the wire), with
 * a timeout per attempt. An answer that is not a plain GraphQL result (HTTP
 * error, wrong content type, broken body, no answer, timeout) becomes an
 * error result whose `error.response` is the `TransportRecord` of what was
 * seen, for `parseResult` and the retry exchange to judge. A teardown cancels
 * the request, which closes its socket.
 */
import { makeErrorResult, makeResult, type Exchange, type Operation, type OperationResult } from "@urql/core";
import { makeFetchBody } from "@urql/core/internal";
import { filter, make, merge, pipe, subscribe } from "wonka";
import type { TransportRecord } from "./parse-result";
import { Canceller, type HttpSend, type WireRequest } from "./transport";

/** What the client puts in each operation's context for this exchange. */
export interface HttpContext {
  /** Per-attempt timeout in ms; 0 or absent means none. */
  readonly timeoutMs?: number;
}

export interface HttpExchangeOptions {
  /** Headers of every request (see `requestHeaders`). */
  readonly headers: Record<string, string>;
  readonly send: HttpSend;
}

const JSON_TYPE = /json/i;

/** Why a request was stopped by a teardown; never reaches a caller. */
const tornDown = () => new Error("the operation was torn down");

/** The result urql gets for what the wire returned; only error results carry the record. */
function toResult(operation: Operation, record: TransportRecord & { status: number; body: string }): OperationResult {
  const { status } = record;
  if (status < 200 || status >= 300) return makeErrorResult(operation, new Error(`HTTP ${status}`), record);
  if (!JSON_TYPE.test(record.contentType ?? "")) return makeErrorResult(operation, new Error("not JSON"), record);
  try {
    // makeResult throws on a body with neither data nor errors.
    return makeResult(operation, JSON.parse(record.body), record);
  } catch (err) {
    return makeErrorResult(operation, err as Error, record);
  }
}

/** One attempt: the request, then the body, both inside the timeout window. */
async function attempt(operation: Operation, init: WireRequest, send: HttpSend, cancel: Canceller): Promise<OperationResult> {
  const timeoutMs = (operation.context as HttpContext).timeoutMs ?? 0;
  let timedOut = false;
  const timer =
    timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          cancel.cancel(new Error(`timed out after ${timeoutMs} ms`));
        }, timeoutMs)
      : undefined;
  try {
    const res = await send(operation.context.url, init, cancel);
    const retryAfter = res.headers.get("retry-after");
    const contentType = res.headers.get("content-type") ?? "";
    // Reading inside the timeout window means a server that stalls mid-body still times out.
    const body = await res.text();
    return toResult(operation, retryAfter === null ? { status: res.status, contentType, body } : { status: res.status, contentType, body, retryAfter });
  } catch (err) {
    // No status: a request or body that broke off is a network failure, not an HTTP answer.
    const record: TransportRecord = timedOut ? { ended: "timeout", timeoutMs } : {};
    return makeErrorResult(operation, err instanceof Error ? err : new Error(String(err)), record);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Sends queries and mutations over HTTP; other operations go on down the chain. */
export function httpExchange({ headers, send }: HttpExchangeOptions): Exchange {
  return ({ forward }) =>
    (ops$) => {
      const results$ = make<OperationResult>(({ next }) => {
        // Requests in flight by operation key, so a teardown finds its own in O(1).
        const live = new Map<number, Canceller>();
        const start = (operation: Operation) => {
          const cancel = new Canceller();
          live.set(operation.key, cancel);
          const init: WireRequest = { method: "POST", headers, body: JSON.stringify(makeFetchBody(operation)) };
          void attempt(operation, init, send, cancel).then((result) => {
            // A torn-down operation has no listener left; its result is dropped.
            if (live.get(operation.key) !== cancel) return;
            live.delete(operation.key);
            next(result);
          });
        };
        const { unsubscribe } = pipe(
          ops$,
          subscribe((operation: Operation) => {
            if (operation.kind === "query" || operation.kind === "mutation") start(operation);
            else if (operation.kind === "teardown") {
              const cancel = live.get(operation.key);
              if (cancel) {
                live.delete(operation.key);
                cancel.cancel(tornDown());
              }
            }
          }),
        );
        return () => {
          unsubscribe();
          for (const cancel of live.values()) cancel.cancel(tornDown());
          live.clear();
        };
      });
      const rest$ = forward(pipe(ops$, filter((op: Operation) => op.kind !== "query" && op.kind !== "mutation")));
      return merge([results$, rest$]);
    };
}
