// House rule: one owner per table, and SQL lives in repositories (`npm run deps:check`, part of `npm test`).
// Every table a migration creates has exactly one owner below; code may name a table in SQL only in
// its owner's folder, and inside a feature module SQL runs only in its *.repository.ts files
// (services hold the logic and call repositories); a Nest module exports services, never a repository. Prints each violation with file:line, then one summary line; exits 1 on any.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Table → the folder (under apps/api/src) that owns it; other folders call that folder's service. */
export const TABLE_OWNERS = {
  users: 'modules/identity',
  organizations: 'modules/identity',
  memberships: 'modules/identity',
  refresh_tokens: 'modules/identity',
  invitations: 'modules/identity',
  account_tokens: 'modules/identity',
  user_consents: 'modules/identity',
  user_two_factor: 'modules/identity',
  user_recovery_codes: 'modules/identity',
  vocabulary_versions: 'modules/vocabulary',
  concept_schemes: 'modules/vocabulary',
  concepts: 'modules/vocabulary',
  concept_changes: 'modules/vocabulary',
  listings: 'modules/listings',
  listing_events: 'modules/listings',
  search_documents: 'modules/search',
  search_document_tombstones: 'modules/search',
  organization_track_records: 'modules/reviews',
  reviews: 'modules/reviews',
  review_reports: 'modules/reviews',
  match_alerts: 'modules/matching',
  match_alert_deliveries: 'modules/matching',
  notifications: 'modules/notifications',
  notification_preferences: 'modules/notifications',
  conversations: 'modules/chat',
  conversation_participants: 'modules/chat',
  chat_messages: 'modules/chat',
  conversation_reads: 'modules/chat',
  chat_message_reports: 'modules/chat',
  platform_settings: 'modules/bids',
  bids: 'modules/bids',
  bid_partners: 'modules/bids',
  bid_revisions: 'modules/bids',
  bid_events: 'modules/bids',
  outbox: 'database/outbox',
  audit_log: 'common/audit',
  rate_limits: 'common/rate-limit',
  rate_backoffs: 'common/rate-limit',
  socket_io_attachments: 'realtime',
  verification_requests: 'modules/verification',
  organization_suspensions: 'modules/verification',
  files: 'modules/files',
  listing_fingerprints: 'modules/curation',
  listing_fingerprint_bands: 'modules/curation',
  listing_prechecks: 'modules/curation',
  prohibited_keywords: 'modules/curation',
  support_programs: 'modules/programs',
  listing_published_versions: 'modules/listings',
  demand_concept_decisions: 'modules/listings',
  certification_claims: 'modules/verification',
  trust_signals: 'modules/trust',
  case_studies: 'modules/showcase',
  projects: 'modules/projects',
  listing_daily_counts: 'modules/listings',
  project_milestones: 'modules/projects',
  project_events: 'modules/projects',
  listing_monthly_counts: 'modules/listings',
  bid_stats_demands: 'modules/bids',
  bid_stats_contributions: 'modules/bids',
  bid_daily_stats: 'modules/bids',
  chat_first_responses: 'modules/chat',
  support_program_catalogue: 'modules/programs',
  organization_daily_counts: 'modules/identity',
};

const ROOT = 'apps/api/src';
const SQL_TABLE = /\b(?:FROM|JOIN|UPDATE|INTO|TABLE|LOCK TABLE)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/g;
const RAW_SQL = /\.(query|createQueryBuilder)\s*[<(]/g;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name === '__tests__' || name === 'migrations') continue;
      yield* files(path);
    } else if (name.endsWith('.ts')) yield path;
  }
}

function ownerFolderOf(file) {
  const rel = relative(ROOT, file).split('/');
  return rel[0] === 'modules' || rel[0] === 'common' || rel[0] === 'database' ? rel.slice(0, 2).join('/') : rel[0];
}

export function check() {
  const violations = [];
  const created = new Set();
  for (const name of readdirSync(join(ROOT, 'database/migrations'))) {
    const text = readFileSync(join(ROOT, 'database/migrations', name), 'utf8');
    for (const m of text.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_][a-z0-9_]*)"?/g)) created.add(m[1]);
  }
  for (const table of created) {
    if (!(table in TABLE_OWNERS)) violations.push(`migrations: table ${table} has no owner in scripts/check-table-owners.mjs`);
  }
  for (const file of files(ROOT)) {
    const folder = ownerFolderOf(file);
    const text = readFileSync(file, 'utf8');
    const lineOf = (index) => text.slice(0, index).split('\n').length;
    if (folder.startsWith('modules/') && !file.endsWith('.repository.ts')) {
      for (const m of text.matchAll(RAW_SQL))
        violations.push(`${file}:${lineOf(m.index)}: SQL outside a repository (move it to ${folder}'s repository)`);
    }
    if (file.endsWith('.module.ts')) {
      for (const m of text.matchAll(/exports:\s*\[([^\]]*)\]/g))
        for (const name of m[1].match(/\w+Repository\b/g) ?? [])
          violations.push(`${file}:${lineOf(m.index)}: exports ${name} (a module exports services, never its repositories)`);
    }
    for (const m of text.matchAll(SQL_TABLE)) {
      const owner = TABLE_OWNERS[m[1]];
      if (owner && owner !== folder && !folder.startsWith(`${owner}/`) && !owner.startsWith(`${folder}/`))
        violations.push(`${file}:${lineOf(m.index)}: ${folder} uses table ${m[1]}, owned by ${owner} (call its service)`);
    }
  }
  return violations;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const violations = check();
  for (const v of violations) console.error(v);
  console.log(`table owners: ${violations.length} violation${violations.length === 1 ? '' : 's'}`);
  process.exit(violations.length ? 1 : 0);
}
