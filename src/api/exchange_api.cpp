#include "api/exchange_api.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/params.h"
#include "domain/exchange.h"
#include "domain/permissions.h"
#include "domain/utf8.h"
#include "domain/uuid.h"
#include "exchange/convert.h"
#include "exchange/exchange.h"
#include "http/message.h"
#include "http/router.h"
#include "match/availability.h"
#include "match/reason.h"
#include "store/posting_store.h"

namespace knooppunt::api {
namespace {

namespace beast_http = boost::beast::http;
namespace json = boost::json;
using domain::Permission;

constexpr std::string_view kJsonType = "application/json; charset=utf-8";
// The largest body read: far more than any posting or profile a person writes (a posting's
// longest texts fit even when every character is a \u escape), so that one request cannot make
// the server parse megabytes for nothing.
constexpr size_t kMaxBodyBytes = 256 * 1024;
constexpr int64_t kDefaultPostingsPerPage = 20;
constexpr int64_t kDefaultSuggestions = 10;
constexpr int64_t kDefaultRounds = 20;
// page × per_page beyond this is no page anyone reads; the bound keeps the offset from
// overflowing.
constexpr int64_t kMaxOffset = int64_t{1} << 40;
constexpr size_t kMaxQueryText = 100;  // code points of `q`
// Names of match::DayPart, in its order.
constexpr std::string_view kDayParts[] = {"morning", "afternoon", "evening"};

// --- Answers.

// A handler's answer: a JSON value with its status (204: no body) and, for 201, where the new
// record lives. Failures are Errors, turned into responses in one place (Respond).
struct Reply {
  unsigned status = 200;
  json::value body = nullptr;
  std::string location = "";
};

Reply Ok(json::value body) { return {.status = 200, .body = std::move(body)}; }
Reply Created(json::value body, std::string location) {
  return {.status = 201, .body = std::move(body), .location = std::move(location)};
}
Reply NoContent() { return {.status = 204}; }

http::Response Respond(const http::RequestContext& context, const Result<Reply>& reply) {
  if (!reply) return http::JsonError(context.request, reply.error());
  if (reply->status == 204) {
    return http::MakeResponse(context.request, 204, std::string(kJsonType), "");
  }
  http::Response response = http::MakeResponse(
      context.request, reply->status, std::string(kJsonType), json::serialize(reply->body));
  if (!reply->location.empty()) {
    response.message.set(beast_http::field::location, reply->location);
  }
  return response;
}

// The error shape with a status that ErrorCode has no name for (413, 415).
http::Response JsonErrorWithStatus(const http::Request& request, const Error& error,
                                   unsigned status) {
  http::Response response = http::JsonError(request, error);
  response.message.result(status);
  return response;
}

// Exchange says "no such record" without naming it (and says so too of records the caller may
// not know of); the answer names the id the caller sent, so they see which one.
Error NamingId(Error error, std::string_view what, std::string_view id) {
  if (error.code == ErrorCode::kNotFound && error.field.empty()) {
    error.message = "There is no " + std::string(what) + " with id " + std::string(id) + ".";
  }
  return error;
}

// --- Reading the request.

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The UUID in the address segment `name`, in lower case as stored.
Result<std::string> PathId(const http::RequestContext& context, std::string_view name) {
  const std::string& text = context.path_params.at(std::string(name));
  if (!domain::IsUuid(text)) {
    return InvalidArgument(std::string(name),
                           "The " + std::string(name) + " in the address is not a UUID.");
  }
  return Lower(text);
}

const std::string* FindParam(const http::QueryParams& query, std::string_view name) {
  auto it = query.find(name);
  return it == query.end() ? nullptr : &it->second;
}

// A whole number of 1 or more; `fallback` when absent.
Result<int64_t> CountParam(const http::QueryParams& query, std::string_view name,
                           int64_t fallback) {
  const std::string* text = FindParam(query, name);
  if (text == nullptr) return fallback;
  int64_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || error != std::errc() || end != text->data() + text->size() || value < 1) {
    return InvalidArgument(std::string(name),
                           std::string(name) + " must be a whole number of 1 or more.");
  }
  return value;
}

struct Paging {
  int64_t page = 1;
  int64_t per_page = kDefaultPostingsPerPage;
};

// `page` and `per_page`; the exchange checks per_page's upper bound.
Result<Paging> ParsePaging(const http::QueryParams& query) {
  auto page = CountParam(query, "page", 1);
  if (!page) return page.error();
  auto per_page = CountParam(query, "per_page", kDefaultPostingsPerPage);
  if (!per_page) return per_page.error();
  if (*page > kMaxOffset / *per_page) {
    return InvalidArgument("page", "page times per_page may not exceed 2^40.");
  }
  return Paging{.page = *page, .per_page = *per_page};
}

// The request body as one JSON object; an empty body is an empty object (every field left out).
// Failure: an error naming "body" or "Content-Type", with the status to answer it with in
// `refusal_status`: 413 past kMaxBodyBytes, 415 for another content type, 400 for anything but
// one JSON object of UTF-8 text.
Result<json::object> ParseBody(const http::RequestContext& context, unsigned& refusal_status) {
  const std::string& text = context.request.body();
  refusal_status = 400;
  if (text.size() > kMaxBodyBytes) {
    refusal_status = 413;
    return InvalidArgument(
        "body", "The body is larger than " + std::to_string(kMaxBodyBytes / 1024) + " KiB.");
  }
  if (text.empty()) return json::object();
  std::string_view type = context.request[beast_http::field::content_type];
  if (!type.starts_with("application/json")) {
    refusal_status = 415;
    return InvalidArgument("Content-Type", "Send the body as application/json.");
  }
  boost::system::error_code error;
  json::value value = json::parse(text, error);
  if (error) {
    return InvalidArgument("body", "The body is not valid JSON (UTF-8): " + error.message() + ".");
  }
  if (!value.is_object()) return InvalidArgument("body", "The body must be one JSON object.");
  return std::move(value.as_object());
}

// --- Reading JSON values. Every failure is kInvalidArgument naming the property.

Error WrongType(std::string_view name, std::string_view what) {
  return InvalidArgument(std::string(name),
                         std::string(name) + " must be " + std::string(what) + ".");
}

Status Read(std::string_view name, const json::value& value, std::string& out) {
  if (!value.is_string()) return WrongType(name, "text");
  out = std::string(value.get_string());
  return {};
}

Status Read(std::string_view name, const json::value& value, std::optional<std::string>& out) {
  if (value.is_null()) {
    out.reset();
    return {};
  }
  std::string text;
  if (Status read = Read(name, value, text); !read) return WrongType(name, "text or null");
  out = std::move(text);
  return {};
}

Status Read(std::string_view name, const json::value& value, bool& out) {
  if (!value.is_bool()) return WrongType(name, "true or false");
  out = value.get_bool();
  return {};
}

Status Read(std::string_view name, const json::value& value, double& out) {
  if (!value.is_number()) return WrongType(name, "a number");
  out = value.to_number<double>();
  return {};
}

Status Read(std::string_view name, const json::value& value, std::optional<double>& out) {
  if (value.is_null()) {
    out.reset();
    return {};
  }
  double number = 0;
  if (Status read = Read(name, value, number); !read) return WrongType(name, "a number or null");
  out = number;
  return {};
}

Status Read(std::string_view name, const json::value& value, int64_t& out) {
  boost::system::error_code error;
  int64_t number = value.to_number<int64_t>(error);
  if (error) return WrongType(name, "a whole number");
  out = number;
  return {};
}

Status Read(std::string_view name, const json::value& value, int& out) {
  int64_t number = 0;
  if (Status read = Read(name, value, number); !read) return read;
  if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max()) {
    return InvalidArgument(std::string(name), std::string(name) + " is out of range.");
  }
  out = static_cast<int>(number);
  return {};
}

