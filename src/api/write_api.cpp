#include "api/write_api.h"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/edits.h"
#include "accounts/listings.h"
#include "api/hsds_json.h"
#include "api/hsds_shape.h"
#include "api/params.h"
#include "domain/model.h"
#include "domain/permissions.h"
#include "domain/time.h"
#include "domain/utf8.h"
#include "domain/uuid.h"
#include "http/message.h"
#include "http/router.h"
#include "search/search_index.h"
#include "store/store.h"

namespace knooppunt::api {
namespace {

namespace beast_http = boost::beast::http;
namespace json = boost::json;
using domain::Permission;
using domain::Record;
using domain::Table;

Error Refused() { return Error{ErrorCode::kForbidden, "You may not change this record.", {}}; }

// The longest value of one field, in code points: longer than any description a person writes,
// short enough that one request cannot fill the database.
constexpr size_t kMaxValueCodePoints = 10000;

// The tables written here, in the order their routes are added.
constexpr Table kWritable[] = {Table::kOrganization,      Table::kService,  Table::kLocation,
                               Table::kServiceAtLocation, Table::kSchedule, Table::kLanguage,
                               Table::kAddress,           Table::kPhone};

// The fields through which a record hangs from a record of the social map, and that record's
// table: who may write the record is decided by the organisations these lead to.
constexpr std::pair<std::string_view, Table> kOwnerFields[] = {
    {"organization_id", Table::kOrganization},
    {"service_id", Table::kService},
    {"location_id", Table::kLocation},
    {"service_at_location_id", Table::kServiceAtLocation},
    {"contact_id", Table::kContact},
    {"phone_id", Table::kPhone},
};

// The text of a field's JSON value as the store keeps it; nullopt for null. Failure names the
// property: objects, arrays and booleans are not values of these tables' own fields.
Result<std::optional<std::string>> FieldValue(std::string_view name, const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return std::optional<std::string>();
    case json::kind::string: {
      std::string text(value.get_string());
      if (!domain::IsCleanText(text)) {
        return InvalidArgument(std::string(name), "The value holds a NUL character.");
      }
      if (domain::CodePoints(text) > kMaxValueCodePoints) {
        return InvalidArgument(
            std::string(name),
            "The value is longer than " + std::to_string(kMaxValueCodePoints) + " characters.");
      }
      return std::optional<std::string>(std::move(text));
    }
    case json::kind::int64:
      return std::optional<std::string>(std::to_string(value.get_int64()));
    case json::kind::uint64:
      return std::optional<std::string>(std::to_string(value.get_uint64()));
    case json::kind::double_: {
      char buffer[64];
      auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value.get_double());
      return std::optional<std::string>(std::string(buffer, end));
    }
    case json::kind::object:
    case json::kind::array:
      return InvalidArgument(std::string(name),
                             "Nested records are written through their own endpoints; send this "
                             "record's own fields only.");
    case json::kind::bool_:
      break;
  }
  return InvalidArgument(std::string(name), "A true/false value is not allowed here.");
}

class Writer {
 public:
  Writer(store::Store& store, search::SearchIndex& index)
      : store_(store), index_(index), listings_(store) {}

  http::Response Create(const http::RequestContext& context, Table table) {
    auto body = Body(context);
    if (!body) return http::JsonError(context.request, body.error());
    Record given(table);
    if (Status applied = Apply(*body, given); !applied) {
      return http::JsonError(context.request, applied.error());
    }
    if (given.id().empty()) given.Set("id", domain::RandomUuid());
    // The id as the store will write it: looking up an upper-case spelling would miss the
    // record it then overwrites.
    auto record = Checked(std::move(given), std::nullopt);
    if (!record) return http::JsonError(context.request, record.error());
    auto existing = store_.Get(table, record->id());
    if (!existing) return http::JsonError(context.request, existing.error());
    if (*existing) {
      return http::JsonError(
          context.request,
          Error{ErrorCode::kConflict, "A record with this id exists; change it with PUT or PATCH.",
                "id"});
    }
    if (table == Table::kOrganization) {
      // New organisations come from the help desk, which verifies them.
      if (domain::Allows(context.actor, Permission::kVerifyOrganizations) !=
          domain::Decision::kAllowed) {
        return http::JsonError(context.request, Refused());
      }
    } else if (Status allowed = MayEdit(context.actor, *record); !allowed) {
      return http::JsonError(context.request, allowed.error());
    }
    return Save(context, std::nullopt, std::move(*record), 201);
  }

