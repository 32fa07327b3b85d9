/** Placeholder until the demo tour lands: it must exist and exit 0. */
console.log("stash-graphql-client demo: not yet — see README.md");
