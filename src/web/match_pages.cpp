#include "web/match_pages.h"

#include <ctemplate/template.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/exchange.h"
#include "domain/model.h"
#include "domain/permissions.h"
#include "domain/schedule.h"
#include "domain/time.h"
#include "exchange/exchange.h"
#include "http/message.h"
#include "http/router.h"
#include "store/store.h"
#include "web/exchange_words.h"
#include "web/i18n.h"
#include "web/page.h"
#include "web/page_text.h"
#include "web/texts.h"

namespace knooppunt::web {
namespace {

namespace beast_http = boost::beast::http;
using ctemplate::TemplateDictionary;
using domain::MatchEvent;
using domain::MatchStatus;

constexpr int64_t kQueuePerPage = 20;
constexpr int64_t kRoundsShown = 20;
constexpr size_t kSwapSuggestions = 5;
constexpr size_t kMaxAnswerText = 1000;  // code points, as Exchange::Answer allows
constexpr size_t kMaxMessage = 2000;     // code points, as Exchange::Send allows

// Text from a textarea as stored: line breaks as "\n" (browsers send "\r\n", which the length
// limits would count twice).
std::string Lines(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string Joined(const std::vector<std::string>& parts, std::string_view separator = ", ") {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

MatchStatus StatusOf(const store::MatchRecord& match) {
  return domain::ParseMatchStatus(match.status).value_or(MatchStatus::kDeclined);
}

// The translated text around {1} of a pattern, for a heading whose {1} is marked up.
std::pair<std::string, std::string> Around(const std::string& pattern) {
  size_t at = pattern.find("{1}");
  if (at == std::string::npos) return {pattern, ""};
  return {pattern.substr(0, at), pattern.substr(at + 3)};
}

std::string KindText(const Language& language, const store::PostingRecord& posting) {
  return Filled(language, "MAT_KIND_SIDE",
                {PostingKindText(language, posting.kind), PostingSideText(language, posting.side)});
}

void AddReasons(const Language& language, TemplateDictionary& parent,
                std::string_view reasons_json) {
  std::vector<std::string> reasons = ReasonTexts(language, reasons_json);
  if (reasons.empty()) return;
  TemplateDictionary* section = parent.AddSectionDictionary("REASONS");
  for (const std::string& reason : reasons) {
    section->AddSectionDictionary("REASON")->SetValue("TEXT", reason);
  }
}

// The notice of the first flag in the query that has one.
void AddNotice(const Visit& visit, TemplateDictionary& page,
               std::initializer_list<std::pair<std::string_view, std::string_view>> flags) {
  for (const auto& [flag, key] : flags) {
    if (visit.http.query.contains(flag)) {
      page.SetValueAndShowSection("TEXT", T(visit.language, key), "NOTICE");
      return;
    }
  }
}

// A 1-based page number from the query ("pagina"); 1 when absent, nullopt when malformed.
std::optional<int64_t> PageNumber(const Visit& visit) {
  auto found = visit.http.query.find("pagina");
  if (found == visit.http.query.end()) return 1;
  int64_t page = 0;
  const std::string& text = found->second;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), page);
  // Far past any real queue, and small enough that an offset never overflows.
  constexpr int64_t kLastPage = 100000;
  if (error != std::errc() || end != text.data() + text.size() || page < 1 || page > kLastPage) {
    return std::nullopt;
  }
  return page;
}

// One line of a posting's facts for the help desk; `own`: written by its author (dir="auto").
struct Fact {
  std::string label;
  std::string value;
  bool own = false;
};

// Everything the author wrote or chose, for staff to judge a posting by.
std::vector<Fact> PostingFacts(const Language& language, const store::PostingRecord& posting) {
  std::vector<Fact> facts;
  auto add = [&](std::string_view key, std::string value, bool own = false) {
    if (!value.empty()) facts.push_back({T(language, key), std::move(value), own});
  };
  add("MAT_KIND", KindText(language, posting));
  if (posting.latitude && !posting.place_name.empty()) {
    add("MAT_PLACE",
        Filled(language, "MAT_PLACE_RADIUS",
               {posting.place_name, language.Number(posting.radius_km, 0)}),
        true);
  } else if (!posting.place_name.empty()) {
    add("MAT_PLACE", posting.place_name, true);
  } else {
    add("MAT_PLACE", T(language, "MAT_NO_PLACE"));
  }
  std::vector<std::string> languages;
  for (const std::string& code : posting.languages) {
    languages.push_back(SpokenLanguageText(language, code));
  }
  add("MAT_LANGUAGES", languages.empty() ? T(language, "MAT_ANY_LANGUAGE") : Joined(languages));
  if (posting.ends_on) {
    add("MAT_DATES", Filled(language, "MAT_FROM_TO",
                            {posting.starts_on.empty() ? LocalDateTime(language, posting.created_at)
                                                       : language.Date(posting.starts_on),
                             language.Date(*posting.ends_on)}));
  } else if (!posting.starts_on.empty()) {
    add("MAT_DATES", Filled(language, "MAT_FROM", {language.Date(posting.starts_on)}));
  }
  add("MAT_SLOTS", Joined(SlotTexts(language, posting.availability)));
  add("MAT_CAPACITY", language.Integer(posting.capacity));
  std::vector<std::string> needs;
  for (const std::string& certificate : posting.certificates) {
    needs.push_back(CertificateText(language, certificate));
  }
  if (posting.min_dutch) needs.push_back(Filled(language, "MAT_MIN_DUTCH", {*posting.min_dutch}));
  if (posting.min_age > 0) {
    needs.push_back(Filled(language, "MAT_MIN_AGE", {language.Integer(posting.min_age)}));
  }
  add("MAT_NEEDS", Joined(needs));
  add("MAT_SKILLS", Joined(posting.skills), true);
  std::vector<std::string> goods = {posting.goods_category};
  if (!posting.delivery.empty()) goods.push_back(DeliveryText(language, posting.delivery));
  add("MAT_GOODS", Joined(goods), true);
  std::vector<std::string> space;
  if (posting.seats > 0) {
    space.push_back(Filled(language, "MAT_SEATS", {language.Integer(posting.seats)}));
  }
  for (const std::string& facility : posting.facilities) {
    space.push_back(FacilityText(language, facility));
  }
  if (posting.price_cents) {
    space.push_back(
        *posting.price_cents == 0
            ? T(language, "MAT_FREE")
            : Filled(language, "MAT_PRICE", {language.Number(*posting.price_cents / 100.0, 2)}));
  }
  add("MAT_SPACE", Joined(space));
  add("MAT_POSTED_ON", LocalDateTime(language, posting.created_at));
  return facts;
}

// Why Exchange::Propose refused a pair: its kConflict names a field or a hard constraint.
std::string_view RefusalKey(std::string_view field) {
  static constexpr std::pair<std::string_view, std::string_view> kKeys[] = {
      {"round_id", "MAT_REFUSED_ROUND"},
      {"posting_id", "MAT_REFUSED_POSTING"},
      {"person_id", "MAT_REFUSED_PERSON"},
      {"consent", "MAT_REFUSED_PERSON"},
      {"kind", "MAT_REFUSED_KIND"},
      {"capacity", "MAT_REFUSED_CAPACITY"},
      {"facilities", "MAT_REFUSED_FACILITIES"},
      {"dates", "MAT_REFUSED_DATES"},
      {"time_slot", "MAT_REFUSED_TIME_SLOT"},
      {"language", "MAT_REFUSED_LANGUAGE"},
      {"dutch_level", "MAT_REFUSED_DUTCH_LEVEL"},
      {"certificate", "MAT_REFUSED_CERTIFICATE"},
      {"age", "MAT_REFUSED_AGE"},
      {"distance", "MAT_REFUSED_DISTANCE"},
      {"score", "MAT_REFUSED_SCORE"},
  };
  for (const auto& [name, key] : kKeys) {
    if (name == field) return key;
  }
  return "MAT_REFUSED_TAKEN";  // the store's refusal: the pair has a proposal already
}

// What the match page shows again after a refused answer or message.
struct MatchState {
  unsigned status = 200;
  std::string alert = "";                         // translated, above everything
  FormErrors errors = {};                         // by element id: "reden", "bericht", "feedback"
  std::map<std::string, std::string> typed = {};  // by element id
};

// What the round page shows again after a refused change.
struct RoundState {
  unsigned status = 200;
  std::string alert = "";        // translated, above everything
  std::string swap_for = "";     // the proposal whose swap was refused
  std::string swap_error = "";   // translated
  std::string swap_person = "";  // the person chosen for it
};

class MatchSite {
 public:
  MatchSite(store::Store& store, exchange::Exchange& exchange, const std::string& public_url)
      : store_(store), exchange_(exchange), layout_(public_url) {}

