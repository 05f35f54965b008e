#include "domain/taxonomy.h"

#include "domain/uuid.h"

namespace knooppunt::domain {
namespace {

constexpr std::string_view kUiLanguages[] = {"nl", "en", "ar", "uk", "tr", "ti", "fa", "so", "pl"};

struct TaxonomyDefinition {
  std::string_view key;  // "needs"
  std::string_view name;
  std::string_view description;
  std::span<const TermDefinition> terms;
};

constexpr std::string_view kLastVerifiedSlug = "last-verified";

}  // namespace

std::span<const std::string_view> UiLanguages() { return kUiLanguages; }

std::string NeedsTaxonomyId() { return NameUuid("knooppunt:taxonomy:needs"); }
std::string OrganizationKindTaxonomyId() {
  return NameUuid("knooppunt:taxonomy:organization-kind");
}
std::string CommunityTaxonomyId() { return NameUuid("knooppunt:taxonomy:community"); }
std::string KnooppuntFieldsTaxonomyId() { return NameUuid("knooppunt:taxonomy:fields"); }

std::string TermId(std::string_view taxonomy, std::string_view slug) {
  return NameUuid("knooppunt:term:" + std::string(taxonomy) + ":" + std::string(slug));
}

std::string LastVerifiedTermId() { return TermId("fields", kLastVerifiedSlug); }

Record TermAttribute(std::string_view entity, std::string_view entity_id, std::string_view term_id,
                     std::string_view value) {
  Record attribute(Table::kAttribute);
  attribute
      .With("id",
            NameUuid("knooppunt:attribute:" + std::string(entity_id) + ":" + std::string(term_id)))
      .With("link_id", std::string(entity_id))
      .With("taxonomy_term_id", std::string(term_id))
      .With("link_type", "knooppunt")
      .With("link_entity", std::string(entity));
  if (!value.empty()) attribute.With("value", std::string(value));
  return attribute;
}

std::vector<Record> ReferenceRecords() {
  static constexpr Label kLastVerifiedLabels[] = {{"nl", "Laatst gecontroleerd"},
                                                  {"en", "Last verified"}};
  static constexpr TermDefinition kFieldTerms[] = {{kLastVerifiedSlug, "", kLastVerifiedLabels}};
  const TaxonomyDefinition taxonomies[] = {
      {"needs", "Knooppunt hulpvragen",
       "Waar mensen hulp bij zoeken: de thema's van de sociale kaart.", NeedTerms()},
      {"organization-kind", "Knooppunt soort organisatie",
       "Wat voor organisatie het is: migrantenkerk, moskee, voedselbank, ...",
       OrganizationKindTerms()},
      {"community", "Knooppunt gemeenschappen", "Voor welke gemeenschappen een organisatie werkt.",
       CommunityTerms()},
      {"fields", "Knooppunt velden", "Eigen velden van Knooppunt, als HSDS-attribuut.",
       kFieldTerms},
  };
  std::vector<Record> records;
  for (const TaxonomyDefinition& taxonomy : taxonomies) {
    std::string taxonomy_id = NameUuid("knooppunt:taxonomy:" + std::string(taxonomy.key));
    records.push_back(Record(Table::kTaxonomy)
                          .With("id", taxonomy_id)
                          .With("name", std::string(taxonomy.name))
                          .With("description", std::string(taxonomy.description))
                          .With("version", "1"));
    for (const TermDefinition& term : taxonomy.terms) {
      std::string term_id = TermId(taxonomy.key, term.slug);
      Record record(Table::kTaxonomyTerm);
      record.With("id", term_id)
          .With("code", std::string(term.slug))
          .With("name", std::string(term.labels[0].text))
          .With("description", std::string(term.labels[0].text))
          .With("taxonomy", std::string(taxonomy.name))
          .With("taxonomy_id", taxonomy_id)
          .With("language", "nl");
      if (!term.parent_slug.empty())
        record.With("parent_id", TermId(taxonomy.key, term.parent_slug));
      records.push_back(std::move(record));
      for (const Label& label : term.labels.subspan(1)) {
        records.push_back(Record(Table::kTranslation)
                              .With("id", NameUuid("knooppunt:translation:" + term_id + ":" +
                                                   std::string(label.language)))
                              .With("table_name", "taxonomy_term")
                              .With("record_id", term_id)
                              .With("field_name", "name")
                              .With("language", std::string(label.language))
                              .With("text", std::string(label.text)));
      }
    }
  }
  return records;
}

}  // namespace knooppunt::domain
