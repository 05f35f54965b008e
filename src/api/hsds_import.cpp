#include "api/hsds_import.h"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "api/csv.h"
#include "api/hsds_shape.h"
#include "store/store.h"

namespace knooppunt::api {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using domain::FieldSpec;
using domain::FieldType;
using domain::Record;
using domain::Table;
using domain::TableSpec;

// ---------------------------------------------------------------------------------------------
// JSON parsing. Boost.JSON 1.81 rounds some decimal numbers to a neighbouring double; this
// handler builds the same values as boost::json::parse but reads doubles from their source text
// with std::from_chars, so that 52.370216 stays 52.370216 through an export and import.

class ExactNumberHandler {
 public:
  // The limits basic_parser asks of its handler (names fixed by Boost.JSON).
  static constexpr std::size_t max_object_size = json::object::max_size();  // NOLINT
  static constexpr std::size_t max_array_size = json::array::max_size();    // NOLINT
  static constexpr std::size_t max_key_size = json::string::max_size();     // NOLINT
  static constexpr std::size_t max_string_size = json::string::max_size();  // NOLINT

  json::value_stack stack;

  // The callbacks basic_parser makes (names fixed by Boost.JSON).
  // NOLINTBEGIN(readability-identifier-naming)
  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) { return true; }
  bool on_object_end(std::size_t n, json::error_code&) {
    stack.push_object(n);
    return true;
  }
  bool on_array_begin(json::error_code&) { return true; }
  bool on_array_end(std::size_t n, json::error_code&) {
    stack.push_array(n);
    return true;
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    stack.push_chars(s);
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code&) {
    stack.push_key(s);
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    stack.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code&) {
    stack.push_string(s);
    return true;
  }
  bool on_number_part(json::string_view s, json::error_code&) {
    number_.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t i, json::string_view, json::error_code&) {
    number_.clear();
    stack.push_int64(i);
    return true;
  }
  bool on_uint64(std::uint64_t u, json::string_view, json::error_code&) {
    number_.clear();
    stack.push_uint64(u);
    return true;
  }
  bool on_double(double d, json::string_view s, json::error_code&) {
    number_.append(s.data(), s.size());
    double exact = 0;
    auto [end, ec] = std::from_chars(number_.data(), number_.data() + number_.size(), exact);
    stack.push_double(ec == std::errc() && end == number_.data() + number_.size() ? exact : d);
    number_.clear();
    return true;
  }
  bool on_bool(bool b, json::error_code&) {
    stack.push_bool(b);
    return true;
  }
  bool on_null(json::error_code&) {
    stack.push_null();
    return true;
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }
  // NOLINTEND(readability-identifier-naming)

 private:
  std::string number_;  // the parts of a number split across buffers
};

// Parses one JSON text. Failure: kInvalidArgument starting with `name` (a file, or a file and
// line), followed by the line of the error when `with_line`.
Result<json::value> ParseJson(std::string_view text, const std::string& name, bool with_line) {
  json::parse_options options;
  options.max_depth = kMaxImportJsonDepth;
  json::basic_parser<ExactNumberHandler> parser(options);
  parser.handler().stack.reset();
  json::error_code ec;
  std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
  if (!ec && used < text.size()) ec = json::error::extra_data;
  if (ec) {
    std::string what = ec == json::error::too_deep
                           ? "arrays and objects are nested deeper than " +
                                 std::to_string(kMaxImportJsonDepth) + " levels"
                           : ec.message();
    std::string where = with_line ? name + " line " + std::to_string(LineAt(text, used)) : name;
    return InvalidArgument("", where + ": not valid JSON (" + what + ")");
  }
  return parser.handler().stack.release();
}

// ---------------------------------------------------------------------------------------------
// Flattening compiled objects into records.

// A key to set on a nested record when the object does not give it.
struct Fill {
  std::string_view field;
  std::string value;
};

// A property under which records of `table` nest, and the keys they get from their parent.
struct Nesting {
  std::string_view property;
  Table table;
  std::vector<Fill> fills;
};

