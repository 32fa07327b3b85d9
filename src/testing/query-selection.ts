/**
 * The field names a query selects directly under the current field. Stash
 * only computes findScenes' aggregates that are asked for, and which ones are
 * asked for changes how its SQL de-duplicates file rows.
 */
import type { GraphQLResolveInfo, SelectionSetNode } from "graphql";

/** Names selected on the resolved field, through inline fragments and fragment spreads. */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === "Field") names.add(sel.name.value);
      else if (sel.kind === "InlineFragment") visit(sel.selectionSet);
      else visit(info.fragments[sel.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}
