// INTERIM: stands in for the forum stores until pg_forum_store.cpp and
// pg_forum_member_store.cpp land; to be deleted then, never shipped.
#include <memory>
#include "store/forum_member_store.hpp"
#include "store/forum_store.hpp"
#include "store/postgres/connection.hpp"
namespace cairn::store::postgres {
std::unique_ptr<ForumStore> make_forum_store(Database&) {
  return nullptr;
}
std::unique_ptr<ForumMemberStore> make_forum_member_store(Database&) {
  return nullptr;
}
}  // namespace cairn::store::postgres