  // --- My matches.

  http::Response MyMatches(const Visit& visit) {
    const Language& language = visit.language;
    const domain::Actor& actor = visit.http.actor;
    auto matches = exchange_.MyMatches(actor);
    if (!matches) return Refusal(visit, matches.error());
    std::vector<exchange::MatchView> views;
    for (const store::MatchRecord& match : *matches) {
      auto view = exchange_.Match(actor, match.id);
      if (!view) {
        if (view.error().code == ErrorCode::kNotFound) continue;  // gone meanwhile
        return Refusal(visit, view.error());
      }
      views.push_back(std::move(*view));
    }
    return layout_.Render(
        visit, 200, T(language, "MAT_TITLE"), "match_list.tpl", [&](TemplateDictionary& page) {
          if (views.empty()) {
            page.SetValueAndShowSection("PROFILE_URL", language.prefix() + "/mijn-profiel", "NONE");
            return;
          }
          TemplateDictionary* list = page.AddSectionDictionary("LIST");
          for (const exchange::MatchView& view : views) {
            FillListItem(language, *list->AddSectionDictionary("MATCH"), view);
          }
        });
  }

  // --- One match.

  http::Response MatchPage(const Visit& visit, const MatchState& state = {}) {
    auto id = PathId(visit);
    if (!id) return layout_.NotFound(visit);
    const Language& language = visit.language;
    const domain::Actor& actor = visit.http.actor;
    auto view = exchange_.Match(actor, *id);
    if (!view) return Refusal(visit, view.error());
    const store::MatchRecord& match = view->match;
    const store::PostingRecord& posting = view->posting;
    MatchStatus status = StatusOf(match);
    bool side = view->as_person || view->as_poster;
    bool pending = domain::IsMatchPending(status);
    bool my_turn = Awaits(*view);
    bool too_late = pending && !match.expires_at.empty() &&
                    match.expires_at <= domain::FormatUtc(domain::Now());

    std::vector<store::MatchMessage> messages;
    std::string other_name;
    if (side && domain::IsMatchActive(status)) {
      auto read = exchange_.Messages(actor, match.id);
      if (!read) return Refusal(visit, read.error());
      messages = std::move(*read);
      other_name =
          view->as_person ? PosterName(language, posting) : PersonName(language, match.person_id);
    }
    std::map<std::string, std::string> senders;  // account id → name, for the messages
    for (const store::MatchMessage& message : messages) {
      if (message.sender_id == actor.user_id || senders.contains(message.sender_id)) continue;
      senders[message.sender_id] = message.sender_id == match.person_id
                                       ? PersonName(language, match.person_id)
                                       : SenderName(language, message.sender_id, posting);
    }

    std::vector<std::string> cookies;
    std::string csrf = layout_.CsrfToken(visit, cookies);
    std::string base = language.prefix() + "/mijn-matches/" + match.id;
    std::string title_pattern = T(language, "MAT_MATCH_TITLE");
    std::string title = Language::Fill(title_pattern, std::vector{posting.title});
    return layout_.Render(
        visit, state.status, title, "match.tpl",
        [&](TemplateDictionary& page) {
          auto [before, after] = Around(title_pattern);
          page.SetValue("HEADING_BEFORE", before);
          page.SetValue("HEADING_AFTER", after);
          page.SetValue("TITLE", posting.title);
          page.SetValue("CSRF", csrf);
          page.SetValue("ANSWER_URL", base + "/antwoord");
          page.SetValue("MESSAGE_URL", base + "/bericht");
          page.SetValue("BACK_URL", language.prefix() + "/mijn-matches");
          page.SetValue("POSTING_URL", language.prefix() + "/vraag-en-aanbod/" + posting.id);
          if (state.alert.empty() && state.errors.empty()) {
            AddNotice(visit, page,
                      {{"ja", "MAT_ANSWERED_YES"},
                       {"nee", "MAT_ANSWERED_NO"},
                       {"klaar", "MAT_ANSWERED_DONE"},
                       {"bericht", "MAT_MESSAGE_SENT"}});
          }
          if (!state.alert.empty()) page.SetValueAndShowSection("TEXT", state.alert, "ALERT");
          if (!state.errors.empty()) {
            TemplateDictionary* errors = page.AddSectionDictionary("ERRORS");
            for (const auto& [field, text] : state.errors) {
              TemplateDictionary* error = errors->AddSectionDictionary("ERROR");
              error->SetValue("FIELD", field);
              error->SetValue("TEXT", text);
            }
          }
          page.SetValue("ABOUT", T(language, view->as_person   ? "MAT_ABOUT_PERSON"
                                             : view->as_poster ? "MAT_ABOUT_POSTER"
                                                               : "MAT_ABOUT_STAFF"));
          page.SetValue("KIND", KindText(language, posting));
          page.SetValue("ROLE", T(language, RoleKey(*view)));
          page.SetValue("STATUS", MatchStatusText(language, match.status));
          if (!other_name.empty()) page.SetValueAndShowSection("NAME", other_name, "WITH");
          if (pending && !match.expires_at.empty()) {
            page.SetValueAndShowSection("WHEN", LocalDateTime(language, match.expires_at),
                                        "EXPIRES");
          }
          AddReasons(language, page, match.reasons);
          std::string_view state_key = StateKey(*view, status, my_turn, too_late);
          if (!state_key.empty()) {
            page.SetValueAndShowSection("TEXT", T(language, state_key), "STATE");
          }
          if (my_turn && !too_late) {
            TemplateDictionary* answer = page.AddSectionDictionary("ANSWER");
            AddFieldState(*answer, state, "reden", "REASON");
          }
          if (side && domain::IsMatchActive(status)) {
            TemplateDictionary* conversation = page.AddSectionDictionary("CONVERSATION");
            if (messages.empty()) conversation->ShowSection("NO_MESSAGES");
            TemplateDictionary* list =
                messages.empty() ? nullptr : conversation->AddSectionDictionary("MESSAGES");
            for (const store::MatchMessage& message : messages) {
              TemplateDictionary* item = list->AddSectionDictionary("MESSAGE");
              bool own = message.sender_id == actor.user_id;
              if (own) item->ShowSection("OWN");
              item->SetValue("WHO", own ? T(language, "MAT_YOU") : senders[message.sender_id]);
              item->SetValue("AT", message.created_at);
              item->SetValue("WHEN", LocalDateTime(language, message.created_at));
              item->SetValue("BODY", message.body);
            }
            if (status == MatchStatus::kActive) {
              TemplateDictionary* write = conversation->AddSectionDictionary("WRITE");
              AddFieldState(*write, state, "bericht", "MESSAGE");
              AddFieldState(*write, state, "feedback", "FEEDBACK");
            }
          }
        },
        false, cookies);
  }

