import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

/**
 * graphql's CommonJS entry (package.json "main"), the one Node gives every package at run time.
 * Vite would otherwise resolve src/'s `import "graphql"` to its ESM copy ("module"), while
 * CommonJS dependencies (subscriptions-transport-ws, graphql-codegen) `require` the CommonJS one:
 * two graphql instances, and the stand-in's schema handed to the WebSocket servers is rejected
 * with "Cannot use GraphQLSchema ... from another module or realm".
 */
const graphqlMain = createRequire(import.meta.url).resolve("graphql");

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // Vitest's default is one worker on a 2-core machine; many files wait on child processes, sockets
    // and builds rather than the CPU, so two workers took the suite from 143 s to 102 s here.
    maxWorkers: 2,
    // Test files share a worker's module graph instead of re-importing src/ (and graphql,
    // urql, the generated documents) once per file: the 39 small files took 42 s isolated,
    // 14 s shared, on 2 cores. Safe because neither src/ nor the tests keep global state: no
    // module mocks, stubbed globals or env writes, and every stand-in belongs to its test
    // (files also pass in shuffled order: --sequence.shuffle.files).
    isolate: false,
  },
});