// The one-to-many nestings of compiled JSON under a record of `table` with id `id`: those of
// hsds_shape.h, an organization's services, and every object's attributes and metadata.
std::vector<Nesting> ChildNestings(Table table, const std::string& id) {
  auto key = [&](std::string_view field) {
    return id.empty() ? std::vector<Fill>() : std::vector<Fill>{{field, id}};
  };
  std::vector<Nesting> nestings;
  for (const ChildRelation& relation : ChildrenOf(table)) {
    nestings.push_back({relation.property, relation.table, key(relation.key)});
  }
  if (table == Table::kOrganization) {
    nestings.push_back({"services", Table::kService, key("organization_id")});
  }
  if (HasAttributes(table)) {
    const std::string entity(domain::Spec(table).name);
    std::vector<Fill> attribute = key("link_id"), metadata = key("resource_id");
    attribute.push_back({"link_entity", entity});
    metadata.push_back({"resource_type", entity});
    nestings.push_back({"attributes", Table::kAttribute, std::move(attribute)});
    nestings.push_back({"metadata", Table::kMetadata, std::move(metadata)});
  }
  return nestings;
}

// The many-to-one nestings under a record of `table`: those of hsds_shape.h plus the ones
// HsdsWriter adds outside its generic walk.
std::vector<ParentRelation> ParentNestings(Table table) {
  std::vector<ParentRelation> parents(ParentsOf(table).begin(), ParentsOf(table).end());
  if (table == Table::kServiceAtLocation) {
    parents.push_back({"service", Table::kService, "service_id", false});
  } else if (table == Table::kAttribute) {
    parents.push_back({"taxonomy_term", Table::kTaxonomyTerm, "taxonomy_term_id", false});
  } else if (table == Table::kTaxonomyTerm) {
    parents.push_back({"taxonomy_detail", Table::kTaxonomy, "taxonomy_id", false});
  }
  return parents;
}

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool IsNumeric(FieldType type) { return type == FieldType::kNumber || type == FieldType::kInteger; }

std::string NumberText(double number) {
  if (std::isfinite(number) && number == std::floor(number) && std::fabs(number) < 1e15) {
    return std::to_string(static_cast<int64_t>(number));
  }
  std::array<char, 32> buffer{};
  auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number).ptr;
  return std::string(buffer.data(), end);
}

const char* KindName(json::kind kind) {
  switch (kind) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "a number";
    case json::kind::string:
      return "a string";
    case json::kind::array:
      return "an array";
    case json::kind::object:
      return "an object";
  }
  return "a value";
}

// "organizations.json object 2 at services[0].phones[1] (id ...)"
std::string Locate(std::string_view label, std::string_view path, std::string_view id) {
  std::string out(label);
  if (!path.empty()) out += (out.empty() ? "at " : " at ") + std::string(path);
  if (!id.empty()) out += (out.empty() ? "(id " : " (id ") + std::string(id) + ")";
  return out;
}

std::string_view RawId(const json::object& object) {
  const json::value* id = object.if_contains("id");
  return id != nullptr && id->is_string() ? std::string_view(id->get_string()) : std::string_view();
}

// A record flattened out of a compiled object, with its place for error messages.
struct Found {
  Record record;
  std::string path;  // "services[0].phones[1]"; empty for the top-level object
};

class Flattener {
 public:
  Flattener(std::vector<Found>& out, std::string label) : out_(out), label_(std::move(label)) {}

  // Adds the record of `object` and all records nested in it. Success: the object's id as given
  // (empty when it has none).
  Result<std::string> Object(const json::object& object, Table table, const std::string& path,
                             std::span<const Fill> fills) {
    const TableSpec& spec = domain::Spec(table);
    const std::string id(RawId(object));
    Record record(table);
    for (const auto& [key, value] : object) {
      auto index = domain::FieldIndex(spec, key);
      if (!index) continue;  // a nested object, or an extension HSDS allows
      const FieldSpec& field = spec.fields[*index];
      auto text = Scalar(value, spec, field);
      if (!text) return Fail(path, id, std::string(field.name), text.error().message);
      record.mutable_values()[*index] = std::move(*text);
    }
    for (const Fill& fill : fills) {
      if (!record.Get(fill.field)) record.Set(fill.field, fill.value);
    }

    // Parents first: they give this record its key when it lacks one.
    for (const ParentRelation& relation : ParentNestings(table)) {
      const json::value* value = object.if_contains(relation.property);
      if (value == nullptr || value->is_null()) continue;
      if (!value->is_object()) {
        return Fail(path, id, std::string(relation.property),
                    std::string(spec.name) + "." + std::string(relation.property) +
                        " must be an object, not " + KindName(value->kind()));
      }
      auto parent_id =
          Object(value->get_object(), relation.table, Join(path, relation.property), {});
      if (!parent_id) return parent_id.error();
      if (!record.Get(relation.field) && !parent_id->empty()) {
        record.Set(relation.field, *parent_id);
      }
    }
    out_.push_back({std::move(record), path});

    for (const Nesting& nesting : ChildNestings(table, id)) {
      if (Status status = Children(object, spec, nesting, path); !status) return status.error();
    }
    return id;
  }