  // POST /mijn-matches/{id}/antwoord: antwoord = ja | nee | klaar, tekst = a reason or feedback.
  http::Response Answer(const Visit& visit) {
    PostToMatch posted = ReadPostToMatch(visit);
    if (posted.refusal) return *posted.refusal;
    const Language& language = visit.language;
    const domain::Actor& actor = visit.http.actor;
    const std::string& id = posted.id;
    const exchange::MatchView& view = *posted.view;
    const FormFields& fields = posted.fields;
    std::string answer = FormValue(fields, "antwoord");
    // Answer as the person when the match waits for the person (or the visitor is only that).
    MatchStatus status = StatusOf(view.match);
    bool person_waits = status == MatchStatus::kProposed || status == MatchStatus::kPosterAccepted;
    bool as_person = view.as_person && (!view.as_poster || person_waits);
    std::optional<MatchEvent> event;
    if (answer == "ja") {
      event = as_person ? MatchEvent::kPersonAccepts : MatchEvent::kPosterAccepts;
    } else if (answer == "nee") {
      event = as_person ? MatchEvent::kPersonDeclines : MatchEvent::kPosterDeclines;
    } else if (answer == "klaar") {
      event = MatchEvent::kComplete;
    }
    if (!event) {
      return layout_.Info(visit, 400, "BAD_REQUEST_TITLE", {T(language, "MAT_BAD_ANSWER")}, true);
    }
    std::string field = answer == "klaar" ? "feedback" : "reden";
    std::string text = answer == "ja" ? "" : Trim(Lines(FormValue(fields, "tekst")));
    MatchState state{.typed = {{field, text}}};
    if (CodePoints(text) > kMaxAnswerText) {
      state.status = 400;
      state.errors[field] = T(language, "MAT_TEXT_TOO_LONG");
      return MatchPage(visit, state);
    }
    auto answered = exchange_.Answer(actor, id, *event, text);
    if (!answered) {
      switch (answered.error().code) {
        case ErrorCode::kConflict:
          state.status = 409;
          state.alert =
              T(language, answer == "ja" && view.posting.status != "open" ? "MAT_CONFLICT_NOT_OPEN"
                                                                           : "MAT_CONFLICT");
          return MatchPage(visit, state);
        case ErrorCode::kInvalidArgument:
          state.status = 400;
          state.errors[field] = T(language, "MAT_TEXT_TOO_LONG");
          return MatchPage(visit, state);
        default:
          return Refusal(visit, answered.error());
      }
    }
    return Redirect(visit.http.request,
                    language.prefix() + "/mijn-matches/" + id + "?" + answer + "=1");
  }

