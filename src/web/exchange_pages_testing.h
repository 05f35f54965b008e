// For tests only: the fixture of the supply-and-demand pages (posting_pages, match_pages): the
// keepers' fixture (organisations "a" in Haaglanden and "b" in Groningen) with an Exchange whose
// mails go into the real outbox, both page modules on the router, and short ways to set up a
// consenting person and an open posting in Groningen that match each other.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "domain/places.h"
#include "exchange/exchange.h"
#include "web/exchange_mail.h"
#include "web/keeper_pages_testing.h"
#include "web/match_pages.h"
#include "web/posting_pages.h"

namespace knooppunt::web::testing {

inline constexpr double kGroningenLatitude = 53.2194;
inline constexpr double kGroningenLongitude = 6.5665;

class ExchangePages : public KeeperPages {
 protected:
  void SetUp() override {
    KeeperPages::SetUp();
    auto places = domain::Gazetteer::Parse(
        "place\tGroningen\tGroningen\t53.2194\t6.5665\t2\n"
        "place\tDen Haag\tZuid-Holland\t52.0767\t4.2986\t2\n"
        "alias\t's-Gravenhage\tDen Haag\tZuid-Holland\n");
    ASSERT_TRUE(places.ok()) << places.error().message;
    places_ = std::move(*places);
    notifier_ = std::make_unique<MailNotifier>(map_.store(), "http://localhost:8080");
    exchange_ = std::make_unique<exchange::Exchange>(map_.store(), match::Weights{},
                                                     exchange::ExchangeOptions{}, *notifier_);
    AddPostingRoutes(router_, map_.store(), *exchange_, places_, "http://localhost:8080");
    AddMatchRoutes(router_, map_.store(), *exchange_, "http://localhost:8080");
  }

  // A person in Groningen who offers volunteer work, speaks Dutch (B1) and consents.
  void Consenting(const std::string& account_id) {
    store::ProfileRecord profile{.account_id = account_id,
                                 .wants = {"volunteer_work:offer"},
                                 .languages = {{"nl", "B1"}},
                                 .place_name = "Groningen",
                                 .latitude = kGroningenLatitude,
                                 .longitude = kGroningenLongitude,
                                 .travel_km = 10};
    domain::Actor actor{.user_id = account_id};
    auto saved = exchange_->SaveProfile(actor, profile);
    ASSERT_TRUE(saved.ok()) << saved.error().field << ": " << saved.error().message;
    ASSERT_TRUE(exchange_->Consent(actor, true).ok());
  }

  // An open request for volunteers in Groningen (Dutch), by `author_id` for organisation "b"
  // when `for_b`; approved by the Groningen help desk otherwise. Its id.
  std::string OpenPosting(const std::string& author_id, const std::string& title,
                          bool for_b = false) {
    store::PostingRecord draft{.id = "",
                               .kind = "volunteer_work",
                               .side = "request",
                               .author_id = author_id,
                               .title = title,
                               .description = "Eten sorteren op zaterdag.",
                               .languages = {"nl"},
                               .place_name = "Groningen",
                               .latitude = kGroningenLatitude + 0.018,
                               .longitude = kGroningenLongitude,
                               .radius_km = 15};
    if (for_b) draft.organization_id = OrganizationId("b");
    domain::Actor author{.user_id = author_id};
    if (for_b) author.grants = {{Role::kOrganizationMember, OrganizationId("b")}};
    auto posted = exchange_->Post(author, draft, true);
    EXPECT_TRUE(posted.ok()) << posted.error().field << ": " << posted.error().message;
    if (!posted.ok()) return "";
    if (posted->status != "open") {
      domain::Actor desk{.user_id = AccountWith("loket-Groningen@example.org",
                                                {Role::kHelpDesk, "Groningen"}),
                         .grants = {{Role::kHelpDesk, "Groningen"}},
                         .second_factor = true};
      auto opened = exchange_->Move(desk, posted->id, domain::PostingStatus::kOpen);
      EXPECT_TRUE(opened.ok()) << opened.error().message;
    }
    return posted->id;
  }

  domain::Gazetteer places_;
  std::unique_ptr<MailNotifier> notifier_;
  std::unique_ptr<exchange::Exchange> exchange_;
};

}  // namespace knooppunt::web::testing
