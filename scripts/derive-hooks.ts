/**
 * Re-derives schema/hooks.json from a Stash git checkout or mirror (no network).
 *
 * The trigger names are the TriggerEnum constants of pkg/plugin/hook/hooks.go, in
 * declaration order. Who fires each one is read from the calls:
 * `ExecutePostHooks(ctx, id, hook.X, input, fields)` inside the `mutationResolver`
 * methods of internal/api/resolver_mutation_*.go (the input is one of the method's
 * parameters, i.e. the mutation's argument at the same position, or a
 * pkg/plugin/hooks.go struct embedding it), resolvers that only delegate to a
 * firing one (`return r.X(ctx, []string{id})`), and `RegisterPostHooks(..., nil, nil)`
 * elsewhere under pkg/ (scans and pkg/scene/create.go, with no input).
 *
 *   tsx scripts/derive-hooks.ts <stash checkout> [tag] [--write]
 *
 * Without --write it prints the JSON; `npm run codegen` turns the file into generated/hooks.ts.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { hooksFile, type HookFiringData, type HookInputSource, type HooksData, type HookTriggerData } from "./lib/hooks";

const DEFAULT_TAG = "v0.30.1";

const git = (checkout: string, ...args: string[]) =>
  execFileSync("git", ["-C", checkout, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/**
 * The TriggerEnum constants (name, value, deprecated flag) in declaration order.
 * The const block is the list: v0.30.1's AllHookTriggerEnum and IsValid leave out
 * the Group triggers (and IsValid Tag.Merge.Post), yet resolvers fire them all.
 */
export function parseTriggers(goSource: string): { constant: string; name: string; deprecated: boolean }[] {
  const out: { constant: string; name: string; deprecated: boolean }[] = [];
  let deprecated = false;
  for (const line of goSource.split("\n")) {
    if (/^\s*\/\/.*deprecated/i.test(line)) deprecated = true;
    else if (/^\s*$/.test(line)) deprecated = false;
    const m = /^\s*(\w+)\s+TriggerEnum\s*=\s*"([^"]+)"/.exec(line);
    if (m) out.push({ constant: m[1]!, name: m[2]!, deprecated });
  }
  if (out.length === 0) throw new Error("no TriggerEnum constants found");
  return out;
}

/** `type X struct { models.Embedded; Field T \`json:"f"\` }` of pkg/plugin/hooks.go. */
export function parseHookStructs(goSource: string): Map<string, HookStruct> {
  const goTypes: Record<string, "string" | "number" | "boolean"> = { string: "string", int: "number", float64: "number", bool: "boolean" };
  const out = new Map<string, HookStruct>();
  for (const [, name, body] of goSource.matchAll(/type\s+(\w+)\s+struct\s*\{([^}]*)\}/g)) {
    const embeds = /^\s*models\.(\w+)\s*$/m.exec(body!)?.[1];
    if (!embeds) continue;
    const extra: Record<string, "string" | "number" | "boolean"> = {};
    for (const [, type, json] of body!.matchAll(/^\s*\w+\s+(\w+)\s+`json:"(\w+)"`/gm)) extra[json!] = goTypes[type!] ?? "string";
    out.set(name!, { embeds, extra });
  }
  return out;
}

/** A pkg/plugin/hooks.go struct: the models input type it embeds and the fields it adds. */
interface HookStruct {
  embeds: string;
  extra: Record<string, "string" | "number" | "boolean">;
}

/** gqlgen's resolver method name back to the schema's root field. */
const fieldName = (method: string) => method[0]!.toLowerCase() + method.slice(1);

interface ResolverMethod {
  name: string;
  params: string[];
  body: string;
}

function resolverMethods(goSource: string): ResolverMethod[] {
  const parts = goSource.split(/^(?=func )/m);
  return parts.flatMap((part) => {
    const m = /^func \(r \*mutationResolver\) (\w+)\(ctx context\.Context(?:, ([^)]*))?\)/.exec(part);
    if (!m) return [];
    const params = (m[2] ?? "").split(",").map((p) => p.trim().split(/\s+/)[0]!).filter(Boolean);
    return [{ name: m[1]!, params, body: part }];
  });
}

