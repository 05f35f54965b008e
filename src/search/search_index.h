// The search index: a Xapian database derived from the store (a read model). It records the
// last store change it has applied; Open rebuilds it when missing or of an older layout and
// otherwise catches up with the store's change log, so a crash between a store write and the
// index update is repaired on the next start. CatchUp applies new changes at once; Follow
// does so in the background for changes made by other processes.
// Thread-safety: every method may be called from any thread at once. Searches use a pool of
// readers; writes are serialised by a mutex and by Xapian's lock across processes.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"
#include "search/query.h"

namespace knooppunt::store {
class Store;
}

namespace knooppunt::search {

struct IndexOptions {
  // Folder of the index; created when missing.
  std::string path = "data/search";
  // How often Follow looks for changes made by other processes.
  std::chrono::milliseconds follow_interval{1000};
  // Above this many pending changes CatchUp rebuilds the whole index instead.
  int64_t rebuild_above_changes = 20000;
};

class SearchIndex {
 public:
  // Opens the index at options.path for `store` (which must outlive it): rebuilds it when it is
  // missing, of another layout or ahead of the store (a different database), else catches up.
  // Failure: kUnavailable when the folder cannot be written or the store not read.
  static Result<std::unique_ptr<SearchIndex>> Open(store::Store& store, IndexOptions options);
  // Builds a fresh index from the store in a new folder and switches to it.
  static Status Rebuild(store::Store& store, const IndexOptions& options);

  virtual ~SearchIndex() = default;

  // Applies the store changes made since the last one applied. Success: how many were applied
  // (0 when current, or when another process holds the write lock: it will apply them).
  virtual Result<int64_t> CatchUp() = 0;
  // Starts a background thread that calls CatchUp every follow_interval and notices an index
  // rebuilt by another process. Stopped by the destructor.
  virtual void Follow() = 0;

  // The store change the index is current with.
  virtual int64_t last_change() const = 0;

  // One page of matches. Failure: kInternal when the index cannot be read.
  virtual Result<SearchResult> Search(const SearchQuery& query) const = 0;
  // Counts per need term, language, organisation kind and city over the matches of `query`
  // (its paging and sort are ignored): exact up to 10 000 matches, over the first 10 000 beyond.
  virtual Result<FacetCounts> Facets(const SearchQuery& query) const = 0;
  // Up to `limit` completions of the last word of `text` from the indexed vocabulary, most
  // frequent first, each the whole text with the last word completed.
  virtual Result<std::vector<std::string>> Suggest(std::string_view text, int limit) const = 0;
};

}  // namespace knooppunt::search
