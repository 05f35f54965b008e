#include "search/search_index.h"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_set>

#include "domain/model.h"
#include "domain/schedule.h"
#include "search/doc_table.h"
#include "search/document.h"
#include "search/query_builder.h"
#include "search/snapshot.h"
#include "search/text.h"
#include "store/store.h"

namespace knooppunt::search {
namespace {

namespace fs = std::filesystem;

// Bump when documents change shape: an index of another layout is rebuilt on start.
constexpr std::string_view kLayout = "6";
constexpr std::string_view kLayoutKey = "knooppunt.layout";
constexpr std::string_view kLastChangeKey = "knooppunt.last_change";
constexpr std::string_view kStoreKey = "knooppunt.store";
// One past the last document id of the last rebuild: below it, ids follow the order of name.
constexpr std::string_view kNameOrderedEndKey = "knooppunt.name_ordered_end";
constexpr std::string_view kStubName = "current";
// Xapian's block size (the default is 8 KB). A search reads a few hundred blocks, each a system
// call and a copy; larger blocks made searches about 4 % faster, smaller ones slower.
constexpr int kBlockSize = 32768;
// A rebuild commits after this many documents, which bounds the memory it needs.
constexpr size_t kBuildBatch = 1000;
// A search by distance first looks within this radius, then three times as far, and so on; past
// the last circle it takes the whole radius asked for.
constexpr double kFirstCircleKm = 2;
constexpr double kLastCircleKm = 500;
// Facets count at most this many matches.
constexpr Xapian::doccount kFacetSample = 10000;

Error IndexError(const Xapian::Error& error) {
  return Error{ErrorCode::kInternal,
               std::string("search index: ") + error.get_type() + ": " + error.get_msg(), ""};
}

fs::path StubPath(const IndexOptions& options) { return fs::path(options.path) / kStubName; }

std::string ReadStub(const IndexOptions& options) {
  std::ifstream in(StubPath(options));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Which database an index was built from: its first change-log entry, written when the
// database was set up. Two databases never share it, so an index left from another one (a new
// PostgreSQL database, a replaced SQLite file) is rebuilt rather than patched.
Result<std::string> StoreFingerprint(store::Store& store) {
  auto first = store.ChangesSince(0, 1);
  if (!first) return first.error();
  if (first->empty()) return std::string("empty");
  return first->front().changed_at + " " + first->front().record_id;
}

int64_t LastChangeOf(const Xapian::Database& db) {
  std::string value = db.get_metadata(std::string(kLastChangeKey));
  return value.empty() ? 0 : std::stoll(value);
}

// Writes every document of `snapshot` into an empty `db`, kind by kind: services, then services
// at locations, organisations and terms. Document ids then run in one block per kind, so a
// search of one kind stops where its block ends and skips the others' postings in large steps;
// within a block they follow the order of name.
void AddAll(Xapian::WritableDatabase& db, const Snapshot& snapshot, const Lexicon& lexicon) {
  std::map<std::string, Xapian::termcount> spellings;
  size_t added = 0;
  auto add = [&](IndexedDocument& document) {
    for (std::string& word : document.spellings) ++spellings[std::move(word)];
    db.add_document(document.document);  // the database is new: no document to replace
    // Written out in batches: Xapian keeps the postings of uncommitted documents in memory.
    if (++added % kBuildBatch == 0) db.commit();
  };
  // Services (and then their places) by name and id, so that document ids follow the order
  // of name: see NameOrderedSearch. The same store gives the same document ids.
  std::vector<std::pair<std::string, const Service*>> by_name;
  by_name.reserve(snapshot.services.size());
  for (const auto& [id, service] : snapshot.services)
    by_name.emplace_back(Fold(service.name), &service);
  std::sort(by_name.begin(), by_name.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
  });
  std::vector<const Service*> services;
  services.reserve(by_name.size());
  for (const auto& [name, service] : by_name) services.push_back(service);
  by_name = {};  // the names are not needed any more while the index grows
  for (const Service* service : services) {
    IndexedDocument document = ServiceDocument(snapshot, *service, lexicon);
    add(document);
  }
  for (const Service* service : services) {
    for (IndexedDocument& document : ServiceAtLocationDocuments(snapshot, *service, lexicon)) {
      add(document);
    }
  }
  std::vector<std::pair<std::string, const Organization*>> organizations;
  for (const auto& [id, organization] : snapshot.organizations) {
    organizations.emplace_back(Fold(organization.name), &organization);
  }
  std::sort(organizations.begin(), organizations.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
  });
  for (const auto& [name, organization] : organizations) {
    IndexedDocument document = OrganizationDocument(snapshot, *organization, lexicon);
    add(document);
  }
  for (const auto& [id, term] : snapshot.terms) {
    IndexedDocument document = TermDocument(id, term, lexicon);
    add(document);
  }
  for (const auto& [word, count] : spellings) db.add_spelling(word, count);
}

// BM25 without document-length normalisation (b = 0). Listings are short texts of similar
// length, and reading every candidate's length was a fifth of a search's time
// (docs/benchmarks.md). Name words weigh more through their frequency (kNameWdf).
Xapian::BM25Weight TextWeighting() { return Xapian::BM25Weight(1, 0, 1, 0, 0.5); }

// Only documents that pass open-at; reads the hours slot of each candidate (the matcher's
// documents read values from the value streams, in document id order).
class OpenAtDecider : public Xapian::MatchDecider {
 public:
  explicit OpenAtDecider(domain::LocalTime at) : at_(at) {}
  bool operator()(const Xapian::Document& document) const override {
    return domain::IsOpenSerialised(document.get_value(slot::kHours), at_);
  }