 private:
  static std::string Join(const std::string& path, std::string_view property) {
    return path.empty() ? std::string(property) : path + "." + std::string(property);
  }

  Error Fail(const std::string& path, std::string_view id, std::string field,
             const std::string& message) const {
    return InvalidArgument(std::move(field), Locate(label_, path, id) + ": " + message);
  }

  Status Children(const json::object& object, const TableSpec& spec, const Nesting& nesting,
                  const std::string& path) {
    const std::string_view property = nesting.property;
    const json::value* value = object.if_contains(property);
    if (value == nullptr || value->is_null()) return {};
    if (!value->is_array()) {
      return Fail(path, RawId(object), std::string(property),
                  std::string(spec.name) + "." + std::string(property) + " must be an array, not " +
                      KindName(value->kind()));
    }
    const json::array& items = value->get_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string item_path = Join(path, property) + "[" + std::to_string(i) + "]";
      if (!items[i].is_object()) {
        return Fail(item_path, {}, std::string(property),
                    std::string(spec.name) + "." + std::string(property) +
                        " must hold objects, not " + KindName(items[i].kind()));
      }
      if (auto id = Object(items[i].get_object(), nesting.table, item_path, nesting.fills); !id) {
        return id.error();
      }
    }
    return {};
  }

  // The text of a JSON scalar for `field`: strings as they are, numbers in their shortest form,
  // null as absent. Failure: a message naming the field.
  static Result<std::optional<std::string>> Scalar(const json::value& value, const TableSpec& spec,
                                                   const FieldSpec& field) {
    auto wrong = [&](std::string_view expected) -> Error {
      return InvalidArgument(std::string(field.name),
                             std::string(spec.name) + "." + std::string(field.name) + " must be " +
                                 std::string(expected) + ", not " + KindName(value.kind()));
    };
    const std::string_view expected = IsNumeric(field.type) ? "a number" : "a string";
    switch (value.kind()) {
      case json::kind::null:
        return std::optional<std::string>();
      case json::kind::int64:
        return std::optional<std::string>(std::to_string(value.get_int64()));
      case json::kind::uint64:
        return std::optional<std::string>(std::to_string(value.get_uint64()));
      case json::kind::double_:
        return std::optional<std::string>(NumberText(value.get_double()));
      case json::kind::string: {
        std::string text(value.get_string());
        if (text.find('\0') != std::string::npos) {
          return InvalidArgument(
              std::string(field.name),
              std::string(spec.name) + "." + std::string(field.name) + " holds a NUL character");
        }
        // A number written as a string is accepted when it is one; "north" is not a latitude.
        if (IsNumeric(field.type) && !text.empty() &&
            !domain::NormaliseValue(FieldType::kNumber, text)) {
          return wrong(expected);
        }
        return std::optional<std::string>(std::move(text));
      }
      case json::kind::bool_:
      case json::kind::array:
      case json::kind::object:
        return wrong(expected);
    }
    return wrong(expected);
  }

  std::vector<Found>& out_;
  std::string label_;
};

// The kind of a top-level compiled object in a file not named after a table: by the properties
// only that kind has (required ones where possible); an organization when none match.
Table DetectKind(const json::object& object) {
  if (object.contains("status") || object.contains("service_at_locations")) return Table::kService;
  auto is_object = [&](std::string_view key) {
    const json::value* value = object.if_contains(key);
    return value != nullptr && value->is_object();
  };
  if (is_object("service") || is_object("location")) return Table::kServiceAtLocation;
  if (object.contains("location_type")) return Table::kLocation;
  if (object.contains("taxonomy_detail") || object.contains("term_uri"))
    return Table::kTaxonomyTerm;
  return Table::kOrganization;
}

