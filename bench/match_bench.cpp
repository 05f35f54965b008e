// match_bench: the matching budget of DESIGN.md "Budgets". Generates seeded synthetic people and
// postings around towns of Groningen, Friesland and Drenthe, then, R times: times a matching
// round end to end (Matcher::Create, candidates, scores, graph, NetworkSimplex) and the bare
// LEMON solve of the same graph (built from the round's candidates; only run() is timed), and
// compares their optimal costs. Also the greedy total (best score first on the same candidates)
// and the latency of top-10 suggestions for random people. The last line printed is one JSON
// object:
//   {"people","postings","end_to_end_ms","bare_solve_ms","ratio","same_optimal_cost",
//    "optimal_score","greedy_score","suggest_p99_ms"}
// with medians over the R repetitions; ratio = end_to_end_ms / bare_solve_ms.
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "domain/taxonomy.h"
#include "match/matcher.h"

namespace knooppunt::bench {
namespace {

namespace match = knooppunt::match;
using Clock = std::chrono::steady_clock;

struct Options {
  int people = 10000;
  int postings = 2000;
  int repeat = 5;      // rounds timed; medians are reported
  int suggest = 1000;  // people asked for top-10 suggestions
  uint32_t seed = 42;
};

constexpr std::string_view kUsage =
    "usage: match_bench [--people N] [--postings M] [--repeat R] [--suggest Q] [--seed S]\n"
    "  --people N    willing people (default 10000)\n"
    "  --postings M  open postings (default 2000)\n"
    "  --repeat R    timed rounds, medians reported (default 5)\n"
    "  --suggest Q   people asked for top-10 suggestions (default 1000)\n"
    "  --seed S      seed of the synthetic data (default 42)\n"
    "The last line printed is one JSON object: people, postings, end_to_end_ms, bare_solve_ms,\n"
    "ratio, same_optimal_cost, optimal_score, greedy_score, suggest_p99_ms.\n";

std::optional<Options> ParseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (i + 1 >= argc) {
      std::cerr << "match_bench: " << arg << " needs a value\n";
      return std::nullopt;
    }
    std::string value = argv[++i];
    char* end = nullptr;
    long number = std::strtol(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || number < 0 || number > 10'000'000) {
      std::cerr << "match_bench: " << arg << " needs a whole number, not '" << value << "'\n";
      return std::nullopt;
    }
    if (arg == "--people") {
      options.people = static_cast<int>(number);
    } else if (arg == "--postings") {
      options.postings = static_cast<int>(number);
    } else if (arg == "--repeat" && number > 0) {
      options.repeat = static_cast<int>(number);
    } else if (arg == "--suggest" && number > 0) {
      options.suggest = static_cast<int>(number);
    } else if (arg == "--seed") {
      options.seed = static_cast<uint32_t>(number);
    } else {
      std::cerr << "match_bench: unknown option " << arg << "\n";
      return std::nullopt;
    }
  }
  return options;
}

// ---- Synthetic data ---------------------------------------------------------------------------

struct Town {
  const char* name;
  double latitude, longitude;
  double weight;  // share of people and postings
};

constexpr Town kTowns[] = {
    {"Groningen", 53.2194, 6.5665, 23},  {"Leeuwarden", 53.2012, 5.7999, 12},
    {"Assen", 52.9925, 6.5649, 7},       {"Emmen", 52.7858, 6.8976, 6},
    {"Drachten", 53.1122, 6.0989, 5},    {"Heerenveen", 52.9595, 5.9189, 5},
    {"Hoogeveen", 52.7225, 6.4764, 5},   {"Meppel", 52.6956, 6.1944, 3},
    {"Sneek", 53.0326, 5.6589, 3},       {"Veendam", 53.1065, 6.8791, 3},
    {"Stadskanaal", 52.9890, 6.9506, 3}, {"Winschoten", 53.1436, 7.0347, 2},
    {"Delfzijl", 53.3319, 6.9181, 2},    {"Harlingen", 53.1745, 5.4222, 1},
    {"Zuidhorn", 53.2467, 6.4039, 1},
};

