// The audit log's one writer: who (an account id, "api-key:<id>" or "system") did what to which
// record, stamped now. Never a name or an address.
// Thread-safety: as the store: from any thread.
#pragma once

#include <string_view>

#include "domain/result.h"

namespace knooppunt::store {
class AccountStore;
}

namespace knooppunt::accounts {

// Appends an entry. Failure: the store's error (callers that must not fail on it ignore it).
Status Audit(store::AccountStore& accounts, std::string_view actor_id, std::string_view action,
             std::string_view table = {}, std::string_view id = {});

}  // namespace knooppunt::accounts