Status Read(std::string_view name, const json::value& value, std::optional<int64_t>& out) {
  if (value.is_null()) {
    out.reset();
    return {};
  }
  int64_t number = 0;
  if (Status read = Read(name, value, number); !read) {
    return WrongType(name, "a whole number or null");
  }
  out = number;
  return {};
}

std::string Indexed(std::string_view name, size_t index) {
  return std::string(name) + "[" + std::to_string(index) + "]";
}

Status Read(std::string_view name, const json::value& value, std::vector<std::string>& out) {
  if (!value.is_array()) return WrongType(name, "a list of text");
  out.clear();
  const json::array& items = value.get_array();
  for (size_t i = 0; i < items.size(); ++i) {
    std::string item;
    if (Status read = Read(Indexed(name, i), items[i], item); !read) return read;
    out.push_back(std::move(item));
  }
  return {};
}

// A UUID, normalised to lower case; "" stays "" (no reference).
Status ReadUuid(std::string_view name, const json::value& value, std::string& out) {
  if (Status read = Read(name, value, out); !read) return read;
  if (!out.empty() && !domain::IsUuid(out)) return WrongType(name, "a UUID");
  out = Lower(std::move(out));
  return {};
}

// Weekly slots as [{"weekday": 0..6 (Monday first), "part": "morning"|"afternoon"|"evening"}].
Status ReadSlots(std::string_view name, const json::value& value, uint32_t& out) {
  if (!value.is_array()) return WrongType(name, "a list of {\"weekday\", \"part\"} objects");
  match::WeeklySlots slots;
  const json::array& items = value.get_array();
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string item = Indexed(name, i);
    const json::object* slot = items[i].if_object();
    if (slot == nullptr) return WrongType(item, "an object with weekday and part");
    int64_t weekday = -1;
    std::string part;
    for (const auto& [key, field] : *slot) {
      const std::string field_name = item + "." + std::string(key);
      Status read = key == "weekday" ? Read(field_name, field, weekday)
                    : key == "part"
                        ? Read(field_name, field, part)
                        : InvalidArgument(field_name, "A slot has weekday and part only.");
      if (!read) return read;
    }
    if (weekday < 0 || weekday > 6) {
      return InvalidArgument(item + ".weekday",
                             "weekday is 0 (Monday) to 6 (Sunday); it is required.");
    }
    auto known = std::find(std::begin(kDayParts), std::end(kDayParts), part);
    if (known == std::end(kDayParts)) {
      return InvalidArgument(item + ".part", "part is morning, afternoon or evening.");
    }
    slots.Add(static_cast<int>(weekday),
              static_cast<match::DayPart>(known - std::begin(kDayParts)));
  }
  out = slots.bits();
  return {};
}

