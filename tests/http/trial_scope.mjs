// The trial scope worked out here from the JSON, as `cairn import-trials` applies it
// (trials/trial_scope.cpp): filed under Neoplasms by the registry, when it classified
// the record, and naming a cancer from content/trials/cancer-words.txt.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './cairn_server.mjs';

const norm = (s) => ` ${s.toLowerCase().replace(/'/g, '').split(/[^a-z0-9\u0080-\uffff]+/).filter(Boolean).join(' ')} `;
const WORDS = readFileSync(join(root, 'content', 'trials', 'cancer-words.txt'), 'utf8')
  .split('\n').map((l) => l.split('#')[0].trim()).filter(Boolean).map(norm);
const isNeoplasms = (id) => /^D0*9369$/.test(id ?? '');

// True when the cancer scope keeps this study record.
export function inScope(study) {
  const c = study.protocolSection.conditionsModule ?? {};
  const named = [...(c.conditions ?? []), ...(c.keywords ?? [])]
    .some((t) => WORDS.some((w) => norm(t).includes(w)));
  const b = study.derivedSection?.conditionBrowseModule ?? {};
  const lists = [b.meshes ?? [], b.ancestors ?? [], b.browseBranches ?? []];
  if (lists.every((l) => l.length === 0)) return named;
  const filed = (b.browseBranches ?? []).some((x) => x.abbrev === 'BC04')
    || [...(b.meshes ?? []), ...(b.ancestors ?? [])].some((x) => isNeoplasms(x.id));
  return filed && named;
}
