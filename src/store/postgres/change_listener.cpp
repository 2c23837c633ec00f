#include "store/postgres/change_listener.hpp"

#include <poll.h>

#include <thread>

#include "store/postgres/connection.hpp"

namespace cairn::store::postgres {

ChangeListener::~ChangeListener() {
  drop();
}

void ChangeListener::drop() {
  if (conn_ != nullptr)
    PQfinish(conn_);
  conn_ = nullptr;
}

bool ChangeListener::listening() {
  if (conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK)
    return true;
  drop();
  std::string error;
  conn_ = connect_to(url_, error);
  if (conn_ == nullptr)
    return false;
  PGresult* r = PQexec(conn_, (std::string("LISTEN ") + kChangeChannel).c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  if (!ok)
    drop();
  return ok;
}

bool ChangeListener::wait(std::chrono::milliseconds at_most) {
  std::lock_guard lock(mutex_);
  if (!listening()) {
    std::this_thread::sleep_for(at_most);
    return false;
  }
  auto notified = [this] {
    bool any = false;
    while (PGnotify* n = PQnotifies(conn_)) {
      any = true;
      PQfreemem(n);
    }
    return any;
  };
  if (notified())
    return true;
  pollfd fd{PQsocket(conn_), POLLIN, 0};
  int ready = ::poll(&fd, 1, static_cast<int>(at_most.count()));
  if (ready <= 0)
    return false;
  if (PQconsumeInput(conn_) == 0) {
    drop();  // the server went away; the next wait reconnects
    return false;
  }
  return notified();
}

}  // namespace cairn::store::postgres
