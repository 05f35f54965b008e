#include "accounts/edits.h"

#include <string>
#include <vector>

#include "accounts/audit.h"
#include "domain/time.h"
#include "domain/uuid.h"
#include "store/store.h"

namespace knooppunt::accounts {
namespace {

// HSDS metadata requires both values; a field without one is written as this word.
constexpr char kNoValue[] = "null";

std::string_view ActionOf(const Edit& edit) {
  if (!edit.before) return "create";
  if (!edit.after) return "delete";
  return "update";
}

}  // namespace

Status ApplyEdits(store::Store& store, std::span<const Edit> edits, const domain::Actor& actor) {
  std::string today = domain::FormatUtc(domain::Now()).substr(0, 10);
  std::string by = actor.api_key_id.empty() ? "account" : "api-key";
  std::vector<domain::Record> upserts;
  std::vector<store::RecordKey> deletes;
  std::vector<domain::Record> metadata;
  for (const Edit& given : edits) {
    // Normalised as the store will keep it, so the metadata says what was really written.
    Edit edit = given;
    if (edit.after) {
      auto valid = domain::Validate(std::move(*edit.after));
      if (!valid) return valid.error();
      edit.after = std::move(*valid);
    }
    const domain::Record& record = edit.after ? *edit.after : *edit.before;
    const domain::TableSpec& spec = domain::Spec(record.table());
    if (edit.after) {
      upserts.push_back(*edit.after);
    } else {
      deletes.push_back({record.table(), record.id()});
    }
    for (const domain::FieldSpec& field : spec.fields) {
      std::string name(field.name);
      if (name == "id") continue;
      std::optional<std::string> old_value = edit.before ? edit.before->Get(name) : std::nullopt;
      std::optional<std::string> new_value = edit.after ? edit.after->Get(name) : std::nullopt;
      if (old_value == new_value) continue;
      metadata.push_back(domain::Record(domain::Table::kMetadata)
                             .With("id", domain::RandomUuid())
                             .With("resource_id", record.id())
                             .With("resource_type", std::string(spec.name))
                             .With("last_action_date", today)
                             .With("last_action_type", std::string(ActionOf(edit)))
                             .With("field_name", name)
                             .With("previous_value", old_value.value_or(kNoValue))
                             .With("replacement_value", new_value.value_or(kNoValue))
                             .With("updated_by", by));
    }
  }
  upserts.insert(upserts.end(), metadata.begin(), metadata.end());
  if (Status written = store.Write(upserts, deletes); !written) return written;
  for (const Edit& edit : edits) {
    const domain::Record& record = edit.after ? *edit.after : *edit.before;
    const domain::TableSpec& spec = domain::Spec(record.table());
    // The write happened: an audit failure must not turn it into an error for the caller.
    (void)Audit(store.accounts(), actor.audit_id(),
                std::string(spec.name) + "." + std::string(ActionOf(edit)), spec.name, record.id());
  }
  return {};
}

}  // namespace knooppunt::accounts