const std::vector<std::string> kSkills = {"cooking",   "driving",     "carpentry",   "it",
                                          "childcare", "translation", "bookkeeping", "gardening",
                                          "sewing",    "teaching",    "music"};

class Generator {
 public:
  Generator(uint32_t seed, match::Day today) : random_(seed), today_(today) {
    for (const auto& term : domain::NeedTerms()) {
      needs_.push_back(domain::TermId("needs", term.slug));
    }
    for (const Town& town : kTowns) town_weights_.push_back(town.weight);
  }

  match::Profile Person(int index) {
    match::Profile person;
    person.id = "person-" + std::to_string(index);
    person.consent = Chance(0.95);
    bool newcomer = Chance(0.6);
    if (newcomer) {
      static const std::vector<std::string> kFirst = {"ar", "ti", "uk", "fa",
                                                      "so", "tr", "pl", "en"};
      person.languages.push_back({Pick(kFirst, {25, 15, 20, 10, 8, 10, 7, 5}), match::Cefr::kNone});
      int dutch = PickIndex({20, 25, 25, 20, 10});  // none, A1, A2, B1, B2
      if (dutch > 0) person.languages.push_back({"nl", static_cast<match::Cefr>(dutch)});
      if (Chance(0.3)) person.languages.push_back({"en", match::Cefr::kNone});
      AddWant(person, match::PostingKind::kVolunteerWork, match::Side::kOffer, 0.5);
      AddWant(person, match::PostingKind::kBuddy, match::Side::kRequest, 0.4);
      AddWant(person, match::PostingKind::kGoods, match::Side::kRequest, 0.3);
      AddWant(person, match::PostingKind::kPracticalHelp, match::Side::kRequest, 0.4);
      AddWant(person, match::PostingKind::kExpertise, match::Side::kRequest, 0.3);
      if (Chance(0.05)) {
        person.wants.push_back({match::PostingKind::kSpace, match::Side::kRequest});
        person.group_size = Uniform(10, 80);
        if (Chance(0.5)) person.needs.push_back(match::Facility::kPrayerSpace);
      }
      if (person.wants.empty())
        person.wants.push_back({match::PostingKind::kBuddy, match::Side::kRequest});
      if (Chance(0.1)) AddCertificate(person, match::CertificateKind::kVog);
    } else {
      person.languages.push_back({"nl", match::Cefr::kC2});
      if (Chance(0.7)) person.languages.push_back({"en", match::Cefr::kNone});
      if (Chance(0.15)) {
        static const std::vector<std::string> kOther = {"ar", "tr", "pl", "uk"};
        person.languages.push_back({Pick(kOther, {1, 1, 1, 1}), match::Cefr::kNone});
      }
      AddWant(person, match::PostingKind::kBuddy, match::Side::kOffer, 0.4);
      AddWant(person, match::PostingKind::kPracticalHelp, match::Side::kOffer, 0.4);
      AddWant(person, match::PostingKind::kVolunteerWork, match::Side::kOffer, 0.4);
      AddWant(person, match::PostingKind::kExpertise, match::Side::kRequest, 0.1);
      if (person.wants.empty())
        person.wants.push_back({match::PostingKind::kVolunteerWork, match::Side::kOffer});
      if (Chance(0.4)) AddCertificate(person, match::CertificateKind::kVog);
    }
    if (Chance(0.1)) AddCertificate(person, match::CertificateKind::kFirstAid);
    for (int i = Uniform(0, 3); i > 0; --i) person.skills.push_back(Pick(kSkills));
    for (int i = Uniform(1, 3); i > 0; --i) person.interests.push_back(Pick(needs_));
    person.availability = Slots(Uniform(3, 9));
    person.home = Place();
    static const std::vector<double> kTravel = {5, 10, 15, 25};
    person.travel_km = kTravel[static_cast<size_t>(PickIndex({30, 35, 20, 15}))];
    person.max_matches = 1 + PickIndex({85, 12, 3});
    int age = Uniform(16, 75);
    if (Chance(0.9)) {
      person.birth_date = today_ - std::chrono::days{age * 365 + Uniform(0, 364)};
    } else {
      person.age = age;
    }
    if (Chance(0.5)) person.gender = static_cast<match::Gender>(PickIndex({48, 48, 4}));
    if (Chance(0.2)) person.buddy_gender = static_cast<match::Gender>(PickIndex({1, 1}));
    person.waiting_since = today_ - std::chrono::days{Uniform(0, 500)};
    return person;
  }