  // PUT (`merge` false: fields left out become empty) or PATCH (`merge` true: they stay).
  http::Response Change(const http::RequestContext& context, Table table, bool merge) {
    auto existing = Existing(context, table);
    if (!existing) return http::JsonError(context.request, existing.error());
    if (Status allowed = MayEdit(context.actor, *existing); !allowed) {
      return http::JsonError(context.request, allowed.error());
    }
    auto body = Body(context);
    if (!body) return http::JsonError(context.request, body.error());
    Record given = merge ? *existing : Record(table);
    if (!merge) given.Set("id", existing->id());
    if (Status applied = Apply(*body, given); !applied) {
      return http::JsonError(context.request, applied.error());
    }
    // Normalised as stored, so that "" clears a field and another spelling of the same value
    // (an upper-case UUID, 1990.0) is no change.
    auto record = Checked(std::move(given), *existing);
    if (!record) return http::JsonError(context.request, record.error());
    if (record->id() != existing->id()) {
      return http::JsonError(context.request,
                             InvalidArgument("id", "The id in the body differs from the address."));
    }
    // Moving a record to another organisation needs the right on both.
    if (Status allowed = MayEdit(context.actor, *record); !allowed) {
      return http::JsonError(context.request, allowed.error());
    }
    return Save(context, *existing, std::move(*record), 200);
  }

  http::Response Delete(const http::RequestContext& context, Table table) {
    auto existing = Existing(context, table);
    if (!existing) return http::JsonError(context.request, existing.error());
    Status allowed = table == Table::kOrganization
                         ? Check(context.actor, Permission::kVerifyOrganizations, existing->id())
                         : MayEdit(context.actor, *existing);
    if (!allowed) return http::JsonError(context.request, allowed.error());
    if (Status csrf = CheckApiCsrf(context); !csrf)
      return http::JsonError(context.request, csrf.error());
    accounts::Edit edit{*existing, std::nullopt};
    if (Status deleted = accounts::ApplyEdits(store_, std::span(&edit, 1), context.actor);
        !deleted) {
      return http::JsonError(context.request, deleted.error());
    }
    (void)index_.CatchUp();
    return http::MakeResponse(context.request, 204, "application/json; charset=utf-8", "");
  }

 private:
  Result<json::object> Body(const http::RequestContext& context) const {
    if (Status csrf = CheckApiCsrf(context); !csrf) return csrf.error();
    std::string_view type = context.request[beast_http::field::content_type];
    if (!type.starts_with("application/json")) {
      return InvalidArgument("Content-Type", "Send the record as application/json.");
    }
    boost::system::error_code error;
    json::value value = json::parse(context.request.body(), error);
    if (error) {
      return InvalidArgument("body",
                             "The body is not valid JSON (UTF-8): " + error.message() + ".");
    }
    if (!value.is_object()) return InvalidArgument("body", "The body must be one JSON object.");
    return std::move(value.as_object());
  }

  // Sets the body's properties on `record`; unknown names are refused, so typos do not vanish.
  static Status Apply(const json::object& body, Record& record) {
    for (const auto& [key, value] : body) {
      std::string name(key);
      auto text = FieldValue(name, value);
      if (!text) return text.error();
      if (!record.Set(name, *text)) {
        return InvalidArgument(name, "HSDS " + std::string(domain::Spec(record.table()).name) +
                                         " has no field " + name + ".");
      }
    }
    return {};
  }

  // The record validated and normalised as the store will keep it, with every reference it
  // gains (one `before` lacks) pointing at a record that exists. Failure names the field.
  Result<Record> Checked(Record given, const std::optional<Record>& before) {
    auto record = domain::Validate(std::move(given));
    if (!record) return record.error();
    if (record->table() == Table::kService && !record->Get("organization_id")) {
      return InvalidArgument("organization_id", "Say which organisation this service belongs to.");
    }
    for (const auto& [field, table] : kOwnerFields) {
      const auto& id = record->Get(field);
      if (!id || (before && before->Get(field) == id)) continue;
      auto found = store_.Get(table, *id);
      if (!found) return found.error();
      if (!*found) {
        return InvalidArgument(
            std::string(field),
            "There is no " + std::string(domain::Spec(table).name) + " with id " + *id + ".");
      }
    }
    return record;
  }

  Result<Record> Existing(const http::RequestContext& context, Table table) const {
    auto id = domain::NormaliseValue(domain::FieldType::kUuid, context.path_params.at("id"));
    if (!id) return InvalidArgument("id", "The id in the address is not a UUID.");
    auto found = store_.Get(table, *id);
    if (!found) return found.error();
    if (!*found) return NotFound("There is no record with id " + *id + ".");
    return **found;
  }

