// The PostingStore on SOCI, one implementation for SQLite and PostgreSQL, written like
// sql_account_store.cpp: every statement is constant text with :named parameters, bound in the
// order they appear (each name once). Whole numbers are read through CAST(... AS TEXT); doubles
// are read as doubles and bound as their shortest exact text, so they come back bit for bit.
#include "store/sql_posting_store.h"

#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/time.h"

namespace knooppunt::store {
namespace {

// A statement joined from string literals at compile time, so that statements sharing a column
// list are still constants.
template <std::size_t N>
struct SqlText {
  std::array<char, N> chars{};
  constexpr operator std::string_view() const { return {chars.data(), N - 1}; }  // NOLINT
};

template <std::size_t... N>
constexpr SqlText<(N + ...) - sizeof...(N) + 1> Join(const char (&... parts)[N]) {
  SqlText<(N + ...) - sizeof...(N) + 1> out;
  std::size_t at = 0;
  ((std::copy_n(parts, N - 1, out.chars.begin() + at), at += N - 1), ...);
  return out;
}

// --- Postings. The columns are read in this order by ReadPosting.
constexpr char kSelectPosting[] =
    "SELECT p.id, p.author_id, p.created_at, p.kind, p.side, p.status, p.organization_id, "
    "p.title, p.description, p.languages, p.place_name, p.latitude, p.longitude, p.radius_km, "
    "CAST(p.availability AS TEXT), p.starts_on, p.ends_on, CAST(p.capacity AS TEXT), "
    "p.certificates, p.min_dutch, CAST(p.min_age AS TEXT), p.skills, p.terms, p.goods_category, "
    "p.delivery, CAST(p.seats AS TEXT), p.facilities, CAST(p.price_cents AS TEXT), "
    "p.moderated_by, p.updated_at FROM posting p";
// The fields after id, author_id and created_at are bound by AddPostingFields, in this order.
constexpr std::string_view kInsertPosting =
    "INSERT INTO posting (id, author_id, created_at, kind, side, status, organization_id, title, "
    "description, languages, place_name, latitude, longitude, radius_km, availability, "
    "starts_on, ends_on, capacity, certificates, min_dutch, min_age, skills, terms, "
    "goods_category, delivery, seats, facilities, price_cents, moderated_by, updated_at) "
    "VALUES (:id, :author_id, :created_at, :kind, :side, :status, :organization_id, :title, "
    ":description, :languages, :place_name, :latitude, :longitude, :radius_km, :availability, "
    ":starts_on, :ends_on, :capacity, :certificates, :min_dutch, :min_age, :skills, :terms, "
    ":goods_category, :delivery, :seats, :facilities, :price_cents, :moderated_by, :updated_at)";
constexpr std::string_view kUpdatePosting =
    "UPDATE posting SET kind = :kind, side = :side, status = :status, "
    "organization_id = :organization_id, title = :title, description = :description, "
    "languages = :languages, place_name = :place_name, latitude = :latitude, "
    "longitude = :longitude, radius_km = :radius_km, availability = :availability, "
    "starts_on = :starts_on, ends_on = :ends_on, capacity = :capacity, "
    "certificates = :certificates, min_dutch = :min_dutch, min_age = :min_age, "
    "skills = :skills, terms = :terms, goods_category = :goods_category, delivery = :delivery, "
    "seats = :seats, facilities = :facilities, price_cents = :price_cents, "
    "moderated_by = :moderated_by, updated_at = :updated_at "
    "WHERE id = :id AND status = :expected_status";
constexpr auto kPostingById = Join(kSelectPosting, " WHERE p.id = :id");
// Each filter is switched on by its flag; the statuses fill kStatusSlots slots (the unused ones
// repeat the first), so the text stays the same whichever filters are set.
constexpr std::size_t kStatusSlots = 8;
constexpr char kPostingFilter[] =
    " WHERE (:all_statuses = 1 OR p.status IN (:status1, :status2, :status3, :status4, "
    ":status5, :status6, :status7, :status8)) AND (:has_kind = 0 OR p.kind = :kind) "
    "AND (:has_side = 0 OR p.side = :side) AND (:has_author = 0 OR p.author_id = :author_id) "
    "AND (:has_organization = 0 OR p.organization_id = :organization_id) "
    "AND (:has_text = 0 OR LOWER(p.title) LIKE LOWER(CAST(:text1 AS TEXT)) ESCAPE '!' "
    "OR LOWER(p.description) LIKE LOWER(CAST(:text2 AS TEXT)) ESCAPE '!')";
constexpr auto kListPostings =
    Join(kSelectPosting, kPostingFilter,
         " ORDER BY p.created_at DESC, p.id LIMIT :limit OFFSET :offset");
constexpr auto kCountPostings = Join("SELECT COUNT(*) FROM posting p", kPostingFilter);
constexpr std::string_view kExpirePostings =
    "UPDATE posting SET status = 'expired', updated_at = :now "
    "WHERE status IN ('open', 'filled') AND ends_on IS NOT NULL AND ends_on < :today";
// Its matches and their messages go with it (ON DELETE CASCADE).
constexpr std::string_view kDeletePosting = "DELETE FROM posting WHERE id = :id";

// --- Profiles. Columns in the order ReadProfile reads them.
constexpr char kSelectProfile[] =
    "SELECT f.account_id, f.consent_at, f.wants, f.languages, f.skills, f.interests, "
    "CAST(f.availability AS TEXT), f.place_name, f.latitude, f.longitude, f.travel_km, "
    "CAST(f.max_matches AS TEXT), f.certificates, f.birth_date, f.gender, f.buddy_gender, "
    "f.waiting_since, f.updated_at FROM profile f";
constexpr auto kProfileOf = Join(kSelectProfile, " WHERE f.account_id = :account_id");
constexpr auto kConsentingProfiles =
    Join(kSelectProfile, " WHERE f.consent_at IS NOT NULL ORDER BY f.account_id");
// A profile saved again keeps how long the person has been waiting unless the caller says.
constexpr std::string_view kSaveProfile =
    "INSERT INTO profile (account_id, consent_at, wants, languages, skills, interests, "
    "availability, place_name, latitude, longitude, travel_km, max_matches, certificates, "
    "birth_date, gender, buddy_gender, waiting_since, updated_at) VALUES (:account_id, "
    ":consent_at, :wants, :languages, :skills, :interests, :availability, :place_name, "
    ":latitude, :longitude, :travel_km, :max_matches, :certificates, :birth_date, :gender, "
    ":buddy_gender, :waiting_since, :updated_at) ON CONFLICT (account_id) DO UPDATE SET "
    "consent_at = excluded.consent_at, wants = excluded.wants, languages = excluded.languages, "
    "skills = excluded.skills, interests = excluded.interests, "
    "availability = excluded.availability, place_name = excluded.place_name, "
    "latitude = excluded.latitude, longitude = excluded.longitude, "
    "travel_km = excluded.travel_km, max_matches = excluded.max_matches, "
    "certificates = excluded.certificates, birth_date = excluded.birth_date, "
    "gender = excluded.gender, buddy_gender = excluded.buddy_gender, "
    "waiting_since = CASE WHEN :keep_waiting = 1 THEN profile.waiting_since "
    "ELSE excluded.waiting_since END, updated_at = excluded.updated_at";
constexpr std::string_view kDeleteProfile = "DELETE FROM profile WHERE account_id = :account_id";

// --- Rounds.
constexpr char kSelectRound[] =
    "SELECT r.id, r.created_by, r.created_at, r.status, CAST(r.favour_waiting AS TEXT), "
    "CAST(r.total_score AS TEXT) FROM match_round r";
constexpr std::string_view kInsertRound =
    "INSERT INTO match_round (id, created_by, created_at, status, favour_waiting, total_score) "
    "VALUES (:id, :created_by, :created_at, :status, :favour_waiting, :total_score)";
constexpr std::string_view kUpdateRound =
    "UPDATE match_round SET status = :status, total_score = :total_score WHERE id = :id";
constexpr auto kRoundById = Join(kSelectRound, " WHERE r.id = :id");
constexpr auto kListRounds = Join(kSelectRound, " ORDER BY r.created_at DESC, r.id LIMIT :limit");

// --- Matches. Columns in the order ReadMatch reads them; lists are oldest proposal first.
constexpr char kSelectMatch[] =
    "SELECT m.id, m.posting_id, m.person_id, m.round_id, m.status, CAST(m.score AS TEXT), "
    "m.reasons, m.proposed_at, m.expires_at, m.updated_at, m.decline_reason, m.person_feedback, "
    "m.poster_feedback FROM exchange_match m";
// A second pending or active match of a person for a posting breaks the unique index
// exchange_match_open: a conflict, also when two callers race.
constexpr std::string_view kInsertMatch =
    "INSERT INTO exchange_match (id, posting_id, person_id, round_id, status, score, reasons, "
    "proposed_at, expires_at, updated_at, decline_reason, person_feedback, poster_feedback) "
    "VALUES (:id, :posting_id, :person_id, :round_id, :status, :score, :reasons, :proposed_at, "
    ":expires_at, :updated_at, :decline_reason, :person_feedback, :poster_feedback)";
constexpr auto kMatchById = Join(kSelectMatch, " WHERE m.id = :id");
constexpr auto kMatchesOfPerson =
    Join(kSelectMatch, " WHERE m.person_id = :person_id ORDER BY m.proposed_at, m.id");
constexpr auto kMatchesOfPosting =
    Join(kSelectMatch, " WHERE m.posting_id = :posting_id ORDER BY m.proposed_at, m.id");
constexpr auto kMatchesOfRound =
    Join(kSelectMatch, " WHERE m.round_id = :round_id ORDER BY m.proposed_at, m.id");
// The status list is the partial index exchange_match_due's, so that the index serves it.
constexpr auto kPendingMatchesDue =
    Join(kSelectMatch,
         " WHERE m.status IN ('proposed', 'person_accepted', 'poster_accepted') "
         "AND m.expires_at <> '' AND m.expires_at <= :now ORDER BY m.expires_at, m.id");
// Compare and set: of two answers at once, the second finds the status changed.
constexpr std::string_view kUpdateMatch =
    "UPDATE exchange_match SET status = :status, expires_at = :expires_at, "
    "decline_reason = :decline_reason, person_feedback = :person_feedback, "
    "poster_feedback = :poster_feedback, updated_at = :updated_at "
    "WHERE id = :id AND status = :expected_status";
// Its messages go with it (ON DELETE CASCADE).
constexpr std::string_view kDeleteMatch = "DELETE FROM exchange_match WHERE id = :id";

// --- Messages.
constexpr std::string_view kInsertMessage =
    "INSERT INTO match_message (id, match_id, sender_id, body, created_at) "
    "VALUES (:id, :match_id, :sender_id, :body, :created_at)";
constexpr std::string_view kMessagesOf =
    "SELECT g.id, g.match_id, g.sender_id, g.body, g.created_at FROM match_message g "
    "WHERE g.match_id = :match_id ORDER BY g.created_at, g.id";

// --- Whether a referenced record exists, to name the field of a broken reference.
constexpr std::string_view kAccountExists = "SELECT COUNT(*) FROM account WHERE id = :id";
constexpr std::string_view kOrganizationExists = "SELECT COUNT(*) FROM organization WHERE id = :id";
constexpr std::string_view kPostingExists = "SELECT COUNT(*) FROM posting WHERE id = :id";
constexpr std::string_view kRoundExists = "SELECT COUNT(*) FROM match_round WHERE id = :id";
constexpr std::string_view kMatchExists = "SELECT COUNT(*) FROM exchange_match WHERE id = :id";

double ParseDouble(const std::string& text) {
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::optional<std::string> FormatDouble(const std::optional<double>& value) {
  if (!value) return std::nullopt;
  return store::FormatDouble(*value);  // the exact form of connection_pool.h
}

std::optional<double> MaybeDouble(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return ParseDouble(text);
}

std::string Now() { return domain::FormatUtc(domain::Now()); }

// --- Lists as comma-separated text, pairs as "first:second" items.

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ',';
    out += item;
  }
  return out;
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> items;
  if (text.empty()) return items;
  while (true) {
    auto comma = text.find(',');
    items.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) return items;
    text.remove_prefix(comma + 1);
  }
}

