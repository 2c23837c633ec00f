// `cairn user add EMAIL --role ROLE [--name NAME] [--data DIR] [--content DIR]`:
// creates a staff account. The password is read from standard input (one
// line; not echoed at a terminal) and must meet the same policy as members'.
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <string>

#include "app/commands.hpp"
#include "app/serve_options.hpp"
#include "app/services.hpp"

namespace cairn::app {

namespace {

constexpr std::string_view kUsage =
    "usage: cairn user add EMAIL --role member|moderator|nurse|editor|admin [--name NAME]\n"
    "                      [--data DIR] [--content DIR]\n"
    "The password is read from standard input.\n";

// Reads one line, without echo when standard input is a terminal.
std::string read_password() {
  bool terminal = ::isatty(STDIN_FILENO) == 1;
  termios saved{};
  if (terminal) {
    std::cerr << "Password: " << std::flush;
    ::tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (terminal) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!line.empty() && line.back() == '\r')
    line.pop_back();
  return line;
}

// Takes "--flag VALUE" or "--flag=VALUE" out of args; false if the value is missing.
bool take_flag(Args& args, std::string_view flag, std::string& value) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == flag) {
      if (i + 1 >= args.size())
        return false;
      value = args[i + 1];
      args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
      return true;
    }
    if (args[i].starts_with(std::string(flag) + "=")) {
      value = args[i].substr(flag.size() + 1);
      args.erase(args.begin() + static_cast<long>(i));
      return true;
    }
  }
  return true;
}

// "Nurse", then "Nurse 2", ...: the first name no account has.
std::string free_staff_name(store::AccountStore& store, accounts::Role role) {
  std::string base(accounts::role_title(role));
  for (int n = 2; n < 10000; ++n) {
    if (!store.display_name_taken(base))
      break;
    base = std::string(accounts::role_title(role)) + " " + std::to_string(n);
  }
  return base;
}

}  // namespace

int user_command(const Args& input) {
  Args args = input;
  if (args.empty() || args[0] != "add") {
    std::cerr << kUsage;
    return 2;
  }
  args.erase(args.begin());
  std::string role_text, name;
  if (!take_flag(args, "--role", role_text) || !take_flag(args, "--name", name)) {
    std::cerr << "cairn user add: --role and --name need a value\n" << kUsage;
    return 2;
  }
  auto options = parse_options(args, {"--data", "--db", "--db-pool", "--content"});
  if (!options) {
    std::cerr << "cairn user add: " << options.error().message << "\n" << kUsage;
    return 2;
  }
  if (options->positional.size() != 1) {
    std::cerr << "cairn user add: give one email address\n" << kUsage;
    return 2;
  }
  auto role = accounts::parse_role(role_text);
  if (role_text.empty() || !role) {
    std::cerr << "cairn user add: --role must be one of member, moderator, nurse, editor, admin\n";
    return 2;
  }
  SystemClock clock;
  auto services = Services::open(*options, clock, "user add", std::cerr);
  if (!services)
    return 2;
  // Staff passwords are checked against the common list: it must be there.
  if (const auto& problem = services->content().password_list_problem; !problem.empty()) {
    std::cerr << "cairn user add: " << problem << "\n";
    return 2;
  }
  std::string password = read_password();
  auto& accounts = services->store().accounts();
  accounts::StaffAccount staff{options->positional.front(),
                               name.empty() ? free_staff_name(accounts, *role) : name, password,
                               *role};
  auto created = services->accounts.create_staff(staff);
  if (!created) {
    std::cerr << "cairn user add: " << created.error().message << "\n";
    return 1;
  }
  std::cout << "created " << accounts::role_name(created->role) << " account " << created->email
            << " shown as \"" << created->display_name << "\"\n";
  return 0;
}

}  // namespace cairn::app
