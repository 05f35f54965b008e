#include "domain/model.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "domain/time.h"

namespace knooppunt::domain {
namespace {

constexpr std::string_view kServiceStatusValues[] = {"active", "inactive", "defunct",
                                                     "temporarily closed"};
constexpr std::string_view kLocationLocationTypeValues[] = {"physical", "postal", "virtual"};
constexpr std::string_view kAddressAddressTypeValues[] = {"physical", "postal", "virtual"};
constexpr std::string_view kScheduleWkstValues[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
constexpr std::string_view kScheduleFreqValues[] = {"WEEKLY", "MONTHLY"};
constexpr std::string_view kTranslationFieldNameValues[] = {"name",
                                                            "alternate_name",
                                                            "description",
                                                            "application_process",
                                                            "eligibility_description",
                                                            "fees_description"};

// Generated once from shared/hsds-3.0/schema/*.json (scalar properties, in schema order).
constexpr FieldSpec kTaxonomyFields[] = {
    {"id", FieldType::kUuid, true},          {"name", FieldType::kText, true},
    {"description", FieldType::kText, true}, {"uri", FieldType::kUri, false},
    {"version", FieldType::kText, false},
};
constexpr FieldSpec kTaxonomyTermFields[] = {
    {"id", FieldType::kUuid, true},         {"code", FieldType::kText, false},
    {"name", FieldType::kText, true},       {"description", FieldType::kText, true},
    {"parent_id", FieldType::kUuid, false}, {"taxonomy", FieldType::kText, false},
    {"language", FieldType::kText, false},  {"taxonomy_id", FieldType::kUuid, false},
    {"term_uri", FieldType::kUri, false},
};
constexpr FieldSpec kOrganizationFields[] = {
    {"id", FieldType::kUuid, true},
    {"name", FieldType::kText, true},
    {"alternate_name", FieldType::kText, false},
    {"description", FieldType::kText, true},
    {"email", FieldType::kEmail, false},
    {"website", FieldType::kUri, false},
    {"tax_status", FieldType::kText, false},
    {"tax_id", FieldType::kText, false},
    {"year_incorporated", FieldType::kInteger, false},
    {"legal_status", FieldType::kText, false},
    {"logo", FieldType::kText, false},
    {"uri", FieldType::kUri, false},
    {"parent_organization_id", FieldType::kUuid, false},
};
constexpr FieldSpec kOrganizationIdentifierFields[] = {
    {"id", FieldType::kUuid, true},
    {"organization_id", FieldType::kUuid, false, {}, "organization"},
    {"identifier_scheme", FieldType::kText, false},
    {"identifier_type", FieldType::kText, true},
    {"identifier", FieldType::kText, true},
};
constexpr FieldSpec kProgramFields[] = {
    {"id", FieldType::kUuid, true},
    {"organization_id", FieldType::kUuid, false, {}, "organization"},
    {"name", FieldType::kText, true},
    {"alternate_name", FieldType::kText, false},
    {"description", FieldType::kText, true},
};
constexpr FieldSpec kServiceFields[] = {
    {"id", FieldType::kUuid, true},
    {"organization_id", FieldType::kUuid, false, {}, "organization"},
    {"program_id", FieldType::kUuid, false, {}, "program"},
    {"name", FieldType::kText, true},
    {"alternate_name", FieldType::kText, false},
    {"description", FieldType::kText, false},
    {"url", FieldType::kUri, false},
    {"email", FieldType::kEmail, false},
    {"status", FieldType::kText, true, kServiceStatusValues},
    {"interpretation_services", FieldType::kText, false},
    {"application_process", FieldType::kText, false},
    {"fees_description", FieldType::kText, false},
    {"wait_time", FieldType::kText, false},
    {"fees", FieldType::kText, false},
    {"accreditations", FieldType::kText, false},
    {"eligibility_description", FieldType::kText, false},
    {"minimum_age", FieldType::kInteger, false},
    {"maximum_age", FieldType::kInteger, false},
    {"assured_date", FieldType::kDate, false},
    {"assurer_email", FieldType::kEmail, false},
    {"licenses", FieldType::kText, false},
    {"alert", FieldType::kText, false},
    {"last_modified", FieldType::kDateTime, false},
};
constexpr FieldSpec kLocationFields[] = {
    {"id", FieldType::kUuid, true},
    {"location_type", FieldType::kText, true, kLocationLocationTypeValues},
    {"url", FieldType::kUri, false},
    {"organization_id", FieldType::kUuid, false},
    {"name", FieldType::kText, false},
    {"alternate_name", FieldType::kText, false},
    {"description", FieldType::kText, false},
    {"transportation", FieldType::kText, false},
    {"latitude", FieldType::kNumber, false},
    {"longitude", FieldType::kNumber, false},
    {"external_identifier", FieldType::kText, false},
    {"external_identifier_type", FieldType::kText, false},
};
constexpr FieldSpec kServiceAtLocationFields[] = {
    {"id", FieldType::kUuid, true},
    {"service_id", FieldType::kUuid, false, {}, "service"},
    {"location_id", FieldType::kUuid, false, {}, "location"},
    {"description", FieldType::kText, false},
};
constexpr FieldSpec kContactFields[] = {
    {"id", FieldType::kUuid, true},           {"organization_id", FieldType::kUuid, false},
    {"service_id", FieldType::kUuid, false},  {"service_at_location_id", FieldType::kUuid, false},
    {"location_id", FieldType::kUuid, false}, {"name", FieldType::kText, false},
    {"title", FieldType::kText, false},       {"department", FieldType::kText, false},
    {"email", FieldType::kEmail, false},
};
constexpr FieldSpec kPhoneFields[] = {
    {"id", FieldType::kUuid, true},
    {"location_id", FieldType::kUuid, false, {}, "location"},
    {"service_id", FieldType::kUuid, false, {}, "service"},
    {"organization_id", FieldType::kUuid, false, {}, "organization"},
    {"contact_id", FieldType::kUuid, false, {}, "contact"},
    {"service_at_location_id", FieldType::kUuid, false, {}, "service_at_location"},
    {"number", FieldType::kText, true},
    {"extension", FieldType::kInteger, false},
    {"type", FieldType::kText, false},
    {"description", FieldType::kText, false},
};
constexpr FieldSpec kAddressFields[] = {
    {"id", FieldType::kUuid, true},
    {"location_id", FieldType::kUuid, false, {}, "location"},
    {"attention", FieldType::kText, false},
    {"address_1", FieldType::kText, true},
    {"address_2", FieldType::kText, false},
    {"city", FieldType::kText, true},
    {"region", FieldType::kText, false},
    {"state_province", FieldType::kText, true},
    {"postal_code", FieldType::kText, true},
    {"country", FieldType::kText, true},
    {"address_type", FieldType::kText, true, kAddressAddressTypeValues},
};
constexpr FieldSpec kScheduleFields[] = {
    {"id", FieldType::kUuid, true},
    {"service_id", FieldType::kUuid, false, {}, "service"},
    {"location_id", FieldType::kUuid, false, {}, "location"},
    {"service_at_location_id", FieldType::kUuid, false, {}, "service_at_location"},
    {"valid_from", FieldType::kDate, false},
    {"valid_to", FieldType::kDate, false},
    {"dtstart", FieldType::kDate, false},
    {"timezone", FieldType::kNumber, false},
    {"until", FieldType::kDate, false},
    {"count", FieldType::kInteger, false},
    {"wkst", FieldType::kText, false, kScheduleWkstValues},
    {"freq", FieldType::kText, false, kScheduleFreqValues},
    {"interval", FieldType::kInteger, false},
    {"byday", FieldType::kText, false},
    {"byweekno", FieldType::kText, false},
    {"bymonthday", FieldType::kText, false},
    {"byyearday", FieldType::kText, false},
    {"description", FieldType::kText, false},
    {"opens_at", FieldType::kTime, false},
    {"closes_at", FieldType::kTime, false},
    {"schedule_link", FieldType::kUri, false},
    {"attending_type", FieldType::kText, false},
    {"notes", FieldType::kText, false},
};
constexpr FieldSpec kLanguageFields[] = {
    {"id", FieldType::kUuid, true},
    {"service_id", FieldType::kUuid, false, {}, "service"},
    {"location_id", FieldType::kUuid, false, {}, "location"},
    {"phone_id", FieldType::kUuid, false, {}, "phone"},
    {"name", FieldType::kText, false},
    {"code", FieldType::kText, false},
    {"note", FieldType::kText, false},
};
constexpr FieldSpec kAttributeFields[] = {
    {"id", FieldType::kUuid, true},
    {"link_id", FieldType::kUuid, false},
    {"taxonomy_term_id", FieldType::kUuid, false, {}, "taxonomy_term"},
    {"link_type", FieldType::kText, false},
    {"link_entity", FieldType::kText, false},
    {"value", FieldType::kText, false},
};
constexpr FieldSpec kFundingFields[] = {
    {"id", FieldType::kUuid, true},
    {"organization_id", FieldType::kUuid, false, {}, "organization"},
    {"service_id", FieldType::kUuid, false, {}, "service"},
    {"source", FieldType::kText, false},
};
constexpr FieldSpec kAccessibilityFields[] = {
    {"id", FieldType::kUuid, true},
    {"location_id", FieldType::kUuid, false, {}, "location"},
    {"description", FieldType::kText, false},
    {"details", FieldType::kText, false},
    {"url", FieldType::kUri, false},
};
constexpr FieldSpec kCostOptionFields[] = {
    {"id", FieldType::kUuid, true},          {"service_id", FieldType::kUuid, false, {}, "service"},
    {"valid_from", FieldType::kDate, false}, {"valid_to", FieldType::kDate, false},
    {"option", FieldType::kText, false},     {"currency", FieldType::kText, false},
    {"amount", FieldType::kNumber, false},   {"amount_description", FieldType::kText, false},
};
constexpr FieldSpec kRequiredDocumentFields[] = {
    {"id", FieldType::kUuid, true},
    {"service_id", FieldType::kUuid, false, {}, "service"},
    {"document", FieldType::kText, false},
    {"uri", FieldType::kUri, false},
};
constexpr FieldSpec kServiceAreaFields[] = {
    {"id", FieldType::kUuid, true},      {"service_id", FieldType::kUuid, false, {}, "service"},
    {"name", FieldType::kText, false},   {"description", FieldType::kText, false},
    {"extent", FieldType::kText, false}, {"extent_type", FieldType::kText, false},
    {"uri", FieldType::kText, false},
};
constexpr FieldSpec kMetadataFields[] = {
    {"id", FieldType::kUuid, true},
    {"resource_id", FieldType::kUuid, false},
    {"resource_type", FieldType::kText, false},
    {"last_action_date", FieldType::kDate, true},
    {"last_action_type", FieldType::kText, true},
    {"field_name", FieldType::kText, true},
    {"previous_value", FieldType::kText, true},
    {"replacement_value", FieldType::kText, true},
    {"updated_by", FieldType::kText, true},
};
constexpr FieldSpec kMetaTableDescriptionFields[] = {
    {"id", FieldType::kUuid, true},
    {"name", FieldType::kText, false},
    {"language", FieldType::kText, false},
    {"character_set", FieldType::kText, false},
};
constexpr FieldSpec kTranslationFields[] = {
    {"id", FieldType::kUuid, true},
    {"table_name", FieldType::kText, true},
    {"record_id", FieldType::kUuid, true},
    {"field_name", FieldType::kText, true, kTranslationFieldNameValues},
    {"language", FieldType::kText, true},
    {"text", FieldType::kText, true},
};

constexpr TableSpec kTables[] = {
    {Table::kTaxonomy, "taxonomy", "taxonomies.csv", kTaxonomyFields},
    {Table::kTaxonomyTerm, "taxonomy_term", "taxonomy_terms.csv", kTaxonomyTermFields},
    {Table::kOrganization, "organization", "organizations.csv", kOrganizationFields},
    {Table::kOrganizationIdentifier, "organization_identifier", "organization_identifiers.csv",
     kOrganizationIdentifierFields},
    {Table::kProgram, "program", "programs.csv", kProgramFields},
    {Table::kService, "service", "services.csv", kServiceFields},
    {Table::kLocation, "location", "locations.csv", kLocationFields},
    {Table::kServiceAtLocation, "service_at_location", "service_at_location.csv",
     kServiceAtLocationFields},
    {Table::kContact, "contact", "contacts.csv", kContactFields},
    {Table::kPhone, "phone", "phones.csv", kPhoneFields},
    {Table::kAddress, "address", "addresses.csv", kAddressFields},
    {Table::kSchedule, "schedule", "schedules.csv", kScheduleFields},
    {Table::kLanguage, "language", "languages.csv", kLanguageFields},
    {Table::kAttribute, "attribute", "attributes.csv", kAttributeFields},
    {Table::kFunding, "funding", "funding.csv", kFundingFields},
    {Table::kAccessibility, "accessibility", "accessibility.csv", kAccessibilityFields},
    {Table::kCostOption, "cost_option", "cost_options.csv", kCostOptionFields},
    {Table::kRequiredDocument, "required_document", "required_documents.csv",
     kRequiredDocumentFields},
    {Table::kServiceArea, "service_area", "service_areas.csv", kServiceAreaFields},
    {Table::kMetadata, "metadata", "metadata.csv", kMetadataFields},
    {Table::kMetaTableDescription, "meta_table_description", "meta_table_descriptions.csv",
     kMetaTableDescriptionFields},
    {Table::kTranslation, "translation", "translations.csv", kTranslationFields},
};

const std::optional<std::string> kNull;

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool ValidDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!IsDigits(s.substr(0, 4)) || !IsDigits(s.substr(5, 2)) || !IsDigits(s.substr(8, 2)))
    return false;
  int y = ToInt(s.substr(0, 4)), m = ToInt(s.substr(5, 2)), d = ToInt(s.substr(8, 2));
  if (m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= (m == 2 && !leap ? 28 : kDays[m - 1]);
}

// HH:MM or HH:MM:SS with optional fraction; returns the rest after the time, or nullopt.
std::optional<std::string_view> ParseClock(std::string_view s) {
  if (s.size() < 5 || s[2] != ':' || !IsDigits(s.substr(0, 2)) || !IsDigits(s.substr(3, 2))) {
    return std::nullopt;
  }
  if (ToInt(s.substr(0, 2)) > 23 || ToInt(s.substr(3, 2)) > 59) return std::nullopt;
  s.remove_prefix(5);
  if (!s.empty() && s[0] == ':') {
    if (s.size() < 3 || !IsDigits(s.substr(1, 2)) || ToInt(s.substr(1, 2)) > 60)
      return std::nullopt;
    s.remove_prefix(3);
    if (!s.empty() && s[0] == '.') {
      std::size_t n = 1;
      while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
      if (n == 1) return std::nullopt;
      s.remove_prefix(n);
    }
  }
  return s;
}

bool ValidOffset(std::string_view s, bool required) {
  if (s.empty()) return !required;
  if (s == "Z" || s == "z") return true;
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return false;
  return IsDigits(s.substr(1, 2)) && IsDigits(s.substr(4, 2)) && ToInt(s.substr(1, 2)) <= 14 &&
         ToInt(s.substr(4, 2)) <= 59;
}

}  // namespace

std::span<const TableSpec> AllTables() { return kTables; }

const TableSpec& Spec(Table table) { return kTables[static_cast<std::size_t>(table)]; }

std::optional<Table> TableByName(std::string_view name) {
  for (const TableSpec& spec : kTables) {
    if (spec.name == name) return spec.table;
  }
  return std::nullopt;
}

std::optional<std::size_t> FieldIndex(const TableSpec& spec, std::string_view field) {
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    if (spec.fields[i].name == field) return i;
  }
  return std::nullopt;
}

