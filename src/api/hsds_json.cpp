#include "api/hsds_json.h"

#include <boost/json.hpp>
#include <charconv>

#include "api/hsds_shape.h"
#include "store/store.h"

namespace knooppunt::api {
namespace {

namespace json = boost::json;
using domain::FieldType;
using domain::Record;
using domain::Table;

constexpr std::string_view kTranslatable[] = {"name", "alternate_name", "description"};

}  // namespace

json::object RecordFields(const Record& record) {
  json::object out;
  const auto& fields = record.spec().fields;
  const auto& values = record.values();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (!values[i]) continue;
    const std::string& text = *values[i];
    if (fields[i].type == FieldType::kNumber || fields[i].type == FieldType::kInteger) {
      double number = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
      if (ec == std::errc() && end == text.data() + text.size()) {
        if (fields[i].type == FieldType::kInteger) {
          out[fields[i].name] = static_cast<std::int64_t>(number);
        } else {
          out[fields[i].name] = number;
        }
        continue;
      }
    }
    out[fields[i].name] = text;
  }
  return out;
}

HsdsWriter::HsdsWriter(store::Store& store, std::string language)
    : store_(store), language_(std::move(language)) {}

Result<json::object> HsdsWriter::Own(const Record& record) {
  json::object out = RecordFields(record);
  if (language_.empty() || language_ == "nl") return out;
  auto translations = store_.FindBy(Table::kTranslation, "record_id", record.id());
  if (!translations) return translations.error();
  for (const Record& translation : *translations) {
    if (translation.Get("language") != language_) continue;
    const auto& field = translation.Get("field_name");
    for (std::string_view name : kTranslatable) {
      if (field == name && out.contains(name)) out[name] = *translation.Get("text");
    }
  }
  return out;
}

Status HsdsWriter::AddAttributes(json::object& out, const Record& record) {
  if (!HasAttributes(record.table())) return {};
  auto attributes = store_.FindBy(Table::kAttribute, "link_id", record.id());
  if (!attributes) return attributes.error();
  json::array list;
  for (const Record& attribute : *attributes) {
    json::object item = RecordFields(attribute);
    if (const auto& term_id = attribute.Get("taxonomy_term_id")) {
      auto term = store_.Get(Table::kTaxonomyTerm, *term_id);
      if (!term) return term.error();
      if (*term) {
        auto term_json = Own(**term);
        if (!term_json) return term_json.error();
        item["taxonomy_term"] = std::move(*term_json);
      }
    }
    list.push_back(std::move(item));
  }
  out["attributes"] = std::move(list);
  auto metadata = store_.FindBy(Table::kMetadata, "resource_id", record.id());
  if (!metadata) return metadata.error();
  json::array entries;
  for (const Record& entry : *metadata) entries.push_back(RecordFields(entry));
  out["metadata"] = std::move(entries);
  return {};
}

Status HsdsWriter::AddChildren(json::object& out, const Record& record) {
  for (const ChildRelation& relation : ChildrenOf(record.table())) {
    auto rows = store_.FindBy(relation.table, relation.key, record.id());
    if (!rows) return rows.error();
    json::array list;
    for (const Record& row : *rows) {
      auto child = Nested(row);
      if (!child) return child.error();
      list.push_back(std::move(*child));
    }
    out[relation.property] = std::move(list);
  }
  for (const ParentRelation& relation : ParentsOf(record.table())) {
    const auto& id = record.Get(relation.field);
    if (!id) continue;
    auto parent = store_.Get(relation.table, *id);
    if (!parent) return parent.error();
    if (!*parent) continue;
    auto parent_json = relation.nested ? Nested(**parent) : Own(**parent);
    if (!parent_json) return parent_json.error();
    if (!relation.nested) {
      if (Status status = AddAttributes(*parent_json, **parent); !status) return status.error();
    }
    out[relation.property] = std::move(*parent_json);
  }
  return AddAttributes(out, record);
}

Result<json::object> HsdsWriter::Nested(const Record& record) {
  auto out = Own(record);
  if (!out) return out;
  if (Status status = AddChildren(*out, record); !status) return status.error();
  return out;
}

Result<json::object> HsdsWriter::Service(const Record& service, Depth depth) {
  if (depth == Depth::kFull) return Nested(service);
  auto out = Own(service);
  if (!out) return out;
  if (depth == Depth::kMinimal) {
    json::object minimal;
    for (std::string_view key : {"id", "name", "status", "last_modified"}) {
      if (auto* value = out->if_contains(key)) minimal[key] = *value;
    }
    return minimal;
  }
  for (const ParentRelation& relation : ParentsOf(Table::kService)) {
    const auto& id = service.Get(relation.field);
    if (!id) continue;
    auto parent = store_.Get(relation.table, *id);
    if (!parent) return parent.error();
    if (!*parent) continue;
    auto parent_json = Own(**parent);
    if (!parent_json) return parent_json.error();
    (*out)[relation.property] = std::move(*parent_json);
  }
  return out;
}

Result<json::object> HsdsWriter::ServiceAtLocation(const Record& service_at_location, Depth depth) {
  auto out = depth == Depth::kFull ? Nested(service_at_location) : Own(service_at_location);
  if (!out) return out;
  if (depth != Depth::kFull) {
    if (const auto& location_id = service_at_location.Get("location_id")) {
      auto location = store_.Get(Table::kLocation, *location_id);
      if (!location) return location.error();
      if (*location) {
        auto location_json = Own(**location);
        if (!location_json) return location_json.error();
        (*out)["location"] = std::move(*location_json);
      }
    }
  }
  if (const auto& service_id = service_at_location.Get("service_id")) {
    auto service = store_.Get(Table::kService, *service_id);
    if (!service) return service.error();
    if (*service) {
      auto service_json = Service(**service, Depth::kList);
      if (!service_json) return service_json.error();
      (*out)["service"] = std::move(*service_json);
    }
  }
  return out;
}

Result<json::object> HsdsWriter::Organization(const Record& organization, Depth depth,
                                              Depth services) {
  auto out = depth == Depth::kFull ? Nested(organization) : Own(organization);
  if (!out) return out;
  if (services == Depth::kMinimal) return out;
  auto rows = store_.FindBy(Table::kService, "organization_id", organization.id());
  if (!rows) return rows.error();
  json::array list;
  for (const Record& row : *rows) {
    auto service = services == Depth::kFull ? Nested(row) : Own(row);
    if (!service) return service.error();
    list.push_back(std::move(*service));
  }
  (*out)["services"] = std::move(list);
  return out;
}

Result<json::object> HsdsWriter::Full(const Record& record) { return Nested(record); }

Result<json::object> HsdsWriter::OwnFields(const Record& record) { return Own(record); }

Result<json::object> HsdsWriter::Taxonomy(const Record& taxonomy) { return Own(taxonomy); }

Result<json::object> HsdsWriter::TaxonomyTerm(const Record& term) {
  auto out = Own(term);
  if (!out) return out;
  if (const auto& taxonomy_id = term.Get("taxonomy_id")) {
    auto taxonomy = store_.Get(Table::kTaxonomy, *taxonomy_id);
    if (!taxonomy) return taxonomy.error();
    if (*taxonomy) (*out)["taxonomy_detail"] = RecordFields(**taxonomy);
  }
  return out;
}

}  // namespace knooppunt::api
