// `toteuma user ...`: local users of the web workplace (docs/USERS.md). Roles in the compact
// form role[:unit-or-language]: "admin", "editor:kanslia", "translator:sv".
#pragma once
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace toteuma {

struct UserOptions {
  std::string db, id, name;
  std::vector<std::string> roles;  // role[:unit-or-language], each --role once
  bool password_stdin = false;     // read the password as one line from `in`
};

// add: --password-stdin reads the password, otherwise a random one is printed once.
int cmd_user_add(const UserOptions& o, std::istream& in, std::ostream& out);
int cmd_user_grant(const UserOptions& o, std::ostream& out);
int cmd_user_revoke(const UserOptions& o, std::ostream& out);
// passwd: like add; the user's sessions end.
int cmd_user_passwd(const UserOptions& o, std::istream& in, std::ostream& out);
int cmd_user_disable(const UserOptions& o, std::ostream& out);
int cmd_user_enable(const UserOptions& o, std::ostream& out);
// list: id, name, roles, disabled; never the hash.
int cmd_user_list(const UserOptions& o, std::ostream& out);

// main.cpp's part: registers `user` and its subcommands on the app before parsing; run()
// executes the one given. Errors are thrown (main prints them and exits 1).
class UserCommand {
 public:
  explicit UserCommand(CLI::App& app);
  UserCommand(const UserCommand&) = delete;
  UserCommand& operator=(const UserCommand&) = delete;
  bool parsed() const;
  int run(std::istream& in, std::ostream& out) const;

 private:
  UserOptions o_;
  CLI::App *user_, *add_, *grant_, *revoke_, *passwd_, *disable_, *enable_, *list_;
};

}  // namespace toteuma