 private:
  domain::LocalTime at_;
};

// Counts the keys of the four facet groups over the matches the matcher looks at, through the
// DocTable: a match costs four array increments; Facets splits each text counted once.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(const DocTable& table) : table_(table) {
    for (size_t g = 0; g < DocTable::kGroups; ++g) counts_[g].assign(table.text_count(g), 0);
  }

  void operator()(const Xapian::Document& document, double) override {
    const DocTable::Texts& texts = table_.facet_texts(document.get_docid());
    for (size_t g = 0; g < DocTable::kGroups; ++g) ++counts_[g][texts[g]];
  }

  FacetCounts Facets(int64_t total) const {
    return {.total = total,
            .terms = Counts(0, 100),
            .languages = Counts(1, 100),
            .kinds = Counts(2, 100),
            .cities = Counts(3, 50)};
  }

 private:
  std::vector<FacetCount> Counts(size_t group, size_t limit) const {
    std::unordered_map<std::string_view, int64_t> counts;
    for (uint32_t text = 1; text < counts_[group].size(); ++text) {
      if (counts_[group][text] == 0) continue;
      for (const std::string& key : table_.keys(group, text)) counts[key] += counts_[group][text];
    }
    std::vector<FacetCount> out;
    for (const auto& [key, count] : counts) out.push_back({std::string(key), count});
    std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
      return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
  }

  const DocTable& table_;
  // Per group: matches per text id (index 0: matches without this group).
  std::array<std::vector<int64_t>, DocTable::kGroups> counts_;
};

class XapianIndex : public SearchIndex {
 public:
  XapianIndex(store::Store& store, IndexOptions options)
      : store_(store), options_(std::move(options)) {}

  ~XapianIndex() override {
    {
      std::lock_guard lock(follow_mutex_);
      stopping_ = true;
    }
    follow_wakeup_.notify_all();
    if (follower_.joinable()) follower_.join();
  }

  // Reads the index's state; rebuilds or catches up as Open promises.
  Status Start() {
    std::error_code ignored;
    fs::create_directories(options_.path, ignored);
    bool rebuild = !fs::exists(StubPath(options_));
    if (!rebuild) {
      try {
        Xapian::Database db((StubPath(options_)).string());
        auto store_change = store_.LastChange();
        if (!store_change) return store_change.error();
        auto fingerprint = StoreFingerprint(store_);
        if (!fingerprint) return fingerprint.error();
        rebuild = db.get_metadata(std::string(kLayoutKey)) != kLayout ||
                  db.get_metadata(std::string(kStoreKey)) != *fingerprint ||
                  LastChangeOf(db) > *store_change;
        last_change_ = LastChangeOf(db);
      } catch (const Xapian::Error&) {
        rebuild = true;  // unreadable: the store still has everything
      }
    }
    if (rebuild) {
      Status status = Rebuild(store_, options_);
      if (!status.ok()) return status;
      Xapian::Database db(StubPath(options_).string());
      last_change_ = LastChangeOf(db);
    }
    stub_ = ReadStub(options_);
    auto applied = CatchUp();
    if (!applied) return applied.error();
    return {};
  }