  match::Posting Posting(int index) {
    match::Posting posting;
    posting.id = "posting-" + std::to_string(index);
    posting.place = Place();
    posting.start = today_ + std::chrono::days{Uniform(-60, 60)};
    if (Chance(0.5)) posting.end = posting.start + std::chrono::days{Uniform(30, 365)};
    posting.radius_km = 10 + Uniform(0, 20);
    for (int i = Uniform(1, 2); i > 0; --i) posting.terms.push_back(Pick(needs_));
    static const std::vector<std::string> kOther = {"ar", "ti", "uk", "fa", "so", "tr", "pl"};
    switch (PickIndex({35, 15, 5, 10, 5, 12, 10, 8})) {
      case 0:  // an organisation asks for volunteers
        Kind(posting, match::PostingKind::kVolunteerWork, match::Side::kRequest);
        posting.spots = Uniform(1, 6);
        posting.languages = {"nl"};
        if (Chance(0.3)) posting.languages.push_back("en");
        if (Chance(0.25)) posting.languages.push_back(Pick(kOther));
        posting.min_dutch =
            static_cast<match::Cefr>(std::vector<int>{0, 2, 3}[PickIndex({40, 35, 25})]);
        if (Chance(0.3)) posting.certificates.push_back(match::CertificateKind::kVog);
        if (Chance(0.05)) posting.certificates.push_back(match::CertificateKind::kFirstAid);
        posting.min_age = std::vector<int>{0, 16, 18}[PickIndex({50, 20, 30})];
        posting.availability = Slots(Uniform(2, 5));
        for (int i = Uniform(1, 2); i > 0; --i) posting.skills.push_back(Pick(kSkills));
        break;
      case 1:  // a volunteer offers to be a buddy
        Kind(posting, match::PostingKind::kBuddy, match::Side::kOffer);
        posting.spots = Uniform(1, 2);
        posting.languages = {"nl"};
        if (Chance(0.4)) posting.languages.push_back(Chance(0.5) ? "en" : Pick(kOther));
        posting.availability = Slots(Uniform(2, 4));
        if (Chance(0.6)) posting.gender = static_cast<match::Gender>(PickIndex({1, 1}));
        break;
      case 2:  // a newcomer asks for a buddy
        Kind(posting, match::PostingKind::kBuddy, match::Side::kRequest);
        posting.languages = {Pick(kOther)};
        if (Chance(0.5)) posting.languages.push_back("nl");
        posting.availability = Slots(Uniform(3, 6));
        break;
      case 3:  // goods on offer
        Kind(posting, match::PostingKind::kGoods, match::Side::kOffer);
        posting.spots = Uniform(1, 3);
        posting.radius_km = 10;
        break;
      case 4:  // a room on offer
        Kind(posting, match::PostingKind::kSpace, match::Side::kOffer);
        posting.seats = Uniform(10, 120);
        posting.availability = Slots(Uniform(2, 6));
        for (int f = 0; f < match::kFacilities; ++f) {
          if (Chance(0.4)) posting.facilities.push_back(static_cast<match::Facility>(f));
        }
        break;
      case 5:  // advice or a training
        Kind(posting, match::PostingKind::kExpertise, match::Side::kOffer);
        posting.spots = Uniform(5, 20);
        posting.languages = {Chance(0.5) ? "nl" : Pick(kOther)};
        if (Chance(0.4)) posting.languages.push_back("en");
        if (Chance(0.3)) posting.place.reset();  // online
        posting.availability = Slots(Uniform(1, 2));
        break;
      case 6:  // practical help on offer
        Kind(posting, match::PostingKind::kPracticalHelp, match::Side::kOffer);
        posting.spots = Uniform(1, 3);
        posting.languages = {"nl"};
        if (Chance(0.3)) posting.languages.push_back(Pick(kOther));
        posting.availability = Slots(Uniform(2, 5));
        break;
      default:  // a newcomer asks for practical help
        Kind(posting, match::PostingKind::kPracticalHelp, match::Side::kRequest);
        posting.languages = {Pick(kOther), "nl"};
        posting.availability = Slots(Uniform(2, 5));
        for (int i = Uniform(0, 1); i > 0; --i) posting.skills.push_back(Pick(kSkills));
        break;
    }
    return posting;
  }