std::string JoinPairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string out;
  for (const auto& [first, second] : pairs) {
    if (!out.empty()) out += ',';
    out += first;
    out += ':';
    out += second;
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> SplitPairs(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const std::string& item : SplitList(text)) {
    auto colon = item.find(':');
    if (colon == std::string::npos) {
      pairs.emplace_back(item, "");
    } else {
      pairs.emplace_back(item.substr(0, colon), item.substr(colon + 1));
    }
  }
  return pairs;
}

// A list that would not read back as written: an empty item, or one with a comma, is refused.
Status CheckList(std::string_view field, const std::vector<std::string>& items) {
  for (const std::string& item : items) {
    if (item.empty() || item.find(',') != std::string::npos) {
      return InvalidArgument(std::string(field),
                             "a code in a list must be non-empty and hold no comma");
    }
  }
  return {};
}

Status CheckPairs(std::string_view field,
                  const std::vector<std::pair<std::string, std::string>>& pairs) {
  for (const auto& [first, second] : pairs) {
    if (first.empty() || first.find_first_of(",:") != std::string::npos ||
        second.find(',') != std::string::npos) {
      return InvalidArgument(std::string(field),
                             "a pair is a non-empty code without comma or colon and a "
                             "value without comma");
    }
  }
  return {};
}

