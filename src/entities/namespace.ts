/**
 * Builds an entity namespace (`stash.tags`, `stash.performers`, …) from its
 * spec (generated/entities.ts, read from the schema). Every namespace
 * validates the same way before any request and converts inputs with
 * entities/input.ts.
 */
import type { CallOptions, StashCoreApi } from "../core/client";
import { emptyResultError, StashValidationError } from "../core/errors";
import { checkFilterTree, checkFindFilter, mergeQuery } from "../core/find-filter";
import { checkInputForServer } from "../core/input-fields";
import { guardPartialDates } from "../core/partial-dates";
import { serverVersion } from "../core/server-version";
import { checkSortForServer, knownSorts } from "../core/sorts";
import { checkBoolean, checkId, checkIds, checkKnownKeys, checkObject, type ID } from "../core/validate";
import { convertInput, datesOf } from "./input";
import { checkFragment, checkSortOnFirstPage, checkWalkFilter, walkEntities } from "./iterate";
import type { EntitySpec, InputOperation } from "./spec";
import type { CreatableNamespace, DestroyOptions, EntityTypes, FindManyResult } from "./types";

function present<T>(value: T | null | undefined, operation: string): T {
  if (value === null || value === undefined) throw emptyResultError(operation, "result");
  return value;
}

const callOptions = (o: DestroyOptions): CallOptions => {
  const { delete_file: _f, delete_generated: _g, ...rest } = o;
  return rest;
};

/** Builds the namespace. `create` is present when the spec has it (images cannot be created through the API). */
export function createEntityNamespace<T extends EntityTypes>(core: StashCoreApi, spec: EntitySpec): CreatableNamespace<T> {
  const sorts = knownSorts(spec.sorts);

  const find = async (id: ID, options?: CallOptions) =>
    (await core.request(spec.find.document, { id: checkId(id) }, options))[spec.find.field] ?? null;

  const findMany = async (args: object = {}, options?: CallOptions): Promise<FindManyResult<T["item"], T["extra"]>> => {
    const input = checkObject(args, "args");
    checkKnownKeys(input, ["filter", "q", "ids", spec.filterKey], "args");
    let variables: Record<string, unknown>;
    if (input["ids"] != null) {
      const ignored = ["filter", spec.filterKey, "q"].filter((k) => input[k] != null);
      if (ignored.length > 0) throw new StashValidationError("ids", `cannot be combined with ${ignored.join(", ")}: Stash ignores filters when ids are given`);
      variables = { ids: checkIds(input["ids"], "ids") };
    } else {
      const filter = mergeQuery(checkFindFilter(input["filter"], "filter", { sorts }), input["q"]);
      const entityFilter = checkFilterTree(input[spec.filterKey], spec.filterKey);
      checkSortForServer(filter?.sort, "filter.sort", spec.sorts, await serverVersion(core, options));
      variables = { ...(filter ? { filter } : {}), ...(entityFilter ? { [spec.filterKey]: entityFilter } : {}) };
    }
    const { [spec.findMany.list]: items, __typename: _t, ...rest } = (await core.request(spec.findMany.document, variables, options))[spec.findMany.field];
    return { ...rest, items } as FindManyResult<T["item"], T["extra"]>;
  };

  const iterate = (args: object = {}, options: CallOptions = {}) => {
    const input = checkObject(args, "args");
    checkKnownKeys(input, ["filter", "perPage", "fragment", spec.filterKey], "args");
    const { filter, perPage } = checkWalkFilter(input["filter"], input["perPage"], sorts);
    const entityFilter = checkFilterTree(input[spec.filterKey], spec.filterKey) as object | undefined;
    const fragment = checkFragment(input["fragment"]);
    const document = fragment === "slim" && spec.findMany.slim ? spec.findMany.slim : spec.findMany.document;
    const fetchPage = async (find: object, ef: object | undefined) => {
      const page = (await core.request(document, { filter: find, ...(ef ? { [spec.filterKey]: ef } : {}) }, options))[spec.findMany.field];
      return { count: page.count as number, items: page[spec.findMany.list] as { id: string }[] };
    };
    const walk = { filter, entityFilter: entityFilter ?? undefined, perPage, idCursor: spec.idCursor === true, operation: `${spec.name}.iterate`, signal: options.signal };
    return walkEntities(checkSortOnFirstPage(fetchPage, core, options, filter.sort, spec.sorts), walk);
  };

  const send = async (op: InputOperation, input: Record<string, unknown>, argument: string, options?: CallOptions) => {
    await guardPartialDates(core, datesOf(input, argument), options);
    checkInputForServer(op.input, input, argument, await serverVersion(core, options));
    return present((await core.request(op.document, { input }, options))[op.field], op.field);
  };

  const create = async (value: object, options?: CallOptions) => {
    if (!spec.create) throw new StashValidationError(`${spec.name}.create`, "Stash cannot create these through its API (a scan adds them)");
    const input = convertInput(spec.create.input, value, "input", {
      mode: "create",
      refuse: { id: `${spec.name}.create makes a new one; drop id, or use ${spec.name}.update to change an existing one` },
    });
    return send(spec.create, input, "input", options);
  };

  const update = async (value: object, options?: CallOptions) => {
    const raw = checkObject(value, "input");
    const id = checkId(raw["id"], "input.id");
    const input = { ...convertInput(spec.update.input, raw, "input", { mode: "update" }), id };
    return send(spec.update, input, "input", options);
  };

  const bulkUpdate = async (value: object, options?: CallOptions) => {
    const raw = checkObject(value, "input");
    const ids = checkIds(raw["ids"], "input.ids");
    const input = { ...convertInput(spec.bulk.input, raw, "input", { mode: "bulk" }), ids };
    if (Object.keys(input).length === 1) throw new StashValidationError("input", "changes nothing; set at least one field besides ids");
    return send(spec.bulk, input, "input", options);
  };

  const destroy = async (idOrIds: ID | readonly ID[], options: DestroyOptions = {}) => {
    const ids = Array.isArray(idOrIds) ? checkIds(idOrIds, "ids") : [checkId(idOrIds, "id")];
    const o = checkObject(options, "options");
    if (!spec.hasFiles && (o["delete_file"] !== undefined || o["delete_generated"] !== undefined)) {
      throw new StashValidationError("options.delete_file", `${spec.name} have no files to delete`);
    }
    // delete_file is always sent, so no server default can ever remove files from disk.
    const flags = spec.hasFiles
      ? {
          delete_file: o["delete_file"] == null ? false : checkBoolean(o["delete_file"], "options.delete_file"),
          delete_generated: o["delete_generated"] == null ? true : checkBoolean(o["delete_generated"], "options.delete_generated"),
        }
      : undefined;
    // Stash's destroy mutations differ per entity; the spec says which takes what (generated from the schema).
    const op = ids.length === 1 && spec.destroy.one ? spec.destroy.one : spec.destroy.many;
    const variables = op.argument === "ids" ? { ids } : { input: { ...(op === spec.destroy.one ? { id: ids[0] } : { ids }), ...flags } };
    return (await core.request(op.document, variables, callOptions(options)))[op.field] as boolean;
  };

  return { find, findMany, iterate, create, update, bulkUpdate, destroy } as unknown as CreatableNamespace<T>;
}