  // POST /mijn-matches/{id}/bericht: bericht = 1..2000 characters.
  http::Response Message(const Visit& visit) {
    PostToMatch posted = ReadPostToMatch(visit);
    if (posted.refusal) return *posted.refusal;
    const Language& language = visit.language;
    const domain::Actor& actor = visit.http.actor;
    const std::string& id = posted.id;
    std::string typed = Lines(FormValue(posted.fields, "bericht"));
    std::string body = Trim(typed);
    MatchState state{.status = 400, .typed = {{"bericht", typed}}};
    if (body.empty()) {
      state.errors["bericht"] = T(language, "MAT_MESSAGE_EMPTY");
      return MatchPage(visit, state);
    }
    if (CodePoints(body) > kMaxMessage) {
      state.errors["bericht"] = T(language, "MAT_MESSAGE_TOO_LONG");
      return MatchPage(visit, state);
    }
    auto sent = exchange_.Send(actor, id, body);
    if (!sent) {
      switch (sent.error().code) {
        case ErrorCode::kConflict:
          state.status = 409;
          state.alert = T(language, "MAT_CONFLICT_NOT_ACTIVE");
          return MatchPage(visit, state);
        case ErrorCode::kInvalidArgument:
          state.errors["bericht"] = T(language, "MAT_MESSAGE_TOO_LONG");
          return MatchPage(visit, state);
        default:
          return Refusal(visit, sent.error());
      }
    }
    return Redirect(visit.http.request,
                    language.prefix() + "/mijn-matches/" + id + "?bericht=1#berichten");
  }

  // --- Moderation.

  http::Response Queue(const Visit& visit) {
    const Language& language = visit.language;
    auto number = PageNumber(visit);
    if (!number) return layout_.NotFound(visit);
    auto listed = exchange_.Queue(visit.http.actor, *number, kQueuePerPage);
    if (!listed) return Refusal(visit, listed.error());
    int64_t pages = std::max<int64_t>(1, (listed->total + kQueuePerPage - 1) / kQueuePerPage);
    std::vector<std::string> cookies;
    std::string csrf = layout_.CsrfToken(visit, cookies);
    std::string base = language.prefix() + "/beheer/moderatie";
    return layout_.Render(
        visit, 200, T(language, "MAT_QUEUE_TITLE"), "moderation.tpl",
        [&](TemplateDictionary& page) {
          AddNotice(visit, page,
                    {{"goedgekeurd", "MAT_APPROVED"},
                     {"afgewezen", "MAT_REJECTED"},
                     {"al", "MAT_ALREADY_MODERATED"}});
          if (listed->postings.empty()) page.ShowSection("NONE");
          TemplateDictionary* list =
              listed->postings.empty() ? nullptr : page.AddSectionDictionary("LIST");
          for (const store::PostingRecord& posting : listed->postings) {
            TemplateDictionary* item = list->AddSectionDictionary("POSTING");
            item->SetValue("ID", posting.id);
            item->SetValue("TITLE", posting.title);
            item->SetValue("URL", base + "/" + posting.id);
            item->SetValue("CSRF", csrf);
            for (const Fact& fact : PostingFacts(language, posting)) {
              TemplateDictionary* row = item->AddSectionDictionary("FACT");
              row->SetValue("LABEL", fact.label);
              row->SetValue("VALUE", fact.value);
              if (fact.own) row->ShowSection("OWN");
            }
            if (!posting.description.empty()) {
              item->SetValueAndShowSection("TEXT", posting.description, "DESCRIPTION");
            }
          }
          FillPageLinks(page, language, *number, pages, [&](int64_t n) {
            return WithQuery(base, {{"pagina", std::to_string(n)}});
          });
        },
        false, cookies);
  }

  // POST /beheer/moderatie/{id}: besluit = goedkeuren | afwijzen.
  http::Response Moderate(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    auto id = PathId(visit);
    if (!id) return layout_.NotFound(visit);
    const Language& language = visit.language;
    const domain::Actor& actor = visit.http.actor;
    std::string decision = FormValue(*form.fields, "besluit");
    std::optional<domain::PostingStatus> to;
    if (decision == "goedkeuren") to = domain::PostingStatus::kOpen;
    if (decision == "afwijzen") to = domain::PostingStatus::kClosed;
    if (!to) {
      return layout_.Info(visit, 400, "BAD_REQUEST_TITLE", {T(language, "MAT_BAD_DECISION")}, true);
    }
    std::string base = language.prefix() + "/beheer/moderatie";
    auto posting = exchange_.Get(actor, *id);
    if (!posting) return Refusal(visit, posting.error());
    // Moderators may close any posting: "afwijzen" must not close one a colleague approved.
    if (posting->status != domain::PostingStatusName(domain::PostingStatus::kAwaitingModeration)) {
      return Redirect(visit.http.request, base + "?al=1");
    }
    auto moved = exchange_.Move(actor, *id, *to);
    if (!moved) {
      if (moved.error().code == ErrorCode::kConflict) {
        return Redirect(visit.http.request, base + "?al=1");
      }
      return Refusal(visit, moved.error());
    }
    return Redirect(
        visit.http.request,
        base + (*to == domain::PostingStatus::kOpen ? "?goedgekeurd=1" : "?afgewezen=1"));
  }

