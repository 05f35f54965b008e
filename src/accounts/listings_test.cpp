// Claims on listings and their approval, run against a real SQLite database in a temporary
// folder.
#include "accounts/listings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "domain/model.h"
#include "domain/permissions.h"
#include "domain/taxonomy.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "store/store.h"
#include "testing/testing.h"

namespace knooppunt::accounts {
namespace {

using domain::Record;
using domain::Role;
using domain::Table;

constexpr const char* kRegion = "Zuid-Holland";
constexpr const char* kHelpDeskId = "help-desk-account";

// A migrated SQLite database in `dir` with the reference taxonomies (the last-verified term
// among them); nullptr (and a test failure) when that fails.
std::unique_ptr<store::Store> OpenTestStore(const knooppunt::testing::TempDir& dir) {
  store::StoreOptions options{.database = "sqlite:" + (dir.path() / "test.db").string(),
                              .pool_size = 2};
  auto applied = store::Migrate(options);
  if (!applied) {
    ADD_FAILURE() << "migrate: " << applied.error().message;
    return nullptr;
  }
  auto opened = store::OpenStore(options);
  if (!opened) {
    ADD_FAILURE() << "open: " << opened.error().message;
    return nullptr;
  }
  if (Status written = (*opened)->Write(domain::ReferenceRecords()); !written) {
    ADD_FAILURE() << "reference records: " << written.error().message;
    return nullptr;
  }
  return std::move(*opened);
}

std::string OrganizationId(const std::string& key) { return domain::NameUuid("org:" + key); }

// Writes an organisation with one location whose address lies in `kRegion`.
void AddOrganization(store::Store& store, const std::string& key) {
  std::vector<Record> records = {
      Record(Table::kOrganization)
          .With("id", OrganizationId(key))
          .With("name", "Stichting " + key)
          .With("description", "Beschrijving van " + key),
      Record(Table::kLocation)
          .With("id", domain::NameUuid("loc:" + key))
          .With("location_type", "physical")
          .With("organization_id", OrganizationId(key))
          .With("name", "Locatie " + key),
      Record(Table::kAddress)
          .With("id", domain::NameUuid("address:" + key))
          .With("location_id", domain::NameUuid("loc:" + key))
          .With("address_1", "Markt 1")
          .With("city", "Delft")
          .With("state_province", "Zuid-Holland")
          .With("region", kRegion)
          .With("postal_code", "2611 GP")
          .With("country", "NL")
          .With("address_type", "physical"),
  };
  Status written = store.Write(records);
  ASSERT_TRUE(written.ok()) << written.error().message;
}

// Creates an account straight in the store (listings do not care how it signed up). Its id.
std::string AddAccount(store::Store& store, const std::string& key) {
  std::string id = domain::NameUuid("account:" + key);
  Status created = store.accounts().CreateAccount({.id = id,
                                                   .email = key + "@example.nl",
                                                   .password_hash = "hash-of-" + key,
                                                   .created_at = domain::FormatUtc(domain::Now())});
  EXPECT_TRUE(created.ok()) << created.error().message;
  return id;
}

std::string Today() { return domain::FormatUtc(domain::Now()).substr(0, 10); }

// The organisation's last-verified date; "" when it has none.
std::string LastVerified(store::Store& store, const std::string& organization_id) {
  auto attributes = store.FindBy(Table::kAttribute, "link_id", organization_id);
  if (!attributes) {
    ADD_FAILURE() << attributes.error().message;
    return "";
  }
  for (const Record& attribute : *attributes) {
    if (attribute.Get("taxonomy_term_id") == domain::LastVerifiedTermId()) {
      return attribute.Get("value").value_or("");
    }
  }
  return "";
}

// Whether the date was written today (read before and after the call: the day may turn).
bool IsToday(const std::string& date, const std::string& before, const std::string& after) {
  return !date.empty() && (date == before || date == after);
}

bool IsAdminOf(store::Store& store, const std::string& account_id,
               const std::string& organization_id) {
  auto account = store.accounts().AccountById(account_id);
  if (!account.ok() || !account->has_value()) return false;
  for (const domain::Grant& grant : (*account)->grants) {
    if (grant.role == Role::kOrganizationAdmin && grant.scope == organization_id) return true;
  }
  return false;
}

store::OrganizationRequest RequestById(store::Store& store, const std::string& id) {
  auto request = store.accounts().OrganizationRequestById(id);
  if (!request.ok() || !request->has_value()) {
    ADD_FAILURE() << "no request " << id;
    return {};
  }
  return **request;
}

TEST(Listings, ClaimIsPendingForTheHelpDeskOfTheOrganizationsRegion) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  AddOrganization(*store, "a");
  std::string account = AddAccount(*store, "anna");
  Listings listings(*store);

