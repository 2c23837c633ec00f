// The subcommands of the `cairn` binary. Each returns the process exit status:
// 0 success, 1 the work failed (e.g. invalid content), 2 bad usage.
#pragma once

#include <string>
#include <vector>

namespace cairn::app {

using Args = std::vector<std::string>;

int serve_command(const Args& args);
int import_content_command(const Args& args);
int migrate_command(const Args& args);
int reindex_command(const Args& args);
int import_trials_command(const Args& args);
int sync_trials_command(const Args& args);
int user_command(const Args& args);
int check_command(const Args& args);

}  // namespace cairn::app