// The table a file is named after, if any: by its CSV name or the table name, with an optional
// "_list" or "_full" ("taxonomy_terms.json", "taxonomy_term.json", "service_full.json").
std::optional<Table> TableOfFile(const fs::path& file) {
  std::string stem = file.stem().string();
  std::transform(stem.begin(), stem.end(), stem.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view suffix : {"_list", "_full"}) {
    if (stem.ends_with(suffix)) stem.resize(stem.size() - suffix.size());
  }
  for (const TableSpec& spec : domain::AllTables()) {
    std::string_view csv = spec.csv_file;
    csv.remove_suffix(4);  // ".csv"
    if (stem == csv || stem == spec.name) return spec.table;
  }
  return std::nullopt;
}

// The table a key of tabular JSON names: "services.csv" (examples/tabular.json) or "service"
// (schema/compiled/tabular.json).
std::optional<Table> TableOfKey(std::string_view key) {
  for (const TableSpec& spec : domain::AllTables()) {
    if (key == spec.csv_file || key == spec.name) return spec.table;
  }
  return std::nullopt;
}

// Whether an object is HSDS tabular JSON: every property an array of one table's records.
bool IsTabularJson(const json::object& object) {
  return !object.empty() && std::all_of(object.begin(), object.end(), [](const auto& member) {
    return member.value().is_array() && TableOfKey(member.key()).has_value();
  });
}

// ---------------------------------------------------------------------------------------------
// One unit of import: validated records, deduplicated, then written in one transaction.

class Batch {
 public:
  Batch() : index_(domain::AllTables().size()) {}

  // Adds a validated record. One with the same table and id already here is updated: field by
  // field when `merge` (a value met later wins, absent values keep the earlier one), otherwise
  // replaced.
  void Add(Record record, std::string where, bool merge) {
    auto& index = index_[static_cast<std::size_t>(record.table())];
    auto [it, inserted] = index.try_emplace(record.id(), entries_.size());
    if (inserted) {
      entries_.push_back({std::move(record), std::move(where)});
      return;
    }
    Entry& entry = entries_[it->second];
    if (merge) {
      auto& values = entry.record.mutable_values();
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (record.values()[i]) values[i] = record.values()[i];
      }
    } else {
      entry.record = std::move(record);
    }
    entry.where = std::move(where);
  }

  bool Contains(Table table, const std::string& id) const {
    return index_[static_cast<std::size_t>(table)].contains(id);
  }

  struct Entry {
    Record record;
    std::string where;  // "services.csv line 4 (id ...)"
  };
  const std::vector<Entry>& entries() const { return entries_; }

  std::vector<Record> TakeRecords() && {
    std::vector<Record> records;
    records.reserve(entries_.size());
    for (Entry& entry : entries_) records.push_back(std::move(entry.record));
    return records;
  }

 private:
  std::vector<Entry> entries_;
  std::vector<std::unordered_map<std::string, std::size_t>> index_;  // per table: id → entry
};

class Importer {
 public:
  explicit Importer(store::Store& store)
      : store_(store), written_(domain::AllTables().size()), known_(domain::AllTables().size()) {}

  ImportReport Report() const {
    ImportReport report;
    report.files = files_;
    for (const TableSpec& spec : domain::AllTables()) {
      auto count = static_cast<int64_t>(written_[static_cast<std::size_t>(spec.table)].size());
      if (count > 0) report.records_per_table[std::string(spec.name)] = count;
    }
    return report;
  }

  // A tabular data package (or one CSV file): all its files in one transaction.
  struct Resource {
    Table table;
    fs::path file;
    std::string name;  // for messages: the path as the package gives it
  };
  // `name` names the package in errors from the store.
  Status Package(const std::vector<Resource>& resources, const std::string& name) {
    Batch batch;
    for (const Resource& resource : resources) {
      if (Status status = CsvResource(resource, batch); !status) return status;
    }
    return Commit(std::move(batch), name);
  }