  // --- Matching rounds.

  http::Response Rounds(const Visit& visit) {
    const Language& language = visit.language;
    const domain::Actor& actor = visit.http.actor;
    auto rounds = exchange_.Rounds(actor, kRoundsShown);
    if (!rounds) return Refusal(visit, rounds.error());
    std::vector<size_t> counts;
    for (const store::MatchRound& round : *rounds) {
      auto outcome = exchange_.Round(actor, round.id);
      if (!outcome) return Refusal(visit, outcome.error());
      counts.push_back(outcome->proposals.size());
    }
    std::vector<std::string> cookies;
    std::string csrf = layout_.CsrfToken(visit, cookies);
    std::string base = language.prefix() + "/beheer/rondes";
    return layout_.Render(
        visit, 200, T(language, "MAT_ROUNDS_TITLE"), "round_list.tpl",
        [&](TemplateDictionary& page) {
          page.SetValue("NEW_URL", base);
          page.SetValue("CSRF", csrf);
          if (rounds->empty()) page.ShowSection("NONE");
          TemplateDictionary* list = rounds->empty() ? nullptr : page.AddSectionDictionary("LIST");
          for (size_t i = 0; i < rounds->size(); ++i) {
            const store::MatchRound& round = (*rounds)[i];
            TemplateDictionary* item = list->AddSectionDictionary("ROUND");
            item->SetValue("URL", base + "/" + round.id);
            item->SetValue("TITLE", Filled(language, "MAT_ROUND_TITLE",
                                           {LocalDateTime(language, round.created_at)}));
            item->SetValue("STATUS", RoundStatusText(language, round.status));
            item->SetValue("PROPOSALS", language.Integer(static_cast<long long>(counts[i])));
            item->SetValue("SCORE", language.Integer(round.total_score));
            item->SetValue("FAVOUR",
                           T(language, round.favour_waiting ? "MAT_YES_WORD" : "MAT_NO_WORD"));
          }
        },
        false, cookies);
  }

  // POST /beheer/rondes: voorrang = 1 favours those who waited longest.
  http::Response NewRound(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    bool favour_waiting = FormValue(*form.fields, "voorrang") == "1";
    auto outcome = exchange_.RunRound(visit.http.actor, favour_waiting);
    if (!outcome) return Refusal(visit, outcome.error());
    return Redirect(visit.http.request,
                    visit.language.prefix() + "/beheer/rondes/" + outcome->round.id + "?nieuw=1");
  }

