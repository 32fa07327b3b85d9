/**
 * `stash-graphql-client/operations`: every typed document, variable and
 * result type the SDK generates, for use with `StashClient.request` or any
 * TypedDocumentNode-aware GraphQL client.
 */
export * from "../generated/graphql";
export type { AnyVariables, TypedDocumentNode } from "../generated/typed-document";