  Status JsonFile(const fs::path& file, bool lines) {
    const std::string name = file.filename().string();
    auto text = ReadText(file, name);
    if (!text) return text.error();
    ++files_;
    if (auto bad = FindInvalidUtf8(*text)) {
      return InvalidArgument("", name + " line " + std::to_string(LineAt(*text, *bad)) +
                                     ": the text is not valid UTF-8");
    }
    std::string_view content = *text;
    if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);  // a byte order mark
    std::optional<Table> fixed = TableOfFile(file);
    if (fixed == Table::kOrganization || fixed == Table::kService) fixed.reset();
    Batch batch;
    if (lines) {
      std::string_view rest = content;
      for (int64_t line = 1; !rest.empty(); ++line) {
        std::size_t end = std::min(rest.find('\n'), rest.size());
        std::string_view line_text = rest.substr(0, end);
        rest.remove_prefix(std::min(end + 1, rest.size()));
        if (line_text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        const std::string label = name + " line " + std::to_string(line);
        auto value = ParseJson(line_text, label, false);
        if (!value) return value.error();
        if (!value->is_object()) {
          return InvalidArgument("", label + ": each line must hold one JSON object");
        }
        if (Status status = AddObject(value->get_object(), fixed, label, batch); !status) {
          return status;
        }
      }
    } else {
      auto value = ParseJson(content, name, true);
      if (!value) return value.error();
      if (Status status = AddValue(*value, fixed, name, batch); !status) return status;
    }
    return Commit(std::move(batch), name);
  }

 private:
  // A file's text. Failure: kInvalidArgument when larger than kMaxImportFileBytes, kUnavailable
  // when it cannot be read.
  static Result<std::string> ReadText(const fs::path& file, const std::string& name) {
    std::error_code ec;
    std::uintmax_t size = fs::file_size(file, ec);
    if (ec) return Unavailable("cannot read " + name + ": " + ec.message());
    if (size > kMaxImportFileBytes) {
      return InvalidArgument("", name + " is larger than " +
                                     std::to_string(kMaxImportFileBytes >> 20) +
                                     " MiB; split it into smaller files");
    }
    std::ifstream in(file, std::ios::binary);
    std::string text(size, '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(size))) {
      return Unavailable("cannot read " + name);
    }
    return text;
  }