  Result<int64_t> CatchUp() override {
    std::lock_guard lock(write_mutex_);
    return CatchUpLocked();
  }

  void Follow() override {
    std::lock_guard lock(follow_mutex_);
    if (follower_.joinable()) return;
    follower_ = std::thread([this] { FollowLoop(); });
  }

  int64_t last_change() const override { return last_change_.load(); }

  Result<SearchResult> Search(const SearchQuery& query) const override {
    return WithReader([&](Reader& reader) { return SearchIn(reader, query); });
  }

  Result<FacetCounts> Facets(const SearchQuery& query) const override {
    return WithReader([&](Reader& reader) { return FacetsIn(reader, query); });
  }

  Result<std::vector<std::string>> Suggest(std::string_view text, int limit) const override {
    return WithReader([&](Reader& reader) -> Result<std::vector<std::string>> {
      return Completions(reader.db, text, limit);
    });
  }

 private:
  struct Reader {
    Xapian::Database db;
    uint64_t generation = 0;
    std::shared_ptr<const DocTable> table;  // of db's revision
    Xapian::docid name_ordered_end = 0;     // kNameOrderedEndKey; 0 when unknown
  };

  // Runs `work` with a reader of the current index, reopening it when the index has changed.
  template <typename Work>
  auto WithReader(Work work) const -> decltype(work(std::declval<Reader&>())) {
    std::unique_ptr<Reader> reader;
    {
      std::lock_guard lock(readers_mutex_);
      if (!readers_.empty()) {
        reader = std::move(readers_.back());
        readers_.pop_back();
      }
    }
    for (int attempt = 0;; ++attempt) {
      try {
        uint64_t generation = generation_.load();
        if (!reader || reader->generation != generation) {
          reader = std::make_unique<Reader>(
              Reader{Xapian::Database(StubPath(options_).string()), generation, nullptr});
          reader->table = TableOf(reader->db);
          std::string end = reader->db.get_metadata(std::string(kNameOrderedEndKey));
          // Unreadable: 0, and searches without text sort every match by name as before.
          std::from_chars(end.data(), end.data() + end.size(), reader->name_ordered_end);
        }
        auto result = work(*reader);
        std::lock_guard lock(readers_mutex_);
        readers_.push_back(std::move(reader));
        return result;
      } catch (const Xapian::DatabaseError& error) {
        // Modified or replaced under the reader (a commit or a rebuild): open it afresh.
        reader.reset();
        if (attempt >= 2) return IndexError(error);
      } catch (const Xapian::Error& error) {
        return IndexError(error);
      }
    }
  }

  // The DocTable of `db`'s revision: the one other readers use when it is theirs, else read
  // (about 0.1 s at 100 000 services).
  std::shared_ptr<const DocTable> TableOf(const Xapian::Database& db) const {
    std::string key = db.get_uuid() + "@" + std::to_string(db.get_revision());
    {
      std::lock_guard lock(readers_mutex_);
      if (key == table_key_) return table_;
    }
    std::shared_ptr<const DocTable> table = DocTable::Read(db);
    std::lock_guard lock(readers_mutex_);
    table_key_ = key;
    table_ = table;
    return table;
  }

