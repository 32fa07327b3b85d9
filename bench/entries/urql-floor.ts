// Bundle-size entry: urql's client alone (with graphql.web and wonka), the floor under any SDK built on it.
import { Client } from "@urql/core";

console.log(new Client({ url: "http://localhost:9999/graphql", exchanges: [] }));
