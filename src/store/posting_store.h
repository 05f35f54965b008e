// Persistence of supply and demand: postings (requests and offers), the profiles people match
// with, matches with their status, matching rounds, and the messages matched people send each
// other through Knooppunt. The rules (who may, which status may follow which, scores) live in
// the exchange layer and domain/exchange.h; this only stores. Lists of codes (languages,
// facilities, certificates …) are kept as comma-separated text, so every code is a plain token
// without commas. Everything of an account goes with it when it is deleted (foreign keys).
// Thread-safety: as Store: every method may be called from any thread at once.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/result.h"

namespace knooppunt::store {

struct PostingRecord {
  std::string id;
  std::string kind;               // domain::PostingKindName: "volunteer_work", "space" …
  std::string side;               // "request" or "offer"
  std::string status = "draft";   // domain::PostingStatusName
  std::string author_id;          // the account that posted it
  std::optional<std::string> organization_id = std::nullopt;  // posted for an organisation
  std::string title;
  std::string description = "";
  std::vector<std::string> languages = {};  // ISO 639 codes spoken there; empty: any
  std::string place_name = "";               // as the author typed it: "Groningen"
  std::optional<double> latitude = std::nullopt;   // absent: no place (online, delivered)
  std::optional<double> longitude = std::nullopt;
  double radius_km = 10;       // from how far away people are welcome
  uint32_t availability = 0;   // weekly day parts: bit weekday * 3 + part (match/availability.h)
  std::string starts_on = "";  // YYYY-MM-DD; empty: at once
  std::optional<std::string> ends_on = std::nullopt;  // YYYY-MM-DD, the last day
  int capacity = 1;            // spots (volunteer work), people (a room request), items (goods)
  // Requirements.
  std::vector<std::string> certificates = {};         // "vog", "first_aid" … valid on the start
  std::optional<std::string> min_dutch = std::nullopt;  // CEFR "A1" … "C2"
  int min_age = 0;
  std::vector<std::string> skills = {};  // skills asked for or offered
  std::vector<std::string> terms = {};   // need-taxonomy term ids it is about
  // Goods.
  std::string goods_category = "";
  std::string delivery = "";  // "pickup", "delivery" or "either"
  // A room (space): seats, facilities, price per occasion in euro cents (0: free).
  int seats = 0;
  std::vector<std::string> facilities = {};  // "kitchen", "step_free", "prayer_space" …
  std::optional<int64_t> price_cents = std::nullopt;
  std::string created_at = "";  // set by CreatePosting when empty
  std::string updated_at = "";  // set by Create/UpdatePosting
  std::optional<std::string> moderated_by = std::nullopt;  // the help desk account that decided
};

struct PostingFilter {
  std::vector<std::string> statuses = {};  // any of these; empty: every status
  std::optional<std::string> kind = std::nullopt;
  std::optional<std::string> side = std::nullopt;
  std::optional<std::string> author_id = std::nullopt;
  std::optional<std::string> organization_id = std::nullopt;
  std::optional<std::string> text = std::nullopt;  // in title or description, case-insensitive
};

struct PostingPage {
  std::vector<PostingRecord> postings;  // newest first (created_at, then id)
  int64_t total = 0;                    // matching postings on all pages
};

struct ProfileRecord {
  std::string account_id;
  std::optional<std::string> consent_at = std::nullopt;  // matched only while set
  std::vector<std::string> wants = {};  // "kind:side" of the person: "buddy:request"
  std::vector<std::pair<std::string, std::string>> languages = {};  // code, CEFR level or ""
  std::vector<std::string> skills = {};
  std::vector<std::string> interests = {};  // need-taxonomy term ids
  uint32_t availability = 0;                 // as PostingRecord::availability
  std::string place_name = "";
  std::optional<double> latitude = std::nullopt;
  std::optional<double> longitude = std::nullopt;
  double travel_km = 10;
  int max_matches = 1;
  std::vector<std::pair<std::string, std::string>> certificates = {};  // kind, valid until day
  std::optional<std::string> birth_date = std::nullopt;                // YYYY-MM-DD
  std::optional<std::string> gender = std::nullopt;        // only when the person chose to say
  std::optional<std::string> buddy_gender = std::nullopt;  // preferred gender of a buddy
  std::string waiting_since = "";  // date-time; set by SaveProfile when empty
  std::string updated_at = "";     // set by SaveProfile
};

struct MatchRecord {
  std::string id;
  std::string posting_id;
  std::string person_id;  // the account of the person proposed
  std::optional<std::string> round_id = std::nullopt;
  std::string status = "proposed";  // domain::MatchStatusName
  int score = 0;
  std::string reasons = "[]";  // JSON array of the engine's reasons, for the pages to translate
  std::string proposed_at = "";  // set by AddMatch/AddRound when empty
  std::string expires_at = "";   // an unanswered proposal expires then
  std::string updated_at = "";
  std::string decline_reason = "";
  std::string person_feedback = "";
  std::string poster_feedback = "";
};

struct MatchRound {
  std::string id;
  std::string created_by;         // the staff account that ran it
  std::string created_at = "";    // set by AddRound when empty
  std::string status = "proposal";  // "proposal" (staff review it), "sent", "discarded"
  bool favour_waiting = false;
  int64_t total_score = 0;
};

struct MatchMessage {
  std::string id;
  std::string match_id;
  std::string sender_id;  // an account of one of the two sides
  std::string body;
  std::string created_at = "";  // set by AddMessage when empty
};

class PostingStore {
 public:
  virtual ~PostingStore() = default;