  Result<int64_t> CatchUpLocked() {
    auto changes = store_.ChangesSince(last_change_.load(), options_.rebuild_above_changes + 1);
    if (!changes) return changes.error();
    if (changes->empty()) return 0;
    if (static_cast<int64_t>(changes->size()) > options_.rebuild_above_changes) {
      Status status = Rebuild(store_, options_);
      if (!status.ok()) return status.error();
      Reload();
      return static_cast<int64_t>(changes->size());
    }
    try {
      Xapian::WritableDatabase db(StubPath(options_).string(), Xapian::DB_OPEN);
      // Another process may have applied some of them already.
      int64_t done = LastChangeOf(db);
      std::erase_if(*changes, [done](const store::Change& change) { return change.seq <= done; });
      if (changes->empty()) {
        last_change_ = done;
        ++generation_;
        return 0;
      }
      Status status = Apply(db, *changes);
      if (!status.ok()) return status.error();
      db.set_metadata(std::string(kLastChangeKey), std::to_string(changes->back().seq));
      db.commit();
      last_change_ = changes->back().seq;
      ++generation_;
      return static_cast<int64_t>(changes->size());
    } catch (const Xapian::DatabaseLockError&) {
      return 0;  // another process is writing; it or the next round applies these
    } catch (const Xapian::Error& error) {
      return IndexError(error);
    }
  }

