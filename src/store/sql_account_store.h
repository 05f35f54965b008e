// Internal to the store: the AccountStore on the SqlStore's connection pool.
// Thread-safety: as AccountStore.
#pragma once

#include <memory>

#include "store/account_store.h"
#include "store/connection_pool.h"

namespace knooppunt::store {

// `pool` must outlive the result.
std::unique_ptr<AccountStore> MakeSqlAccountStore(ConnectionPool& pool, Backend backend);

}  // namespace knooppunt::store