  http::Response RoundPage(const Visit& visit, const RoundState& state = {}) {
    auto id = PathId(visit);
    if (!id) return layout_.NotFound(visit);
    const Language& language = visit.language;
    const domain::Actor& actor = visit.http.actor;
    auto outcome = exchange_.Round(actor, *id);
    if (!outcome) return Refusal(visit, outcome.error());
    const store::MatchRound& round = outcome->round;
    bool editable = round.status == "proposal";

    std::map<std::string, std::optional<store::PostingRecord>> postings;
    std::set<std::string> recipients;  // who gets a mail when the round is sent
    for (const store::MatchRecord& proposal : outcome->proposals) {
      auto [at, fresh] = postings.try_emplace(proposal.posting_id);
      if (fresh) {
        auto posting = exchange_.Get(actor, proposal.posting_id);
        if (posting) {
          at->second = std::move(*posting);
        } else if (posting.error().code != ErrorCode::kNotFound) {
          return Refusal(visit, posting.error());
        }
      }
      recipients.insert(proposal.person_id);
      if (at->second) recipients.insert(at->second->author_id);
    }
    // The people each posting could get instead, while the round can change.
    std::map<std::string, Result<std::vector<exchange::PersonSuggestion>>> suggestions;
    if (editable) {
      for (const auto& [posting_id, posting] : postings) {
        suggestions.emplace(posting_id,
                            exchange_.SuggestForPosting(actor, posting_id, kSwapSuggestions));
      }
    }

    std::map<std::string, std::string> names;  // account id → name, for StaffName
    std::vector<std::string> cookies;
    std::string csrf = layout_.CsrfToken(visit, cookies);
    std::string base = language.prefix() + "/beheer/rondes/" + round.id;
    std::string title =
        Filled(language, "MAT_ROUND_TITLE", {LocalDateTime(language, round.created_at)});
    return layout_.Render(
        visit, state.status, title, "round.tpl",
        [&](TemplateDictionary& page) {
          page.SetValue("HEADING", title);
          page.SetValue("CSRF", csrf);
          page.SetValue("BACK_URL", language.prefix() + "/beheer/rondes");
          if (state.alert.empty() && state.swap_error.empty()) {
            AddNotice(visit, page,
                      {{"nieuw", "MAT_ROUND_CREATED"},
                       {"weggehaald", "MAT_DROPPED"},
                       {"gewisseld", "MAT_SWAPPED"},
                       {"verstuurd", "MAT_ROUND_SENT"},
                       {"weggegooid", "MAT_ROUND_DISCARDED"}});
          }
          bool placed = false;  // the refused swap's error stands beside its select
          page.SetValue("STATUS", RoundStatusText(language, round.status));
          page.SetValue("PROPOSALS",
                        language.Integer(static_cast<long long>(outcome->proposals.size())));
          page.SetValue("SCORE", language.Integer(round.total_score));
          page.SetValue("FAVOUR",
                        T(language, round.favour_waiting ? "MAT_YES_WORD" : "MAT_NO_WORD"));
          if (!editable) {
            TemplateDictionary* note = page.AddSectionDictionary("READ_ONLY");
            note->SetValue("TEXT",
                           T(language, round.status == "sent" ? "MAT_ROUND_SENT_NOTE"
                                                              : "MAT_ROUND_DISCARDED_NOTE"));
            if (round.status == "sent") {
              note->SetValueAndShowSection(
                  "TEXT",
                  Plural(language, "MAT_SENT_COUNT", static_cast<long long>(recipients.size())),
                  "SENT_COUNT");
            }
          }
          if (outcome->proposals.empty()) page.ShowSection("NONE");
          TemplateDictionary* list =
              outcome->proposals.empty() ? nullptr : page.AddSectionDictionary("LIST");
          for (const store::MatchRecord& proposal : outcome->proposals) {
            const std::optional<store::PostingRecord>& posting = postings[proposal.posting_id];
            TemplateDictionary* item = list->AddSectionDictionary("PROPOSAL");
            item->SetValue("ID", proposal.id);
            item->SetValue("POSTING_ID", proposal.posting_id);
            item->SetValue("TITLE", posting ? posting->title : proposal.posting_id);
            item->SetValue("KIND", posting ? KindText(language, *posting) : "");
            item->SetValue("PERSON", StaffName(proposal.person_id, names));
            item->SetValue("SCORE", language.Integer(proposal.score));
            AddReasons(language, *item, proposal.reasons);
            if (!editable) {
              item->SetValueAndShowSection("TEXT", MatchStatusText(language, proposal.status),
                                           "MATCH_STATUS");
              continue;
            }
            TemplateDictionary* edit = item->AddSectionDictionary("EDIT");
            edit->SetValue("DROP_URL", base + "/weghalen");
            edit->SetValue("SWAP_URL", base + "/voorstellen");
            bool failed = state.swap_for == proposal.id && !state.swap_error.empty();
            auto found = suggestions.find(proposal.posting_id);
            TemplateDictionary* target = nullptr;
            if (found != suggestions.end() && found->second && !found->second->empty()) {
              target = edit->AddSectionDictionary("SWAP");
              for (const exchange::PersonSuggestion& suggestion : *found->second) {
                TemplateDictionary* option = target->AddSectionDictionary("OPTION");
                option->SetValue("VALUE", suggestion.person_id);
                option->SetValue("TEXT",
                                 Filled(language, "MAT_SWAP_OPTION",
                                        {StaffName(suggestion.person_id, names),
                                         language.Integer(suggestion.score),
                                         Joined(ReasonTexts(language, suggestion.reasons), "; ")}));
                if (failed && suggestion.person_id == state.swap_person) {
                  option->ShowSection("SELECTED");
                }
              }
              if (failed) {
                placed = true;
                TemplateDictionary* errors = page.AddSectionDictionary("ERRORS");
                TemplateDictionary* error = errors->AddSectionDictionary("ERROR");
                error->SetValue("FIELD", "persoon-" + proposal.id);
                error->SetValue("TEXT", state.swap_error);
              }
            } else {
              target = edit->AddSectionDictionary("SWAP_NOTE");
              bool open = found != suggestions.end() && found->second;
              target->SetValue("TEXT", T(language, open ? "MAT_SWAP_NONE" : "MAT_SWAP_NOT_OPEN"));
            }
            if (failed) target->SetValueAndShowSection("TEXT", state.swap_error, "SWAP_ERROR");
          }
          std::string alert = state.alert.empty() && !placed ? state.swap_error : state.alert;
          if (!alert.empty()) page.SetValueAndShowSection("TEXT", alert, "ALERT");
          if (editable) {
            TemplateDictionary* send = page.AddSectionDictionary("EDITABLE");
            send->SetValue("SEND_URL", base + "/versturen");
            send->SetValue("DISCARD_URL", base + "/weggooien");
            send->SetValue("SEND_COUNT", Plural(language, "MAT_SEND_COUNT",
                                                static_cast<long long>(recipients.size())));
          }
        },
        false, cookies);
  }

  // POST /beheer/rondes/{id}/weghalen: voorstel = the id of a proposal of this round.
  http::Response Drop(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    auto id = PathId(visit);
    auto proposal = AsId(FormValue(*form.fields, "voorstel"));
    if (!id || !proposal) return layout_.NotFound(visit);
    auto found = ProposalOfRound(visit, *id, *proposal);
    if (!found) return *found.refusal;
    Status dropped = exchange_.DropProposal(visit.http.actor, *proposal);
    if (!dropped) return RoundChangeRefused(visit, dropped.error());
    return Redirect(visit.http.request,
                    visit.language.prefix() + "/beheer/rondes/" + *id + "?weggehaald=1");
  }

  // POST /beheer/rondes/{id}/voorstellen: persoon and oproep, the pair to propose into this
  // round; voorstel, when given, the proposal it replaces (Exchange::ReplaceProposal).
  http::Response Swap(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    const FormFields& fields = *form.fields;
    const Language& language = visit.language;
    auto id = PathId(visit);
    auto posting_id = AsId(FormValue(fields, "oproep"));
    std::string replaced_text = FormValue(fields, "voorstel");
    auto replaced = AsId(replaced_text);
    if (!id || !posting_id || (!replaced_text.empty() && !replaced)) {
      return layout_.NotFound(visit);
    }
    std::optional<store::MatchRecord> old;  // the proposal to replace
    if (replaced) {
      auto found = ProposalOfRound(visit, *id, *replaced);
      if (!found) return *found.refusal;
      if (found.proposal->posting_id != *posting_id) return layout_.NotFound(visit);
      old = std::move(found.proposal);
    }
    RoundState state{.status = 400, .swap_for = replaced.value_or("")};
    auto person = AsId(FormValue(fields, "persoon"));
    if (!person) {
      state.swap_error = T(language, "MAT_CHOOSE_PERSON");
      return RoundPage(visit, state);
    }
    // Replacing checks the new pair with the old proposal's spot free; a refusal changes nothing.
    auto proposed = old ? exchange_.ReplaceProposal(visit.http.actor, old->id, *person)
                        : exchange_.Propose(visit.http.actor, *person, *posting_id, *id);
    if (!proposed) {
      const Error& error = proposed.error();
      if (error.code != ErrorCode::kConflict) return Refusal(visit, error);
      state.status = 409;
      if (error.field == "round_id" || error.field == "status") {
        state.alert = T(language, "MAT_ROUND_CHANGED");
        return RoundPage(visit, state);
      }
      state.swap_person = *person;
      state.swap_error =
          Filled(language, "MAT_SWAP_FAILED", {T(language, RefusalKey(error.field))});
      return RoundPage(visit, state);
    }
    return Redirect(visit.http.request,
                    language.prefix() + "/beheer/rondes/" + *id + "?gewisseld=1");
  }