 private:
  bool Chance(double p) { return std::bernoulli_distribution(p)(random_); }
  int Uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  int PickIndex(std::vector<double> weights) {
    return std::discrete_distribution<int>(weights.begin(), weights.end())(random_);
  }
  const std::string& Pick(const std::vector<std::string>& from) {
    return from[static_cast<size_t>(Uniform(0, static_cast<int>(from.size()) - 1))];
  }
  const std::string& Pick(const std::vector<std::string>& from, std::vector<double> weights) {
    return from[static_cast<size_t>(PickIndex(std::move(weights)))];
  }
  static void Kind(match::Posting& posting, match::PostingKind kind, match::Side side) {
    posting.kind = kind;
    posting.side = side;
  }
  void AddWant(match::Profile& person, match::PostingKind kind, match::Side side, double p) {
    if (Chance(p)) person.wants.push_back({kind, side});
  }
  void AddCertificate(match::Profile& person, match::CertificateKind kind) {
    person.certificates.push_back({kind, today_ + std::chrono::days{Uniform(-180, 900)}});
  }
  match::WeeklySlots Slots(int count) {
    match::WeeklySlots slots;
    for (int i = 0; i < count; ++i) {
      slots.Add(Uniform(0, 6), static_cast<match::DayPart>(Uniform(0, 2)));
    }
    return slots;
  }
  // A place around a town: normally spread, about 2.5 km each way.
  domain::LatLon Place() {
    std::discrete_distribution<int> town(town_weights_.begin(), town_weights_.end());
    const Town& at = kTowns[town(random_)];
    std::normal_distribution<double> north(0, 0.0225), east(0, 0.0375);
    return {at.latitude + north(random_), at.longitude + east(random_)};
  }

  std::mt19937_64 random_;
  match::Day today_;
  std::vector<std::string> needs_;
  std::vector<double> town_weights_;
};

// ---- Measurements -------------------------------------------------------------------------------

