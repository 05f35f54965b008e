// Knooppunt's reference taxonomies: the needs people come with (DESIGN.md "Social map"), the
// kinds of organisation, and the communities an organisation serves; with labels in every UI
// language. They are ordinary HSDS taxonomies and terms: Knooppunt's own fields (organisation
// kind, communities served, last-verified date) are HSDS attributes linking a record to these
// terms, so they travel through the API, export and import unchanged.
// Thread-safety: immutable data.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.h"

namespace knooppunt::domain {

// The user-interface languages (ISO 639-1), Dutch first: Dutch is the source language.
std::span<const std::string_view> UiLanguages();

struct Label {
  std::string_view language;  // ISO 639-1
  std::string_view text;
};

struct TermDefinition {
  std::string_view slug;          // stable, URL-safe: "voedsel", "migrant-church"
  std::string_view parent_slug;   // empty for a top-level term
  std::span<const Label> labels;  // labels[0] is Dutch
};

// Fixed taxonomy ids (NameUuid of "knooppunt:taxonomy:<name>").
std::string NeedsTaxonomyId();
std::string OrganizationKindTaxonomyId();
std::string CommunityTaxonomyId();
std::string KnooppuntFieldsTaxonomyId();  // holds the term "last-verified"

// The terms of each taxonomy.
std::span<const TermDefinition> NeedTerms();
std::span<const TermDefinition> OrganizationKindTerms();
std::span<const TermDefinition> CommunityTerms();

// The id of a term: NameUuid("knooppunt:term:<taxonomy>:<slug>"). `taxonomy` is one of
// "needs", "organization-kind", "community", "fields".
std::string TermId(std::string_view taxonomy, std::string_view slug);
std::string LastVerifiedTermId();

// Every taxonomy, taxonomy_term and translation record of the reference taxonomies, ready to be
// upserted; the same ids every time.
std::vector<Record> ReferenceRecords();

// An attribute record linking `entity` (HSDS link_entity: "organization", "service", ...) with
// id `entity_id` to a term; `value` is optional (used for the last-verified date).
Record TermAttribute(std::string_view entity, std::string_view entity_id, std::string_view term_id,
                     std::string_view value = {});

}  // namespace knooppunt::domain