  // Rebuilds the documents that `changes` touch.
  Status Apply(Xapian::WritableDatabase& db, const std::vector<store::Change>& changes) {
    std::set<std::string> touched, services, organizations, terms;
    for (const store::Change& change : changes) {
      touched.insert(change.record_id);
      if (change.table == domain::Table::kTaxonomyTerm) terms.insert(change.record_id);
      if (change.table == domain::Table::kService) services.insert(change.record_id);
      if (change.table == domain::Table::kOrganization) organizations.insert(change.record_id);
      if (change.deleted) continue;
      // A new record is found through the records it points at.
      auto record = store_.Get(change.table, change.record_id);
      if (!record) return record.error();
      if (!*record) continue;
      const domain::TableSpec& spec = (*record)->spec();
      for (size_t i = 0; i < spec.fields.size(); ++i) {
        const auto& value = (*record)->values()[i];
        if (spec.fields[i].type == domain::FieldType::kUuid && value) touched.insert(*value);
      }
    }
    for (const std::string& id : touched) {
      std::string term = std::string(prefix::kDependsOn) + id;
      for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        std::string data = db.get_document(*it).get_data();
        if (data.size() < 2) continue;
        if (data[0] == static_cast<char>(DocumentKind::kService)) services.insert(data.substr(1));
        if (data[0] == static_cast<char>(DocumentKind::kOrganization)) {
          organizations.insert(data.substr(1));
        }
        if (data[0] == static_cast<char>(DocumentKind::kTerm)) terms.insert(data.substr(1));
      }
    }
    // The organisations of these services, before and after the change, list them too.
    for (const std::string& id : services) {
      std::string term = IdTerm(DocumentKind::kService, id);
      for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        Xapian::Document old = db.get_document(*it);
        auto owner = old.termlist_begin();
        owner.skip_to(std::string(prefix::kOrganization));
        if (owner != old.termlist_end() && (*owner).starts_with(prefix::kOrganization)) {
          organizations.insert((*owner).substr(prefix::kOrganization.size()));
        }
      }
    }
    std::vector<std::string> service_list(services.begin(), services.end());
    auto snapshot = LoadFor(store_, service_list, {organizations.begin(), organizations.end()});
    if (!snapshot) return snapshot.error();
    for (const auto& [id, service] : snapshot->services)
      organizations.insert(service.organization_id);
    organizations.erase("");
    snapshot = LoadFor(store_, service_list, {organizations.begin(), organizations.end()});
    if (!snapshot) return snapshot.error();

    const Lexicon& lexicon = Lexicon::Default();
    for (const std::string& id : services) {
      db.delete_document(IdTerm(DocumentKind::kService, id));
      db.delete_document(std::string(prefix::kService) + id);  // its service-at-location documents
    }
    for (const std::string& id : organizations) {
      db.delete_document(IdTerm(DocumentKind::kOrganization, id));
    }
    Snapshot& loaded = *snapshot;
    for (const std::string& id : services) {
      auto it = loaded.services.find(id);
      if (it == loaded.services.end()) continue;
      for (IndexedDocument& document : ServiceDocuments(loaded, it->second, lexicon)) {
        for (const std::string& word : document.spellings) db.add_spelling(word);
        db.replace_document(document.id_term, document.document);
      }
    }
    for (const std::string& id : organizations) {
      auto it = loaded.organizations.find(id);
      if (it == loaded.organizations.end()) continue;
      IndexedDocument document = OrganizationDocument(loaded, it->second, lexicon);
      for (const std::string& word : document.spellings) db.add_spelling(word);
      db.replace_document(document.id_term, document.document);
    }
    for (const std::string& id : terms) {
      db.delete_document(IdTerm(DocumentKind::kTerm, id));
      auto it = loaded.terms.find(id);
      if (it == loaded.terms.end()) continue;
      IndexedDocument document = TermDocument(id, it->second, lexicon);
      for (const std::string& word : document.spellings) db.add_spelling(word);
      db.replace_document(document.id_term, document.document);
    }
    return {};
  }

  // Takes in an index that another process or a rebuild has written.
  void Reload() {
    try {
      Xapian::Database db(StubPath(options_).string());
      last_change_ = LastChangeOf(db);
    } catch (const Xapian::Error&) {
      // Kept as it was: the next round tries again.
    }
    stub_ = ReadStub(options_);
    ++generation_;
  }

  void FollowLoop() {
    std::unique_lock lock(follow_mutex_);
    while (!stopping_) {
      follow_wakeup_.wait_for(lock, options_.follow_interval, [this] { return stopping_; });
      if (stopping_) break;
      lock.unlock();
      {
        std::lock_guard write(write_mutex_);
        bool moved = ReadStub(options_) != stub_;
        if (!moved) {
          try {
            moved = LastChangeOf(Xapian::Database(StubPath(options_).string())) != last_change_;
          } catch (const Xapian::Error&) {
          }
        }
        if (moved) Reload();
        auto store_change = store_.LastChange();
        if (store_change && *store_change > last_change_) (void)CatchUpLocked();
      }
      lock.lock();
    }
  }

  Result<SearchResult> SearchIn(Reader& reader, const SearchQuery& query) const {
    Xapian::Database& db = reader.db;
    auto built = BuildQuery(db, reader.table, query, Lexicon::Default());
    if (!built) return built.error();
    std::optional<OpenAtDecider> open_at;
    if (query.open_at) open_at.emplace(domain::AmsterdamTime(*query.open_at));
    const Xapian::MatchDecider* decider = open_at ? &*open_at : nullptr;
    if (query.sort == Sort::kRelevance && query.text.empty() && !query.near && !query.facets &&
        !query.explain && reader.name_ordered_end > 0) {
      return NameOrderedSearch(reader, query, *built, decider);
    }
    if (query.sort == Sort::kDistance && query.near && !query.facets && !query.explain) {
      return NearestFirstSearch(reader, query, *built, decider);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(built->query);
    enquire.set_weighting_scheme(TextWeighting());
    std::unique_ptr<DistanceKey> distance_key;
    switch (query.sort) {
      case Sort::kName:
        enquire.set_sort_by_value_then_relevance(slot::kName, false);
        break;
      case Sort::kDistance:
        if (query.near) {
          distance_key = std::make_unique<DistanceKey>(reader.table, *query.near);
          enquire.set_sort_by_key_then_relevance(distance_key.get(), false);
        }
        break;
      case Sort::kRelevance:
        // Without text or place: the verified boost, then the name.
        if (query.text.empty() && !query.near) {
          enquire.set_sort_by_relevance_then_value(slot::kName, false);
        }
        break;
    }
    std::optional<FacetSpy> spy;
    if (query.facets) enquire.add_matchspy(&spy.emplace(*reader.table));
    Xapian::doccount check = query.facets ? std::max<Xapian::doccount>(kExactCount, kFacetSample)
                                          : static_cast<Xapian::doccount>(kExactCount);
    Xapian::MSet mset =
        enquire.get_mset(static_cast<Xapian::doccount>(query.offset),
                         static_cast<Xapian::doccount>(query.limit), check, nullptr, decider);
    SearchResult result;
    result.total = mset.get_matches_estimated();
    result.did_you_mean = built->did_you_mean;
    if (query.facets) {
      result.facets = spy->Facets(result.total);
      enquire.clear_matchspies();
    }
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      result.hits.push_back(HitOf(reader, query, *it, it.get_weight(), it.get_document()));
    }
    if (query.explain) Explain(db, *built, mset, result.hits);
    return result;
  }

  // A search without text or place lists by verified boost, then name. Sorting by the name value
  // made Xapian read the name of every match. Instead each verified tier is searched without
  // weights, highest first, until the page is full: below name_ordered_end document ids follow
  // the order of name (see AddAll), so there Xapian stops at the first matches in id order.
  // Documents added since the rebuild (new and changed listings) are few: they are sorted by
  // name, and merged in.
  Result<SearchResult> NameOrderedSearch(Reader& reader, const SearchQuery& query,
                                         const BuiltQuery& built,
                                         const Xapian::MatchDecider* decider) const {
    SearchResult result;
    result.did_you_mean = built.did_you_mean;
    result.total = CountMatches(reader.db, built, decider);
    struct Found {
      std::string name;
      Xapian::docid id;
      Xapian::Document document;
    };
    const size_t wanted = static_cast<size_t>(query.offset + query.limit);
    const int32_t this_month = ThisMonth();
    size_t listed = 0;  // hits of higher tiers, including those before the page
    for (auto [tier, weight] :
         {std::pair{VerifiedTier::kRecently, kVerifiedWeight + kRecentlyVerifiedWeight},
          std::pair{VerifiedTier::kEarlier, kVerifiedWeight},
          std::pair{VerifiedTier::kNever, 0.0}}) {
      if (listed >= wanted) break;
      std::vector<Found> found;
      auto run = [&](Xapian::docid first, Xapian::docid end, bool sort_by_name) {
        Xapian::Enquire enquire(reader.db);
        Xapian::Query only(
            Xapian::Query::OP_AND,
            Xapian::Query((new TierSource(reader.table, this_month, tier))->release()),
            Xapian::Query((new DocidRange(first, end))->release()));
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, built.matching, only));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        if (sort_by_name) enquire.set_sort_by_value(slot::kName, false);
        Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(wanted - listed), 0,
                                             nullptr, decider);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
          Xapian::Document document = it.get_document();
          found.push_back({document.get_value(slot::kName), *it, document});
        }
      };
      run(1, reader.name_ordered_end, false);
      run(reader.name_ordered_end, std::numeric_limits<Xapian::docid>::max(), true);
      std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        return a.name != b.name ? a.name < b.name : a.id < b.id;
      });
      for (const Found& one : found) {
        if (listed >= wanted) break;
        if (listed++ < static_cast<size_t>(query.offset)) continue;
        result.hits.push_back(HitOf(reader, query, one.id, weight, one.document));
      }
    }
    return result;
  }

  // Sorted by distance, a page holds the nearest matches, and they lie within a circle often far
  // smaller than the radius asked for (a whole city). Sorting every match in the radius by
  // distance cost up to 10 ms; so circles of growing radius are searched until one holds the
  // page. The total is counted apart, over the whole radius, without weights.
  Result<SearchResult> NearestFirstSearch(Reader& reader, const SearchQuery& query,
                                          const BuiltQuery& built,
                                          const Xapian::MatchDecider* decider) const {
    DistanceKey key(reader.table, *query.near);
    const auto wanted = static_cast<Xapian::doccount>(query.offset + query.limit);
    const double radius_km = query.radius_km.value_or(std::numeric_limits<double>::infinity());
    for (double km = kFirstCircleKm;; km *= 3) {
      const bool whole = km >= radius_km || km > kLastCircleKm;
      std::optional<BuiltQuery> circle;
      if (!whole) {
        SearchQuery narrowed = query;
        narrowed.radius_km = km;
        auto narrow = BuildQuery(reader.db, reader.table, narrowed, Lexicon::Default());
        if (!narrow) return narrow.error();
        circle = std::move(*narrow);
      }
      Xapian::Enquire enquire(reader.db);
      enquire.set_query(whole ? built.query : circle->query);
      enquire.set_weighting_scheme(TextWeighting());
      enquire.set_sort_by_key_then_relevance(&key, false);
      Xapian::MSet mset = enquire.get_mset(
          static_cast<Xapian::doccount>(query.offset), static_cast<Xapian::doccount>(query.limit),
          whole ? static_cast<Xapian::doccount>(kExactCount) : 0, nullptr, decider);
      if (!whole && mset.get_matches_lower_bound() < wanted) continue;
      SearchResult result;
      result.did_you_mean = built.did_you_mean;
      result.total = whole ? mset.get_matches_estimated() : CountMatches(reader.db, built, decider);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        result.hits.push_back(HitOf(reader, query, *it, it.get_weight(), it.get_document()));
      }
      return result;
    }
  }

  // The number of matches, counted without weights: exact up to kExactCount, estimated above.
  static int64_t CountMatches(Xapian::Database& db, const BuiltQuery& built,
                              const Xapian::MatchDecider* decider) {
    Xapian::Enquire enquire(db);
    enquire.set_query(built.matching);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return enquire.get_mset(0, 0, static_cast<Xapian::doccount>(kExactCount), nullptr, decider)
        .get_matches_estimated();
  }

  static Hit HitOf(const Reader& reader, const SearchQuery& query, Xapian::docid id, double weight,
                   const Xapian::Document& document) {
    Hit hit;
    hit.id = document.get_data().substr(1);
    hit.score = weight;
    if (query.near) hit.distance_m = reader.table->NearestDistance(id, *query.near);
    if (query.details) {
      hit.languages = reader.table->keys(1, reader.table->facet_texts(id)[1]);
      std::span<const domain::LatLon> places = reader.table->places(id);
      hit.places.assign(places.begin(), places.end());
    }
    if (query.mark_open_at) {
      hit.open = domain::IsOpenSerialised(document.get_value(slot::kHours),
                                          domain::AmsterdamTime(*query.mark_open_at));
    }
    return hit;
  }

  // Fills each hit's score parts by running every part alone on the documents of the page.
  static void Explain(Xapian::Database& db, const BuiltQuery& built, const Xapian::MSet& mset,
                      std::vector<Hit>& hits) {
    std::vector<Xapian::Query> ids;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      std::string data = it.get_document().get_data();
      ids.emplace_back(IdTerm(static_cast<DocumentKind>(data[0]), data.substr(1)));
    }
    Xapian::Query page(Xapian::Query::OP_OR, ids.begin(), ids.end());
    for (const auto& [name, part] : built.parts) {
      Xapian::Enquire enquire(db);
      enquire.set_weighting_scheme(TextWeighting());
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, part, page));
      Xapian::MSet scores = enquire.get_mset(0, static_cast<Xapian::doccount>(hits.size()));
      std::map<std::string, double> by_id;
      for (auto it = scores.begin(); it != scores.end(); ++it) {
        by_id[it.get_document().get_data().substr(1)] = it.get_weight();
      }
      for (Hit& hit : hits) hit.parts.push_back({name, by_id[hit.id]});
    }
  }

  Result<FacetCounts> FacetsIn(Reader& reader, const SearchQuery& query) const {
    Xapian::Database& db = reader.db;
    auto built = BuildQuery(db, reader.table, query, Lexicon::Default());
    if (!built) return built.error();
    Xapian::Enquire enquire(db);
    enquire.set_query(built->matching);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    FacetSpy spy(*reader.table);
    enquire.add_matchspy(&spy);
    std::optional<OpenAtDecider> open_at;
    if (query.open_at) open_at.emplace(domain::AmsterdamTime(*query.open_at));
    // Counted over the first kFacetSample matches; a broader search gets proportions, not
    // exact counts (reading every one of 100 000 matches costs tens of milliseconds). Xapian
    // stops there only when no part of the query can add weight: hence the query without the
    // verified boost.
    Xapian::MSet mset =
        enquire.get_mset(0, 0, std::min<Xapian::doccount>(db.get_doccount(), kFacetSample), nullptr,
                         open_at ? &*open_at : nullptr);
    FacetCounts out = spy.Facets(mset.get_matches_estimated());
    enquire.clear_matchspies();
    return out;
  }

  static Result<std::vector<std::string>> Completions(Xapian::Database& db, std::string_view text,
                                                      int limit) {
    std::vector<std::string> words = Words(text);
    std::vector<std::string> out;
    if (words.empty() || limit <= 0) return out;
    std::string last = words.back();
    words.pop_back();
    if (last.size() < 2) return out;
    std::string lead;
    for (const std::string& word : words) lead += word + " ";
    std::string start = std::string(prefix::kCompletion) + last;
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    int scanned = 0;
    for (auto it = db.allterms_begin(start); it != db.allterms_end(start) && scanned < 5000;
         ++it, ++scanned) {
      found.emplace_back(it.get_termfreq(), (*it).substr(prefix::kCompletion.size()));
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (const auto& [count, word] : found) {
      if (static_cast<int>(out.size()) >= limit) break;
      out.push_back(lead + word);
    }
    return out;
  }

  store::Store& store_;
  const IndexOptions options_;
  std::atomic<int64_t> last_change_{0};
  std::atomic<uint64_t> generation_{0};  // bumped whenever readers must reopen

  std::mutex write_mutex_;  // one writer at a time in this process
  std::string stub_;        // GUARDED_BY(write_mutex_) after Start: the stub file last seen

  mutable std::mutex readers_mutex_;
  mutable std::vector<std::unique_ptr<Reader>> readers_;  // GUARDED_BY(readers_mutex_)
  mutable std::string table_key_;                         // GUARDED_BY(readers_mutex_)
  mutable std::shared_ptr<const DocTable> table_;         // GUARDED_BY(readers_mutex_)

  std::mutex follow_mutex_;
  std::condition_variable follow_wakeup_;
  bool stopping_ = false;  // GUARDED_BY(follow_mutex_)
  std::thread follower_;
};

}  // namespace

