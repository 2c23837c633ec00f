// A SQLite store in a fresh temporary folder, removed after the test.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "store/store.hpp"

namespace cairn::testing {

class TempStore {
 public:
  // `name` tells stores apart; by default the running test's name.
  explicit TempStore(std::string name = "") {
    if (name.empty())
      name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    dir_ = std::filesystem::temp_directory_path() /
           ("cairn-test-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir_);
    store_ = store::open_sqlite_store(dir_);
  }
  ~TempStore() {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  TempStore(const TempStore&) = delete;
  TempStore& operator=(const TempStore&) = delete;

  store::Store& operator*() { return *store_; }
  store::Store* operator->() { return store_.get(); }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace cairn::testing