/** The firings of one resolver file, and the resolvers that only delegate to another. */
export function parseResolverFile(
  file: string,
  goSource: string,
  structs: Map<string, HookStruct>,
): { firings: { trigger: string; firing: HookFiringData }[]; delegates: { from: string; to: string }[] } {
  const firings: { trigger: string; firing: HookFiringData }[] = [];
  const delegates: { from: string; to: string }[] = [];
  for (const method of resolverMethods(goSource)) {
    const delegate = /return r\.(\w+)\(ctx, \[\]string\{(\w+)\}\)/.exec(method.body);
    if (delegate && method.params.includes(delegate[2]!)) delegates.push({ from: method.name, to: delegate[1]! });
    let position = 0;
    for (const call of method.body.matchAll(/ExecutePostHooks\(ctx,\s*[^,]+,\s*hook\.(\w+),\s*(?:plugin\.(\w+)\{|(\w+),)/g)) {
      const rest = method.body.slice(call.index! + call[0].length);
      const fieldsArg = /(nil|translator\.getFields\(\))\)/.exec(rest);
      let input: HookInputSource;
      if (call[2]) {
        const struct = structs.get(call[2]);
        if (!struct) throw new Error(`${file} ${method.name}: plugin.${call[2]} is not a struct of pkg/plugin/hooks.go`);
        // `SceneDestroyInput: input` sets the embedded input; without it, it stays Go's zero value.
        const embedded = new RegExp(`\\b${struct.embeds}:\\s*(\\w+)`).exec(rest.slice(0, fieldsArg?.index ?? 0));
        const index = embedded ? method.params.indexOf(embedded[1]!) : null;
        if (index === -1) throw new Error(`${file} ${method.name}: plugin.${call[2]} embeds "${embedded![1]}", not a parameter`);
        input = { kind: "struct", index, struct: call[2], embeds: struct.embeds, extra: struct.extra };
      } else if (call[3] === "nil") input = { kind: "none" };
      else {
        const index = method.params.indexOf(call[3]!);
        if (index < 0) throw new Error(`${file} ${method.name}: hook input "${call[3]}" is not a parameter`);
        input = { kind: "argument", index };
      }
      firings.push({
        trigger: call[1]!,
        firing: { source: file, mutation: fieldName(method.name), call: position++, input, inputFields: fieldsArg?.[1] !== "nil" },
      });
    }
  }
  return { firings, delegates };
}

/** Reads one tag's triggers and every place that fires them. */
export function deriveHooks(checkout: string, tag: string = DEFAULT_TAG): HooksData {
  const show = (file: string) => git(checkout, "show", `${tag}:${file}`);
  const triggers = parseTriggers(show("pkg/plugin/hook/hooks.go"));
  const structs = parseHookStructs(show("pkg/plugin/hooks.go"));
  const files = git(checkout, "ls-tree", "-r", "--name-only", tag).split("\n");
  const byConstant = new Map<string, HookFiringData[]>(triggers.map((t) => [t.constant, []]));
  const add = (constant: string, firing: HookFiringData) => {
    const list = byConstant.get(constant);
    if (!list) throw new Error(`${firing.source}: hook.${constant} is not a trigger of hooks.go`);
    // A file with two identical calls (pkg/image/scan.go) is one way of firing.
    if (!list.some((f) => JSON.stringify(f) === JSON.stringify(firing))) list.push(firing);
  };
  for (const file of files.filter((f) => /^internal\/api\/resolver_mutation_\w+\.go$/.test(f) && !f.endsWith("_test.go"))) {
    const { firings, delegates } = parseResolverFile(file, show(file), structs);
    for (const { trigger, firing } of firings) add(trigger, firing);
    for (const { from, to } of delegates) {
      for (const { trigger, firing } of firings.filter((f) => f.firing.mutation === fieldName(to))) {
        add(trigger, { ...firing, mutation: fieldName(from), input: { kind: "wrapped", index: 0 } });
      }
    }
  }
  const registering = git(checkout, "grep", "-l", "RegisterPostHooks", tag, "--", "pkg")
    .split("\n")
    .map((l) => l.replace(`${tag}:`, ""))
    .filter((f) => f.endsWith(".go") && !f.endsWith("_test.go") && !f.startsWith("pkg/plugin/"));
  for (const file of registering) {
    for (const call of show(file).matchAll(/RegisterPostHooks\(ctx,\s*[^,]+,\s*hook\.(\w+),\s*nil,\s*nil\)/g)) {
      add(call[1]!, { source: file, mutation: null, call: 0, input: { kind: "none" }, inputFields: false });
    }
  }
  const out: HookTriggerData[] = triggers.map((t) => ({ name: t.name, constant: t.constant, deprecated: t.deprecated, firedBy: byConstant.get(t.constant)! }));
  return {
    $comment:
      "Stash's plugin hook triggers and what fires them, read from pkg/plugin/hook/hooks.go, internal/api/resolver_mutation_*.go, pkg/plugin/hooks.go and RegisterPostHooks calls under pkg/. Regenerate with scripts/derive-hooks.ts; npm run codegen turns this into generated/hooks.ts.",
    source: { repository: "https://github.com/stashapp/stash", tag },
    triggers: out,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const write = args.includes("--write");
  const [checkout, tag] = args.filter((a) => a !== "--write");
  if (!checkout) {
    console.error("usage: tsx scripts/derive-hooks.ts <stash checkout> [tag] [--write]");
    process.exit(2);
  }
  const text = JSON.stringify(deriveHooks(checkout, tag ?? DEFAULT_TAG), null, 2) + "\n";
  if (write) writeFileSync(hooksFile(), text);
  else process.stdout.write(text);
}
