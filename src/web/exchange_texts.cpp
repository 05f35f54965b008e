// The shared words of supply and demand (exchange_words.cpp): kinds, sides, statuses, codes,
// day parts and the reasons of proposals. Plain Dutch (B1), translated in po/.
#include "web/texts.h"

namespace knooppunt::web {
namespace {

// Keys start with XCH_ so that they never meet those of the other sections.
constexpr Text kExchangeTexts[] = {
    // Kinds of postings
    {"XCH_KIND_VOLUNTEER_WORK", "Vrijwilligerswerk", ""},
    {"XCH_KIND_BUDDY", "Maatje", ""},
    {"XCH_KIND_GOODS", "Spullen", ""},
    {"XCH_KIND_SPACE", "Ruimte", ""},
    {"XCH_KIND_EXPERTISE", "Kennis en training", ""},
    {"XCH_KIND_PRACTICAL_HELP", "Praktische hulp", ""},
    // Sides
    {"XCH_SIDE_REQUEST", "Vraag", ""},
    {"XCH_SIDE_OFFER", "Aanbod", ""},
    // Posting statuses
    {"XCH_STATUS_DRAFT", "Concept", ""},
    {"XCH_STATUS_AWAITING_MODERATION", "Wacht op controle door de helpdesk", ""},
    {"XCH_STATUS_OPEN", "Open", ""},
    {"XCH_STATUS_FILLED", "Vol", ""},
    {"XCH_STATUS_CLOSED", "Gesloten", ""},
    {"XCH_STATUS_EXPIRED", "Verlopen", ""},
    // Match statuses
    {"XCH_MATCH_PROPOSED", "Voorstel: nog niemand heeft geantwoord", ""},
    {"XCH_MATCH_PERSON_ACCEPTED", "De persoon zei ja; wacht op de oproep", ""},
    {"XCH_MATCH_POSTER_ACCEPTED", "De oproep zei ja; wacht op de persoon", ""},
    {"XCH_MATCH_ACTIVE", "Jullie zeiden allebei ja", ""},
    {"XCH_MATCH_COMPLETED", "Afgerond", ""},
    {"XCH_MATCH_DECLINED", "Afgewezen", ""},
    {"XCH_MATCH_EXPIRED", "Verlopen: niet op tijd beantwoord", ""},
    // Certificates
    {"XCH_CERT_VOG", "VOG (Verklaring Omtrent het Gedrag)", ""},
    {"XCH_CERT_FIRST_AID", "EHBO-diploma", ""},
    {"XCH_CERT_FOOD_HYGIENE", "Certificaat voedselveiligheid", ""},
    {"XCH_CERT_DRIVING_LICENCE", "Rijbewijs", ""},
    // Facilities of a room
    {"XCH_FACILITY_KITCHEN", "Keuken", ""},
    {"XCH_FACILITY_STEP_FREE", "Zonder drempels of trappen", ""},
    {"XCH_FACILITY_PROJECTOR", "Beamer", ""},
    {"XCH_FACILITY_PRAYER_SPACE", "Plek om te bidden", ""},
    {"XCH_FACILITY_CHILD_CORNER", "Kinderhoek", ""},
    {"XCH_FACILITY_PARKING", "Parkeren", ""},
    // Goods: pick up or deliver
    {"XCH_DELIVERY_PICKUP", "Ophalen", ""},
    {"XCH_DELIVERY_DELIVERY", "Bezorgen", ""},
    {"XCH_DELIVERY_EITHER", "Ophalen of bezorgen", ""},
    // Genders (only when someone chooses to say)
    {"XCH_GENDER_WOMAN", "Vrouw", ""},
    {"XCH_GENDER_MAN", "Man", ""},
    {"XCH_GENDER_NON_BINARY", "Non-binair", ""},
    // Weekly day parts; {1} is a weekday ("zaterdag")
    {"XCH_SLOT_MORNING", "{1}ochtend", ""},
    {"XCH_SLOT_AFTERNOON", "{1}middag", ""},
    {"XCH_SLOT_EVENING", "{1}avond", ""},
    // Why a pair is proposed
    {"XCH_REASON_LANGUAGE", "Jullie spreken allebei {1}", ""},
    {"XCH_REASON_DISTANCE", "{1} km verderop", ""},
    {"XCH_REASON_SAME_PLACE", "Op dezelfde plek", ""},
    {"XCH_REASON_SLOT", "Allebei vrij op {1}", ""},
    {"XCH_REASON_SKILL", "Kan wat gevraagd wordt: {1}", ""},
    {"XCH_REASON_INTEREST", "Interesse in {1}", ""},
    {"XCH_REASON_PREFERENCE_PERSON", "Past bij de wens van de persoon", ""},
    {"XCH_REASON_PREFERENCE_POSTING", "Past bij de wens van de oproep", ""},
    {"XCH_REASON_CERTIFICATE", "Heeft een geldig(e) {1}", ""},
    {"XCH_REASON_WAITING", "Wacht al een week", "Wacht al {1} weken"},
};

}  // namespace

std::span<const Text> ExchangeTexts() { return kExchangeTexts; }

}  // namespace knooppunt::web