Record::Record(Table table) : table_(table), values_(Spec(table).fields.size()) {}

const std::string& Record::id() const {
  static const std::string kEmpty;
  return values_[0] ? *values_[0] : kEmpty;
}

const std::optional<std::string>& Record::Get(std::string_view field) const {
  auto index = FieldIndex(spec(), field);
  return index ? values_[*index] : kNull;
}

bool Record::Set(std::string_view field, std::optional<std::string> value) {
  auto index = FieldIndex(spec(), field);
  if (!index) return false;
  values_[*index] = std::move(value);
  return true;
}

Record& Record::With(std::string_view field, std::string value) {
  [[maybe_unused]] bool known = Set(field, std::move(value));
  assert(known);
  return *this;
}

std::optional<std::string> NormaliseValue(FieldType type, std::string_view value) {
  switch (type) {
    case FieldType::kText:
      return std::string(value);
    case FieldType::kUuid: {
      if (value.size() != 36) return std::nullopt;
      std::string out(value);
      for (std::size_t i = 0; i < out.size(); ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? out[i] != '-' : !IsHex(out[i])) return std::nullopt;
        out[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
      }
      return out;
    }
    case FieldType::kNumber:
    case FieldType::kInteger: {
      double number = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(number)) {
        return std::nullopt;
      }
      if (type == FieldType::kInteger &&
          (number != std::floor(number) || std::fabs(number) > 1e15)) {
        return std::nullopt;
      }
      std::array<char, 32> buffer{};
      auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
      return std::string(buffer.data(), written.ptr);
    }
    case FieldType::kDate:
      return ValidDate(value) ? std::optional<std::string>(value) : std::nullopt;
    case FieldType::kDateTime: {
      auto instant = ParseDateTime(value);
      if (!instant) return std::nullopt;
      return FormatUtc(*instant);
    }
    case FieldType::kTime: {
      auto rest = ParseClock(value);
      if (!rest || !ValidOffset(*rest, false)) return std::nullopt;
      return std::string(value);
    }
    case FieldType::kEmail: {
      auto at = value.find('@');
      if (at == 0 || at == std::string_view::npos || at + 1 >= value.size() ||
          value.find_first_of(" \t\r\n<>") != std::string_view::npos) {
        return std::nullopt;
      }
      return std::string(value);
    }
    case FieldType::kUri: {
      auto colon = value.find(':');
      if (colon == 0 || colon == std::string_view::npos ||
          value.find_first_of(" \t\r\n<>\"") != std::string_view::npos) {
        return std::nullopt;
      }
      for (std::size_t i = 0; i < colon; ++i) {
        char c = value[i];
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
          return std::nullopt;
        }
      }
      return std::string(value);
    }
  }
  return std::nullopt;
}

Result<Record> Validate(Record record) {
  const TableSpec& spec = record.spec();
  auto& values = record.mutable_values();
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    const FieldSpec& field = spec.fields[i];
    std::optional<std::string>& value = values[i];
    if (!value || value->empty()) {
      if (field.required) {
        return InvalidArgument(
            std::string(field.name),
            std::string(spec.name) + "." + std::string(field.name) + " is required");
      }
      value.reset();
      continue;
    }
    auto normal = NormaliseValue(field.type, *value);
    if (!normal) {
      return InvalidArgument(
          std::string(field.name),
          std::string(spec.name) + "." + std::string(field.name) + " has an invalid value");
    }
    if (!field.allowed.empty() &&
        std::find(field.allowed.begin(), field.allowed.end(), *normal) == field.allowed.end()) {
      std::string list;
      for (auto allowed : field.allowed) list += (list.empty() ? "" : ", ") + std::string(allowed);
      return InvalidArgument(
          std::string(field.name),
          std::string(spec.name) + "." + std::string(field.name) + " must be one of: " + list);
    }
    value = std::move(*normal);
  }
  return record;
}

}  // namespace knooppunt::domain