  // POST /beheer/rondes/{id}/versturen and …/weggooien.
  http::Response Finish(const Visit& visit, bool send) {
    auto form = layout_.ReadForm(visit);
    if (!form) return *form.refusal;
    auto id = PathId(visit);
    if (!id) return layout_.NotFound(visit);
    Status done = send ? exchange_.SendRound(visit.http.actor, *id)
                       : exchange_.DiscardRound(visit.http.actor, *id);
    if (!done) return RoundChangeRefused(visit, done.error());
    return Redirect(visit.http.request, visit.language.prefix() + "/beheer/rondes/" + *id +
                                            (send ? "?verstuurd=1" : "?weggegooid=1"));
  }

 private:
  // A form posted about a match the visitor is a side of (the person or the poster), or the
  // page to answer with: the form's refusal, 404 for no such match, 403 for staff.
  struct PostToMatch {
    FormFields fields = {};
    std::string id = "";
    std::optional<exchange::MatchView> view = std::nullopt;
    std::optional<http::Response> refusal = std::nullopt;
  };

  PostToMatch ReadPostToMatch(const Visit& visit) {
    auto form = layout_.ReadForm(visit);
    if (!form) return {.refusal = std::move(form.refusal)};
    auto id = PathId(visit);
    if (!id) return {.refusal = layout_.NotFound(visit)};
    // Strangers learn nothing: no such match, as on the page itself.
    auto view = exchange_.Match(visit.http.actor, *id);
    if (!view) return {.refusal = Refusal(visit, view.error())};
    if (!view->as_person && !view->as_poster) return {.refusal = layout_.Forbidden(visit)};
    return {std::move(*form.fields), *id, std::move(*view), std::nullopt};
  }

  // A proposal of a round, or the page to answer with (404 when it is not one of the round's).
  struct FoundProposal {
    std::optional<store::MatchRecord> proposal;
    std::optional<http::Response> refusal;
    explicit operator bool() const { return proposal.has_value(); }
  };

  FoundProposal ProposalOfRound(const Visit& visit, const std::string& round_id,
                                const std::string& proposal_id) {
    auto outcome = exchange_.Round(visit.http.actor, round_id);
    if (!outcome) return {std::nullopt, Refusal(visit, outcome.error())};
    for (store::MatchRecord& proposal : outcome->proposals) {
      if (proposal.id == proposal_id) return {std::move(proposal), std::nullopt};
    }
    return {std::nullopt, layout_.NotFound(visit)};
  }

  // A change to a round that the round's state refused: the round page again, saying so.
  http::Response RoundChangeRefused(const Visit& visit, const Error& error) {
    if (error.code != ErrorCode::kConflict) return Refusal(visit, error);
    return RoundPage(visit, {.status = 409, .alert = T(visit.language, "MAT_ROUND_CHANGED")});
  }

  // The page for an error of the exchange layer.
  http::Response Refusal(const Visit& visit, const Error& error) const {
    switch (error.code) {
      case ErrorCode::kNotFound:
        return layout_.NotFound(visit);
      case ErrorCode::kForbidden:
        return layout_.Forbidden(visit);
      case ErrorCode::kInvalidArgument:
        return layout_.Info(visit, 400, "BAD_REQUEST_TITLE", {T(visit.language, "NOT_FOUND_TEXT")},
                            true);
      default:
        return layout_.Failure(visit);
    }
  }

  // Whether the match waits for the visitor's answer.
  static bool Awaits(const exchange::MatchView& view) {
    MatchStatus status = StatusOf(view.match);
    return (view.as_person &&
            (status == MatchStatus::kProposed || status == MatchStatus::kPosterAccepted)) ||
           (view.as_poster &&
            (status == MatchStatus::kProposed || status == MatchStatus::kPersonAccepted));
  }

  static std::string_view RoleKey(const exchange::MatchView& view) {
    return view.as_person   ? "MAT_ROLE_PERSON"
           : view.as_poster ? "MAT_ROLE_POSTER"
                            : "MAT_ROLE_STAFF";
  }

  // A sentence on where the match stands, beside its status; empty when the forms say it.
  static std::string_view StateKey(const exchange::MatchView& view, MatchStatus status,
                                   bool my_turn, bool too_late) {
    if (domain::IsMatchPending(status)) {
      if (too_late) return "MAT_TOO_LATE";
      if (!my_turn && (view.as_person || view.as_poster)) return "MAT_WAITING_FOR_OTHER";
      return "";
    }
    switch (status) {
      case MatchStatus::kDeclined:
        return "MAT_DECLINED_TEXT";
      case MatchStatus::kExpired:
        return "MAT_EXPIRED_TEXT";
      case MatchStatus::kCompleted:
        return "MAT_COMPLETED_TEXT";
      default:
        return "";
    }
  }

  // The error and typed text of one textarea (element `id`) in `section`'s PREFIX_… names.
  static void AddFieldState(TemplateDictionary& section, const MatchState& state,
                            const std::string& id, const std::string& prefix) {
    if (auto typed = state.typed.find(id); typed != state.typed.end()) {
      section.SetValue(prefix + "_TYPED", typed->second);
    }
    if (auto error = state.errors.find(id); error != state.errors.end()) {
      section.SetValueAndShowSection("TEXT", error->second, prefix + "_ERROR");
    }
  }