// A list of objects with two text properties, such as [{"code": "nl", "level": "B1"}]. A
// property left out is ""; the exchange says whether that is allowed.
Status ReadPairs(std::string_view name, const json::value& value, std::string_view first,
                 std::string_view second, std::vector<std::pair<std::string, std::string>>& out) {
  const std::string shape =
      "a list of {\"" + std::string(first) + "\", \"" + std::string(second) + "\"} objects";
  if (!value.is_array()) return WrongType(name, shape);
  out.clear();
  const json::array& items = value.get_array();
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string item = Indexed(name, i);
    const json::object* object = items[i].if_object();
    if (object == nullptr) return WrongType(item, "an object");
    std::pair<std::string, std::string> pair;
    for (const auto& [key, field] : *object) {
      const std::string field_name = item + "." + std::string(key);
      Status read = key == first    ? Read(field_name, field, pair.first)
                    : key == second ? Read(field_name, field, pair.second)
                                    : InvalidArgument(field_name, "Unknown property.");
      if (!read) return read;
    }
    out.push_back(std::move(pair));
  }
  return {};
}

// The property `name` of `body`; kInvalidArgument naming it when it is missing.
Result<const json::value*> Required(const json::object& body, std::string_view name) {
  const json::value* value = body.if_contains(name);
  if (value == nullptr) {
    return InvalidArgument(std::string(name), std::string(name) + " is required.");
  }
  return value;
}

// The UUID in the property `name`, which must be there.
Result<std::string> RequiredUuid(const json::object& body, std::string_view name) {
  auto value = Required(body, name);
  if (!value) return value.error();
  std::string id;
  if (Status read = ReadUuid(name, **value, id); !read) return read.error();
  if (id.empty()) return WrongType(name, "a UUID");
  return id;
}

// Refuses properties other than `known`, so that a misspelt one does not vanish unnoticed.
Status OnlyKnown(const json::object& body, std::initializer_list<std::string_view> known) {
  for (const auto& entry : body) {
    std::string_view key = entry.key();
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      return InvalidArgument(std::string(key), "Unknown property " + std::string(key) + ".");
    }
  }
  return {};
}

Error ReadOnly(std::string_view name, std::string_view how) {
  return InvalidArgument(std::string(name),
                         std::string(name) + " is not written here: " + std::string(how) + ".");
}

// One property of a posting as its author writes it.
Status ReadPostingField(std::string_view name, const json::value& value,
                        store::PostingRecord& posting) {
  if (name == "kind") return Read(name, value, posting.kind);
  if (name == "side") return Read(name, value, posting.side);
  if (name == "organization_id") {
    if (value.is_null()) {
      posting.organization_id.reset();
      return {};
    }
    std::string id;
    if (Status read = ReadUuid(name, value, id); !read) return read;
    posting.organization_id = std::move(id);
    return {};
  }
  if (name == "title") return Read(name, value, posting.title);
  if (name == "description") return Read(name, value, posting.description);
  if (name == "languages") return Read(name, value, posting.languages);
  if (name == "place_name") return Read(name, value, posting.place_name);
  if (name == "latitude") return Read(name, value, posting.latitude);
  if (name == "longitude") return Read(name, value, posting.longitude);
  if (name == "radius_km") return Read(name, value, posting.radius_km);
  if (name == "availability") return ReadSlots(name, value, posting.availability);
  if (name == "starts_on") return Read(name, value, posting.starts_on);
  if (name == "ends_on") return Read(name, value, posting.ends_on);
  if (name == "capacity") return Read(name, value, posting.capacity);
  if (name == "certificates") return Read(name, value, posting.certificates);
  if (name == "min_dutch") return Read(name, value, posting.min_dutch);
  if (name == "min_age") return Read(name, value, posting.min_age);
  if (name == "skills") return Read(name, value, posting.skills);
  if (name == "terms") return Read(name, value, posting.terms);
  if (name == "goods_category") return Read(name, value, posting.goods_category);
  if (name == "delivery") return Read(name, value, posting.delivery);
  if (name == "seats") return Read(name, value, posting.seats);
  if (name == "facilities") return Read(name, value, posting.facilities);
  if (name == "price_cents") return Read(name, value, posting.price_cents);
  if (name == "status") return ReadOnly(name, "change it with POST /api/postings/{id}/status");
  if (name == "id" || name == "author_id" || name == "created_at" || name == "updated_at" ||
      name == "moderated_by") {
    return ReadOnly(name, "Knooppunt sets it");
  }
  return InvalidArgument(std::string(name), "A posting has no property " + std::string(name) + ".");
}

// One property of a profile as its person writes it.
Status ReadProfileField(std::string_view name, const json::value& value,
                        store::ProfileRecord& profile) {
  if (name == "wants") return Read(name, value, profile.wants);
  if (name == "languages") return ReadPairs(name, value, "code", "level", profile.languages);
  if (name == "skills") return Read(name, value, profile.skills);
  if (name == "interests") return Read(name, value, profile.interests);
  if (name == "availability") return ReadSlots(name, value, profile.availability);
  if (name == "place_name") return Read(name, value, profile.place_name);
  if (name == "latitude") return Read(name, value, profile.latitude);
  if (name == "longitude") return Read(name, value, profile.longitude);
  if (name == "travel_km") return Read(name, value, profile.travel_km);
  if (name == "max_matches") return Read(name, value, profile.max_matches);
  if (name == "certificates") {
    return ReadPairs(name, value, "kind", "valid_until", profile.certificates);
  }
  if (name == "birth_date") return Read(name, value, profile.birth_date);
  if (name == "gender") return Read(name, value, profile.gender);
  if (name == "buddy_gender") return Read(name, value, profile.buddy_gender);
  if (name == "consent_at") {
    return ReadOnly(name, "give consent with POST /api/profiles/me/consent");
  }
  if (name == "account_id" || name == "waiting_since" || name == "updated_at") {
    return ReadOnly(name, "Knooppunt sets it");
  }
  return InvalidArgument(std::string(name), "A profile has no property " + std::string(name) + ".");
}