Status CheckPosting(const PostingRecord& posting) {
  for (const auto& [field, items] :
       {std::pair{"languages", &posting.languages},
        std::pair{"certificates", &posting.certificates}, std::pair{"skills", &posting.skills},
        std::pair{"terms", &posting.terms}, std::pair{"facilities", &posting.facilities}}) {
    if (Status status = CheckList(field, *items); !status) return status;
  }
  return {};
}

Status CheckProfile(const ProfileRecord& profile) {
  for (const auto& [field, items] :
       {std::pair{"wants", &profile.wants}, std::pair{"skills", &profile.skills},
        std::pair{"interests", &profile.interests}}) {
    if (Status status = CheckList(field, *items); !status) return status;
  }
  if (Status status = CheckPairs("languages", profile.languages); !status) return status;
  return CheckPairs("certificates", profile.certificates);
}

// --- Broken references. FromSoci says only that some reference is broken; the store then asks
// which, so that the caller learns the field.

struct Reference {
  std::string_view field;         // "author_id"
  std::string_view record;        // "account", for the message
  std::string_view exists;        // counts the records with the id
  std::optional<std::string> id;  // nullopt: not set, nothing to check
};

// `error` itself unless it is a broken reference; then kInvalidArgument naming the first of
// `references` whose record does not exist. Throws what SOCI throws. On PostgreSQL, a failed
// transaction must have been rolled back first.
Error NameBrokenReference(ConnectionPool::Lease& lease, Error error,
                          const std::vector<Reference>& references) {
  if (error.code != ErrorCode::kInvalidArgument) return error;
  for (const Reference& reference : references) {
    if (!reference.id || reference.id->empty()) continue;
    if (lease.Number(reference.exists, Texts({*reference.id})) == 0) {
      return InvalidArgument(std::string(reference.field),
                             "there is no " + std::string(reference.record) + " with this id");
    }
  }
  return error;
}