  std::optional<store::Account> AccountOf(std::string_view id) {
    auto account = store_.accounts().AccountById(id);
    if (!account || !*account) return std::nullopt;
    return std::move(**account);
  }

  // The name a matched person shows the other side: the one they chose, else a plain word.
  std::string PersonName(const Language& language, std::string_view account_id) {
    auto account = AccountOf(account_id);
    if (account && !account->display_name.empty()) return account->display_name;
    return T(language, "MAT_THE_PERSON");
  }

  // The poster as the matched person sees them: their chosen name, with the organisation the
  // posting is for.
  std::string PosterName(const Language& language, const store::PostingRecord& posting) {
    auto account = AccountOf(posting.author_id);
    std::string name = account ? account->display_name : "";
    std::string organization;
    if (posting.organization_id) {
      auto record = store_.Get(domain::Table::kOrganization, *posting.organization_id);
      if (record && *record) organization = (*record)->Get("name").value_or("");
    }
    if (!name.empty() && !organization.empty()) {
      return Filled(language, "MAT_NAME_AND_ORGANIZATION", {name, organization});
    }
    if (!name.empty()) return name;
    if (!organization.empty()) return organization;
    return T(language, "MAT_THE_POSTER");
  }

  // A writer of a message on the poster's side: the author or a keeper of the organisation.
  std::string SenderName(const Language& language, std::string_view account_id,
                         const store::PostingRecord& posting) {
    if (account_id == posting.author_id) return PosterName(language, posting);
    auto account = AccountOf(account_id);
    if (account && !account->display_name.empty()) return account->display_name;
    return PosterName(language, posting);
  }

  // A person as matching staff see them: the chosen name, else the address before the "@".
  // `seen` keeps the names of one page.
  std::string StaffName(const std::string& account_id, std::map<std::string, std::string>& seen) {
    auto [at, fresh] = seen.try_emplace(account_id);
    if (!fresh) return at->second;
    auto account = AccountOf(account_id);
    if (!account) {
      at->second = account_id;
    } else if (!account->display_name.empty()) {
      at->second = account->display_name;
    } else {
      at->second = account->email.substr(0, account->email.find('@'));
    }
    return at->second;
  }

  static std::string RoundStatusText(const Language& language, std::string_view status) {
    if (status == "proposal") return T(language, "MAT_ROUND_STATUS_PROPOSAL");
    if (status == "sent") return T(language, "MAT_ROUND_STATUS_SENT");
    if (status == "discarded") return T(language, "MAT_ROUND_STATUS_DISCARDED");
    return std::string(status);
  }

  void FillListItem(const Language& language, TemplateDictionary& item,
                    const exchange::MatchView& view) {
    const store::MatchRecord& match = view.match;
    item.SetValue("URL", language.prefix() + "/mijn-matches/" + match.id);
    item.SetValue("TITLE", view.posting.title);
    item.SetValue("KIND", KindText(language, view.posting));
    item.SetValue("ROLE", T(language, RoleKey(view)));
    item.SetValue("STATUS", MatchStatusText(language, match.status));
    if (domain::IsMatchPending(StatusOf(match)) && !match.expires_at.empty()) {
      item.SetValueAndShowSection("WHEN", LocalDateTime(language, match.expires_at), "EXPIRES");
    }
    AddReasons(language, item, match.reasons);
  }

  store::Store& store_;
  exchange::Exchange& exchange_;
  const Layout layout_;
};

}  // namespace

void AddMatchRoutes(http::Router& router, store::Store& store, exchange::Exchange& exchange,
                    const std::string& public_url) {
  auto site = std::make_shared<MatchSite>(store, exchange, public_url);
  auto page = SitePages(router, site);
  const auto get = beast_http::verb::get;
  const auto post = beast_http::verb::post;
  const auto signed_in = domain::Permission::kSignedIn;
  const auto moderate = domain::Permission::kModeratePostings;
  const auto matching = domain::Permission::kRunMatching;
  page(get, "/mijn-matches", signed_in,
       [](MatchSite& s, const Visit& v) { return s.MyMatches(v); });
  page(get, "/mijn-matches/{id}", signed_in,
       [](MatchSite& s, const Visit& v) { return s.MatchPage(v); });
  page(post, "/mijn-matches/{id}/antwoord", signed_in,
       [](MatchSite& s, const Visit& v) { return s.Answer(v); });
  page(post, "/mijn-matches/{id}/bericht", signed_in,
       [](MatchSite& s, const Visit& v) { return s.Message(v); });
  page(get, "/beheer/moderatie", moderate, [](MatchSite& s, const Visit& v) { return s.Queue(v); });
  page(post, "/beheer/moderatie/{id}", moderate,
       [](MatchSite& s, const Visit& v) { return s.Moderate(v); });
  page(get, "/beheer/rondes", matching, [](MatchSite& s, const Visit& v) { return s.Rounds(v); });
  page(post, "/beheer/rondes", matching,
       [](MatchSite& s, const Visit& v) { return s.NewRound(v); });
  page(get, "/beheer/rondes/{id}", matching,
       [](MatchSite& s, const Visit& v) { return s.RoundPage(v); });
  page(post, "/beheer/rondes/{id}/weghalen", matching,
       [](MatchSite& s, const Visit& v) { return s.Drop(v); });
  page(post, "/beheer/rondes/{id}/voorstellen", matching,
       [](MatchSite& s, const Visit& v) { return s.Swap(v); });
  page(post, "/beheer/rondes/{id}/versturen", matching,
       [](MatchSite& s, const Visit& v) { return s.Finish(v, true); });
  page(post, "/beheer/rondes/{id}/weggooien", matching,
       [](MatchSite& s, const Visit& v) { return s.Finish(v, false); });
}

}  // namespace knooppunt::web
