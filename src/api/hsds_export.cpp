#include "api/hsds_export.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <optional>
#include <unordered_set>
#include <vector>

#include "api/csv.h"
#include "api/hsds_import.h"
#include "api/hsds_json.h"
#include "domain/model.h"
#include "store/store.h"

namespace knooppunt::api {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using domain::FieldType;
using domain::Record;
using domain::Table;
using domain::TableSpec;

// A file written to PATH.tmp and renamed to PATH by Commit(); removed when not committed.
class AtomicFile {
 public:
  explicit AtomicFile(fs::path path) : path_(std::move(path)), temp_(path_.string() + ".tmp") {}
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile() {
    if (file_ != nullptr) std::fclose(file_);
    if (!committed_) {
      std::error_code ignored;
      fs::remove(temp_, ignored);
    }
  }

  // Failure: kUnavailable naming the file.
  Status Open() {
    file_ = std::fopen(temp_.c_str(), "wb");
    if (file_ == nullptr) return Failure(errno);
    return {};
  }

  // Appends `text`; a failure is kept and reported by Commit().
  void Write(std::string_view text) {
    if (error_ != 0 || text.empty()) return;
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size())
      error_ = errno ? errno : EIO;
  }
  bool ok() const { return error_ == 0; }

  // Closes the file and renames it into place. Failure: kUnavailable naming the file.
  Status Commit() {
    if (error_ == 0 && std::fflush(file_) != 0) error_ = errno;
    if (std::fclose(file_) != 0 && error_ == 0) error_ = errno;
    file_ = nullptr;
    if (error_ != 0) return Failure(error_);
    std::error_code ec;
    fs::rename(temp_, path_, ec);
    if (ec) return Unavailable("cannot write " + path_.string() + ": " + ec.message());
    committed_ = true;
    return {};
  }

 private:
  Error Failure(int error) const {
    return Unavailable("cannot write " + path_.string() + ": " + std::strerror(error));
  }

  fs::path path_;
  fs::path temp_;
  std::FILE* file_ = nullptr;
  int error_ = 0;  // errno of the first failed write
  bool committed_ = false;
};

// The distinct ids written, per table.
class Tally {
 public:
  Tally() : ids_(domain::AllTables().size()) {}
  void Add(Table table, const std::string& id) { ids_[static_cast<std::size_t>(table)].insert(id); }
  std::map<std::string, int64_t> Counts() const {
    std::map<std::string, int64_t> counts;
    for (const TableSpec& spec : domain::AllTables()) {
      const auto& ids = ids_[static_cast<std::size_t>(spec.table)];
      if (!ids.empty()) counts[std::string(spec.name)] = static_cast<int64_t>(ids.size());
    }
    return counts;
  }

 private:
  std::vector<std::unordered_set<std::string>> ids_;
};

// The Frictionless Table Schema type (and format) of a field.
void AddFieldType(json::object& out, FieldType type) {
  switch (type) {
    case FieldType::kText:
      out["type"] = "string";
      return;
    case FieldType::kUuid:
      out["type"] = "string";
      out["format"] = "uuid";
      return;
    case FieldType::kNumber:
      out["type"] = "number";
      return;
    case FieldType::kInteger:
      out["type"] = "integer";
      return;
    case FieldType::kDate:
      out["type"] = "date";
      return;
    case FieldType::kDateTime:
      out["type"] = "datetime";
      return;
    case FieldType::kTime:
      out["type"] = "time";
      return;
    case FieldType::kEmail:
      out["type"] = "string";
      out["format"] = "email";
      return;
    case FieldType::kUri:
      out["type"] = "string";
      out["format"] = "uri";
      return;
  }
}

json::object DataPackage() {
  json::array resources;
  for (const TableSpec& spec : domain::AllTables()) {
    json::array fields, foreign_keys;
    for (const domain::FieldSpec& field : spec.fields) {
      json::object item{{"name", field.name}};
      AddFieldType(item, field.type);
      json::object constraints;
      if (field.required) constraints["required"] = true;
      if (!field.allowed.empty()) {
        json::array allowed;
        for (std::string_view value : field.allowed) allowed.emplace_back(value);
        constraints["enum"] = std::move(allowed);
      }
      if (!constraints.empty()) item["constraints"] = std::move(constraints);
      fields.push_back(std::move(item));
      if (!field.references.empty()) {
        foreign_keys.push_back(json::object{
            {"fields", field.name},
            {"reference", json::object{{"resource", field.references}, {"fields", "id"}}}});
      }
    }
    json::object schema{{"fields", std::move(fields)}, {"primaryKey", "id"}};
    if (!foreign_keys.empty()) schema["foreignKeys"] = std::move(foreign_keys);
    resources.push_back(json::object{{"name", spec.name},
                                     {"path", spec.csv_file},
                                     {"profile", "tabular-data-resource"},
                                     {"format", "csv"},
                                     {"mediatype", "text/csv"},
                                     {"encoding", "utf-8"},
                                     {"schema", std::move(schema)}});
  }
  return json::object{{"profile", "tabular-data-package"},
                      {"name", "knooppunt-hsds"},
                      {"resources", std::move(resources)}};
}

