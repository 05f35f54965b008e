// The shared words of supply and demand: codes become translated words, and the engine's
// reasons become short sentences (also from the JSON stored with a match).
#include "web/exchange_words.h"

#include <gtest/gtest.h>

#include "domain/taxonomy.h"
#include "exchange/convert.h"
#include "web/i18n.h"
#include "web/texts.h"

namespace knooppunt::web {
namespace {

TEST(ExchangeWords, CodesBecomeWordsAndUnknownCodesStayAsTheyAre) {
  const Language& nl = Dutch();
  EXPECT_EQ(PostingKindText(nl, "buddy"), "Maatje");
  EXPECT_EQ(PostingSideText(nl, "offer"), "Aanbod");
  EXPECT_EQ(PostingStatusText(nl, "awaiting_moderation"), "Wacht op controle door de helpdesk");
  EXPECT_EQ(MatchStatusText(nl, "active"), "Jullie zeiden allebei ja");
  EXPECT_EQ(CertificateText(nl, "first_aid"), "EHBO-diploma");
  EXPECT_EQ(FacilityText(nl, "prayer_space"), "Plek om te bidden");
  EXPECT_EQ(DeliveryText(nl, "pickup"), "Ophalen");
  EXPECT_EQ(GenderText(nl, "non_binary"), "Non-binair");
  EXPECT_EQ(PostingKindText(nl, "spaceship"), "spaceship");
  EXPECT_EQ(CertificateText(nl, "<b>"), "<b>");
}

TEST(ExchangeWords, EveryCodeOnTheFormsHasItsOwnWord) {
  const Language& nl = Dutch();
  for (std::string_view code : PostingKindCodes()) EXPECT_NE(PostingKindText(nl, code), code);
  for (std::string_view code : CertificateCodes()) EXPECT_NE(CertificateText(nl, code), code);
  for (std::string_view code : FacilityCodes()) EXPECT_NE(FacilityText(nl, code), code);
  for (std::string_view code : DeliveryCodes()) EXPECT_NE(DeliveryText(nl, code), code);
  for (std::string_view code : GenderCodes()) EXPECT_NE(GenderText(nl, code), code);
  // The codes of the forms are the codes the exchange layer accepts.
  for (std::string_view code : CertificateCodes()) {
    EXPECT_TRUE(exchange::ParseCertificate(code)) << code;
  }
  for (std::string_view code : FacilityCodes()) EXPECT_TRUE(exchange::ParseFacility(code)) << code;
  for (std::string_view code : GenderCodes()) EXPECT_TRUE(exchange::ParseGender(code)) << code;
  for (std::string_view code : PostingKindCodes()) {
    EXPECT_TRUE(exchange::ParseMatchKind(code)) << code;
  }
}

TEST(ExchangeWords, SpokenLanguagesAndSlots) {
  const Language& nl = Dutch();
  EXPECT_EQ(SpokenLanguageText(nl, "ti"), "Tigrinya");
  EXPECT_EQ(SpokenLanguageText(nl, "prs"), "دری");  // not a common one: its own name
  EXPECT_EQ(SlotText(nl, {.weekday = 5, .part = match::DayPart::kMorning}), "zaterdagochtend");
  EXPECT_EQ(SlotText(nl, {.weekday = 0, .part = match::DayPart::kEvening}), "maandagavond");
  match::WeeklySlots slots;
  slots.Add(6, match::DayPart::kAfternoon).Add(1, match::DayPart::kMorning);
  EXPECT_EQ(SlotTexts(nl, slots.bits()),
            (std::vector<std::string>{"dinsdagochtend", "zondagmiddag"}));
  EXPECT_TRUE(SlotTexts(nl, 0).empty());
}

TEST(ExchangeWords, ReasonsBecomeSentencesInTheVisitorsLanguage) {
  const Language& nl = Dutch();
  std::string food = domain::TermId("needs", "voedsel");
  std::vector<match::Reason> reasons = {
      match::ValueReason(match::ReasonCode::kSpeaksLanguage, "ti"),
      match::NumberReason(match::ReasonCode::kDistance, 2.14),
      match::SlotReason({.weekday = 5, .part = match::DayPart::kMorning}),
      match::ValueReason(match::ReasonCode::kHasSkill, "koken"),
      match::ValueReason(match::ReasonCode::kSharedInterest, food),
      match::ValueReason(match::ReasonCode::kPreferenceMet, "person"),
      match::ValueReason(match::ReasonCode::kValidCertificate, "vog"),
      match::NumberReason(match::ReasonCode::kWaiting, 3),
      match::NumberReason(match::ReasonCode::kWaiting, 1)};
  std::vector<std::string> texts = ReasonTexts(nl, reasons);
  ASSERT_EQ(texts.size(), reasons.size());
  EXPECT_EQ(texts[0], "Jullie spreken allebei Tigrinya");
  EXPECT_EQ(texts[1], "2,1 km verderop");
  EXPECT_EQ(texts[2], "Allebei vrij op zaterdagochtend");
  EXPECT_EQ(texts[3], "Kan wat gevraagd wordt: koken");
  EXPECT_NE(texts[4].find("Interesse in "), std::string::npos);
  EXPECT_EQ(texts[4].find(food), std::string::npos);  // the term's name, not its id
  EXPECT_EQ(texts[5], "Past bij de wens van de persoon");
  EXPECT_EQ(texts[6], "Heeft een geldig(e) VOG (Verklaring Omtrent het Gedrag)");
  EXPECT_EQ(texts[7], "Wacht al 3 weken");
  EXPECT_EQ(texts[8], "Wacht al een week");
  EXPECT_EQ(ReasonText(nl, match::NumberReason(match::ReasonCode::kDistance, 0.2)),
            "Op dezelfde plek");
  EXPECT_EQ(ReasonText(nl, match::NumberReason(match::ReasonCode::kDistance, 3.0)),
            "3 km verderop");
  EXPECT_EQ(ReasonText(nl, match::NumberReason(match::ReasonCode::kDistance, 12.4)),
            "12 km verderop");
  // The same from the JSON kept with a match.
  EXPECT_EQ(ReasonTexts(nl, exchange::ReasonsJson(reasons)), texts);
  EXPECT_TRUE(ReasonTexts(nl, std::string_view("garbage")).empty());
}

TEST(ExchangeWords, OtherLanguagesGetTheirCatalogsWords) {
  const Language* en = FindLanguage("en");
  ASSERT_NE(en, nullptr);
  // Only where the English catalog has the text; otherwise the Dutch one stands.
  std::string english = en->Translate(Msgid("XCH_KIND_BUDDY"));
  EXPECT_EQ(PostingKindText(*en, "buddy"), english);
  EXPECT_EQ(SpokenLanguageText(*en, "en"), en->Translate(Msgid("LST_LANGUAGE_EN")));
  EXPECT_NE(SpokenLanguageText(*en, "en"), "Engels");
}

}  // namespace
}  // namespace knooppunt::web