// --- Writing JSON.

template <typename T>
json::value Nullable(const std::optional<T>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

json::array Texts(const std::vector<std::string>& texts) {
  return json::array(texts.begin(), texts.end());
}

json::array SlotsJson(uint32_t bits) {
  json::array out;
  for (const match::Slot& slot : match::WeeklySlots::FromBits(bits).slots()) {
    out.push_back(
        json::object{{"weekday", slot.weekday}, {"part", kDayParts[static_cast<int>(slot.part)]}});
  }
  return out;
}

json::array PairsJson(const std::vector<std::pair<std::string, std::string>>& pairs,
                      std::string_view first, std::string_view second) {
  json::array out;
  for (const auto& [a, b] : pairs) out.push_back(json::object{{first, a}, {second, b}});
  return out;
}

json::value ReasonsValue(std::span<const match::Reason> reasons) {
  return json::parse(exchange::ReasonsJson(reasons));
}

// Who sees what of a posting. The public shape leaves out the accounts behind it and rounds the
// place to two decimals (about a kilometre), so that no one's address can be read from it.
enum class Shape { kPublic, kFull };

// The author's own postings and those moderators handle are shown whole.
Shape ShapeFor(const domain::Actor& actor, const store::PostingRecord& posting) {
  bool author = !actor.user_id.empty() && actor.user_id == posting.author_id;
  bool moderator =
      domain::Allows(actor, Permission::kModeratePostings) == domain::Decision::kAllowed;
  return author || moderator ? Shape::kFull : Shape::kPublic;
}

json::value Coordinate(const std::optional<double>& degrees, Shape shape) {
  if (!degrees) return nullptr;
  return shape == Shape::kFull ? *degrees : std::round(*degrees * 100) / 100;
}

json::object PostingJson(const store::PostingRecord& posting, Shape shape) {
  json::object out;
  out["id"] = posting.id;
  out["kind"] = posting.kind;
  out["side"] = posting.side;
  out["status"] = posting.status;
  if (shape == Shape::kFull) out["author_id"] = posting.author_id;
  out["organization_id"] = Nullable(posting.organization_id);
  out["title"] = posting.title;
  out["description"] = posting.description;
  out["languages"] = Texts(posting.languages);
  out["place_name"] = posting.place_name;
  out["latitude"] = Coordinate(posting.latitude, shape);
  out["longitude"] = Coordinate(posting.longitude, shape);
  out["radius_km"] = posting.radius_km;
  out["availability"] = SlotsJson(posting.availability);
  out["starts_on"] = posting.starts_on;
  out["ends_on"] = Nullable(posting.ends_on);
  out["capacity"] = posting.capacity;
  out["certificates"] = Texts(posting.certificates);
  out["min_dutch"] = Nullable(posting.min_dutch);
  out["min_age"] = posting.min_age;
  out["skills"] = Texts(posting.skills);
  out["terms"] = Texts(posting.terms);
  out["goods_category"] = posting.goods_category;
  out["delivery"] = posting.delivery;
  out["seats"] = posting.seats;
  out["facilities"] = Texts(posting.facilities);
  out["price_cents"] = Nullable(posting.price_cents);
  out["created_at"] = posting.created_at;
  out["updated_at"] = posting.updated_at;
  if (shape == Shape::kFull) out["moderated_by"] = Nullable(posting.moderated_by);
  return out;
}

// A page of postings each shown as `actor` may see it.
json::object PageJson(const store::PostingPage& page, const Paging& paging,
                      const domain::Actor& actor) {
  json::array postings;
  for (const store::PostingRecord& posting : page.postings) {
    postings.push_back(PostingJson(posting, ShapeFor(actor, posting)));
  }
  return {{"postings", std::move(postings)},
          {"total", page.total},
          {"page", paging.page},
          {"per_page", paging.per_page}};
}

// A profile for its own person: every field, the place exact.
json::object ProfileJson(const store::ProfileRecord& profile) {
  json::object out;
  out["account_id"] = profile.account_id;
  out["wants"] = Texts(profile.wants);
  out["languages"] = PairsJson(profile.languages, "code", "level");
  out["skills"] = Texts(profile.skills);
  out["interests"] = Texts(profile.interests);
  out["availability"] = SlotsJson(profile.availability);
  out["place_name"] = profile.place_name;
  out["latitude"] = Nullable(profile.latitude);
  out["longitude"] = Nullable(profile.longitude);
  out["travel_km"] = profile.travel_km;
  out["max_matches"] = profile.max_matches;
  out["certificates"] = PairsJson(profile.certificates, "kind", "valid_until");
  out["birth_date"] = Nullable(profile.birth_date);
  out["gender"] = Nullable(profile.gender);
  out["buddy_gender"] = Nullable(profile.buddy_gender);
  out["consent_at"] = Nullable(profile.consent_at);
  out["waiting_since"] = profile.waiting_since;
  out["updated_at"] = profile.updated_at;
  return out;
}

json::object MatchJson(const store::MatchRecord& match) {
  json::object out;
  out["id"] = match.id;
  out["posting_id"] = match.posting_id;
  out["person_id"] = match.person_id;
  out["round_id"] = Nullable(match.round_id);
  out["status"] = match.status;
  out["score"] = match.score;
  out["reasons"] = ReasonsValue(exchange::ParseReasonsJson(match.reasons));
  out["proposed_at"] = match.proposed_at;
  out["expires_at"] = match.expires_at;
  out["updated_at"] = match.updated_at;
  out["decline_reason"] = match.decline_reason;
  out["person_feedback"] = match.person_feedback;
  out["poster_feedback"] = match.poster_feedback;
  return out;
}

json::array MatchesJson(const std::vector<store::MatchRecord>& matches) {
  json::array out;
  for (const store::MatchRecord& match : matches) out.push_back(MatchJson(match));
  return out;
}

json::object RoundJson(const store::MatchRound& round) {
  return {{"id", round.id},
          {"created_by", round.created_by},
          {"created_at", round.created_at},
          {"status", round.status},
          {"favour_waiting", round.favour_waiting},
          {"total_score", round.total_score}};
}

json::object OutcomeJson(const exchange::RoundOutcome& outcome) {
  return {{"round", RoundJson(outcome.round)}, {"proposals", MatchesJson(outcome.proposals)}};
}

json::object MessageJson(const store::MatchMessage& message) {
  return {{"id", message.id},
          {"match_id", message.match_id},
          {"sender_id", message.sender_id},
          {"body", message.body},
          {"created_at", message.created_at}};
}

// --- Postings.

// GET /api/postings
Result<Reply> BrowsePostings(exchange::Exchange& exchange, const http::RequestContext& context) {
  store::PostingFilter filter;
  if (const std::string* kind = FindParam(context.query, "kind")) {
    if (!domain::ParsePostingKind(*kind)) {
      std::string kinds;
      for (domain::PostingKind known : domain::AllPostingKinds()) {
        kinds += (kinds.empty() ? "" : ", ") + std::string(domain::PostingKindName(known));
      }
      return InvalidArgument("kind", "kind must be one of " + kinds + ".");
    }
    filter.kind = *kind;
  }
  if (const std::string* side = FindParam(context.query, "side")) {
    if (!domain::ParsePostingSide(*side)) {
      return InvalidArgument("side", "side must be request or offer.");
    }
    filter.side = *side;
  }
  if (const std::string* text = FindParam(context.query, "q")) {
    std::string_view trimmed = *text;
    while (trimmed.starts_with(' ') || trimmed.starts_with('\t')) trimmed.remove_prefix(1);
    while (trimmed.ends_with(' ') || trimmed.ends_with('\t')) trimmed.remove_suffix(1);
    // The router let only clean UTF-8 through, so code points can be counted.
    if (domain::CodePoints(trimmed) > kMaxQueryText) {
      return InvalidArgument(
          "q", "q may be at most " + std::to_string(kMaxQueryText) + " characters long.");
    }
    if (!trimmed.empty()) filter.text = std::string(trimmed);
  }
  auto paging = ParsePaging(context.query);
  if (!paging) return paging.error();
  auto page = exchange.Browse(std::move(filter), paging->page, paging->per_page);
  if (!page) return page.error();
  // The public list: everyone, the author too, sees it in the public shape.
  json::array postings;
  for (const store::PostingRecord& posting : page->postings) {
    postings.push_back(PostingJson(posting, Shape::kPublic));
  }
  return Ok(json::object{{"postings", std::move(postings)},
                         {"total", page->total},
                         {"page", paging->page},
                         {"per_page", paging->per_page}});
}

// GET /api/postings/mine
Result<Reply> MyPostings(exchange::Exchange& exchange, const http::RequestContext& context) {
  auto paging = ParsePaging(context.query);
  if (!paging) return paging.error();
  auto page = exchange.MyPostings(context.actor, paging->page, paging->per_page);
  if (!page) return page.error();
  return Ok(PageJson(*page, *paging, context.actor));
}

// GET /api/postings/queue
Result<Reply> ModerationQueue(exchange::Exchange& exchange, const http::RequestContext& context) {
  auto paging = ParsePaging(context.query);
  if (!paging) return paging.error();
  auto page = exchange.Queue(context.actor, paging->page, paging->per_page);
  if (!page) return page.error();
  return Ok(PageJson(*page, *paging, context.actor));
}

// GET /api/postings/{id}
Result<Reply> GetPosting(exchange::Exchange& exchange, const http::RequestContext& context) {
  auto id = PathId(context, "id");
  if (!id) return id.error();
  auto posting = exchange.Get(context.actor, *id);
  if (!posting) return NamingId(posting.error(), "posting", *id);
  return Ok(PostingJson(*posting, ShapeFor(context.actor, *posting)));
}

// POST /api/postings
Result<Reply> CreatePosting(exchange::Exchange& exchange, const http::RequestContext& context,
                            const json::object& body) {
  store::PostingRecord draft;
  bool submit = false;
  for (const auto& [name, value] : body) {
    Status read =
        name == "submit" ? Read(name, value, submit) : ReadPostingField(name, value, draft);
    if (!read) return read.error();
  }
  auto posted = exchange.Post(context.actor, std::move(draft), submit);
  if (!posted) return posted.error();
  return Created(PostingJson(*posted, ShapeFor(context.actor, *posted)),
                 "/api/postings/" + posted->id);
}

// PUT /api/postings/{id}
Result<Reply> EditPosting(exchange::Exchange& exchange, const http::RequestContext& context,
                          const json::object& body) {
  auto id = PathId(context, "id");
  if (!id) return id.error();
  store::PostingRecord posting;
  for (const auto& [name, value] : body) {
    if (Status read = ReadPostingField(name, value, posting); !read) return read.error();
  }
  posting.id = *id;
  auto edited = exchange.Edit(context.actor, std::move(posting));
  if (!edited) return NamingId(edited.error(), "posting", *id);
  return Ok(PostingJson(*edited, ShapeFor(context.actor, *edited)));
}

// POST /api/postings/{id}/status
Result<Reply> MovePosting(exchange::Exchange& exchange, const http::RequestContext& context,
                          const json::object& body) {
  auto id = PathId(context, "id");
  if (!id) return id.error();
  if (Status known = OnlyKnown(body, {"status"}); !known) return known.error();
  auto value = Required(body, "status");
  if (!value) return value.error();
  std::string name;
  if (Status read = Read("status", **value, name); !read) return read.error();
  auto status = domain::ParsePostingStatus(name);
  if (!status) {
    return InvalidArgument("status",
                           "status must be draft, awaiting_moderation, open, filled or closed.");
  }
  auto moved = exchange.Move(context.actor, *id, *status);
  if (!moved) return NamingId(moved.error(), "posting", *id);
  return Ok(PostingJson(*moved, ShapeFor(context.actor, *moved)));
}

// GET /api/postings/{id}/suggestions
Result<Reply> SuggestPeople(exchange::Exchange& exchange, const http::RequestContext& context) {
  auto id = PathId(context, "id");
  if (!id) return id.error();
  auto k = CountParam(context.query, "k", kDefaultSuggestions);
  if (!k) return k.error();
  auto people = exchange.SuggestForPosting(context.actor, *id, static_cast<size_t>(*k));
  if (!people) return NamingId(people.error(), "posting", *id);
  json::array suggestions;
  for (const exchange::PersonSuggestion& person : *people) {
    suggestions.push_back(json::object{{"person_id", person.person_id},
                                       {"score", person.score},
                                       {"reasons", ReasonsValue(person.reasons)}});
  }
  return Ok(json::object{{"suggestions", std::move(suggestions)}});
}

// --- The actor's profile.

// GET /api/profiles/me
Result<Reply> GetProfile(exchange::Exchange& exchange, const http::RequestContext& context) {
  auto profile = exchange.Profile(context.actor);
  if (!profile) return profile.error();
  if (!profile->has_value()) {
    return Error{ErrorCode::kNotFound,
                 "You have no profile yet; write one with PUT /api/profiles/me.", "profile"};
  }
  return Ok(ProfileJson(**profile));
}

// PUT /api/profiles/me
Result<Reply> SaveProfile(exchange::Exchange& exchange, const http::RequestContext& context,
                          const json::object& body) {
  store::ProfileRecord profile;
  for (const auto& [name, value] : body) {
    if (Status read = ReadProfileField(name, value, profile); !read) return read.error();
  }
  auto saved = exchange.SaveProfile(context.actor, std::move(profile));
  if (!saved) return saved.error();
  return Ok(ProfileJson(*saved));
}

// DELETE /api/profiles/me
Result<Reply> DeleteProfile(exchange::Exchange& exchange, const http::RequestContext& context,
                            const json::object& body) {
  if (Status known = OnlyKnown(body, {}); !known) return known.error();
  if (Status deleted = exchange.DeleteProfile(context.actor); !deleted) return deleted.error();
  return NoContent();
}

// POST /api/profiles/me/consent
Result<Reply> GiveConsent(exchange::Exchange& exchange, const http::RequestContext& context,
                          const json::object& body) {
  if (Status known = OnlyKnown(body, {"consent"}); !known) return known.error();
  auto value = Required(body, "consent");
  if (!value) return value.error();
  bool consent = false;
  if (Status read = Read("consent", **value, consent); !read) return read.error();
  if (Status given = exchange.Consent(context.actor, consent); !given) return given.error();
  return GetProfile(exchange, context);
}

// GET /api/profiles/me/suggestions
Result<Reply> SuggestPostings(exchange::Exchange& exchange, const http::RequestContext& context) {
  auto k = CountParam(context.query, "k", kDefaultSuggestions);
  if (!k) return k.error();
  auto postings = exchange.SuggestForMe(context.actor, static_cast<size_t>(*k));
  if (!postings) return postings.error();
  json::array suggestions;
  for (const exchange::PostingSuggestion& suggestion : *postings) {
    suggestions.push_back(json::object{{"posting", PostingJson(suggestion.posting, Shape::kPublic)},
                                       {"score", suggestion.score},
                                       {"reasons", ReasonsValue(suggestion.reasons)}});
  }
  return Ok(json::object{{"suggestions", std::move(suggestions)}});
}

// --- Matches.

// GET /api/matches
Result<Reply> MyMatches(exchange::Exchange& exchange, const http::RequestContext& context) {
  auto matches = exchange.MyMatches(context.actor);
  if (!matches) return matches.error();
  return Ok(json::object{{"matches", MatchesJson(*matches)}});
}

// GET /api/matches/{id}
Result<Reply> GetMatch(exchange::Exchange& exchange, const http::RequestContext& context) {
  auto id = PathId(context, "id");
  if (!id) return id.error();
  auto view = exchange.Match(context.actor, *id);
  if (!view) return NamingId(view.error(), "match", *id);
  return Ok(json::object{{"match", MatchJson(view->match)},
                         {"posting", PostingJson(view->posting, Shape::kPublic)},
                         {"as_person", view->as_person},
                         {"as_poster", view->as_poster}});
}

// POST /api/matches/{id}/answer: the answer is given for the side the actor stands on.
Result<Reply> AnswerMatch(exchange::Exchange& exchange, const http::RequestContext& context,
                          const json::object& body) {
  using domain::MatchEvent;
  auto id = PathId(context, "id");
  if (!id) return id.error();
  if (Status known = OnlyKnown(body, {"answer", "text"}); !known) return known.error();
  auto value = Required(body, "answer");
  if (!value) return value.error();
  std::string answer;
  if (Status read = Read("answer", **value, answer); !read) return read.error();
  std::string text;
  if (const json::value* given = body.if_contains("text")) {
    if (Status read = Read("text", *given, text); !read) return read.error();
  }
  if (answer != "accept" && answer != "decline" && answer != "complete") {
    return InvalidArgument("answer", "answer must be accept, decline or complete.");
  }
  auto view = exchange.Match(context.actor, *id);
  if (!view) return NamingId(view.error(), "match", *id);
  MatchEvent event = MatchEvent::kComplete;
  if (answer == "accept") {
    event = view->as_person ? MatchEvent::kPersonAccepts : MatchEvent::kPosterAccepts;
  } else if (answer == "decline") {
    event = view->as_person ? MatchEvent::kPersonDeclines : MatchEvent::kPosterDeclines;
  }
  auto answered = exchange.Answer(context.actor, *id, event, text);
  if (!answered) return NamingId(answered.error(), "match", *id);
  return Ok(MatchJson(*answered));
}

// GET /api/matches/{id}/messages
Result<Reply> ListMessages(exchange::Exchange& exchange, const http::RequestContext& context) {
  auto id = PathId(context, "id");
  if (!id) return id.error();
  auto messages = exchange.Messages(context.actor, *id);
  if (!messages) return NamingId(messages.error(), "match", *id);
  json::array out;
  for (const store::MatchMessage& message : *messages) out.push_back(MessageJson(message));
  return Ok(json::object{{"messages", std::move(out)}});
}

// POST /api/matches/{id}/messages
Result<Reply> SendMessage(exchange::Exchange& exchange, const http::RequestContext& context,
                          const json::object& body) {
  auto id = PathId(context, "id");
  if (!id) return id.error();
  if (Status known = OnlyKnown(body, {"body"}); !known) return known.error();
  auto value = Required(body, "body");
  if (!value) return value.error();
  std::string text;
  if (Status read = Read("body", **value, text); !read) return read.error();
  auto sent = exchange.Send(context.actor, *id, text);
  if (!sent) return NamingId(sent.error(), "match", *id);
  // A message has no address of its own: it is read in the list of its match.
  return Created(MessageJson(*sent), "");
}

// --- Matching rounds (the router lets only matching staff in).

// GET /api/match-rounds
Result<Reply> ListRounds(exchange::Exchange& exchange, const http::RequestContext& context) {
  auto limit = CountParam(context.query, "limit", kDefaultRounds);
  if (!limit) return limit.error();
  auto rounds = exchange.Rounds(context.actor, *limit);
  if (!rounds) return rounds.error();
  json::array out;
  for (const store::MatchRound& round : *rounds) out.push_back(RoundJson(round));
  return Ok(json::object{{"rounds", std::move(out)}});
}

// POST /api/match-rounds
Result<Reply> RunRound(exchange::Exchange& exchange, const http::RequestContext& context,
                       const json::object& body) {
  if (Status known = OnlyKnown(body, {"favour_waiting"}); !known) return known.error();
  bool favour_waiting = false;
  if (const json::value* value = body.if_contains("favour_waiting")) {
    if (Status read = Read("favour_waiting", *value, favour_waiting); !read) return read.error();
  }
  auto outcome = exchange.RunRound(context.actor, favour_waiting);
  if (!outcome) return outcome.error();
  return Created(OutcomeJson(*outcome), "/api/match-rounds/" + outcome->round.id);
}

// The round `id` with its proposals.
Result<exchange::RoundOutcome> LoadRound(exchange::Exchange& exchange,
                                         const http::RequestContext& context,
                                         const std::string& id) {
  auto outcome = exchange.Round(context.actor, id);
  if (!outcome) return NamingId(outcome.error(), "matching round", id);
  return outcome;
}

// GET /api/match-rounds/{id}
Result<Reply> GetRound(exchange::Exchange& exchange, const http::RequestContext& context) {
  auto id = PathId(context, "id");
  if (!id) return id.error();
  auto outcome = LoadRound(exchange, context, *id);
  if (!outcome) return outcome.error();
  return Ok(OutcomeJson(*outcome));
}

// POST /api/match-rounds/{id}/send and /discard: the round afterwards.
Result<Reply> FinishRound(exchange::Exchange& exchange, const http::RequestContext& context,
                          const json::object& body, bool send) {
  auto id = PathId(context, "id");
  if (!id) return id.error();
  if (Status known = OnlyKnown(body, {}); !known) return known.error();
  Status done =
      send ? exchange.SendRound(context.actor, *id) : exchange.DiscardRound(context.actor, *id);
  if (!done) return NamingId(done.error(), "matching round", *id);
  auto outcome = LoadRound(exchange, context, *id);
  if (!outcome) return outcome.error();
  return Ok(OutcomeJson(*outcome));
}

// POST /api/match-rounds/{id}/proposals
Result<Reply> ProposeInRound(exchange::Exchange& exchange, const http::RequestContext& context,
                             const json::object& body) {
  auto id = PathId(context, "id");
  if (!id) return id.error();
  if (Status known = OnlyKnown(body, {"person_id", "posting_id"}); !known) return known.error();
  auto person_id = RequiredUuid(body, "person_id");
  if (!person_id) return person_id.error();
  auto posting_id = RequiredUuid(body, "posting_id");
  if (!posting_id) return posting_id.error();
  // The round first, so that a posting is all that can be not found below.
  if (auto round = LoadRound(exchange, context, *id); !round) return round.error();
  auto proposed = exchange.Propose(context.actor, *person_id, *posting_id, *id);
  if (!proposed) {
    Error error = NamingId(proposed.error(), "posting", *posting_id);
    if (error.code == ErrorCode::kNotFound) error.field = "posting_id";
    return error;
  }
  return Created(MatchJson(*proposed), "/api/matches/" + proposed->id);
}

// DELETE /api/match-rounds/{id}/proposals/{match_id}
Result<Reply> DropProposal(exchange::Exchange& exchange, const http::RequestContext& context,
                           const json::object& body) {
  auto id = PathId(context, "id");
  if (!id) return id.error();
  auto match_id = PathId(context, "match_id");
  if (!match_id) return match_id.error();
  if (Status known = OnlyKnown(body, {}); !known) return known.error();
  auto round = LoadRound(exchange, context, *id);
  if (!round) return round.error();
  bool in_round =
      std::any_of(round->proposals.begin(), round->proposals.end(),
                  [&](const store::MatchRecord& match) { return match.id == *match_id; });
  if (!in_round) {
    return NotFound("There is no proposal with id " + *match_id + " in matching round " + *id +
                    ".");
  }
  if (Status dropped = exchange.DropProposal(context.actor, *match_id); !dropped) {
    return NamingId(dropped.error(), "proposal", *match_id);
  }
  return NoContent();
}

using ReadHandler = Result<Reply> (*)(exchange::Exchange&, const http::RequestContext&);
using WriteHandler = Result<Reply> (*)(exchange::Exchange&, const http::RequestContext&,
                                       const json::object&);

}  // namespace

