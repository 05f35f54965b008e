// The social map's data model: the HSDS 3.0 tables (shared/hsds-3.0/schema) plus Knooppunt's own
// `translation` table, described once as constant data, and Record, one row of any of them.
// The store, the API and import/export are all driven by these descriptions, so a field is
// named in exactly one place. Thread-safety: the descriptions are immutable; a Record is a value.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace knooppunt::domain {

// How a field's text is checked and how it is written in JSON.
enum class FieldType {
  kText,      // free text
  kUuid,      // a UUID, lower case on output
  kNumber,    // a decimal number; a JSON number
  kInteger,   // a whole number; a JSON number
  kDate,      // YYYY-MM-DD
  kDateTime,  // ISO 8601 with offset or Z
  kTime,      // HH:MM or HH:MM:SS, optional offset or Z
  kEmail,     // something@something
  kUri,       // an absolute URI
};

struct FieldSpec {
  std::string_view name;
  FieldType type = FieldType::kText;
  bool required = false;
  std::span<const std::string_view> allowed = {};  // when not empty, the only values allowed
  std::string_view references = {};  // the table this field must point into (a foreign key the
                                     // database enforces); empty when not enforced
};

// The tables, in an order in which every referenced table comes before the tables that refer to it.
enum class Table {
  kTaxonomy,
  kTaxonomyTerm,
  kOrganization,
  kOrganizationIdentifier,
  kProgram,
  kService,
  kLocation,
  kServiceAtLocation,
  kContact,
  kPhone,
  kAddress,
  kSchedule,
  kLanguage,
  kAttribute,
  kFunding,
  kAccessibility,
  kCostOption,
  kRequiredDocument,
  kServiceArea,
  kMetadata,
  kMetaTableDescription,
  kTranslation,  // Knooppunt's own: names and descriptions in other languages
};

struct TableSpec {
  Table table;
  std::string_view name;      // the HSDS table name, also the SQL table name: "service_at_location"
  std::string_view csv_file;  // the file in an HSDS tabular data package: "service_at_location.csv"
  std::span<const FieldSpec> fields;  // fields[0] is always "id"
};

// All tables, in dependency order (see Table).
std::span<const TableSpec> AllTables();
const TableSpec& Spec(Table table);
std::optional<Table> TableByName(std::string_view name);
// Index of `field` in the table's fields, or nullopt when the table has no such field.
std::optional<std::size_t> FieldIndex(const TableSpec& spec, std::string_view field);

// One row: a value (or null) per field of its table, in the table's field order.
class Record {
 public:
  explicit Record(Table table);

  Table table() const { return table_; }
  const TableSpec& spec() const { return Spec(table_); }
  const std::string& id() const;  // empty when not set

  // The value of a field by name; nullopt when null or when the table has no such field.
  const std::optional<std::string>& Get(std::string_view field) const;
  // Sets a field by name; returns false (and changes nothing) when the table has no such field.
  bool Set(std::string_view field, std::optional<std::string> value);
  // Chainable form for building records in code: Record(Table::kService).With("id", ...).
  Record& With(std::string_view field, std::string value);

  const std::vector<std::optional<std::string>>& values() const { return values_; }
  std::vector<std::optional<std::string>>& mutable_values() { return values_; }

  bool operator==(const Record& other) const = default;

 private:
  Table table_;
  std::vector<std::optional<std::string>> values_;
};

// Checks every field of `record` against its spec: required fields present, UUIDs, dates,
// numbers, enumerations. Success: the record with values normalised (UUIDs lower case, numbers
// in shortest form). Failure: kInvalidArgument naming the first bad field in Error::field.
Result<Record> Validate(Record record);

// Checks one value of the given type; returns the normalised value or nullopt when invalid.
std::optional<std::string> NormaliseValue(FieldType type, std::string_view value);

}  // namespace knooppunt::domain
