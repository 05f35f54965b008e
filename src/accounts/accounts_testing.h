// For tests only: a signed-in session written straight into the store, so tests of pages and
// routes need no password round trip.
// Thread-safety: as the store.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "accounts/token.h"
#include "domain/time.h"
#include "store/store.h"

namespace knooppunt::accounts::testing {

// The token (the session cookie's value) of a new session of the account; a test failure when
// the store refuses it.
inline std::string StartSession(store::Store& store, const std::string& account_id,
                                bool second_factor = true) {
  std::string token = NewToken();
  std::string now = domain::FormatUtc(domain::Now());
  EXPECT_TRUE(store.accounts()
                  .CreateSession({.id_hash = HashToken(token),
                                  .account_id = account_id,
                                  .created_at = now,
                                  .last_seen_at = now,
                                  .second_factor = second_factor})
                  .ok());
  return token;
}

}  // namespace knooppunt::accounts::testing