double Milliseconds(Clock::duration duration) {
  return std::chrono::duration<double, std::milli>(duration).count();
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double Percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  size_t rank = static_cast<size_t>(std::ceil(p * static_cast<double>(values.size())));
  return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

struct BareSolve {
  double run_ms = 0;
  int64_t cost = 0;
};

// LEMON alone on the round's graph, built here from the candidates in the same order as
// match::SolveRound builds it; only run() is timed.
BareSolve SolveBare(const std::vector<match::Candidate>& candidates,
                    const std::vector<int>& capacity, const std::vector<int>& spots) {
  using Graph = lemon::SmartDigraph;
  Graph graph;
  std::vector<int> upper;
  std::vector<int64_t> cost;
  std::vector<int> person_node(capacity.size(), -1), posting_node(spots.size(), -1);
  Graph::Node source = graph.addNode(), sink = graph.addNode();
  int supply = 0;
  auto arc = [&](Graph::Node from, Graph::Node to, int cap, int64_t arc_cost) {
    graph.addArc(from, to);
    upper.push_back(cap);
    cost.push_back(arc_cost);
  };
  for (const match::Candidate& c : candidates) {
    if (c.weight() <= 0 || capacity[c.person] == 0 || spots[c.posting] == 0) continue;
    if (person_node[c.person] < 0) {
      Graph::Node node = graph.addNode();
      person_node[c.person] = graph.id(node);
      arc(source, node, capacity[c.person], 0);
      supply += capacity[c.person];
    }
    if (posting_node[c.posting] < 0) {
      Graph::Node node = graph.addNode();
      posting_node[c.posting] = graph.id(node);
      arc(node, sink, spots[c.posting], 0);
    }
    arc(graph.nodeFromId(person_node[c.person]), graph.nodeFromId(posting_node[c.posting]), 1,
        -static_cast<int64_t>(c.weight()));
  }
  arc(source, sink, supply, 0);
  Graph::ArcMap<int> upper_map(graph);
  Graph::ArcMap<int64_t> cost_map(graph);
  for (Graph::ArcIt a(graph); a != lemon::INVALID; ++a) {
    upper_map[a] = upper[graph.id(a)];
    cost_map[a] = cost[graph.id(a)];
  }
  Graph::NodeMap<int> supply_map(graph, 0);
  supply_map[source] = supply;
  supply_map[sink] = -supply;
  lemon::NetworkSimplex<Graph, int, int64_t> solver(graph);
  solver.upperMap(upper_map).costMap(cost_map).supplyMap(supply_map);
  Clock::time_point start = Clock::now();
  auto outcome = solver.run();
  BareSolve result;
  result.run_ms = Milliseconds(Clock::now() - start);
  if (outcome != lemon::NetworkSimplex<Graph, int, int64_t>::OPTIMAL) {
    std::cerr << "match_bench: the bare solve found no optimum\n";
    std::exit(1);
  }
  result.cost = solver.totalCost();
  return result;
}

// Best score first on the same candidates, as long as capacities allow.
int64_t GreedyScore(std::vector<match::Candidate> candidates, std::vector<int> capacity,
                    std::vector<int> spots) {
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.person != b.person ? a.person < b.person : a.posting < b.posting;
  });
  int64_t total = 0;
  for (const match::Candidate& c : candidates) {
    if (capacity[c.person] > 0 && spots[c.posting] > 0) {
      --capacity[c.person];
      --spots[c.posting];
      total += c.score;
    }
  }
  return total;
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