std::vector<Reference> PostingReferences(const PostingRecord& posting) {
  return {{"author_id", "account", kAccountExists, posting.author_id},
          {"organization_id", "organisation", kOrganizationExists, posting.organization_id},
          {"moderated_by", "account", kAccountExists, posting.moderated_by}};
}

std::vector<Reference> MatchReferences(const MatchRecord& match, bool with_round) {
  std::vector<Reference> references = {{"posting_id", "posting", kPostingExists, match.posting_id},
                                       {"person_id", "account", kAccountExists, match.person_id}};
  if (with_round) {
    references.push_back({"round_id", "matching round", kRoundExists, match.round_id});
  }
  return references;
}

// --- Binding and reading records.

// Every field of a posting but id, author_id, created_at and updated_at, in kInsertPosting's
// and kUpdatePosting's order.
void AddPostingFields(const PostingRecord& posting, Params& params) {
  params.Text(posting.kind);
  params.Text(posting.side);
  params.Text(posting.status);
  params.Text(Nullable(posting.organization_id));
  params.Text(posting.title);
  params.Text(posting.description);
  params.Text(JoinList(posting.languages));
  params.Text(posting.place_name);
  params.Text(FormatDouble(posting.latitude));
  params.Text(FormatDouble(posting.longitude));
  params.Text(FormatDouble(posting.radius_km));
  params.Int(posting.availability);
  params.Text(posting.starts_on);
  params.Text(Nullable(posting.ends_on));
  params.Int(posting.capacity);
  params.Text(JoinList(posting.certificates));
  params.Text(Nullable(posting.min_dutch));
  params.Int(posting.min_age);
  params.Text(JoinList(posting.skills));
  params.Text(JoinList(posting.terms));
  params.Text(posting.goods_category);
  params.Text(posting.delivery);
  params.Int(posting.seats);
  params.Text(JoinList(posting.facilities));
  params.Text(posting.price_cents ? std::optional(std::to_string(*posting.price_cents))
                                  : std::nullopt);
  params.Text(Nullable(posting.moderated_by));
}

