/**
 * Reading a GraphQL-over-HTTP request the way gqlgen's GET and POST
 * transports do: JSON bodies only for POST, query-string parameters for GET,
 * and 400 for anything that cannot be decoded.
 */
import type { IncomingMessage } from "node:http";

/** The three request parameters of GraphQL over HTTP. */
export interface GraphQLParams {
  readonly query: string;
  readonly variables: Record<string, unknown> | null;
  readonly operationName: string | null;
}

/** Either decoded parameters or the HTTP error that refuses the request. */
export type DecodedParams =
  | { readonly ok: true; readonly params: GraphQLParams }
  | { readonly ok: false; readonly status: number; readonly message: string };

const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Reads the whole request body (bounded, so a runaway client cannot exhaust memory). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function refuse(status: number, message: string): DecodedParams {
  return { ok: false, status, message };
}

function fromFields(query: unknown, variables: unknown, operationName: unknown): DecodedParams {
  if (query !== undefined && query !== null && typeof query !== "string") return refuse(400, "query must be a string");
  if (variables !== undefined && variables !== null && !isRecord(variables)) return refuse(400, "variables must be an object");
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") {
    return refuse(400, "operationName must be a string");
  }
  return {
    ok: true,
    params: {
      query: (query as string | null | undefined) ?? "",
      variables: (variables as Record<string, unknown> | null | undefined) ?? null,
      operationName: (operationName as string | null | undefined) || null,
    },
  };
}

/** Decodes a POST body; gqlgen accepts only `application/json` here. */
export function decodePost(contentType: string | undefined, body: Buffer): DecodedParams {
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "application/json") return refuse(400, "transport not supported");
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch (err) {
    return refuse(400, `json request body could not be decoded: ${(err as Error).message}`);
  }
  if (!isRecord(parsed)) return refuse(400, "json request body could not be decoded: body must be a JSON object");
  return fromFields(parsed.query, parsed.variables, parsed.operationName);
}

/** Decodes `?query=&variables=&operationName=` of a GET request. */
export function decodeGet(url: URL): DecodedParams {
  const rawVariables = url.searchParams.get("variables");
  let variables: unknown = null;
  if (rawVariables !== null && rawVariables !== "") {
    try {
      variables = JSON.parse(rawVariables);
    } catch {
      return refuse(400, "variables could not be decoded");
    }
  }
  return fromFields(url.searchParams.get("query"), variables, url.searchParams.get("operationName"));
}

/** The response media type: graphql-response+json when the client prefers it, else JSON. */
export function negotiateType(accept: string | undefined): string {
  let best = "application/json";
  let bestQ = -1;
  for (const part of (accept ?? "").split(",")) {
    const [type, ...rest] = part.split(";").map((s) => s.trim().toLowerCase());
    const qParam = rest.find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if ((type === "application/graphql-response+json" || type === "application/json") && q > bestQ) {
      best = type;
      bestQ = q;
    }
  }
  return best;
}