int Run(const Options& options) {
  const match::Day today{std::chrono::year{2026} / 11 / 21};
  Generator generator(options.seed, today);
  std::vector<match::Profile> people;
  std::vector<match::Posting> postings;
  for (int i = 0; i < options.people; ++i) people.push_back(generator.Person(i));
  for (int i = 0; i < options.postings; ++i) postings.push_back(generator.Posting(i));
  std::vector<int> capacity, spots;
  for (const match::Profile& person : people) capacity.push_back(person.max_matches);
  for (const match::Posting& posting : postings) spots.push_back(posting.spots);
  std::cout << "match_bench: " << options.people << " people, " << options.postings
            << " postings, seed " << options.seed << ", load " << LoadAverage() << "\n";

  std::vector<double> end_to_end, bare, create, candidates_only;
  bool same_cost = true;
  int64_t optimal_score = 0, greedy_score = 0, pairs = 0, assigned = 0;
  std::unique_ptr<match::Matcher> matcher;
  for (int r = 0; r < options.repeat; ++r) {
    std::vector<match::Profile> people_copy = people;
    std::vector<match::Posting> postings_copy = postings;
    Clock::time_point start = Clock::now();
    auto created = match::Matcher::Create(std::move(people_copy), std::move(postings_copy),
                                          match::Weights{}, today);
    if (!created.ok()) {
      std::cerr << "match_bench: " << created.error().field << ": " << created.error().message
                << "\n";
      return 1;
    }
    Clock::time_point compiled = Clock::now();
    auto round = (*created)->Round({});
    Clock::time_point done = Clock::now();
    if (!round.ok()) {
      std::cerr << "match_bench: " << round.error().message << "\n";
      return 1;
    }
    matcher = std::move(created).value();
    end_to_end.push_back(Milliseconds(done - start));
    create.push_back(Milliseconds(compiled - start));

    Clock::time_point candidates_start = Clock::now();
    std::vector<match::Candidate> candidates = matcher->Candidates(false);
    candidates_only.push_back(Milliseconds(Clock::now() - candidates_start));
    BareSolve solve = SolveBare(candidates, capacity, spots);
    bare.push_back(solve.run_ms);
    same_cost = same_cost && solve.cost == -round->total_weight;
    optimal_score = round->total_score;
    pairs = round->candidate_pairs;
    assigned = static_cast<int64_t>(round->assignments.size());
    greedy_score = GreedyScore(candidates, capacity, spots);
    std::cout << "  round " << r + 1 << ": end to end " << end_to_end.back() << " ms (create "
              << create.back() << ", candidates alone " << candidates_only.back()
              << "), bare solve " << solve.run_ms << " ms, cost " << -round->total_weight
              << " vs bare " << solve.cost << "\n";
  }

  std::mt19937 random(options.seed + 1);
  std::uniform_int_distribution<size_t> anyone(0, people.size() - 1);
  std::vector<double> suggest;
  size_t suggested = 0;
  if (!people.empty()) {
    for (int q = 0; q < options.suggest; ++q) {
      size_t person = anyone(random);
      Clock::time_point start = Clock::now();
      std::vector<match::Suggestion> top = matcher->SuggestForPerson(person, {.k = 10});
      suggest.push_back(Milliseconds(Clock::now() - start));
      suggested += top.size();
    }
  }
  double suggest_p50 = suggest.empty() ? 0 : Percentile(suggest, 0.5);
  double suggest_p99 = suggest.empty() ? 0 : Percentile(suggest, 0.99);

  double e2e = Median(end_to_end), solve = Median(bare);
  std::cout << "  candidate pairs " << pairs << " ("
            << (people.empty() ? 0.0 : double(pairs) / double(people.size()))
            << " per person), assigned " << assigned << "\n"
            << "  medians: end to end " << e2e << " ms, create " << Median(create)
            << " ms, candidates alone " << Median(candidates_only) << " ms, bare solve " << solve
            << " ms\n"
            << "  suggestions: p50 " << suggest_p50 << " ms, p99 " << suggest_p99 << " ms, "
            << (suggest.empty() ? 0.0 : double(suggested) / double(suggest.size()))
            << " per person\n"
            << "  load " << LoadAverage() << "\n";
  char json[512];
  std::snprintf(json, sizeof json,
                "{\"people\":%d,\"postings\":%d,\"end_to_end_ms\":%.1f,\"bare_solve_ms\":%.1f,"
                "\"ratio\":%.2f,\"same_optimal_cost\":%s,\"optimal_score\":%lld,"
                "\"greedy_score\":%lld,\"suggest_p99_ms\":%.3f}",
                options.people, options.postings, e2e, solve, solve > 0 ? e2e / solve : 0.0,
                same_cost ? "true" : "false", static_cast<long long>(optimal_score),
                static_cast<long long>(greedy_score), suggest_p99);
  std::cout << json << std::endl;
  return same_cost ? 0 : 1;
}

}  // namespace
}  // namespace knooppunt::bench

int main(int argc, char** argv) {
  auto options = knooppunt::bench::ParseOptions(argc, argv);
  if (!options) {
    std::cerr << knooppunt::bench::kUsage;
    return 2;
  }
  return knooppunt::bench::Run(*options);
}