PostingRecord ReadPosting(Row row) {
  return PostingRecord{
      .id = std::move(row[0]),
      .kind = std::move(row[3]),
      .side = std::move(row[4]),
      .status = std::move(row[5]),
      .author_id = std::move(row[1]),
      .organization_id = Maybe(std::move(row[6])),
      .title = std::move(row[7]),
      .description = std::move(row[8]),
      .languages = SplitList(row[9]),
      .place_name = std::move(row[10]),
      .latitude = MaybeDouble(row[11]),
      .longitude = MaybeDouble(row[12]),
      .radius_km = ParseDouble(row[13]),
      .availability = static_cast<uint32_t>(std::stoll(row[14])),
      .starts_on = std::move(row[15]),
      .ends_on = Maybe(std::move(row[16])),
      .capacity = static_cast<int>(std::stoll(row[17])),
      .certificates = SplitList(row[18]),
      .min_dutch = Maybe(std::move(row[19])),
      .min_age = static_cast<int>(std::stoll(row[20])),
      .skills = SplitList(row[21]),
      .terms = SplitList(row[22]),
      .goods_category = std::move(row[23]),
      .delivery = std::move(row[24]),
      .seats = static_cast<int>(std::stoll(row[25])),
      .facilities = SplitList(row[26]),
      .price_cents = row[27].empty() ? std::nullopt : std::optional<int64_t>(std::stoll(row[27])),
      .created_at = std::move(row[2]),
      .updated_at = std::move(row[29]),
      .moderated_by = Maybe(std::move(row[28]))};
}

ProfileRecord ReadProfile(Row row) {
  return ProfileRecord{.account_id = std::move(row[0]),
                       .consent_at = Maybe(std::move(row[1])),
                       .wants = SplitList(row[2]),
                       .languages = SplitPairs(row[3]),
                       .skills = SplitList(row[4]),
                       .interests = SplitList(row[5]),
                       .availability = static_cast<uint32_t>(std::stoll(row[6])),
                       .place_name = std::move(row[7]),
                       .latitude = MaybeDouble(row[8]),
                       .longitude = MaybeDouble(row[9]),
                       .travel_km = ParseDouble(row[10]),
                       .max_matches = static_cast<int>(std::stoll(row[11])),
                       .certificates = SplitPairs(row[12]),
                       .birth_date = Maybe(std::move(row[13])),
                       .gender = Maybe(std::move(row[14])),
                       .buddy_gender = Maybe(std::move(row[15])),
                       .waiting_since = std::move(row[16]),
                       .updated_at = std::move(row[17])};
}

MatchRound ReadRound(Row row) {
  return MatchRound{.id = std::move(row[0]),
                    .created_by = std::move(row[1]),
                    .created_at = std::move(row[2]),
                    .status = std::move(row[3]),
                    .favour_waiting = std::stoll(row[4]) != 0,
                    .total_score = std::stoll(row[5])};
}

// In kInsertMatch's order; `now` stands in for empty times.
Params MatchParams(const MatchRecord& match, const std::string& now) {
  std::string proposed_at = match.proposed_at.empty() ? now : match.proposed_at;
  Params params(13);
  params.Text(match.id);
  params.Text(match.posting_id);
  params.Text(match.person_id);
  params.Text(Nullable(match.round_id));
  params.Text(match.status);
  params.Int(match.score);
  params.Text(match.reasons);
  params.Text(proposed_at);
  params.Text(match.expires_at);
  params.Text(match.updated_at.empty() ? proposed_at : match.updated_at);
  params.Text(match.decline_reason);
  params.Text(match.person_feedback);
  params.Text(match.poster_feedback);
  return params;
}

MatchRecord ReadMatch(Row row) {
  return MatchRecord{.id = std::move(row[0]),
                     .posting_id = std::move(row[1]),
                     .person_id = std::move(row[2]),
                     .round_id = Maybe(std::move(row[3])),
                     .status = std::move(row[4]),
                     .score = static_cast<int>(std::stoll(row[5])),
                     .reasons = std::move(row[6]),
                     .proposed_at = std::move(row[7]),
                     .expires_at = std::move(row[8]),
                     .updated_at = std::move(row[9]),
                     .decline_reason = std::move(row[10]),
                     .person_feedback = std::move(row[11]),
                     .poster_feedback = std::move(row[12])};
}

std::vector<MatchRecord> ReadMatches(std::vector<Row> rows) {
  std::vector<MatchRecord> matches;
  matches.reserve(rows.size());
  for (Row& row : rows) matches.push_back(ReadMatch(std::move(row)));
  return matches;
}

// "%text%" for LIKE ... ESCAPE '!', with %, _ and ! in `text` taken literally.
std::string LikePattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '!') out += '!';
    out += c;
  }
  return out + "%";
}

class SqlPostingStore final : public PostingStore {
 public:
  explicit SqlPostingStore(ConnectionPool& pool) : pool_(pool) {}