  auto claimed = listings.Claim(account, OrganizationId("a"));
  ASSERT_TRUE(claimed.ok()) << claimed.error().message;
  store::OrganizationRequest request = RequestById(*store, *claimed);
  EXPECT_EQ(request.kind, "claim");
  EXPECT_EQ(request.status, "pending");
  EXPECT_EQ(request.account_id, account);
  EXPECT_EQ(request.organization_id, OrganizationId("a"));
  EXPECT_EQ(request.region, kRegion);
  auto pending = store->accounts().PendingRequests({kRegion}, false);
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 1u);
  EXPECT_EQ((*pending)[0].id, *claimed);
}

TEST(Listings, SecondPendingClaimConflicts) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  AddOrganization(*store, "a");
  std::string account = AddAccount(*store, "anna");
  Listings listings(*store);
  ASSERT_TRUE(listings.Claim(account, OrganizationId("a")).ok());

  auto again = listings.Claim(account, OrganizationId("a"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST(Listings, ClaimOfAnUnknownOrganizationIsNotFound) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  std::string account = AddAccount(*store, "anna");
  Listings listings(*store);

  auto claimed = listings.Claim(account, OrganizationId("nergens"));
  ASSERT_FALSE(claimed.ok());
  EXPECT_EQ(claimed.error().code, ErrorCode::kNotFound);
}

TEST(Listings, ApproveMakesTheClaimantAdminAndTheOrganizationVerified) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  AddOrganization(*store, "a");
  std::string account = AddAccount(*store, "anna");
  Listings listings(*store);
  auto claimed = listings.Claim(account, OrganizationId("a"));
  ASSERT_TRUE(claimed.ok());

  std::string before = Today();
  Status approved = listings.Approve(*claimed, kHelpDeskId);
  std::string after = Today();
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_TRUE(IsAdminOf(*store, account, OrganizationId("a")));
  store::OrganizationRequest request = RequestById(*store, *claimed);
  EXPECT_EQ(request.status, "verified");
  EXPECT_EQ(request.decided_by, kHelpDeskId);
  EXPECT_TRUE(IsToday(LastVerified(*store, OrganizationId("a")), before, after));
}

TEST(Listings, ApprovingTwiceConflicts) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  AddOrganization(*store, "a");
  std::string account = AddAccount(*store, "anna");
  Listings listings(*store);
  auto claimed = listings.Claim(account, OrganizationId("a"));
  ASSERT_TRUE(claimed.ok());
  ASSERT_TRUE(listings.Approve(*claimed, kHelpDeskId).ok());

  Status again = listings.Approve(*claimed, kHelpDeskId);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST(Listings, ApproveOfAnUnknownRequestIsNotFound) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Listings listings(*store);

  Status approved = listings.Approve(domain::RandomUuid(), kHelpDeskId);
  ASSERT_FALSE(approved.ok());
  EXPECT_EQ(approved.error().code, ErrorCode::kNotFound);
}