  Status CsvResource(const Resource& resource, Batch& batch) {
    auto text = ReadText(resource.file, resource.name);
    if (!text) return text.error();
    ++files_;
    auto table = ReadCsv(*text);
    if (!table) return InvalidArgument("", resource.name + " " + table.error().message);
    *text = std::string();  // the rows hold their own copies
    const TableSpec& spec = domain::Spec(resource.table);
    std::vector<std::optional<std::size_t>> columns;  // per column: the field, if any
    for (const std::string& name : table->header) {
      columns.push_back(domain::FieldIndex(spec, Trim(name)));
    }
    if (std::find(columns.begin(), columns.end(), std::optional<std::size_t>(0)) == columns.end()) {
      return InvalidArgument("id", resource.name + " line 1: there is no id column");
    }
    for (std::size_t r = 0; r < table->rows.size(); ++r) {
      Record record(resource.table);
      auto& row = table->rows[r];
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (columns[c] && !row[c].empty()) record.mutable_values()[*columns[c]] = std::move(row[c]);
      }
      std::string label = resource.name + " line " + std::to_string(table->row_lines[r]);
      if (Status status = AddRecord(std::move(record), std::move(label), batch, false); !status) {
        return status;
      }
    }
    return {};
  }

  // Validates a record and adds it to the batch. `where` is completed with the id for messages.
  static Status AddRecord(Record record, std::string where, Batch& batch, bool merge) {
    if (!record.id().empty()) where += " (id " + record.id() + ")";
    auto valid = domain::Validate(std::move(record));
    if (!valid) {
      return InvalidArgument(valid.error().field, where + ": " + valid.error().message);
    }
    batch.Add(std::move(*valid), std::move(where), merge);
    return {};
  }

  // Adds what a JSON document holds: an object, an array of objects, a page's contents or
  // tabular JSON.
  static Status AddValue(const json::value& value, std::optional<Table> fixed,
                         const std::string& name, Batch& batch) {
    const json::array* items = nullptr;
    if (value.is_array()) {
      items = &value.get_array();
    } else if (value.is_object()) {
      const json::object& object = value.get_object();
      if (IsTabularJson(object)) {
        for (const auto& [key, list] : object) {
          if (Status status =
                  AddItems(list.get_array(), TableOfKey(key), name + " " + std::string(key), batch);
              !status) {
            return status;
          }
        }
        return {};
      }
      const json::value* contents = object.if_contains("contents");
      if (contents == nullptr || !contents->is_array() || object.contains("id")) {
        return AddObject(object, fixed, name, batch);
      }
      items = &contents->get_array();
    } else {
      return InvalidArgument("", name +
                                     ": expected an object, an array of objects or a page "
                                     "{\"contents\": [...]}, not " +
                                     KindName(value.kind()));
    }
    return AddItems(*items, fixed, name, batch);
  }

  static Status AddItems(const json::array& items, std::optional<Table> fixed,
                         const std::string& name, Batch& batch) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string label = name + " object " + std::to_string(i + 1);
      if (!items[i].is_object()) {
        return InvalidArgument("",
                               label + " is " + KindName(items[i].kind()) + ", not a JSON object");
      }
      if (Status status = AddObject(items[i].get_object(), fixed, label, batch); !status) {
        return status;
      }
    }
    return {};
  }

  static Status AddObject(const json::object& object, std::optional<Table> fixed,
                          const std::string& label, Batch& batch) {
    std::vector<Found> found;
    Flattener flattener(found, label);
    if (auto id = flattener.Object(object, fixed.value_or(DetectKind(object)), "", {}); !id) {
      return id.error();
    }
    for (Found& item : found) {
      std::string where = label;
      if (!item.path.empty()) where += " at " + item.path;
      if (Status status = AddRecord(std::move(item.record), std::move(where), batch, true);
          !status) {
        return status;
      }
    }
    return {};
  }

  // Checks that every enforced reference points into the batch or the store, so that the error
  // names the record rather than the database's "foreign key" failure.
  Status CheckReferences(const Batch& batch) {
    for (const Batch::Entry& entry : batch.entries()) {
      const TableSpec& spec = entry.record.spec();
      for (std::size_t i = 0; i < spec.fields.size(); ++i) {
        const FieldSpec& field = spec.fields[i];
        const auto& value = entry.record.values()[i];
        if (field.references.empty() || !value) continue;
        Table target = *domain::TableByName(field.references);
        if (batch.Contains(target, *value)) continue;
        auto& known = known_[static_cast<std::size_t>(target)];
        if (known.contains(*value)) continue;
        auto found = store_.Get(target, *value);
        if (!found) return found.error();
        if (!*found) {
          return InvalidArgument(std::string(field.name),
                                 entry.where + ": " + std::string(spec.name) + "." +
                                     std::string(field.name) + " refers to " +
                                     std::string(field.references) + " " + *value +
                                     ", which is neither in the import nor in the database");
        }
        known.insert(*value);
      }
    }
    return {};
  }

  Status Commit(Batch&& batch, const std::string& name) {
    if (Status status = CheckReferences(batch); !status) return status;
    std::vector<Record> records = std::move(batch).TakeRecords();
    if (Status status = store_.Write(records); !status) {
      Error error = status.error();
      error.message = name + ": " + error.message;
      return error;
    }
    for (const Record& record : records) {
      written_[static_cast<std::size_t>(record.table())].insert(record.id());
      known_[static_cast<std::size_t>(record.table())].insert(record.id());
    }
    return {};
  }

  store::Store& store_;
  int64_t files_ = 0;
  std::vector<std::unordered_set<std::string>> written_;  // per table: ids written
  std::vector<std::unordered_set<std::string>> known_;    // per table: ids known to be stored
};

bool SafeRelative(const fs::path& path) {
  if (path.empty() || path.is_absolute() || path.has_root_name()) return false;
  return std::none_of(path.begin(), path.end(), [](const fs::path& part) { return part == ".."; });
}