  // --- Postings. kConflict when the id exists; kInvalidArgument (naming the field) for a
  // reference to a missing account or organisation.
  virtual Status CreatePosting(const PostingRecord& posting) = 0;
  // Writes every field but id, author_id and created_at, if the stored status is still
  // `expected_status` (what the caller read): kConflict naming "status" when another change came
  // first, kNotFound when there is no such posting.
  virtual Status UpdatePosting(const PostingRecord& posting, std::string_view expected_status) = 0;
  virtual Result<std::optional<PostingRecord>> PostingById(std::string_view id) = 0;
  // page is 1-based; per_page 1..1000 (the caller checks).
  virtual Result<PostingPage> ListPostings(const PostingFilter& filter, int64_t page,
                                           int64_t per_page) = 0;
  // Open and filled postings whose ends_on lies before `today` (YYYY-MM-DD) become expired.
  // Success: how many.
  virtual Result<int64_t> ExpirePostings(std::string_view today) = 0;
  // With its matches and their messages. kNotFound when there is none.
  virtual Status DeletePosting(std::string_view id) = 0;

  // --- Profiles: one per account.
  virtual Status SaveProfile(const ProfileRecord& profile) = 0;  // inserts or replaces
  virtual Result<std::optional<ProfileRecord>> ProfileOf(std::string_view account_id) = 0;
  virtual Status DeleteProfile(std::string_view account_id) = 0;  // kNotFound when none
  // Every profile with consent_at set, by account id.
  virtual Result<std::vector<ProfileRecord>> ConsentingProfiles() = 0;

  // --- Rounds and matches.
  // The round and its proposals in one transaction (all or nothing).
  virtual Status AddRound(const MatchRound& round, std::span<const MatchRecord> matches) = 0;
  virtual Status UpdateRound(const MatchRound& round) = 0;  // status, total_score; kNotFound
  virtual Result<std::optional<MatchRound>> RoundById(std::string_view id) = 0;
  virtual Result<std::vector<MatchRound>> ListRounds(int64_t limit) = 0;  // newest first
  // One proposal outside a round. kConflict when the person has a pending or active match for
  // the posting already.
  virtual Status AddMatch(const MatchRecord& match) = 0;
  virtual Result<std::optional<MatchRecord>> MatchById(std::string_view id) = 0;
  virtual Result<std::vector<MatchRecord>> MatchesOfPerson(std::string_view account_id) = 0;
  virtual Result<std::vector<MatchRecord>> MatchesOfPosting(std::string_view posting_id) = 0;
  virtual Result<std::vector<MatchRecord>> MatchesOfRound(std::string_view round_id) = 0;
  // Writes status, expires_at, decline_reason, the feedback and updated_at — only when the
  // stored status still equals `expected_status` (two answers at once: one wins); kConflict
  // otherwise, kNotFound when there is no such match.
  virtual Status UpdateMatch(const MatchRecord& match, std::string_view expected_status) = 0;
  // Removes a proposal (staff drop it from a round before it is sent). kNotFound when none.
  virtual Status DeleteMatch(std::string_view id) = 0;
  // Proposals still waiting for an answer (proposed, person_accepted, poster_accepted) whose
  // expires_at is at or before `now`.
  virtual Result<std::vector<MatchRecord>> PendingMatchesDue(std::string_view now) = 0;

  // --- Messages between matched people, oldest first.
  virtual Status AddMessage(const MatchMessage& message) = 0;
  virtual Result<std::vector<MatchMessage>> MessagesOf(std::string_view match_id) = 0;
};

}  // namespace knooppunt::store