  // --- Postings.

  Status CreatePosting(const PostingRecord& posting) override {
    if (Status status = CheckPosting(posting); !status) return status;
    std::string created_at = StampOrNow(posting.created_at);
    Params params(30);
    params.Text(posting.id);
    params.Text(posting.author_id);
    params.Text(created_at);
    AddPostingFields(posting, params);
    params.Text(posting.updated_at.empty() ? created_at : posting.updated_at);
    return Write(kInsertPosting, std::move(params), PostingReferences(posting),
                 "creating a posting");
  }

  // updated_at is always now: the posting changed now, whatever the caller read before.
  Status UpdatePosting(const PostingRecord& posting, std::string_view expected_status) override {
    if (Status status = CheckPosting(posting); !status) return status;
    Params params(29);
    AddPostingFields(posting, params);
    params.Text(Now());
    params.Text(posting.id);
    params.Text(std::string(expected_status));
    auto changed = WriteCount(kUpdatePosting, std::move(params), PostingReferences(posting),
                              "updating a posting");
    if (!changed) return changed.error();
    if (*changed > 0) return {};
    auto stored = PostingById(posting.id);
    if (!stored) return stored.error();
    if (!stored->has_value()) return NotFound("no posting with this id");
    return Error{ErrorCode::kConflict,
                 "The posting was changed by someone else in the meantime; look again.", "status"};
  }

