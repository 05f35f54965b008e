#include "accounts/audit.h"

#include <string>

#include "domain/time.h"
#include "store/account_store.h"

namespace knooppunt::accounts {

Status Audit(store::AccountStore& accounts, std::string_view actor_id, std::string_view action,
             std::string_view table, std::string_view id) {
  return accounts.Audit({.at = domain::FormatUtc(domain::Now()),
                         .actor_id = std::string(actor_id),
                         .action = std::string(action),
                         .target_table = std::string(table),
                         .target_id = std::string(id)});
}

}  // namespace knooppunt::accounts