TEST(Listings, VerifyOrganizationApprovesEveryPendingClaimOnIt) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  AddOrganization(*store, "a");
  AddOrganization(*store, "b");
  std::string anna = AddAccount(*store, "anna");
  std::string bram = AddAccount(*store, "bram");
  Listings listings(*store);
  ASSERT_TRUE(listings.Claim(anna, OrganizationId("a")).ok());
  ASSERT_TRUE(listings.Claim(bram, OrganizationId("a")).ok());
  auto elsewhere = listings.Claim(anna, OrganizationId("b"));
  ASSERT_TRUE(elsewhere.ok());

  auto approved = listings.VerifyOrganization(OrganizationId("a"), "system");
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(*approved, 2);
  EXPECT_TRUE(IsAdminOf(*store, anna, OrganizationId("a")));
  EXPECT_TRUE(IsAdminOf(*store, bram, OrganizationId("a")));
  EXPECT_FALSE(IsAdminOf(*store, anna, OrganizationId("b")));
  EXPECT_EQ(RequestById(*store, *elsewhere).status, "pending");
}

TEST(Listings, VerifyOrganizationWithoutClaimsStillMarksItVerified) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  AddOrganization(*store, "a");
  Listings listings(*store);

  std::string before = Today();
  auto approved = listings.VerifyOrganization(OrganizationId("a"), "system");
  std::string after = Today();
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(*approved, 0);
  EXPECT_TRUE(IsToday(LastVerified(*store, OrganizationId("a")), before, after));
}

TEST(Listings, VerifyOrganizationOfAnUnknownOrganizationIsNotFound) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Listings listings(*store);

  auto approved = listings.VerifyOrganization(OrganizationId("nergens"), "system");
  ASSERT_FALSE(approved.ok());
  EXPECT_EQ(approved.error().code, ErrorCode::kNotFound);
}

TEST(Listings, ConfirmStillCorrectWritesTodayAndAnAuditEntry) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  AddOrganization(*store, "a");
  std::string anna = AddAccount(*store, "anna");
  Listings listings(*store);

  std::string before = Today();
  Status confirmed = listings.ConfirmStillCorrect(OrganizationId("a"), anna);
  std::string after = Today();
  ASSERT_TRUE(confirmed.ok()) << confirmed.error().message;
  EXPECT_TRUE(IsToday(LastVerified(*store, OrganizationId("a")), before, after));
  auto log = store->accounts().AuditLog(0, 100);
  ASSERT_TRUE(log.ok());
  bool noted = false;
  for (const store::AuditEntry& entry : *log) {
    noted |= entry.actor_id == anna && entry.target_id == OrganizationId("a");
  }
  EXPECT_TRUE(noted);
  // The new date is in HSDS metadata, as every change to the map.
  Record attribute = domain::TermAttribute("organization", OrganizationId("a"),
                                           domain::LastVerifiedTermId(), "");
  auto metadata = store->FindBy(Table::kMetadata, "resource_id", attribute.id());
  ASSERT_TRUE(metadata.ok());
  bool dated = false;
  for (const Record& row : *metadata) {
    dated |= row.Get("field_name") == "value" && row.Get("replacement_value") == after;
  }
  EXPECT_TRUE(dated);
}

TEST(Listings, ConfirmStillCorrectOfAnUnknownOrganizationIsNotFound) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Listings listings(*store);

  Status confirmed = listings.ConfirmStillCorrect(OrganizationId("nergens"), "system");
  ASSERT_FALSE(confirmed.ok());
  EXPECT_EQ(confirmed.error().code, ErrorCode::kNotFound);
}

Proposal NewProposal(const std::string& name) {
  Proposal proposal;
  proposal.organization.With("name", name).With("description", "Taalcafé en kledingbank");
  proposal.location.With("location_type", "physical").With("name", name);
  proposal.address.With("address_1", "Oude Ebbingestraat 1")
      .With("city", "Groningen")
      .With("state_province", "Groningen")
      .With("postal_code", "9712 HA")
      .With("country", "NL")
      .With("address_type", "physical")
      .With("region", kRegion);
  return proposal;
}