Result<std::map<std::string, int64_t>> ExportCsv(store::Store& store, const fs::path& out_dir) {
  std::map<std::string, int64_t> counts;
  for (const TableSpec& spec : domain::AllTables()) {
    AtomicFile file(out_dir / spec.csv_file);
    if (Status status = file.Open(); !status) return status.error();
    std::vector<std::string> cells(spec.fields.size());
    std::transform(spec.fields.begin(), spec.fields.end(), cells.begin(),
                   [](const domain::FieldSpec& field) { return std::string(field.name); });
    file.Write(WriteCsvRow(cells));
    int64_t count = 0;
    Status read = store.ForEach(spec.table, [&](const Record& record) {
      for (std::size_t i = 0; i < cells.size(); ++i) cells[i] = record.values()[i].value_or("");
      file.Write(WriteCsvRow(cells));
      ++count;
      return file.ok();
    });
    if (!read) return read.error();
    if (Status status = file.Commit(); !status) return status.error();
    if (count > 0) counts[std::string(spec.name)] = count;
  }
  AtomicFile descriptor(out_dir / "datapackage.json");
  if (Status status = descriptor.Open(); !status) return status.error();
  descriptor.Write(json::serialize(DataPackage()));
  descriptor.Write("\n");
  if (Status status = descriptor.Commit(); !status) return status.error();
  return counts;
}

// Writes a JSON array of the objects `make` returns for the records of `table` it accepts
// (nullopt skips a record), one object per line.
using MakeObject = std::function<Result<std::optional<json::object>>(const Record&)>;

Status WriteJsonArray(store::Store& store, const fs::path& path, Table table,
                      const MakeObject& make) {
  AtomicFile file(path);
  if (Status status = file.Open(); !status) return status;
  file.Write("[");
  bool first = true;
  std::optional<Error> failure;
  Status read = store.ForEach(table, [&](const Record& record) {
    auto object = make(record);
    if (!object) {
      failure = object.error();
      return false;
    }
    if (!*object) return true;
    file.Write(first ? "\n" : ",\n");
    file.Write(json::serialize(**object));
    first = false;
    return file.ok();
  });
  if (!read) return read.error();
  if (failure) return *failure;
  file.Write(first ? "]\n" : "\n]\n");
  return file.Commit();
}

Result<std::map<std::string, int64_t>> ExportJson(store::Store& store, const fs::path& out_dir) {
  HsdsWriter writer(store, "");
  Tally tally;
  // Counts every record a compiled object holds.
  auto count = [&](const json::object& object, Table table) -> Status {
    auto records = FlattenHsdsObject(object, table);
    if (!records)
      return Internal("export produced JSON it cannot read: " + records.error().message);
    for (const Record& record : *records) tally.Add(record.table(), record.id());
    return {};
  };

  Status status =
      WriteJsonArray(store, out_dir / "organizations.json", Table::kOrganization,
                     [&](const Record& record) -> Result<std::optional<json::object>> {
                       auto object = writer.Organization(record, Depth::kFull, Depth::kFull);
                       if (!object) return object.error();
                       if (Status counted = count(*object, Table::kOrganization); !counted)
                         return counted.error();
                       return std::optional<json::object>(std::move(*object));
                     });
  if (!status) return status.error();

  status = WriteJsonArray(store, out_dir / "services.json", Table::kService,
                          [&](const Record& record) -> Result<std::optional<json::object>> {
                            if (record.Get("organization_id")) return std::optional<json::object>();
                            auto object = writer.Service(record, Depth::kFull);
                            if (!object) return object.error();
                            if (Status counted = count(*object, Table::kService); !counted)
                              return counted.error();
                            return std::optional<json::object>(std::move(*object));
                          });
  if (!status) return status.error();

  for (Table table : {Table::kTaxonomy, Table::kTaxonomyTerm, Table::kTranslation}) {
    std::string file(domain::Spec(table).csv_file);
    file.replace(file.size() - 4, 4, ".json");
    status = WriteJsonArray(store, out_dir / file, table,
                            [&](const Record& record) -> Result<std::optional<json::object>> {
                              tally.Add(record.table(), record.id());
                              return std::optional<json::object>(RecordFields(record));
                            });
    if (!status) return status.error();
  }
  return tally.Counts();
}

}  // namespace

Result<std::map<std::string, int64_t>> ExportHsds(store::Store& store, ExportFormat format,
                                                  const fs::path& out_dir) {
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) return Unavailable("cannot create " + out_dir.string() + ": " + ec.message());
  return format == ExportFormat::kCsv ? ExportCsv(store, out_dir) : ExportJson(store, out_dir);
}

}  // namespace knooppunt::api
