// For the exchange's tests: a migrated SQLite store in a temporary folder with an Exchange and a
// recording notifier over it, accounts and an organisation written straight into the store,
// actors of each kind, and a person and a posting in Groningen that match each other.
// Thread-safety: a Bench belongs to one test.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "domain/model.h"
#include "domain/permissions.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "exchange/exchange.h"
#include "exchange/notifier_testing.h"
#include "store/store.h"
#include "testing/testing.h"

namespace knooppunt::exchange::test_support {

inline constexpr double kLatitude = 53.2194;  // Groningen
inline constexpr double kLongitude = 6.5665;
inline constexpr double kKmOfLatitude = 111.19508;

struct Bench {
  knooppunt::testing::TempDir dir;
  std::unique_ptr<store::Store> store;
  exchange::testing::RecordingNotifier notifier;
  std::unique_ptr<Exchange> exchange;
  store::PostingStore& postings() { return store->postings(); }
};

// nullptr (and a test failure) when the database cannot be made.
inline std::unique_ptr<Bench> MakeBench(ExchangeOptions options = {}) {
  auto bench = std::make_unique<Bench>();
  store::StoreOptions store_options{
      .database = "sqlite:" + (bench->dir.path() / "test.db").string(), .pool_size = 2};
  if (auto applied = store::Migrate(store_options); !applied) {
    ADD_FAILURE() << "migrate: " << applied.error().message;
    return nullptr;
  }
  auto opened = store::OpenStore(store_options);
  if (!opened) {
    ADD_FAILURE() << "open: " << opened.error().message;
    return nullptr;
  }
  bench->store = std::move(*opened);
  bench->exchange =
      std::make_unique<Exchange>(*bench->store, match::Weights{}, options, bench->notifier);
  return bench;
}

// A new account; its id.
inline std::string AddAccount(Bench& bench, const std::string& key) {
  std::string id = domain::NameUuid("account:" + key);
  Status created =
      bench.store->accounts().CreateAccount({.id = id,
                                             .email = key + "@example.nl",
                                             .password_hash = "hash-of-" + key,
                                             .created_at = domain::FormatUtc(domain::Now())});
  EXPECT_TRUE(created.ok()) << created.error().message;
  return id;
}

// A new organisation; its id.
inline std::string AddOrganization(Bench& bench, const std::string& key) {
  std::string id = domain::NameUuid("org:" + key);
  domain::Record organization = domain::Record(domain::Table::kOrganization)
                                    .With("id", id)
                                    .With("name", "Stichting " + key)
                                    .With("description", "Beschrijving van " + key);
  Status written = bench.store->Write({&organization, 1});
  EXPECT_TRUE(written.ok()) << written.error().message;
  return id;
}

inline domain::Actor Person(const std::string& id) { return {.user_id = id}; }
inline domain::Actor Staff(const std::string& id) {
  return {.user_id = id, .grants = {{domain::Role::kHelpDesk, "Groningen"}}, .second_factor = true};
}
inline domain::Actor Keeper(const std::string& id, const std::string& organization_id) {
  return {.user_id = id, .grants = {{domain::Role::kOrganizationMember, organization_id}}};
}

// Someone in Groningen who offers volunteer work and speaks Dutch (B1).
inline store::ProfileRecord VolunteerProfile() {
  return {.account_id = "",
          .wants = {"volunteer_work:offer"},
          .languages = {{"nl", "B1"}},
          .latitude = kLatitude,
          .longitude = kLongitude,
          .travel_km = 10};
}

// A request for volunteers 2 km north of VolunteerProfile's home, in Dutch.
inline store::PostingRecord VolunteerRequest(const std::string& title = "Help at the food bank") {
  return {.id = "",
          .kind = "volunteer_work",
          .side = "request",
          .author_id = "",
          .title = title,
          .description = "Sorting food on Saturdays.",
          .languages = {"nl"},
          .latitude = kLatitude + 2 / kKmOfLatitude,
          .longitude = kLongitude,
          .radius_km = 15};
}

// The stored posting (a test failure and an empty record when missing).
inline store::PostingRecord Stored(Bench& bench, const std::string& id) {
  auto found = bench.postings().PostingById(id);
  if (!found.ok() || !found->has_value()) {
    ADD_FAILURE() << "no posting " << id;
    return {};
  }
  return **found;
}

inline store::MatchRecord StoredMatch(Bench& bench, const std::string& id) {
  auto found = bench.postings().MatchById(id);
  if (!found.ok() || !found->has_value()) {
    ADD_FAILURE() << "no match " << id;
    return {};
  }
  return **found;
}

// Puts a posting into a status past the rules (test set-up only).
inline void ForceStatus(Bench& bench, const std::string& id, domain::PostingStatus status) {
  store::PostingRecord posting = Stored(bench, id);
  posting.status = std::string(domain::PostingStatusName(status));
  Status updated = bench.postings().UpdatePosting(posting, Stored(bench, id).status);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
}

// The actions of the audit log, oldest first.
inline std::vector<store::AuditEntry> AuditLog(Bench& bench) {
  auto log = bench.store->accounts().AuditLog(0, 1000);
  EXPECT_TRUE(log.ok());
  return log.ok() ? *log : std::vector<store::AuditEntry>{};
}

inline bool Audited(Bench& bench, const std::string& action, const std::string& actor_id) {
  for (const store::AuditEntry& entry : AuditLog(bench)) {
    if (entry.action == action && entry.actor_id == actor_id) return true;
  }
  return false;
}

}  // namespace knooppunt::exchange::test_support