  Status Check(const domain::Actor& actor, Permission permission,
               const std::string& organization_id) {
    if (organization_id.empty()) return Refused();
    auto decision = listings_.Check(actor, permission, organization_id);
    if (!decision) return decision.error();
    if (*decision != domain::Decision::kAllowed) return Refused();
    return {};
  }

  // The organisations a record belongs to: its own (Listings::OrganizationOf) and that of every
  // record it points at, so that nothing of one organisation hangs from another's records. ""
  // stands for a record (or a missing one) that belongs to no organisation.
  Result<std::vector<std::string>> OwnersOf(const Record& record) {
    auto own = listings_.OrganizationOf(record);
    if (!own) return own.error();
    std::vector<std::string> owners = {*own};
    if (record.table() == Table::kOrganization) return owners;
    for (const auto& [field, table] : kOwnerFields) {
      const auto& id = record.Get(field);
      if (!id) continue;
      if (table == Table::kOrganization) {
        owners.push_back(*id);
        continue;
      }
      auto parent = store_.Get(table, *id);
      if (!parent) return parent.error();
      if (!*parent) {
        owners.emplace_back();
        continue;
      }
      auto owner = listings_.OrganizationOf(**parent);
      if (!owner) return owner.error();
      owners.push_back(*owner);
    }
    std::sort(owners.begin(), owners.end());
    owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
    return owners;
  }

  // Whoever may edit every organisation the record belongs to. A record that belongs to none
  // is for those who verify organisations (help desk, platform administrators) only.
  Status MayEdit(const domain::Actor& actor, const Record& record) {
    auto owners = OwnersOf(record);
    if (!owners) return owners.error();
    for (const std::string& owner : *owners) {
      if (owner.empty()) {
        if (domain::Allows(actor, Permission::kVerifyOrganizations) != domain::Decision::kAllowed) {
          return Refused();
        }
      } else if (Status allowed = Check(actor, Permission::kEditOrganization, owner); !allowed) {
        return allowed;
      }
    }
    return {};
  }

  // Writes the record with its HSDS metadata rows and audit entry (accounts::ApplyEdits).
  http::Response Save(const http::RequestContext& context, const std::optional<Record>& before,
                      Record record, unsigned status) {
    accounts::Edit edit{before, record};
    if (Status written = accounts::ApplyEdits(store_, std::span(&edit, 1), context.actor);
        !written) {
      return http::JsonError(context.request, written.error());
    }
    (void)index_.CatchUp();
    auto stored = store_.Get(record.table(), record.id());
    if (!stored || !*stored) return http::JsonError(context.request, Internal("reading back"));
    http::Response response =
        http::MakeResponse(context.request, status, "application/json; charset=utf-8",
                           json::serialize(RecordFields(**stored)));
    if (status == 201) {
      response.message.set(beast_http::field::location,
                           "/api/" + CollectionName(record.table()) + "/" + record.id());
    }
    return response;
  }

  store::Store& store_;
  search::SearchIndex& index_;
  accounts::Listings listings_;
};

}  // namespace

void AddWriteRoutes(http::Router& router, store::Store& store, search::SearchIndex& index) {
  auto writer = std::make_shared<Writer>(store, index);
  const auto post = beast_http::verb::post;
  const auto put = beast_http::verb::put;
  const auto patch = beast_http::verb::patch;
  const auto remove = beast_http::verb::delete_;
  for (Table table : kWritable) {
    const std::string path = "/api/" + CollectionName(table);
    // Organisations are created and deleted by those who verify them; everything else by
    // whoever edits an organisation (the handler asks again for the record's organisation).
    Permission create = table == Table::kOrganization ? Permission::kVerifyOrganizations
                                                      : Permission::kEditOrganization;
    Permission erase = create;
    router.Add(post, path, create, [writer, table](const http::RequestContext& context) {
      return writer->Create(context, table);
    });
    router.Add(put, path + "/{id}", Permission::kEditOrganization,
               [writer, table](const http::RequestContext& context) {
                 return writer->Change(context, table, false);
               });
    router.Add(patch, path + "/{id}", Permission::kEditOrganization,
               [writer, table](const http::RequestContext& context) {
                 return writer->Change(context, table, true);
               });
    router.Add(remove, path + "/{id}", erase, [writer, table](const http::RequestContext& context) {
      return writer->Delete(context, table);
    });
  }
}

}  // namespace knooppunt::api
