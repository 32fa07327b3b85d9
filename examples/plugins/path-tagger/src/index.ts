/**
 * Path Tagger: a Stash task that tags every scene whose file path matches a
 * rule. Rules live in the plugin's `rules` setting, one per line or separated
 * by `;`, as `<regular expression> => <tag name>`, e.g.
 *
 *   /beach/ => Beach; (?:^|/)vacation/ => Holiday
 *
 * Patterns are JavaScript regular expressions, matched case-insensitively
 * against every file path of a scene. Missing tags are created; tags are added
 * with one bulk update per tag (mode ADD), so the scenes' other tags stay.
 * With the `dryRun` setting on, it only reports what it would do.
 *
 * Build: npm run build (esbuild bundles everything into dist/path-tagger.js).
 */
// In your own plugin: import { runPlugin, type StashClient } from "stash-graphql-client/plugin";
import { runPlugin, type StashClient } from "../../../../src/plugin/index";
import { BulkUpdateIdMode, CriterionModifier } from "../../../../src/index";

/** The plugin's settings (path-tagger.yml `settings:`). */
interface Settings {
  rules: string;
  dryRun: boolean;
}

interface Rule {
  pattern: RegExp;
  tag: string;
}

/** Parses the `rules` setting; a bad rule fails the task with its text. */
export function parseRules(text: string | undefined): Rule[] {
  const rules = (text ?? "")
    .split(/[;\n]/)
    .map((r) => r.trim())
    .filter(Boolean)
    .map((rule) => {
      const [pattern, tag] = rule.split("=>").map((s) => s.trim());
      if (!pattern || !tag) throw new Error(`rule "${rule}" must read "<regular expression> => <tag name>"`);
      try {
        return { pattern: new RegExp(pattern.replace(/^\/(.*)\/$/, "$1"), "i"), tag };
      } catch (err) {
        throw new Error(`rule "${rule}": ${(err as Error).message}`);
      }
    });
  if (rules.length === 0) throw new Error('no rules: set "rules" in the plugin\'s settings, e.g. "/beach/ => Beach"');
  return rules;
}

// Note: uses the generated call layer (stash.ops.*); a facade `stash.tags.findOrCreate` would replace this.
async function findOrCreateTag(stash: StashClient, name: string): Promise<{ id: string; created: boolean }> {
  const { findTags } = await stash.ops.findTags({ tag_filter: { name: { value: name, modifier: CriterionModifier.EQUALS } } });
  const found = findTags.tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (found) return { id: found.id, created: false };
  const { tagCreate } = await stash.ops.tagCreate({ input: { name } });
  return { id: tagCreate!.id, created: true };
}

const BATCH = 250;

runPlugin<Settings>({
  tasks: {
    async tagByPath({ stash, settings, log }) {
      const rules = parseRules(settings.rules);
      const total = (await stash.findScenes({ filter: { per_page: 0 } })).count;
      // tag name -> ids of scenes that match and lack it
      const wanted = new Map<string, string[]>(rules.map((r) => [r.tag, []]));
      let seen = 0;
      for await (const scene of stash.iterateScenes({ perPage: 200 })) {
        const have = new Set(scene.tags.map((t) => t.name.toLowerCase()));
        for (const rule of rules) {
          if (have.has(rule.tag.toLowerCase())) continue;
          if (scene.files.some((f) => rule.pattern.test(f.path))) wanted.get(rule.tag)!.push(scene.id);
        }
        if (++seen % 100 === 0) log.progress((seen / Math.max(total, 1)) * 0.5);
      }
      const summary: Record<string, number> = {};
      let done = 0;
      for (const [name, ids] of wanted) {
        const unique = [...new Set(ids)];
        summary[name] = unique.length;
        if (unique.length === 0 || settings.dryRun) {
          log.info(`${settings.dryRun ? "would tag" : "tagged"} ${unique.length} scene(s) with "${name}"`);
          continue;
        }
        const tag = await findOrCreateTag(stash, name);
        if (tag.created) log.info(`created tag "${name}"`);
        for (let i = 0; i < unique.length; i += BATCH) {
          await stash.bulkSceneUpdate({ ids: unique.slice(i, i + BATCH), tag_ids: { ids: [tag.id], mode: BulkUpdateIdMode.ADD } });
        }
        log.info(`tagged ${unique.length} scene(s) with "${name}"`);
        log.progress(0.5 + (++done / wanted.size) * 0.5);
      }
      log.progress(1);
      return { scanned: seen, tagged: summary, dryRun: settings.dryRun === true };
    },
  },
});