// The CSV files of a tabular data package in `dir`: those a datapackage.json lists with paths
// (when it parses and lists any), otherwise the files named as TableSpec::csv_file. Empty when
// the folder is no data package.
Result<std::vector<Importer::Resource>> PackageResources(const fs::path& dir) {
  std::vector<Importer::Resource> resources;
  const fs::path descriptor = dir / "datapackage.json";
  std::error_code ec;
  if (fs::is_regular_file(descriptor, ec) && fs::file_size(descriptor, ec) <= kMaxImportFileBytes) {
    std::ifstream in(descriptor, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    json::error_code parse_error;
    json::parse_options options;
    options.max_depth = kMaxImportJsonDepth;
    json::value value = json::parse(text, parse_error, {}, options);
    const json::array* list = nullptr;
    if (!parse_error && value.is_object()) {
      if (const json::value* found = value.get_object().if_contains("resources")) {
        list = found->if_array();
      }
    }
    for (std::size_t i = 0; list != nullptr && i < list->size(); ++i) {
      const json::object* resource = (*list)[i].if_object();
      if (resource == nullptr) continue;
      const json::value* path = resource->if_contains("path");
      if (path == nullptr || !path->is_string()) continue;
      const std::string relative(path->get_string());
      std::optional<Table> table;
      if (const json::value* name = resource->if_contains("name"); name && name->is_string()) {
        table = domain::TableByName(std::string_view(name->get_string()));
      }
      for (const TableSpec& spec : domain::AllTables()) {
        if (!table && fs::path(relative).filename() == spec.csv_file) table = spec.table;
      }
      if (!table) continue;  // a resource that is no HSDS table
      if (relative.find("://") != std::string::npos || !SafeRelative(relative)) {
        return InvalidArgument("path", "datapackage.json: the resource path \"" + relative +
                                           "\" is not a file inside the package");
      }
      if (!fs::is_regular_file(dir / relative, ec)) {
        return InvalidArgument(
            "path", "datapackage.json: the resource file \"" + relative + "\" does not exist");
      }
      resources.push_back({*table, dir / relative, relative});
    }
    if (!resources.empty()) return resources;
  }
  for (const TableSpec& spec : domain::AllTables()) {
    if (fs::is_regular_file(dir / spec.csv_file, ec)) {
      resources.push_back({spec.table, dir / spec.csv_file, std::string(spec.csv_file)});
    }
  }
  return resources;
}

std::string Extension(const fs::path& file) {
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

Status ImportJsonFolder(Importer& importer, const fs::path& dir) {
  std::vector<std::pair<std::size_t, fs::path>> files;  // (dependency rank, file)
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string extension = Extension(entry.path());
    if (!entry.is_regular_file(ec) || entry.path().filename() == "datapackage.json") continue;
    if (extension != ".json" && extension != ".ndjson" && extension != ".jsonl") continue;
    auto table = TableOfFile(entry.path());
    files.emplace_back(table ? static_cast<std::size_t>(*table) : domain::AllTables().size(),
                       entry.path());
  }
  if (ec) return Unavailable("cannot list " + dir.string() + ": " + ec.message());
  if (files.empty()) {
    return InvalidArgument("", dir.filename().string() +
                                   " holds no HSDS data: no CSV files named as HSDS tables and no "
                                   ".json or .ndjson files");
  }
  std::sort(files.begin(), files.end());
  for (const auto& [rank, file] : files) {
    if (Status status = importer.JsonFile(file, Extension(file) != ".json"); !status) return status;
  }
  return {};
}

}  // namespace

Result<std::vector<Record>> FlattenHsdsObject(const json::object& object, Table table) {
  std::vector<Found> found;
  Flattener flattener(found, "the " + std::string(domain::Spec(table).name));
  if (auto id = flattener.Object(object, table, "", {}); !id) return id.error();
  std::vector<Record> records;
  records.reserve(found.size());
  for (Found& item : found) records.push_back(std::move(item.record));
  return records;
}

Result<ImportReport> ImportHsds(store::Store& store, const fs::path& path) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return NotFound(path.string() + " does not exist");
  Importer importer(store);
  Status done;
  if (fs::is_directory(status)) {
    auto resources = PackageResources(path);
    if (!resources) return resources.error();
    done = resources->empty()
               ? ImportJsonFolder(importer, path)
               : importer.Package(*resources, "the data package " + path.filename().string());
  } else {
    const std::string extension = Extension(path);
    if (extension == ".json") {
      done = importer.JsonFile(path, false);
    } else if (extension == ".ndjson" || extension == ".jsonl") {
      done = importer.JsonFile(path, true);
    } else if (auto table = TableOfFile(path); extension == ".csv" && table) {
      done = importer.Package({{*table, path, path.filename().string()}}, path.filename().string());
    } else {
      return InvalidArgument("path", path.filename().string() +
                                         ": expected a .json or .ndjson file, a CSV file named "
                                         "as an HSDS table, or a folder");
    }
  }
  if (!done) return done.error();
  return importer.Report();
}

}  // namespace knooppunt::api