  Result<std::optional<PostingRecord>> PostingById(std::string_view id) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<Row> rows = Rows(lease, kPostingById, Texts({id}));
      if (rows.empty()) return std::optional<PostingRecord>();
      return std::optional<PostingRecord>(ReadPosting(std::move(rows.front())));
    } catch (const std::exception& e) {
      return FromSoci(e, "reading a posting");
    }
  }

  Result<PostingPage> ListPostings(const PostingFilter& filter, int64_t page,
                                   int64_t per_page) override {
    std::vector<std::string> statuses;
    for (const std::string& status :
         std::set<std::string>(filter.statuses.begin(), filter.statuses.end())) {
      statuses.push_back(status);
    }
    if (statuses.size() > kStatusSlots) {
      return InvalidArgument("statuses", "at most " + std::to_string(kStatusSlots) +
                                             " different statuses can be asked for at once");
    }
    Params params;
    params.Flag(statuses.empty());
    for (std::size_t i = 0; i < kStatusSlots; ++i) {
      params.Text(statuses.empty() ? std::string() : statuses[i < statuses.size() ? i : 0]);
    }
    for (const auto* value :
         {&filter.kind, &filter.side, &filter.author_id, &filter.organization_id}) {
      params.Flag(value->has_value());
      params.Text(value->value_or(""));
    }
    params.Flag(filter.text.has_value());
    params.Text(LikePattern(filter.text.value_or("")));
    params.Text(LikePattern(filter.text.value_or("")));
    try {
      ConnectionPool::Lease lease(pool_);
      PostingPage out;
      out.total = lease.Number(kCountPostings, params, ConnectionPool::Planning::kEachRun);
      params.Int(per_page);
      params.Int((page - 1) * per_page);
      for (Row& row : Rows(lease, kListPostings, std::move(params))) {
        out.postings.push_back(ReadPosting(std::move(row)));
      }
      return out;
    } catch (const std::exception& e) {
      return FromSoci(e, "listing postings");
    }
  }

  Result<int64_t> ExpirePostings(std::string_view today) override {
    return WriteCount(kExpirePostings, Texts({Now(), today}), {}, "expiring postings");
  }

  Status DeletePosting(std::string_view id) override {
    return ChangeOne(kDeletePosting, Texts({id}), "no posting with this id", "deleting a posting");
  }

  // --- Profiles.

  Status SaveProfile(const ProfileRecord& profile) override {
    if (Status status = CheckProfile(profile); !status) return status;
    std::string now = Now();
    Params params(19);
    params.Text(profile.account_id);
    params.Text(Nullable(profile.consent_at));
    params.Text(JoinList(profile.wants));
    params.Text(JoinPairs(profile.languages));
    params.Text(JoinList(profile.skills));
    params.Text(JoinList(profile.interests));
    params.Int(profile.availability);
    params.Text(profile.place_name);
    params.Text(FormatDouble(profile.latitude));
    params.Text(FormatDouble(profile.longitude));
    params.Text(FormatDouble(profile.travel_km));
    params.Int(profile.max_matches);
    params.Text(JoinPairs(profile.certificates));
    params.Text(Nullable(profile.birth_date));
    params.Text(Nullable(profile.gender));
    params.Text(Nullable(profile.buddy_gender));
    params.Text(profile.waiting_since.empty() ? now : profile.waiting_since);
    params.Text(now);
    params.Flag(profile.waiting_since.empty());
    return Write(kSaveProfile, std::move(params),
                 {{"account_id", "account", kAccountExists, profile.account_id}},
                 "saving a profile");
  }

  Result<std::optional<ProfileRecord>> ProfileOf(std::string_view account_id) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<Row> rows = Rows(lease, kProfileOf, Texts({account_id}));
      if (rows.empty()) return std::optional<ProfileRecord>();
      return std::optional<ProfileRecord>(ReadProfile(std::move(rows.front())));
    } catch (const std::exception& e) {
      return FromSoci(e, "reading a profile");
    }
  }

  Status DeleteProfile(std::string_view account_id) override {
    return ChangeOne(kDeleteProfile, Texts({account_id}), "no profile for this account",
                     "deleting a profile");
  }

  Result<std::vector<ProfileRecord>> ConsentingProfiles() override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<ProfileRecord> profiles;
      for (Row& row : Rows(lease, kConsentingProfiles, Params())) {
        profiles.push_back(ReadProfile(std::move(row)));
      }
      return profiles;
    } catch (const std::exception& e) {
      return FromSoci(e, "reading the consenting profiles");
    }
  }

  // --- Rounds and matches.

  // The matches belong to the round, whatever round_id they carry.
  Status AddRound(const MatchRound& round, std::span<const MatchRecord> matches) override {
    std::string created_at = StampOrNow(round.created_at);
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<Reference> references;  // those of the row being written
      Error error;
      {
        soci::transaction transaction(lease.session());
        try {
          references = {{"created_by", "account", kAccountExists, round.created_by}};
          Params params(6);
          params.Text(round.id);
          params.Text(Nullable(round.created_by));
          params.Text(created_at);
          params.Text(round.status);
          params.Flag(round.favour_waiting);
          params.Int(round.total_score);
          Exec(lease, kInsertRound, std::move(params));
          for (const MatchRecord& match : matches) {
            MatchRecord in_round = match;
            in_round.round_id = round.id;
            references = MatchReferences(in_round, false);
            Exec(lease, kInsertMatch, MatchParams(in_round, created_at));
          }
          transaction.commit();
          return {};
        } catch (const std::exception& e) {
          error = FromSoci(e, "storing a matching round");
        }
      }  // rolled back, so that the connection answers again
      return NameBrokenReference(lease, std::move(error), references);
    } catch (const std::exception& e) {
      return FromSoci(e, "storing a matching round");
    }
  }

  Status UpdateRound(const MatchRound& round) override {
    Params params(3);
    params.Text(round.status);
    params.Int(round.total_score);
    params.Text(round.id);
    return ChangeOne(kUpdateRound, std::move(params), "no matching round with this id",
                     "updating a matching round");
  }

  Result<std::optional<MatchRound>> RoundById(std::string_view id) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<Row> rows = Rows(lease, kRoundById, Texts({id}));
      if (rows.empty()) return std::optional<MatchRound>();
      return std::optional<MatchRound>(ReadRound(std::move(rows.front())));
    } catch (const std::exception& e) {
      return FromSoci(e, "reading a matching round");
    }
  }

  Result<std::vector<MatchRound>> ListRounds(int64_t limit) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Params params(1);
      params.Int(limit);
      std::vector<MatchRound> rounds;
      for (Row& row : Rows(lease, kListRounds, std::move(params))) {
        rounds.push_back(ReadRound(std::move(row)));
      }
      return rounds;
    } catch (const std::exception& e) {
      return FromSoci(e, "listing matching rounds");
    }
  }

  Status AddMatch(const MatchRecord& match) override {
    return Write(kInsertMatch, MatchParams(match, Now()), MatchReferences(match, true),
                 "storing a match");
  }

  Result<std::optional<MatchRecord>> MatchById(std::string_view id) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<Row> rows = Rows(lease, kMatchById, Texts({id}));
      if (rows.empty()) return std::optional<MatchRecord>();
      return std::optional<MatchRecord>(ReadMatch(std::move(rows.front())));
    } catch (const std::exception& e) {
      return FromSoci(e, "reading a match");
    }
  }

  Result<std::vector<MatchRecord>> MatchesOfPerson(std::string_view account_id) override {
    return ReadMatchList(kMatchesOfPerson, account_id);
  }

  Result<std::vector<MatchRecord>> MatchesOfPosting(std::string_view posting_id) override {
    return ReadMatchList(kMatchesOfPosting, posting_id);
  }

  Result<std::vector<MatchRecord>> MatchesOfRound(std::string_view round_id) override {
    return ReadMatchList(kMatchesOfRound, round_id);
  }

  Status UpdateMatch(const MatchRecord& match, std::string_view expected_status) override {
    try {
      ConnectionPool::Lease lease(pool_);
      Params params(8);
      params.Text(match.status);
      params.Text(match.expires_at);
      params.Text(match.decline_reason);
      params.Text(match.person_feedback);
      params.Text(match.poster_feedback);
      params.Text(StampOrNow(match.updated_at));
      params.Text(match.id);
      params.Text(std::string(expected_status));
      if (Exec(lease, kUpdateMatch, std::move(params)) == 1) return {};
      if (lease.Number(kMatchExists, Texts({match.id})) == 0) {
        return NotFound("no match with this id");
      }
      return Error{
          ErrorCode::kConflict,
          "the match is no longer " + std::string(expected_status) + ": someone answered first",
          {}};
    } catch (const std::exception& e) {
      return FromSoci(e, "updating a match");
    }
  }

  Status DeleteMatch(std::string_view id) override {
    return ChangeOne(kDeleteMatch, Texts({id}), "no match with this id", "deleting a match");
  }

  Result<std::vector<MatchRecord>> PendingMatchesDue(std::string_view now) override {
    return ReadMatchList(kPendingMatchesDue, now);
  }

  // --- Messages.

  Status AddMessage(const MatchMessage& message) override {
    return Write(kInsertMessage,
                 Texts({message.id, message.match_id, message.sender_id, message.body,
                        StampOrNow(message.created_at)}),
                 {{"match_id", "match", kMatchExists, message.match_id},
                  {"sender_id", "account", kAccountExists, message.sender_id}},
                 "storing a message");
  }

  Result<std::vector<MatchMessage>> MessagesOf(std::string_view match_id) override {
    try {
      ConnectionPool::Lease lease(pool_);
      std::vector<MatchMessage> messages;
      for (Row& row : Rows(lease, kMessagesOf, Texts({match_id}))) {
        messages.push_back(MatchMessage{.id = std::move(row[0]),
                                        .match_id = std::move(row[1]),
                                        .sender_id = std::move(row[2]),
                                        .body = std::move(row[3]),
                                        .created_at = std::move(row[4])});
      }
      return messages;
    } catch (const std::exception& e) {
      return FromSoci(e, "reading messages");
    }
  }

 private:
  Result<std::vector<MatchRecord>> ReadMatchList(std::string_view query, std::string_view key) {
    try {
      ConnectionPool::Lease lease(pool_);
      return ReadMatches(Rows(lease, query, Texts({key})));
    } catch (const std::exception& e) {
      return FromSoci(e, "reading matches");
    }
  }

  // Runs a statement that changes rows. Success: how many it changed. A broken reference names
  // the first of `references` that is missing.
  Result<int64_t> WriteCount(std::string_view query, Params params,
                             const std::vector<Reference>& references, std::string_view doing) {
    try {
      ConnectionPool::Lease lease(pool_);
      try {
        return Exec(lease, query, std::move(params));
      } catch (const std::exception& e) {
        return NameBrokenReference(lease, FromSoci(e, doing), references);
      }
    } catch (const std::exception& e) {
      return FromSoci(e, doing);
    }
  }

  Status Write(std::string_view query, Params params, const std::vector<Reference>& references,
               std::string_view doing) {
    auto changed = WriteCount(query, std::move(params), references, doing);
    if (!changed) return changed.error();
    return {};
  }

  // Runs a statement meant to change one row; kNotFound with `missing` when it changed none.
  Status ChangeOne(std::string_view query, Params params, std::string_view missing,
                   std::string_view doing) {
    auto changed = WriteCount(query, std::move(params), {}, doing);
    if (!changed) return changed.error();
    if (*changed == 0) return NotFound(std::string(missing));
    return {};
  }

  ConnectionPool& pool_;
};

}  // namespace

// Both backends run the same statements, so `backend` makes no difference here.
std::unique_ptr<PostingStore> MakeSqlPostingStore(ConnectionPool& pool,
                                                  [[maybe_unused]] Backend backend) {
  return std::make_unique<SqlPostingStore>(pool);
}

}  // namespace knooppunt::store
