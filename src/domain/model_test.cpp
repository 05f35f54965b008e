#include "domain/model.h"

#include <gtest/gtest.h>

namespace knooppunt::domain {
namespace {

Record MinimalService() {
  return Record(Table::kService)
      .With("id", "AC148810-D857-441C-9679-408F346DE14B")
      .With("name", "Voedselbank")
      .With("status", "active");
}

TEST(Model, EveryTableStartsWithItsId) {
  for (const TableSpec& spec : AllTables()) {
    ASSERT_FALSE(spec.fields.empty()) << spec.name;
    EXPECT_EQ(spec.fields[0].name, "id") << spec.name;
    EXPECT_EQ(Spec(spec.table).name, spec.name);
    EXPECT_EQ(TableByName(spec.name), spec.table);
  }
}

TEST(Model, ReferencesPointAtEarlierTables) {
  for (const TableSpec& spec : AllTables()) {
    for (const FieldSpec& field : spec.fields) {
      if (field.references.empty()) continue;
      auto target = TableByName(field.references);
      ASSERT_TRUE(target.has_value()) << spec.name << "." << field.name;
      // Contacts reference phones' owners and vice versa, so the order is not strict there.
      if (spec.table != Table::kPhone) {
        EXPECT_LT(*target, spec.table) << spec.name << "." << field.name;
      }
    }
  }
}

TEST(Model, ValidateNormalisesUuidsToLowerCase) {
  auto record = Validate(MinimalService());
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(record->id(), "ac148810-d857-441c-9679-408f346de14b");
}

TEST(Model, ValidateNamesAMissingRequiredField) {
  Record record = MinimalService();
  record.Set("name", std::nullopt);
  auto result = Validate(record);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "name");
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
}

TEST(Model, ValidateRejectsValuesOutsideAnEnumeration) {
  auto result = Validate(MinimalService().With("status", "open"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "status");
  EXPECT_NE(result.error().message.find("temporarily closed"), std::string::npos);
}

TEST(Model, ValidateRejectsMalformedValues) {
  EXPECT_FALSE(Validate(MinimalService().With("minimum_age", "twelve")).ok());
  EXPECT_FALSE(Validate(MinimalService().With("minimum_age", "12.5")).ok());
  EXPECT_FALSE(Validate(MinimalService().With("assured_date", "2026-02-30")).ok());
  EXPECT_FALSE(Validate(MinimalService().With("last_modified", "2026-01-01T10:00:00")).ok());
  EXPECT_FALSE(Validate(MinimalService().With("email", "not-an-address")).ok());
  EXPECT_FALSE(Validate(MinimalService().With("url", "no scheme here")).ok());
  EXPECT_FALSE(Validate(MinimalService().With("organization_id", "123")).ok());
}

TEST(Model, ValidateNormalisesNumbersAndDateTimes) {
  auto result = Validate(MinimalService()
                             .With("minimum_age", "12.0")
                             .With("last_modified", "2026-03-15T11:30:45.123+01:00"));
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->Get("minimum_age"), "12");
  EXPECT_EQ(result->Get("last_modified"), "2026-03-15T10:30:45.123Z");
}

TEST(Model, EmptyOptionalTextBecomesNull) {
  auto result = Validate(MinimalService().With("alternate_name", ""));
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(result->Get("alternate_name").has_value());
}

TEST(Model, SetRefusesUnknownFields) {
  Record record(Table::kService);
  EXPECT_FALSE(record.Set("colour", "blue"));
  EXPECT_FALSE(record.Get("colour").has_value());
}

TEST(Model, TimesAcceptClockWithOptionalZone) {
  EXPECT_TRUE(NormaliseValue(FieldType::kTime, "09:00"));
  EXPECT_TRUE(NormaliseValue(FieldType::kTime, "10:00:00"));
  EXPECT_TRUE(NormaliseValue(FieldType::kTime, "09:00+01:00"));
  EXPECT_FALSE(NormaliseValue(FieldType::kTime, "25:00"));
  EXPECT_FALSE(NormaliseValue(FieldType::kTime, "9 uur"));
}

}  // namespace
}  // namespace knooppunt::domain