// The store is not read here: every read and write goes through the exchange, where the rules
// are.
void AddExchangeRoutes(http::Router& router, store::Store& /*store*/,
                       exchange::Exchange& exchange) {
  const auto read = [&](std::string pattern, Permission need, ReadHandler handler) {
    router.Get(std::move(pattern), need, [&exchange, handler](const http::RequestContext& context) {
      return Respond(context, handler(exchange, context));
    });
  };
  // Writes check a session's CSRF header, then read the body, then call the handler.
  const auto write = [&](beast_http::verb method, std::string pattern, Permission need,
                         WriteHandler handler) {
    router.Add(method, std::move(pattern), need,
               [&exchange, handler](const http::RequestContext& context) {
                 if (Status csrf = CheckApiCsrf(context); !csrf) {
                   return http::JsonError(context.request, csrf.error());
                 }
                 unsigned status = 400;
                 auto body = ParseBody(context, status);
                 if (!body) return JsonErrorWithStatus(context.request, body.error(), status);
                 return Respond(context, handler(exchange, context, *body));
               });
  };
  const auto post = beast_http::verb::post;
  const auto put = beast_http::verb::put;
  const auto remove = beast_http::verb::delete_;

  read("/api/postings", Permission::kPublic, BrowsePostings);
  read("/api/postings/mine", Permission::kSignedIn, MyPostings);
  read("/api/postings/queue", Permission::kModeratePostings, ModerationQueue);
  read("/api/postings/{id}", Permission::kPublic, GetPosting);
  read("/api/postings/{id}/suggestions", Permission::kSignedIn, SuggestPeople);
  write(post, "/api/postings", Permission::kSignedIn, CreatePosting);
  write(put, "/api/postings/{id}", Permission::kSignedIn, EditPosting);
  write(post, "/api/postings/{id}/status", Permission::kSignedIn, MovePosting);

  read("/api/profiles/me", Permission::kSignedIn, GetProfile);
  read("/api/profiles/me/suggestions", Permission::kSignedIn, SuggestPostings);
  write(put, "/api/profiles/me", Permission::kSignedIn, SaveProfile);
  write(remove, "/api/profiles/me", Permission::kSignedIn, DeleteProfile);
  write(post, "/api/profiles/me/consent", Permission::kSignedIn, GiveConsent);

  read("/api/matches", Permission::kSignedIn, MyMatches);
  read("/api/matches/{id}", Permission::kSignedIn, GetMatch);
  read("/api/matches/{id}/messages", Permission::kSignedIn, ListMessages);
  write(post, "/api/matches/{id}/answer", Permission::kSignedIn, AnswerMatch);
  write(post, "/api/matches/{id}/messages", Permission::kSignedIn, SendMessage);

  read("/api/match-rounds", Permission::kRunMatching, ListRounds);
  read("/api/match-rounds/{id}", Permission::kRunMatching, GetRound);
  write(post, "/api/match-rounds", Permission::kRunMatching, RunRound);
  write(post, "/api/match-rounds/{id}/send", Permission::kRunMatching,
        [](exchange::Exchange& exchange, const http::RequestContext& context,
           const json::object& body) { return FinishRound(exchange, context, body, true); });
  write(post, "/api/match-rounds/{id}/discard", Permission::kRunMatching,
        [](exchange::Exchange& exchange, const http::RequestContext& context,
           const json::object& body) { return FinishRound(exchange, context, body, false); });
  write(post, "/api/match-rounds/{id}/proposals", Permission::kRunMatching, ProposeInRound);
  write(remove, "/api/match-rounds/{id}/proposals/{match_id}", Permission::kRunMatching,
        DropProposal);
}

}  // namespace knooppunt::api
