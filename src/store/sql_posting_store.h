// Internal to the store: the PostingStore on the SqlStore's connection pool.
// Thread-safety: as PostingStore.
#pragma once

#include <memory>

#include "store/connection_pool.h"
#include "store/posting_store.h"

namespace knooppunt::store {

// `pool` must outlive the result.
std::unique_ptr<PostingStore> MakeSqlPostingStore(ConnectionPool& pool, Backend backend);

}  // namespace knooppunt::store