Status SearchIndex::Rebuild(store::Store& store, const IndexOptions& options) {
  std::error_code error;
  fs::create_directories(options.path, error);
  if (error) return Unavailable("cannot create the search index folder " + options.path);
  // Changes after this point are applied again by CatchUp; applying one twice is harmless.
  auto last_change = store.LastChange();
  if (!last_change) return last_change.error();
  auto fingerprint = StoreFingerprint(store);
  if (!fingerprint) return fingerprint.error();
  auto snapshot = LoadAll(store);
  if (!snapshot) return snapshot.error();
  std::string name =
      "db-" + std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
  fs::path folder = fs::path(options.path) / name;
  try {
    // No fsync per batch: a rebuild that does not finish is thrown away, and an index that
    // cannot be read on start is rebuilt.
    Xapian::WritableDatabase db(folder.string(),
                                Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC, kBlockSize);
    AddAll(db, *snapshot, Lexicon::Default());
    db.set_metadata(std::string(kLayoutKey), std::string(kLayout));
    db.set_metadata(std::string(kLastChangeKey), std::to_string(*last_change));
    db.set_metadata(std::string(kStoreKey), *fingerprint);
    db.set_metadata(std::string(kNameOrderedEndKey), std::to_string(db.get_lastdocid() + 1));
    db.commit();
    db.close();
  } catch (const Xapian::Error& e) {
    fs::remove_all(folder, error);
    return IndexError(e);
  }
  // Switch readers to the new folder in one step: rename is atomic.
  fs::path stub = StubPath(options);
  fs::path temporary = stub;
  temporary += ".new";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << "auto " << name << "\n";
    if (!out) return Unavailable("cannot write " + temporary.string());
  }
  fs::rename(temporary, stub, error);
  if (error) return Unavailable("cannot write " + stub.string());
  // Older folders: open readers keep their files until they reopen.
  for (const auto& entry : fs::directory_iterator(options.path, error)) {
    std::string other = entry.path().filename().string();
    if (other.starts_with("db-") && other != name) fs::remove_all(entry.path(), error);
  }
  return {};
}

Result<std::unique_ptr<SearchIndex>> SearchIndex::Open(store::Store& store, IndexOptions options) {
  auto index = std::make_unique<XapianIndex>(store, std::move(options));
  Status status = index->Start();
  if (!status.ok()) return status.error();
  return std::unique_ptr<SearchIndex>(std::move(index));
}

}  // namespace knooppunt::search
