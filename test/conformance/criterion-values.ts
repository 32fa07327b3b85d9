/**
 * Criterion input values as the GraphQL filter inputs spell them, shared by
 * the conformance case tables so each file states only its own facts.
 */

/** A StringCriterionInput. */
export const str = (modifier: string, value = "") => ({ value, modifier });

/** An IntCriterionInput. */
export const int = (modifier: string, value: number) => ({ value, modifier });

/** A FloatCriterionInput (`value2` for BETWEEN and NOT_BETWEEN). */
export const float = (modifier: string, value: number, value2?: number) => ({ value, value2, modifier });

/** A MultiCriterionInput or, with `depth`, a HierarchicalMultiCriterionInput. */
export const multi = (modifier: string, value: string[] = [], depth?: number) => (depth === undefined ? { modifier, value } : { modifier, value, depth });
