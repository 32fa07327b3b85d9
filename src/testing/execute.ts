/**
 * One GraphQL request from decoded parameters to status and body: parse and
 * validation failures are 422 with gqlgen's error codes, execution errors are
 * 200 with paths, exactly as Stash's gqlgen server answers.
 */
import {
  execute,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { StandInContext } from "./context";
import type { GraphQLParams } from "./http-request";

/** An HTTP status and a JSON-serialisable body. */
export interface Outcome {
  readonly status: number;
  readonly body: unknown;
}

/** A request whose document parsed, validated and names one operation. */
export interface PreparedRequest {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly params: GraphQLParams;
}

/** Either a prepared request or the 422 that refuses it. */
export type Preparation = { readonly ok: true; readonly request: PreparedRequest } | { readonly ok: false; readonly outcome: Outcome };

function failure(status: number, errors: readonly GraphQLError[] | readonly { message: string }[], code: string): Outcome {
  return {
    status,
    body: {
      errors: errors.map((e) => {
        const json = e instanceof GraphQLError ? e.toJSON() : { message: e.message };
        return { ...json, extensions: { ...(json as { extensions?: object }).extensions, code } };
      }),
      data: null,
    },
  };
}

/** A non-GraphQL refusal (400/406…) in gqlgen's error shape. */
export function plainError(status: number, message: string): Outcome {
  return { status, body: { errors: [{ message }], data: null } };
}

interface CachedDocument {
  readonly document: DocumentNode;
  readonly errors: readonly GraphQLError[];
}

/**
 * Parsed and validated documents by query text, least recently used evicted
 * first. gqlgen keeps such a cache (1,000 entries) too; without it, validation
 * was a third of the stand-in's time per request and made it the bottleneck
 * of the client benchmarks. One per server, as the results depend on its schema.
 */
export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument>();

  constructor(private readonly limit = 1000) {}

  /** The entry for `query`, marked as most recently used. */
  get(query: string): CachedDocument | undefined {
    const hit = this.entries.get(query);
    if (hit) {
      this.entries.delete(query);
      this.entries.set(query, hit);
    }
    return hit;
  }

  set(query: string, entry: CachedDocument): void {
    this.entries.set(query, entry);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** Parses and validates the document (once per query text with a cache) and picks the operation to run. */
export function prepare(schema: GraphQLSchema, params: GraphQLParams, cache?: DocumentCache): Preparation {
  if (params.query.trim() === "") {
    return { ok: false, outcome: failure(422, [{ message: "no operation provided" }], "GRAPHQL_VALIDATION_FAILED") };
  }
  let cached = cache?.get(params.query);
  if (!cached) {
    let parsed: DocumentNode;
    try {
      parsed = parse(params.query);
    } catch (err) {
      if (err instanceof GraphQLError) return { ok: false, outcome: failure(422, [err], "GRAPHQL_PARSE_FAILED") };
      throw err;
    }
    cached = { document: parsed, errors: validate(schema, parsed) };
    cache?.set(params.query, cached);
  }
  const { document, errors } = cached;
  if (errors.length > 0) return { ok: false, outcome: failure(422, errors, "GRAPHQL_VALIDATION_FAILED") };
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  let operation: OperationDefinitionNode | undefined;
  if (params.operationName) {
    operation = operations.find((op) => op.name?.value === params.operationName);
    if (!operation) {
      return { ok: false, outcome: failure(422, [{ message: `operation ${params.operationName} not found` }], "GRAPHQL_VALIDATION_FAILED") };
    }
  } else if (operations.length === 1) {
    operation = operations[0];
  } else {
    const message = "must provide operation name if query contains multiple operations";
    return { ok: false, outcome: failure(422, [{ message }], "GRAPHQL_VALIDATION_FAILED") };
  }
  return { ok: true, request: { document, operation: operation!, params } };
}

/** Executes a prepared request; variable coercion failures become 422 with `data: null`. */
export async function run(schema: GraphQLSchema, ctx: StandInContext, request: PreparedRequest): Promise<Outcome> {
  const result = await execute({
    schema,
    document: request.document,
    contextValue: ctx,
    variableValues: request.params.variables ?? undefined,
    operationName: request.operation.name?.value,
  });
  // graphql-js leaves `data` out only when execution never started: variables failed to coerce.
  if (!("data" in result)) return failure(422, result.errors ?? [], "GRAPHQL_VALIDATION_FAILED");
  const body: Record<string, unknown> = {};
  if (result.errors?.length) body.errors = result.errors.map((e) => e.toJSON());
  body.data = result.data ?? null;
  return { status: 200, body };
}
