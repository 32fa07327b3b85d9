/**
 * Plugin and scraper packages (internal/api/resolver_{query,mutation}_package.go)
 * for a stand-in with no package installed and no network: the installed
 * list is empty, a remote source cannot be read, and the install, update and
 * uninstall jobs run and log why nothing changed.
 */
import type { ResolverModule, RootResolver } from "./context";

function checkType(type: unknown): void {
  if (type !== "Plugin" && type !== "Scraper") throw new Error("invalid package type");
}

const installedPackages: RootResolver = (args) => {
  checkType(args.type);
  return [];
};

/** Stash downloads the source's index; the stand-in has no network to do so. */
const availablePackages: RootResolver = (args) => {
  checkType(args.type);
  throw new Error(`failed to get package list from ${String(args.source)}: the stand-in does not download package indexes`);
};

type Spec = { id: string; sourceURL: string };

function packageJob(description: string, problem: (spec: Spec) => string): RootResolver {
  return (args, ctx) => {
    checkType(args.type);
    const specs = (args.packages as Spec[] | null | undefined) ?? [];
    return ctx.jobs.enqueue(description, async (job) => {
      for (const spec of specs) job.log("Error", problem(spec));
    });
  };
}

/** Package listing and the package jobs. */
export const packageResolvers: ResolverModule = {
  Query: { installedPackages, availablePackages },
  Mutation: {
    installPackages: packageJob("Installing packages...", (s) => `installing package ${s.id}: the stand-in cannot download ${s.sourceURL}`),
    updatePackages: packageJob("Updating packages...", (s) => `package ${s.id} is not installed`),
    // Stash gives the uninstall job the same description as the update job (internal/api/resolver_mutation_package.go).
    uninstallPackages: packageJob("Updating packages...", (s) => `package ${s.id} is not installed`),
  },
};
