// cairn: the one binary. `cairn serve`, `cairn import-content`, `cairn migrate`, ...
#include <iostream>
#include <string>
#include <vector>

#include "app/commands.hpp"

namespace {

void usage(std::ostream& out) {
  out << "usage: cairn <command> [options]\n\n"
         "every command keeps its store in SQLite in --data DIR (data), or in PostgreSQL with\n"
         "--db postgresql://USER@HOST:PORT/DB (--db-pool N connections, 8); several serve\n"
         "nodes may share one PostgreSQL, each with its own --data for its search index\n"
         "commands:\n"
         "  serve            serve the site (--listen HOST:PORT, --data DIR, --content DIR,\n"
         "                   --threads N, --web DIR, --secure-cookies on|off,\n"
         "                   --trust-proxy on|off, --public-url URL, --mail-from ADDRESS,\n"
         "                   --smtp HOST:PORT (a plain relay) or --smtp-url smtp[s]://HOST:PORT\n"
         "                   with --smtp-starttls on|off, --smtp-user NAME,\n"
         "                   --smtp-password-file PATH, --smtp-ca-file PATH;\n"
         "                   or CAIRN_SMTP_USER and CAIRN_SMTP_PASSWORD);\n"
         "                   Cancer Chat: --forum-edit-minutes N (30), --forum-slow-mode\n"
         "                   SECONDS (120, 0 off), --forum-digest-seconds SECONDS (86400);\n"
         "                   trials: --sync-trials daily[@HH] runs sync-trials once a day\n"
         "                   at that hour, Europe/London (03), with its --registry flags;\n"
         "                   editors: --editor-tasks-ms N (30000) between looks for scheduled\n"
         "                   revisions and review reminders due; tests: --clock-file PATH\n"
         "  import-content   import content/ pages into the store (--data DIR, --content DIR)\n"
         "  migrate          bring the database schema up to date (--data DIR)\n"
         "  import-trials    import ClinicalTrials.gov v2 records (--data DIR | --db URL,\n"
         "                   --content DIR: the trial scope) PATH...\n"
         "  sync-trials      bring the trials up to date from ClinicalTrials.gov (--data DIR | --db URL,\n"
         "                   --registry URL, --query TEXT, --content DIR)\n"
         "  reindex          rebuild the search index from the store (--data DIR, --content DIR)\n"
         "  user add EMAIL   create a staff account (--role ROLE, --name NAME, --data DIR,\n"
         "                   --content DIR); the password is read from standard input\n"
         "  check            check content/ pages: review dates, reading age, jargon, links,\n"
         "                   sources (--content DIR, --today DATE, --reading-age N,\n"
         "                   --jargon-limit N, --review-dates-as-warnings, --section-scores);\n"
         "                   --due-within DAYS --data DIR: the pages whose review is due\n"
         "                   (path, owner, date, days) for scripts\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "help") {
    usage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "serve")
      return cairn::app::serve_command(args);
    if (command == "import-content")
      return cairn::app::import_content_command(args);
    if (command == "migrate")
      return cairn::app::migrate_command(args);
    if (command == "reindex")
      return cairn::app::reindex_command(args);
    if (command == "import-trials")
      return cairn::app::import_trials_command(args);
    if (command == "sync-trials")
      return cairn::app::sync_trials_command(args);
    if (command == "user")
      return cairn::app::user_command(args);
    if (command == "check")
      return cairn::app::check_command(args);
  } catch (const std::exception& e) {
    std::cerr << "cairn " << command << ": " << e.what() << "\n";
    return 1;
  }
  std::cerr << "cairn: unknown command '" << command << "'\n";
  usage(std::cerr);
  return 2;
}