TEST(Listings, RegistrationWaitsForTheHelpDeskAndApprovalCreatesTheOrganization) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  std::string account = AddAccount(*store, "nieuw");
  Listings listings(*store);
  auto before = store->Count(Table::kOrganization);

  auto registered = listings.Register(account, NewProposal("Stichting Welkom"));
  ASSERT_TRUE(registered.ok()) << registered.error().message;
  EXPECT_EQ(*store->Count(Table::kOrganization), *before) << "nothing is on the map yet";
  store::OrganizationRequest request = RequestById(*store, *registered);
  EXPECT_EQ(request.kind, "register");
  EXPECT_EQ(request.region, kRegion);
  auto proposal = Listings::ProposalOf(request);
  ASSERT_TRUE(proposal.ok()) << proposal.error().message;
  EXPECT_EQ(proposal->organization.Get("name"), "Stichting Welkom");
  EXPECT_EQ(proposal->address.Get("city"), "Groningen");

  const std::string today = Today();
  ASSERT_TRUE(listings.Approve(*registered, kHelpDeskId).ok());
  const std::string id = proposal->organization.id();
  auto organization = store->Get(Table::kOrganization, id);
  ASSERT_TRUE(organization.ok() && organization->has_value());
  EXPECT_EQ((**organization).Get("name"), "Stichting Welkom");
  auto regions = store->accounts().RegionsOf(id);
  ASSERT_TRUE(regions.ok());
  EXPECT_EQ(*regions, std::vector<std::string>{kRegion});
  EXPECT_TRUE(IsAdminOf(*store, account, id));
  EXPECT_TRUE(IsToday(LastVerified(*store, id), today, Today()));
  EXPECT_EQ(RequestById(*store, *registered).organization_id, id);
  auto metadata = store->FindBy(Table::kMetadata, "resource_id", id);
  ASSERT_TRUE(metadata.ok());
  EXPECT_FALSE(metadata->empty()) << "the creation is in HSDS metadata";
  EXPECT_EQ(listings.Approve(*registered, kHelpDeskId).error().code, ErrorCode::kConflict);
}

TEST(Listings, RegistrationWithAnInvalidRecordNamesTheField) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  std::string account = AddAccount(*store, "nieuw");
  Listings listings(*store);
  Proposal proposal = NewProposal("Stichting Welkom");
  proposal.address.Set("postal_code", std::nullopt);
  auto registered = listings.Register(account, proposal);
  ASSERT_FALSE(registered.ok());
  EXPECT_EQ(registered.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(registered.error().field.find("postal_code"), std::string::npos)
      << registered.error().field;
  auto pending = store->accounts().PendingRequests({}, true);
  ASSERT_TRUE(pending.ok());
  EXPECT_TRUE(pending->empty());
}

TEST(Listings, RejectedRegistrationCreatesNothing) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  std::string account = AddAccount(*store, "nieuw");
  Listings listings(*store);
  auto before = store->Count(Table::kOrganization);
  auto registered = listings.Register(account, NewProposal("Stichting Welkom"));
  ASSERT_TRUE(registered.ok());
  ASSERT_TRUE(listings.Reject(*registered, kHelpDeskId).ok());
  EXPECT_EQ(*store->Count(Table::kOrganization), *before);
  EXPECT_EQ(RequestById(*store, *registered).status, "rejected");
}

