#include "web/texts.h"

#include <cstdlib>
#include <iostream>

namespace knooppunt::web {
namespace {

// Plain Dutch (B1): short sentences, "je", no jargon. Keep keys stable: translations follow msgids.
constexpr Text kTexts[] = {
    // Every page
    {"SKIP", "Naar de inhoud", ""},
    {"TAGLINE", "Hulp vinden bij jou in de buurt", ""},
    {"LANGUAGE", "Taal", ""},
    {"FOOTER_ABOUT", "Over Knooppunt", ""},
    {"FOOTER_PRIVACY", "Privacy", ""},
    {"FOOTER_ACCESSIBILITY", "Toegankelijkheid", ""},
    {"FOOTER_DATA", "Open data", ""},
    {"ONLY_DUTCH", "Deze tekst is er alleen in het Nederlands.", ""},
    // Home
    {"HOME_TITLE", "Waar zoek je hulp bij?", ""},
    {"SEARCH_LABEL", "Zoek hulp", ""},
    {"SEARCH_HINT", "Bijvoorbeeld: voedselbank, taalles, schulden", ""},
    {"PLACE_LABEL", "Plaats (niet verplicht)", ""},
    {"SEARCH_BUTTON", "Zoeken", ""},
    {"TILES_TITLE", "Of kies een onderwerp", ""},
    // Results
    {"RESULTS_FOR", "Resultaten voor „{1}”", ""},
    {"RESULTS_ALL", "Alle hulp", ""},
    {"RESULT_COUNT", "{1} resultaat", "{1} resultaten"},
    {"NO_RESULTS", "We hebben niets gevonden. Probeer andere woorden of minder filters.", ""},
    {"DID_YOU_MEAN", "Bedoel je: {1}?", ""},
    {"FILTERS", "Filters", ""},
    {"FILTER_TOPIC", "Onderwerp", ""},
    {"FILTER_LANGUAGE", "Taal die ze spreken", ""},
    {"FILTER_CITY", "Plaats", ""},
    {"FILTER_KIND", "Soort organisatie", ""},
    {"FILTER_OPEN", "Nu open", ""},
    {"FILTER_APPLY", "Filters toepassen", ""},
    {"FILTER_CLEAR", "Alle filters wissen", ""},
    {"OPEN_NOW", "Nu open", ""},
    {"DISTANCE", "{1} km", ""},
    {"LANGUAGES", "Talen", ""},
    {"ORGANIZATION", "Organisatie", ""},
    {"MAP", "Kaart", ""},
    {"MAP_LABEL", "Kaart met de plekken van de resultaten", ""},
    {"PREVIOUS", "Vorige", ""},
    {"NEXT", "Volgende", ""},
    {"PAGE_OF", "Pagina {1} van {2}", ""},
    {"ANY", "Alles", ""},
    // Service
    {"WHAT", "Wat is het?", ""},
    {"FOR_WHOM", "Voor wie?", ""},
    {"HOW_TO_APPLY", "Hoe meld je je aan?", ""},
    {"COSTS", "Kosten", ""},
    {"HOURS", "Openingstijden", ""},
    {"HOURS_UNKNOWN", "Openingstijden zijn niet bekend. Bel of mail eerst.", ""},
    {"HOURS_LINE", "{1}: {2} tot {3}", ""},
    {"ADDRESS", "Adres", ""},
    {"ROUTE", "Route plannen", ""},
    {"CONTACT", "Contact", ""},
    {"PHONE", "Telefoon", ""},
    {"EMAIL", "E-mail", ""},
    {"WEBSITE", "Website", ""},
    {"AGES", "Leeftijd: {1} tot {2} jaar", ""},
    {"AGE_FROM", "Vanaf {1} jaar", ""},
    {"AGE_TO", "Tot {1} jaar", ""},
    {"VERIFIED", "Laatst gecontroleerd: {1}", ""},
    {"NOT_VERIFIED", "Nog niet gecontroleerd", ""},
    {"MONDAY", "maandag", ""},
    {"TUESDAY", "dinsdag", ""},
    {"WEDNESDAY", "woensdag", ""},
    {"THURSDAY", "donderdag", ""},
    {"FRIDAY", "vrijdag", ""},
    {"SATURDAY", "zaterdag", ""},
    {"SUNDAY", "zondag", ""},
    // Report a mistake
    {"REPORT_TITLE", "Klopt er iets niet?", ""},
    {"REPORT_INTRO", "Laat het ons weten. De organisatie en de helpdesk lezen je bericht.", ""},
    {"REPORT_MESSAGE", "Wat klopt er niet?", ""},
    {"REPORT_EMAIL", "Je e-mailadres (niet verplicht)", ""},
    {"REPORT_EMAIL_HINT", "Alleen als we je iets mogen vragen over je bericht.", ""},
    {"REPORT_SEND", "Bericht versturen", ""},
    {"REPORT_THANKS", "Bedankt! We kijken naar je bericht.", ""},
    {"ERROR_MESSAGE_EMPTY", "Schrijf wat er niet klopt.", ""},
    {"ERROR_MESSAGE_LONG", "Je bericht is te lang. Gebruik hoogstens {1} tekens.", ""},
    {"ERROR_EMAIL", "Dit e-mailadres klopt niet. Kijk het na of laat het leeg.", ""},
    {"ERROR_EXPIRED", "Je formulier was verlopen. Kijk je bericht na en stuur het nog een keer.",
     ""},
    {"ERROR_TOO_MANY", "Je hebt veel berichten gestuurd. Probeer het over {1} minuten opnieuw.",
     ""},
    {"ERRORS_TITLE", "Er ging iets mis met het formulier", ""},
    // Organisation
    {"SERVICES_OF", "Hulp van deze organisatie", ""},
    {"COMMUNITIES", "Voor wie", ""},
    // Topic
    {"TOPIC_SEARCH", "Alle hulp bij dit onderwerp", ""},
    // Errors
    {"NOT_FOUND_TITLE", "Deze pagina bestaat niet", ""},
    {"NOT_FOUND_TEXT",
     "Misschien is de link oud of is er een typefout. Zoek opnieuw of ga naar de startpagina.", ""},
    {"HOME_LINK", "Naar de startpagina", ""},
    {"BAD_REQUEST_TITLE", "Dit begrijpen we niet", ""},
    {"BAD_FILTER", "Een filter in het adres klopt niet: {1}. Begin opnieuw met zoeken.", ""},
    {"ERROR_TITLE", "Er ging iets mis", ""},
    {"ERROR_TEXT", "Dit is onze fout. Probeer het later nog een keer.", ""},
    // Information pages
    {"ABOUT_TITLE", "Over Knooppunt", ""},
    {"ABOUT_1",
     "Knooppunt is de sociale kaart van migrantenorganisaties en iedereen die met hen werkt: "
     "kerken, moskeeën, verenigingen, voedselbanken, bibliotheken en teams van de gemeente.",
     ""},
    {"ABOUT_2",
     "Je vindt hier wie helpt, waarmee, waar en in welke taal. De organisaties houden hun gegevens "
     "zelf bij. De helpdesk controleert ze.",
     ""},
    {"ABOUT_3", "Knooppunt is gratis en je hoeft geen account te maken om te zoeken.", ""},
    {"PRIVACY_TITLE", "Privacy", ""},
    {"PRIVACY_1",
     "Om te zoeken hoef je niets over jezelf te vertellen. We bewaren niet wat je zoekt.", ""},
    {"PRIVACY_2",
     "We gebruiken twee kleine cookies: één onthoudt je taal, één beschermt formulieren tegen "
     "misbruik. We gebruiken geen cookies om je te volgen.",
     ""},
    {"PRIVACY_3",
     "Stuur je een bericht over een fout, dan bewaren we je bericht en, als je het invult, je "
     "e-mailadres. We verwijderen ze als de fout is opgelost, en uiterlijk na een jaar.",
     ""},
    {"ACCESSIBILITY_TITLE", "Toegankelijkheid", ""},
    {"ACCESSIBILITY_1",
     "We willen dat iedereen Knooppunt kan gebruiken: op een kleine telefoon, met een toetsenbord, "
     "met een schermlezer en in je eigen taal.",
     ""},
    {"ACCESSIBILITY_2", "We bouwen volgens WCAG 2.1 niveau AA en testen elke pagina automatisch.",
     ""},
    {"ACCESSIBILITY_3",
     "De kaart is een extra: alle informatie staat ook in de lijst. Werkt iets niet goed voor jou? "
     "Gebruik het formulier op de pagina van een dienst of mail de helpdesk.",
     ""},
};

}  // namespace

std::span<const Text> Texts() { return kTexts; }

std::string_view Msgid(std::string_view key) {
  for (const Text& text : kTexts) {
    if (text.key == key) return text.msgid;
  }
  std::cerr << "knooppunt: unknown text key " << key << "\n";
  std::abort();
}

}  // namespace knooppunt::web