TEST(Listings, ReviewsAreDueForKeptListingsNotConfirmedOrRemindedSinceTheCutoffs) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  Listings listings(*store);
  for (const char* key : {"old", "fresh", "unkept", "reminded", "never"}) {
    AddOrganization(*store, key);
    if (std::string(key) != "unkept") {
      ASSERT_TRUE(store->accounts()
                      .AddGrant(AddAccount(*store, std::string("keeper-") + key),
                                {Role::kOrganizationMember, OrganizationId(key)})
                      .ok());
    }
  }
  auto verified = [&](const char* key, const char* date) {
    Record attribute = domain::TermAttribute("organization", OrganizationId(key),
                                             domain::LastVerifiedTermId(), date);
    ASSERT_TRUE(store->Write(std::span<const Record>(&attribute, 1)).ok());
  };
  verified("old", "2025-01-10");
  verified("fresh", "2026-10-01");
  verified("unkept", "2025-01-10");
  verified("reminded", "2025-01-10");
  ASSERT_TRUE(
      store->accounts().SaveReviewReminder(OrganizationId("reminded"), "2026-11-01T09:00:00.000Z")
          .ok());

  auto due = listings.ReviewsDue("2026-05-21", "2026-10-22T00:00:00.000Z");
  ASSERT_TRUE(due.ok()) << due.error().message;
  std::vector<std::string> ids;
  for (const ReviewDue& item : *due) {
    ids.push_back(item.organization_id);
    ASSERT_EQ(item.keepers.size(), 1u);
  }
  std::sort(ids.begin(), ids.end());
  std::vector<std::string> expected = {OrganizationId("never"), OrganizationId("old")};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(ids, expected);
  for (const ReviewDue& item : *due) {
    if (item.organization_id == OrganizationId("old")) {
      EXPECT_EQ(item.last_verified, "2025-01-10");
      EXPECT_EQ(item.name, "Stichting old");
      EXPECT_EQ(item.keepers[0].email, "keeper-old@example.nl");
    }
  }
  // Once reminded, an organisation waits until the reminder is older than the cutoff.
  ASSERT_TRUE(
      store->accounts().SaveReviewReminder(OrganizationId("old"), "2026-11-20T09:00:00.000Z").ok());
  auto later = listings.ReviewsDue("2026-05-21", "2026-10-22T00:00:00.000Z");
  ASSERT_TRUE(later.ok());
  ASSERT_EQ(later->size(), 1u);
  EXPECT_EQ((*later)[0].organization_id, OrganizationId("never"));
}

TEST(Listings, OrganizationOfFollowsTheRecordsItHangsFrom) {
  knooppunt::testing::TempDir dir;
  auto store = OpenTestStore(dir);
  ASSERT_NE(store, nullptr);
  AddOrganization(*store, "owner");
  const std::string service_id = domain::NameUuid("service:owner");
  const std::string at_id = domain::NameUuid("at:owner");
  std::vector<Record> records = {
      Record(Table::kService)
          .With("id", service_id)
          .With("organization_id", OrganizationId("owner"))
          .With("name", "Taalcafé")
          .With("status", "active"),
      Record(Table::kServiceAtLocation)
          .With("id", at_id)
          .With("service_id", service_id)
          .With("location_id", domain::NameUuid("loc:owner")),
      Record(Table::kLocation)
          .With("id", domain::NameUuid("loc:nobody"))
          .With("location_type", "physical")
          .With("name", "Buurthuis"),
  };
  ASSERT_TRUE(store->Write(records).ok());
  Listings listings(*store);
  auto of = [&](const Record& record) {
    auto owner = listings.OrganizationOf(record);
    EXPECT_TRUE(owner.ok());
    return owner.ok() ? *owner : std::string("error");
  };
  const std::string owner = OrganizationId("owner");
  EXPECT_EQ(of(Record(Table::kOrganization).With("id", owner)), owner);
  EXPECT_EQ(of(Record(Table::kService).With("id", service_id).With("organization_id", owner)),
            owner);
  // An address of the organisation's location, a schedule of a service at a location, a
  // translation of the service: each leads back to the organisation.
  EXPECT_EQ(of(Record(Table::kAddress).With("location_id", domain::NameUuid("loc:owner"))), owner);
  EXPECT_EQ(of(Record(Table::kSchedule).With("service_at_location_id", at_id)), owner);
  EXPECT_EQ(of(Record(Table::kTranslation)
                   .With("table_name", "service")
                   .With("record_id", service_id)),
            owner);
  // A location without an organisation, and a reference to nothing, belong to no one.
  EXPECT_EQ(of(Record(Table::kSchedule).With("location_id", domain::NameUuid("loc:nobody"))), "");
  EXPECT_EQ(of(Record(Table::kLanguage).With("service_id", domain::NameUuid("missing"))), "");
  EXPECT_EQ(of(Record(Table::kPhone)), "");
}

}  // namespace
}  // namespace knooppunt::accounts
